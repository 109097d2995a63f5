/** Chinese text helpers: dates in words and unbreakable runs (T22, H5). */
import type { Element, ElementContent, Root, Text } from 'hast';

/**
 * Runs that must not break across lines: 发文字号 (with up to four characters of 机关代字), full and
 * partial dates, year ranges, numbers with their unit, and the two-em marks ——/…….
 */
const UNBREAKABLE = new RegExp(
  [
    String.raw`[\p{Script=Han}A-Za-z]{0,4}[〔\[]\d{4}[〕\]]\d+号`,
    String.raw`\d{4}[—–-]\d{4}年?`,
    String.raw`\d{4}年\d{1,2}月(?:\d{1,2}日)?`,
    String.raw`\d{1,2}月\d{1,2}日`,
    String.raw`\d{4}年`,
    String.raw`\d+(?:\.\d+)?(?:[～~—–-]\d+(?:\.\d+)?)?(?:%|％|‰|平方米|平方公里|万元|亿元|元|万人|人次|公里|千米|米|个|家|项|名|人|次|天|小时|分钟|岁|[a-zA-Z]+)`,
    '—{2,}',
    '…{2,}',
  ].join('|'),
  'gu',
);

const NOBR_SKIP = new Set(['code', 'pre', 'script', 'style']);

/** Splits a string into text and `<span class="nobr">` pieces. */
export function nobrPieces(value: string): ElementContent[] {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(UNBREAKABLE)) {
    const start = match.index;
    if (start > last) pieces.push({ type: 'text', value: value.slice(last, start) });
    pieces.push(nobrSpan(match[0]));
    last = start + match[0].length;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}

export function nobrSpan(value: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['nobr'] },
    children: [{ type: 'text', value }],
  };
}

/** Wraps unbreakable runs in every text node of a tree, except inside code and existing nobr spans. */
export function wrapUnbreakable<T extends Root | Element>(tree: T): T {
  const visit = (parent: Root | Element): void => {
    const next: Array<Root['children'][number]> = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        next.push(...nobrPieces((child as Text).value));
      } else {
        if (child.type === 'element' && !NOBR_SKIP.has(child.tagName) && !isNobr(child)) visit(child);
        next.push(child);
      }
    }
    parent.children = next as typeof parent.children;
  };
  visit(tree);
  return tree;
}

function isNobr(element: Element): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes('nobr');
}
