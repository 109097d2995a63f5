/**
 * A document's title where it is listed or stands alone, away from its head (an issue's contents and bookmarks, the
 * annual index, the feed, a per-document page's title): every order of an issuer has the same title
 * (中华人民共和国国务院令), so an order is named by its number.
 */
export function listedTitle(meta: { title: string; number?: string; numberKind?: string }): string {
  if (meta.numberKind !== 'order' || !meta.number) return meta.title;
  return meta.number.startsWith(meta.title) ? meta.number : `${meta.title}（${meta.number}）`;
}
