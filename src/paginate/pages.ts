/** Rows → pages: fills each page's type area, keeping chains of rows together and repeating table headers. */
import type { Box } from '../model/layout.js';
import type { Anchor } from './blocks.js';
import type { Row } from './rows.js';

export interface FilledPage {
  boxes: Box[];
  anchors: { anchor: Anchor; y: number }[];
}

const EPSILON = 0.01;

/** Places rows between `top` and `bottom` on as many pages as needed. */
export function fillPages(rows: readonly Row[], top: number, bottom: number): FilledPage[] {
  const pages: FilledPage[] = [];
  let page: FilledPage = { boxes: [], anchors: [] };
  pages.push(page);
  let y = top;
  /** True while the page holds nothing but (possibly) a repeated table header. */
  let fresh = true;
  let last: Row | undefined;

  const place = (row: Row): void => {
    if (!fresh) y += row.spaceBefore;
    for (const anchor of row.anchors) page.anchors.push({ anchor, y });
    page.boxes.push(...row.boxes(y));
    y += row.height;
    fresh = false;
    last = row;
  };
  const continuesTable = (row: Row): boolean => row.table !== undefined && !row.isHeader && last?.table === row.table;
  const headerHeight = (row: Row): number =>
    continuesTable(row) ? (row.table?.header ?? []).reduce((h, r) => h + r.height, 0) : 0;
  const newPage = (next: Row): void => {
    const carried = continuesTable(next);
    if (last?.closeRule) page.boxes.push(last.closeRule(y));
    page = { boxes: [], anchors: [] };
    pages.push(page);
    y = top;
    if (carried) {
      for (const header of next.table?.header ?? []) place(header);
    }
    fresh = true;
  };

  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j]?.keepWithNext) j++;
    const chain = rows.slice(i, j + 1);
    const first = chain[0] as Row;
    const height = chain.reduce((h, r) => h + r.height, 0);
    if (y + (fresh ? 0 : first.spaceBefore) + height <= bottom + EPSILON) {
      for (const row of chain) place(row);
      i = j + 1;
      continue;
    }
    if (!fresh && headerHeight(first) + height <= bottom - top + EPSILON) {
      newPage(first);
      continue;
    }
    // The chain is longer than a page: fill this page and carry on with the rest of the chain.
    let placed = 0;
    while (i <= j) {
      const row = rows[i] as Row;
      if (!fresh && y + row.spaceBefore + row.height > bottom + EPSILON) break;
      place(row);
      placed++;
      i++;
    }
    if (i <= j || placed === 0) newPage(rows[i] as Row);
  }
  return pages;
}
