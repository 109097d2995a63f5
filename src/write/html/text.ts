/** Unbreakable runs (T22, H5) as `<span class="nobr">`. */
import { unbreakableRuns } from '../../shared/unbreakable.js';
import type { Element, ElementContent, Root, Text } from 'hast';

const NOBR_SKIP = new Set(['code', 'pre', 'script', 'style']);

/**
 * Marks that never start a line, and marks that never end one (kinsoku): kept inside the run they follow or lead,
 * since a browser may break at the edge of a nowrap span.
 */
const CLOSING = /^[）》」』】〕〉”’，。、；：？！…—]+/u;
const OPENING = /[（《「『【〔〈“‘]+$/u;

/** Splits a string into text and `<span class="nobr">` pieces. */
export function nobrPieces(value: string): ElementContent[] {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const [runStart, end] of unbreakableRuns(value)) {
    if (runStart < last) continue;
    const start = runStart - (OPENING.exec(value.slice(last, runStart))?.[0].length ?? 0);
    if (start > last) pieces.push({ type: 'text', value: value.slice(last, start) });
    const closing = CLOSING.exec(value.slice(end))?.[0] ?? '';
    pieces.push(nobrSpan(value.slice(start, end + closing.length)));
    last = end + closing.length;
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
