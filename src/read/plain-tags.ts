/**
 * HTML tags whose text prints while the tag itself is dropped (a <sup> outside a table, a <span>), and the remedy a
 * hint names for each: the character for a super- or subscript, the Markdown for bold, italic or a link.
 */

/** Elements with no content (`<img>`, `<hr>`): when dropped, nothing of them prints. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export function isVoidElement(tag: string): boolean {
  return VOID_ELEMENTS.has(tag);
}

const REMEDIES: Readonly<Record<string, Record<string, string>>> = {
  sup: { character: 'm²' },
  sub: { character: 'H₂O' },
  b: { markdown: '**…**' },
  strong: { markdown: '**…**' },
  i: { markdown: '*…*' },
  em: { markdown: '*…*' },
  a: { markdown: '[…](https://…)' },
};

/** The diagnostic's args for a tag that prints as plain text: the tag, and what to write instead when there is one. */
export function plainTagArgs(tag: string): Record<string, string> {
  return { tag, ...REMEDIES[tag] };
}
