/**
 * An HTML `<table>` written inside Markdown (what pandoc and Word converters emit for merged cells; parsed by the
 * parse stage), read into the same table model as GFM tables: `<thead>` rows (or leading rows of `<th>` only) are
 * header rows, `rowspan` and `colspan` are kept, `<caption>` is the title. Only text survives: `<br>` and paragraph
 * ends become line breaks, `<b>`/`<strong>` and `<i>`/`<em>` become marks, every other tag and attribute is dropped
 * (sanitised by reading), and so is the content of elements that hold no text for a reader (`<script>`, `<style>`…).
 */
import type { Element, ElementContent, ElementData } from 'hast';
import type { CellAlign, Inline, Table, TableCell, TableRow } from '../model/document.js';
import type { Span } from '../model/source.js';
import { withoutInvisible } from '../shared/unicode.js';
import { HIDDEN_WITHOUT_SCRIPTS } from '../shared/hidden-html.js';

/** Spans beyond this are typing slips (rowspan="1000"); they are clamped to the table. */
const MAX_SPAN = 1000;

const isElement = (node: ElementContent): node is Element => node.type === 'element';

function children(node: Element, name?: string): Element[] {
  return node.children.filter(isElement).filter((child) => name === undefined || child.tagName === name);
}

/** A cell's element that does not print as written, with the diagnostic code it gets and where it starts. */
export type Unprinted = (code: 'html-unsupported' | 'html-cell-plain', tag: string, source: ElementData['source']) => void;

/**
 * Text and marks of a cell; block boundaries (p, div, br, li) are line breaks. Elements that lose content or meaning
 * here go to `unprinted`: code and images print nothing, super- and subscripts print as plain text
 * (100m<sup>2</sup> reads 100m2).
 */
function inlines(cell: Element, unprinted: Unprinted): Inline[] {
  const out: Inline[] = [];
  const walk = (node: ElementContent, marks: { strong?: true; emph?: true }): void => {
    if (node.type === 'text') {
      // A line break in the source between two hanzi is no space; elsewhere white space is one space.
      const text = withoutInvisible(node.value.replace(/\s+/gu, (space, at: number, whole: string) => (HAN.test(whole[at - 1] ?? '') && HAN.test(whole[at + space.length] ?? '') ? '' : ' ')));
      if (text !== '') out.push({ kind: 'text', text, ...marks });
      return;
    }
    if (node.type !== 'element') return;
    if (HIDDEN_WITHOUT_SCRIPTS.has(node.tagName)) {
      unprinted('html-unsupported', node.tagName, node.data?.source);
      return;
    }
    const changed = CHANGED_IN_CELLS.get(node.tagName);
    if (changed) unprinted(changed, node.tagName, node.data?.source);
    if (node.tagName === 'br') {
      out.push({ kind: 'break' });
      return;
    }
    const block = ['p', 'div', 'li', 'tr'].includes(node.tagName);
    if (block && out.length > 0 && out.at(-1)?.kind !== 'break') out.push({ kind: 'break' });
    const next = node.tagName === 'b' || node.tagName === 'strong' ? { ...marks, strong: true as const } : node.tagName === 'i' || node.tagName === 'em' ? { ...marks, emph: true as const } : marks;
    for (const child of node.children) walk(child, next);
    if (block && out.at(-1)?.kind !== 'break') out.push({ kind: 'break' });
  };
  for (const child of cell.children) walk(child, {});
  // Space at either end of a line is indentation of the source, not text; blank lines are not kept.
  const trimmed = out.map((inline, i) => {
    if (inline.kind !== 'text') return inline;
    let text = inline.text;
    if (i === 0 || out[i - 1]?.kind === 'break') text = text.trimStart();
    if (i === out.length - 1 || out[i + 1]?.kind === 'break') text = text.trimEnd();
    return { ...inline, text };
  });
  const kept = trimmed.filter((inline) => inline.kind !== 'text' || inline.text !== '');
  return kept.filter((inline, i) => inline.kind !== 'break' || (i > 0 && i < kept.length - 1 && kept[i - 1]?.kind !== 'break'));
}

const HAN = /\p{Script=Han}/u;

/** Elements whose loss a reader would notice, with their diagnostic; span, font and the like are dropped quietly. */
const CHANGED_IN_CELLS: ReadonlyMap<string, 'html-unsupported' | 'html-cell-plain'> = new Map([
  ['img', 'html-unsupported'],
  ['sup', 'html-cell-plain'],
  ['sub', 'html-cell-plain'],
]);

function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}

function alignOf(cell: Element): CellAlign | undefined {
  const value = String(cell.properties.align ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : undefined;
}

/**
 * The table model of a parsed `<table>` element. Spans are clamped to the grid, and rows are padded so every row
 * covers every column (a converter's ragged rows become empty cells).
 */
export function readHtmlTable(table: Element, tableSpan: Span | undefined, unprinted: Unprinted = () => undefined): Table {
  const sections = children(table);
  const head = sections.filter((s) => s.tagName === 'thead').flatMap((s) => children(s, 'tr'));
  const body = sections.flatMap((s) => (s.tagName === 'tbody' ? children(s, 'tr') : s.tagName === 'tr' ? [s] : []));
  const foot = sections.filter((s) => s.tagName === 'tfoot').flatMap((s) => children(s, 'tr'));
  const rows = [...head, ...body, ...foot];
  // Without <thead>, leading rows of header cells only are the header.
  let headerRows = head.length;
  if (headerRows === 0) while (headerRows < rows.length && children(rows[headerRows]!).every((c) => c.tagName === 'th')) headerRows++;
  if (headerRows === rows.length) headerRows = Math.min(headerRows, 1);

  // Place cells on the grid: each starts at the first column not covered from above.
  const covered: number[] = [];
  const placed: { cells: { cell: Element; column: number; colSpan: number; rowSpan: number }[] }[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    const cells = children(row).filter((c) => c.tagName === 'td' || c.tagName === 'th');
    let column = 0;
    const out: (typeof placed)[number]['cells'] = [];
    for (const cell of cells) {
      while ((covered[column] ?? 0) > r) column++;
      const colSpan = span(cell.properties.colSpan);
      const rowSpan = Math.min(span(cell.properties.rowSpan), rows.length - r);
      out.push({ cell, column, colSpan, rowSpan });
      for (let c = column; c < column + colSpan; c++) covered[c] = r + rowSpan;
      column += colSpan;
    }
    // The grid is as wide as the rows' cells reach where they start: a span running past that (colspan="30"
    // typed for 3) is clamped rather than widening the table.
    const lastStart = out.at(-1)?.column ?? -1;
    columns = Math.max(columns, lastStart + 1);
    placed.push({ cells: out });
  });
  const at = tableSpan ? { span: tableSpan } : {};
  const tableRows: TableRow[] = placed.map(({ cells }, r) => {
    const out: { column: number; cell: TableCell }[] = cells.map(({ cell, column, colSpan, rowSpan }) => ({
      column,
      cell: { content: inlines(cell, unprinted), colSpan: Math.max(1, Math.min(colSpan, columns - column)), rowSpan, ...at },
    }));
    // Pad a ragged row: columns no cell covers (from this row or from above) get empty cells, in column order.
    const used = new Set<number>();
    for (let above = 0; above <= r; above++) {
      for (const { column, colSpan, rowSpan } of placed[above]!.cells) if (above + rowSpan > r) for (let c = column; c < column + colSpan; c++) used.add(c);
    }
    for (let c = 0; c < columns; c++) if (!used.has(c)) out.push({ column: c, cell: { content: [], colSpan: 1, rowSpan: 1, ...at } });
    return { cells: out.sort((a, b) => a.column - b.column).map((entry) => entry.cell) };
  });
  const caption = children(table, 'caption')[0];
  const align: (CellAlign | undefined)[] = Array.from({ length: columns }, () => undefined);
  for (const { cells } of placed.slice(headerRows, headerRows + 1)) for (const { cell, column } of cells) align[column] = alignOf(cell);
  return {
    kind: 'table',
    rows: tableRows,
    headerRows,
    columns,
    align,
    ...(caption ? { caption: inlines(caption, unprinted) } : {}),
    ...at,
  };
}
