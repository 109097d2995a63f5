/**
 * Plain text: every non-blank line is a paragraph (text saved from a PDF or a web page has no other structure).
 * Runs of two or more lines with tabs are tables, runs of lines starting with "- " or "• " are lists.
 */
import type { Block, Inline, Table, TableCell } from '../model/document.js';
import { headerSpans, trimBreaks } from '../read/index.js';
import { line, type Change, type SourceDocument, type SourceItem } from './source.js';

const BULLET = /^[-•·]\s+/u;
/** Paragraph tags left in a table cell by an extraction: they separate lines of the cell (as the reader reads them). */
const CELL_PARAGRAPH = /<\/?p\s*>/iu;

const text = (value: string): Inline[] => (value === '' ? [] : [{ kind: 'text', text: value }]);

export function readText(source: string): SourceDocument {
  // Edges lose their spaces (indentation is the layout's business) but keep their tabs (empty table cells).
  const lines = source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^[^\S\t]+|[^\S\t]+$/gu, ''));
  const items: SourceItem[] = [];
  const changes: Change[] = [];
  for (let i = 0; i < lines.length; ) {
    const current = lines[i]!;
    if (current.replace(/\t/g, '') === '') {
      i++;
      continue;
    }
    const run = (test: (l: string) => boolean): string[] => {
      let j = i;
      while (j < lines.length && test(lines[j]!)) j++;
      return lines.slice(i, j);
    };
    const tabbed = run((l) => l.includes('\t') && l.replace(/\t/g, '').trim() !== '');
    if (tabbed.length >= 2) {
      items.push({ kind: 'block', block: table(tabbed, changes) });
      i += tabbed.length;
      continue;
    }
    const bullets = run((l) => BULLET.test(l));
    if (bullets.length > 0) {
      const list: Block = { kind: 'list', ordered: false, start: 1, items: bullets.map((b) => ({ blocks: [{ kind: 'paragraph', content: text(b.replace(BULLET, '').trim()) }] })) };
      items.push({ kind: 'block', block: list });
      i += bullets.length;
      continue;
    }
    items.push(line(text(current.replace(/\s+/gu, (gap) => (gap.includes('\t') ? ' ' : gap)).trim())));
    i++;
  }
  return { items, notes: [], metadata: [], changes, doubts: [] };
}

/** Tab-separated rows; the first is the header (an empty header cell after a filled one continues it, as in GFM). */
function table(rows: readonly string[], changes: Change[]): Table {
  const split = rows.map((row) => row.split('\t').map((cell) => cell.trim()));
  const columns = Math.max(...split.map((cells) => cells.length));
  const grid = split.map((cells) => Array.from({ length: columns }, (_, c) => cells[c] ?? ''));
  const cell = (value: string): TableCell => {
    if (CELL_PARAGRAPH.test(value)) changes.push({ from: '<p>…</p>', to: '↵', why: 'cell-paragraph' });
    const pieces = value.split(/<\/p\s*>\s*<p\s*>|<\/?p\s*>/giu);
    const content: Inline[] = pieces.flatMap((piece, k) => [...(k > 0 ? [{ kind: 'break' } as const] : []), ...text(piece.trim())]);
    return { content: trimBreaks(content), colSpan: 1, rowSpan: 1 };
  };
  const spans = headerSpans(grid[0]!);
  const header = grid[0]!.flatMap((value, c) => (spans[c] === 0 ? [] : [{ ...cell(value), colSpan: spans[c]! }]));
  return {
    kind: 'table',
    rows: [{ cells: header }, ...grid.slice(1).map((cells) => ({ cells: cells.map(cell) }))],
    headerRows: 1,
    columns,
    align: Array.from({ length: columns }, () => undefined),
  };
}
