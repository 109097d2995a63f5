import { splitOrder } from './number.js';

/**
 * A document's title where it is listed or stands alone, away from its head (an issue's contents and bookmarks, the
 * annual index, the feed, a per-document page's title): every order of an issuer has the same title
 * (中华人民共和国国务院令), so an order is named by its number.
 */
export function listedTitle(meta: { title: string; number?: string; numberKind?: string }): string {
  if (meta.numberKind !== 'order' || !meta.number) return meta.title;
  return meta.number.startsWith(meta.title) ? meta.number : `${meta.title}（${meta.number}）`;
}

/**
 * The number as a document's head prints it: a 令号 under a title that is the 令's 发文机关标志 (某省人民政府令) is
 * 第N号 (GB/T 9704 §10.2), the body being named just above; under any other title, and a 发文字号, it is whole.
 */
export function headNumber(meta: { title: string; number?: string; numberKind?: string }): string | undefined {
  const parts = meta.numberKind === 'order' && meta.number && meta.title.endsWith('令') ? splitOrder(meta.number) : undefined;
  return parts?.hasDi ? `${parts.year ? `${parts.year}年` : ''}第${parts.sequence}${parts.suffix}` : meta.number;
}
