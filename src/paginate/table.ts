/** Tables → rows: column widths fitted to the content, cells broken into lines, header rows repeated per page. */
import type { Inline, Table, TableCell } from '../model/document.js';
import type { Box } from '../model/layout.js';
import type { TextStyle, Theme } from '../theme/index.js';
import type { InlineSpan, TableBlock, TextBlock } from './blocks.js';
import { widestUnit, type Line } from './linebreak.js';
import { blockLines, lineBoxes, type Row, type RowContext, type TableGroup } from './rows.js';
import { noteMark } from '../shared/notes.js';

const PAD_X = 4;
const PAD_Y = 3;
const RULE = 0.5;

/** A cell placed on the grid: its first column and its text as a text block. */
interface PlacedCell {
  column: number;
  colSpan: number;
  block: TextBlock;
}

/** Text and marks of a cell's content (bold and 楷体 kept; note marks shown as in the text). */
export function cellBlock(theme: Theme, cell: TableCell, header: boolean, tableSpan: TableBlock['span']): TextBlock {
  let text = '';
  const spans: InlineSpan[] = [];
  for (const inline of cell.content as Inline[]) {
    const start = text.length;
    if (inline.kind === 'break') text += '\n';
    else if (inline.kind === 'note') {
      text += noteMark(inline.number);
      spans.push({ start, end: text.length, noteMark: true });
    } else {
      text += inline.text;
      const font = inline.strong ? theme.inline.strong : inline.emph ? theme.inline.emph : undefined;
      if (font || inline.strike || inline.href) spans.push({ start, end: text.length, ...(font ? { font } : {}), ...(inline.strike ? { strike: true as const } : {}), ...(inline.href ? { href: inline.href } : {}) });
    }
  }
  const span = cell.span ?? tableSpan;
  return {
    kind: 'text',
    style: header ? 'tableHeader' : 'table',
    text,
    spans,
    align: 'left',
    indent: 0,
    hang: 0,
    inset: 0,
    spaceBefore: 0,
    keepWithNext: false,
    notes: [],
    ...(span ? { span } : {}),
  };
}

/** Cells with their grid columns; a cell after a column-spanning one starts past it. */
function placeRows(ctx: RowContext, block: TableBlock): PlacedCell[][] {
  const { table } = block;
  return table.rows.map((row, r) => {
    let column = 0;
    return row.cells.map((cell) => {
      const placed = { column, colSpan: Math.max(1, Math.min(cell.colSpan, table.columns - column)), block: cellBlock(ctx.theme, cell, r < table.headerRows, block.span) };
      column += placed.colSpan;
      return placed;
    });
  });
}

/** Column widths fitted to the content of `tables`, which share one header (so they line up alike). */
function columnWidths(ctx: RowContext, tables: readonly { table: Table; cells: PlacedCell[][] }[]): number[] {
  const n = tables[0]!.table.columns;
  const min = new Array<number>(n).fill(0);
  const nat = new Array<number>(n).fill(0);
  for (const { cells } of tables) {
    for (const row of cells) {
      for (const cell of row) {
        // A cell spanning columns is placed in their joint width and constrains none alone.
        if (cell.colSpan !== 1) continue;
        const style: TextStyle = ctx.theme.styles[cell.block.style];
        const font = ctx.fonts.get(style.font);
        for (const seg of cell.block.text.split('\n')) {
          const natural = (font.measure(seg).width * style.size) / 1000;
          // A column narrower than 4 em stacks its words a character or two per line.
          min[cell.column] = Math.max(min[cell.column] ?? 0, widestUnit(seg, font, style.size), Math.min(natural, 4 * style.size));
          nat[cell.column] = Math.max(nat[cell.column] ?? 0, natural);
        }
      }
    }
  }
  const avail = ctx.width - n * 2 * PAD_X;
  const sumNat = nat.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  let inner: number[];
  if (sumNat === 0) inner = nat.map(() => avail / n);
  else if (sumNat <= avail) inner = nat.map((w) => w + ((avail - sumNat) * w) / sumNat);
  else if (sumMin >= avail) inner = min.map((w) => (w * avail) / sumMin);
  else inner = min.map((w, i) => w + (((nat[i] ?? 0) - w) * (avail - sumMin)) / (sumNat - sumMin));
  return inner.map((w) => w + 2 * PAD_X);
}

function tableRows(ctx: RowContext, block: TableBlock, cells: PlacedCell[][], widths: readonly number[]): Row[] {
  const { table } = block;
  const xs: number[] = [ctx.left];
  for (const w of widths) xs.push((xs.at(-1) as number) + w);
  const right = xs.at(-1) as number;
  const rule = (x1: number, y1: number, x2: number, y2: number): Box => ({ kind: 'rule', x1, y1, x2, y2, lineWidth: RULE });
  const group: TableGroup = { header: [] };
  const rows: Row[] = [];

  cells.forEach((rowCells, r) => {
    const header = r < table.headerRows;
    const style = ctx.theme.styles[header ? 'tableHeader' : 'table'];
    const cellWidth = (cell: PlacedCell): number => widths.slice(cell.column, cell.column + cell.colSpan).reduce((a, b) => a + b, 0);
    const lines: Line[][] = rowCells.map((cell) => blockLines(ctx, cell.block, cellWidth(cell) - 2 * PAD_X));
    // Vertical rules stand at the edges of (spanned) cells only.
    const edges = [ctx.left, ...rowCells.map((cell) => xs[cell.column + cell.colSpan] as number)];
    if ((rowCells.at(-1)?.column ?? 0) + (rowCells.at(-1)?.colSpan ?? 0) < table.columns) edges.push(right);
    const count = Math.max(1, ...lines.map((l) => l.length));
    for (let k = 0; k < count; k++) {
      const first = k === 0;
      const last = k === count - 1;
      const height = style.leading + (first ? PAD_Y : 0) + (last ? PAD_Y : 0);
      const row: Row = {
        height,
        spaceBefore: rows.length === 0 && k === 0 ? block.spaceBefore * ctx.theme.styles.body.leading : 0,
        // Short rows stay whole; a long row may split, leaving at least two lines on each page.
        keepWithNext: header || (count <= 4 ? !last : k === 0 || k === count - 2),
        anchors: [],
        table: group,
        ...(header ? { isHeader: true } : {}),
        boxes: (top) => {
          const out: Box[] = [];
          for (const x of edges) out.push(rule(x, top, x, top + height));
          if (first) out.push(rule(ctx.left, top, right, top));
          if (last) out.push(rule(ctx.left, top + height, right, top + height));
          const lineTop = top + (first ? PAD_Y : 0);
          rowCells.forEach((cell, c) => {
            const line = lines[c]?.[k];
            if (!line) return;
            const inner = cellWidth(cell) - 2 * PAD_X;
            const align = header ? 'center' : cell.colSpan === 1 ? table.align[cell.column] : undefined;
            const shift = align === 'center' ? (inner - line.width) / 2 : align === 'right' ? inner - line.width : 0;
            out.push(...lineBoxes(ctx, cell.block, line, (xs[cell.column] as number) + PAD_X + shift, lineTop, 'cell'));
          });
          return out;
        },
        closeRule: (bottom) => rule(ctx.left, bottom, right, bottom),
      };
      rows.push(row);
      if (header) group.header.push(row);
    }
  });
  return rows;
}

/**
 * Rows of every table of a flow; tables with the same header (a list split by category, like the 非遗 名录) get
 * the same column widths.
 */
export function tableLayout(ctx: RowContext, blocks: readonly TableBlock[]): (block: TableBlock) => Row[] {
  const placed = new Map(blocks.map((block) => [block, placeRows(ctx, block)]));
  const headerKey = (block: TableBlock): string =>
    `${block.table.columns}|${(placed.get(block) ?? []).slice(0, block.table.headerRows).map((row) => row.map((c) => `${c.column}:${c.colSpan}:${c.block.text}`).join('\u0001')).join('\u0002')}`;
  const alike = new Map<string, TableBlock[]>();
  for (const block of blocks) alike.set(headerKey(block), [...(alike.get(headerKey(block)) ?? []), block]);
  const widths = new Map<string, number[]>();
  return (block) => {
    const key = headerKey(block);
    let w = widths.get(key);
    if (!w) {
      w = columnWidths(ctx, (alike.get(key) ?? [block]).map((b) => ({ table: b.table, cells: placed.get(b) ?? [] })));
      widths.set(key, w);
    }
    return tableRows(ctx, block, placed.get(block) ?? placeRows(ctx, block), w);
  };
}
