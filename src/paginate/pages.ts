/**
 * Rows → pages: fills each page's type area, keeping chains of rows together, repeating table headers, starting
 * new pages where asked, and setting footnotes at the foot of the page that first cites them. A page the text
 * goes on from is made flush at the foot: what is left over is spread over the spaces above headings, tables and
 * figures on it (at most `glue` each), then between its paragraphs (at most half that): vertical justification.
 * A page before a new document keeps no more than `documentGap` empty.
 */
import type { Box, StructNode } from '../model/layout.js';
import type { Anchor } from './blocks.js';
import type { Row } from './rows.js';

export interface FilledPage {
  boxes: Box[];
  anchors: { anchor: Anchor; y: number }[];
  /** Where the text ends on the page, and where the footnotes begin (the bottom when there are none). */
  end: number;
  footTop: number;
}

export interface FootnoteArea {
  /** Space between the text and the notes' rule, and from the rule to the first note. */
  gap: number;
  /** Length of the short rule above the notes. */
  ruleWidth: number;
  left: number;
}

const EPSILON = 0.01;

/** A row put on the page at `y`; its boxes are made when the page closes and every shift is known. */
interface Placed {
  row: Row;
  y: number;
  /** Set as the first slice under a repeated table header. */
  continued: boolean;
  /** 续表 and the repeated header at a page top: no space above them, and none added. */
  fixed: boolean;
}

const heightOf = (rows: readonly Row[]): number => rows.reduce((h, r) => h + r.height, 0);

/** How a page's leftover space is spread: `glue` at most per place, and what may stay empty before a new document. */
export interface Justification {
  glue: number;
  documentGap: number;
}

/** The Table element a node is inside, if any. */
function tableOf(node: StructNode): StructNode | undefined {
  for (let at: StructNode | undefined = node; at; at = at.parent) if (at.type === 'Table') return at;
  return undefined;
}

/**
 * The box marked as setting its row's document and as content of its row's structure element (see Origin). A row
 * placed again at a page top (a repeated table header, 续表) is an artifact: its content is already in the structure.
 */
function stamped<T extends Box>(box: T, row: Row, repeated = false): T {
  if (row.owner !== undefined) box.document = row.owner;
  if (row.source && box.source === undefined) box.source = row.source;
  if (repeated) {
    // Text repeated on a later page is an artifact; a link there still belongs to the structure (PDF/UA), in its table.
    if (box.kind === 'link' && box.tag) box.tag = tableOf(box.tag) ?? box.tag;
    else delete box.tag;
  }
  else if (row.tag && box.tag === undefined && (box.kind === 'text' || box.kind === 'image' || box.kind === 'link')) box.tag = row.tag;
  return box;
}

/** Places rows between `top` and `bottom` on as many pages as needed. */

export function fillPages(rows: readonly Row[], top: number, bottom: number, notes?: FootnoteArea, justification: Justification = { glue: 0, documentGap: 0 }): FilledPage[] {
  const { glue } = justification;
  const pages: FilledPage[] = [];
  let page: FilledPage = { boxes: [], anchors: [], end: top, footTop: bottom };
  pages.push(page);
  let placed: Placed[] = [];
  let y = top;
  /** True while the page holds nothing but (possibly) a repeated table header. */
  let fresh = true;
  let last: Row | undefined;
  /** Footnote rows of this page, and those carried over from a page they did not fit on. */
  let foot: Row[] = [];
  let carried: Row[] = [];

  const footHeight = (extra: readonly Row[]): number => {
    const rows = foot.length + extra.length;
    return rows === 0 || !notes ? 0 : 2 * notes.gap + heightOf(foot) + heightOf(extra);
  };
  const notesOf = (chain: readonly Row[]): Row[] => chain.flatMap((row) => row.footnotes ?? []);
  const limit = (extra: readonly Row[]): number => bottom - footHeight(extra);

  const closeFoot = (): void => {
    if (foot.length === 0 || !notes) return;
    let at = bottom - heightOf(foot);
    page.footTop = at - 2 * notes.gap;
    const ruleY = at - notes.gap;
    // The rule above the notes belongs to every document whose notes are on the page.
    const owners = [...new Set(foot.flatMap((row) => (row.owner === undefined ? [] : [row.owner])))];
    page.boxes.push({ kind: 'rule', x1: notes.left, y1: ruleY, x2: notes.left + notes.ruleWidth, y2: ruleY, lineWidth: 0.5, ...(owners.length > 0 ? { shared: owners } : {}) });
    for (const row of foot) {
      page.boxes.push(...row.boxes(at).map((box) => stamped(box, row)));
      at += row.height;
    }
  };
  /** True between a table's repeated header and its first slice on the new page. */
  let continuing = false;
  /**
   * Makes the page's boxes, spreading all but `keep` of the space left above the footnotes over the page's
   * stretchable places (at most `glue` each, twice that on a page that ends a document).
   */
  const closeText = (keep: number): void => {
    const stretch = (item: Placed, k: number): Row['stretch'] => (k > 0 && !item.fixed ? item.row.stretch : undefined);
    const count = (kind: Row['stretch']): number => placed.filter((item, k) => stretch(item, k) === kind).length;
    const headings = count('heading');
    const paragraphs = count('paragraph');
    let room = Math.max(0, limit([]) - y - keep);
    // A page that ends a document may open its spaces twice as far: a hole before the next document is worse.
    const most = keep > 0 ? 2 * glue : glue;
    const atHeading = headings > 0 ? Math.min(most, room / headings) : 0;
    room -= atHeading * headings;
    const atParagraph = paragraphs > 0 ? Math.min(most / 2, room / paragraphs) : 0;
    let shift = 0;
    placed.forEach((item, k) => {
      const kind = stretch(item, k);
      shift += kind === 'heading' ? atHeading : kind === 'paragraph' ? atParagraph : 0;
      const at = item.y + shift;
      for (const anchor of item.row.anchors) page.anchors.push({ anchor, y: at });
      page.boxes.push(...(item.continued && item.row.continued ? item.row.continued(at) : item.row.boxes(at)).map((box) => stamped(box, item.row, item.fixed)));
    });
    y += shift;
    page.end = y;
    placed = [];
  };
  const place = (row: Row, fixed = false): void => {
    if (!fresh && !fixed) y += row.spaceBefore;
    placed.push({ row, y, continued: continuing && !row.isHeader, fixed });
    if (!row.isHeader) continuing = false;
    y += row.height;
    fresh = false;
    last = row;
    // A header row placed again at a page top cites nothing again: its notes were set where it first stood.
    if (!row.footnotes || !notes || fixed) return;
    // Notes that do not fit under the text (a very long note on a full page) continue at the next page's foot.
    for (const note of row.footnotes) {
      if (carried.length === 0 && y + footHeight([note]) <= bottom + EPSILON) foot.push(note);
      else carried.push(note);
    }
  };
  const continuesTable = (row: Row): boolean => row.table !== undefined && !row.isHeader && last?.table === row.table;
  const headerHeight = (row: Row): number => (continuesTable(row) ? heightOf(row.table?.header ?? []) + (row.table?.label?.height ?? 0) : 0);
  const newPage = (next: Row): void => {
    const carriesTable = continuesTable(next);
    // When the text goes on overleaf the page ends flush; before a new document it may end short, but by no more
    // than `documentGap`; before a forced break (an attachment on a new page) it ends where it ends.
    closeText(next.breakBefore ? Infinity : next.opens ? justification.documentGap : 0);
    if (last?.closeRule) page.boxes.push(stamped(last.closeRule(y), last));
    closeFoot();
    page = { boxes: [], anchors: [], end: top, footTop: bottom };
    pages.push(page);
    y = top;
    foot = [];
    // Carried notes take at most half of the next page, so that the text goes on there too.
    const waiting = carried;
    carried = [];
    for (const note of waiting) {
      if (carried.length === 0 && footHeight([note]) <= (bottom - top) / 2 + EPSILON) foot.push(note);
      else carried.push(note);
    }
    if (carriesTable) {
      const { label, header } = next.table!;
      if (label) place(label, true);
      for (const row of header) place(row, true);
      continuing = true;
      // The table, not the repeated header, is what `last` continues.
      last = header.at(-1) ?? last;
    }
    fresh = true;
  };

  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j]?.keepWithNext) j++;
    const chain = rows.slice(i, j + 1);
    const first = chain[0] as Row;
    if (first.breakBefore && !fresh) {
      newPage(first);
      continue;
    }
    // The spaces inside the chain count too; the first one is dropped at a page top.
    const height = heightOf(chain) + chain.slice(1).reduce((h, row) => h + row.spaceBefore, 0);
    const chainNotes = notesOf(chain);
    if (y + (fresh ? 0 : first.spaceBefore) + height <= limit(chainNotes) + EPSILON) {
      for (const row of chain) place(row);
      i = j + 1;
      continue;
    }
    if (!fresh && headerHeight(first) + height + footHeight(chainNotes) - footHeight([]) <= bottom - top + EPSILON) {
      newPage(first);
      continue;
    }
    // The chain is longer than a page: fill this page and carry on with the rest of the chain.
    let count = 0;
    while (i <= j) {
      const row = rows[i] as Row;
      if (!fresh && y + row.spaceBefore + row.height > limit(row.footnotes ?? []) + EPSILON) break;
      place(row);
      count++;
      i++;
    }
    if (i <= j || count === 0) newPage(rows[i] as Row);
  }
  closeText(Infinity);
  closeFoot();
  // Notes still waiting after the last row get pages of their own.
  while (carried.length > 0 && notes) {
    const waiting = carried;
    carried = [];
    page = { boxes: [], anchors: [], end: top, footTop: bottom };
    pages.push(page);
    foot = [];
    for (const note of waiting) {
      if (carried.length === 0 && footHeight([note]) <= bottom - top + EPSILON) foot.push(note);
      else carried.push(note);
    }
    if (foot.length === 0) foot.push(carried.shift()!);
    closeFoot();
  }
  return pages;
}
