/**
 * Tables → rows. The grid comes from the table model (row and column spans); column widths are chosen to make the
 * table as short as possible; cells are justified with the body text's breaker (numbers and 序号 centred); each
 * row slot is one line high, so a table can break between lines. A row moves to the next page whole unless it is
 * taller than a quarter of a page; on every page a table continues on, 续表 and its header rows come first, and a
 * merged cell whose text is already past repeats its label.
 */
import type { Inline, Table, TableCell } from '../model/document.js';
import type { Box, StructNode } from '../model/layout.js';
import type { Theme } from '../theme/index.js';
import { linkTags, type InlineSpan, type TableBlock, type TextBlock } from './blocks.js';
import { widestUnit, type Line } from './linebreak.js';
import { baselineOffset, blockLines, footnoteRows, lineBoxes, textBox, type Row, type RowContext, type TableGroup } from './rows.js';
import { noteMark } from '../shared/notes.js';
import { centredColumns, tableGrid } from '../shared/table-grid.js';
import { structNode } from './structure.js';

const PAD_X = 4;
const PAD_Y = 2;
/** Rules: cell borders, the rule under the header, and the frame (GB/T 9704 leaves them to house style). */
const RULE = 0.5;
const HEADER_RULE = 0.75;
const FRAME = 1;
/** The soft maximum (a p-norm) that breaks ties of the hard one, and its weight: chosen by measuring the task table of 2021-4. */
const SOFT_MAX = 2;
const SOFT_WEIGHT = 1;
/** Steps in which free width is handed to the column that shortens the table most. */
const WIDTH_STEPS = 64;
/** Rows up to this fraction of the type area move to the next page whole; taller ones may break between lines. */
const WHOLE_ROW = 0.25;

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
  return { kind: 'text', style: header ? 'tableHeader' : 'table', text, spans, align: 'left', indent: 0, hang: 0, inset: 0, spaceBefore: 0, keepWithNext: false, notes: [], ...(span ? { span } : {}) };
}

/** A cell on the grid with its text. */
interface PlacedCell {
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
  header: boolean;
  block: TextBlock;
  /** Its TH or TD element, in the TR of its grid row. */
  tag: StructNode;
}

function placeCells(ctx: RowContext, block: TableBlock): PlacedCell[] {
  const { table } = block;
  return tableGrid(table).flatMap((row) => {
    const tr = structNode('TR', block.tag);
    return row.map(({ cell, row: r, column, colSpan, rowSpan }) => {
      const header = r < table.headerRows;
      const spans = { ...(rowSpan > 1 ? { rowSpan } : {}), ...(colSpan > 1 ? { colSpan } : {}) };
      const tag = structNode(header ? 'TH' : 'TD', tr, header ? { scope: 'Column', ...spans } : spans);
      const text = cellBlock(ctx.theme, cell, header, block.span);
      return { row: r, column, colSpan, rowSpan, header, block: { ...text, spans: linkTags(text.spans, tag), notes: block.notes?.get(cell) ?? [] }, tag };
    });
  });
}

/**
 * Line slots per grid row: as many as its tallest one-row cell needs; a cell spanning rows adds what its rows
 * lack to the last of them. `lines` gives a cell's line count.
 */
function rowLineCounts(rows: number, cells: readonly PlacedCell[], lines: (cell: PlacedCell) => number): number[] {
  const counts = new Array<number>(rows).fill(1);
  for (const cell of cells) if (cell.rowSpan === 1) counts[cell.row] = Math.max(counts[cell.row]!, lines(cell));
  for (const cell of cells) {
    if (cell.rowSpan === 1) continue;
    const have = counts.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
    const need = lines(cell);
    if (need > have) counts[cell.row + cell.rowSpan - 1]! += need - have;
  }
  return counts;
}

interface Measured {
  cell: PlacedCell;
  /** Natural width of each of its paragraphs, in points. */
  widths: number[];
}

/** Each line of a cell's text with its natural width, and the face and size it is set in. */
function cellLines(ctx: RowContext, cell: PlacedCell) {
  const { size, font: face } = ctx.theme.styles[cell.block.style];
  const font = ctx.fonts.get(face);
  const segments = cell.block.text.split('\n');
  return { segments, widths: segments.map((seg) => (font.measure(seg).width * size) / 1000), font, size };
}

/**
 * The narrowest each column's text may be set (its widest word or number, and 3 em where it has that much text),
 * and whether they fit the type area beside the cells' padding; when not, words and numbers break inside.
 */
function columnMinimums(ctx: RowContext, tables: readonly { table: Table; cells: PlacedCell[] }[]): { min: number[]; fits: boolean } {
  const n = tables[0]!.table.columns;
  const min = new Array<number>(n).fill(2 * PAD_X);
  for (const { cells } of tables) {
    for (const cell of cells) {
      if (cell.colSpan !== 1) continue;
      const { segments, widths, font, size } = cellLines(ctx, cell);
      // A column narrower than 3 em stacks its words a character or two per line.
      segments.forEach((seg, k) => {
        min[cell.column] = Math.max(min[cell.column]!, widestUnit(seg, font, size), Math.min(widths[k]!, 3 * size));
      });
    }
  }
  return { min, fits: min.reduce((a, b) => a + b, 0) < ctx.width - n * 2 * PAD_X };
}

/** Tables whose columns cannot all be as wide as their widest word or number: where their words and figures break. */
export function tablesTooWide(ctx: RowContext, blocks: readonly TableBlock[]): TableBlock[] {
  const { placed, headerKey, alike } = tableShapes(ctx, blocks);
  // Tables of one header share their widths, so the widest figures of them all must fit.
  const fits = new Map<string, boolean>();
  return blocks.filter((block) => {
    if (block.table.columns === 0) return false;
    const key = headerKey(block);
    if (!fits.has(key)) fits.set(key, columnMinimums(ctx, (alike.get(key) ?? [block]).map((b) => ({ table: b.table, cells: placed.get(b)! }))).fits);
    return !fits.get(key);
  });
}

/**
 * Each table's cells on its grid, and which tables share column widths: those with the same header (a list split
 * by category, like the 非遗 名录); a table without a header shares nothing, as alike columns are what a header says.
 */
function tableShapes(ctx: RowContext, blocks: readonly TableBlock[]): { placed: Map<TableBlock, PlacedCell[]>; headerKey: (block: TableBlock) => string; alike: Map<string, TableBlock[]> } {
  const placed = new Map(blocks.map((block) => [block, placeCells(ctx, block)]));
  const own = new Map(blocks.map((block, i) => [block, `#${i}`]));
  const headerKey = (block: TableBlock): string =>
    block.table.headerRows === 0
      ? (own.get(block) ?? '#')
      : `${block.table.columns}|${(placed.get(block) ?? [])
          .filter((c) => c.header)
          .map((c) => `${c.row}:${c.column}:${c.colSpan}:${c.rowSpan}:${c.block.text}`)
          .join('\u0001')}`;
  const alike = new Map<string, TableBlock[]>();
  for (const block of blocks) alike.set(headerKey(block), [...(alike.get(headerKey(block)) ?? []), block]);
  return { placed, headerKey, alike };
}

/**
 * Column widths that make the tables of one shape (they share a header, like the 名录 split by category) as short
 * as possible: every column starts at the least it needs (its widest unbreakable unit), then the free width goes,
 * step by step, to the column where it saves the most lines.
 */
function columnWidths(ctx: RowContext, tables: readonly { table: Table; cells: PlacedCell[] }[], pageHeight: number): number[] {
  const n = tables[0]!.table.columns;
  const { min } = columnMinimums(ctx, tables);
  /** Per group of rows joined by row spans: its cells, each with the rows it spans. */
  const groups: Measured[][] = [];
  for (const { cells } of tables) {
    const groupOf = new Map<number, number>();
    let end = -1;
    for (const cell of [...cells].sort((a, b) => a.row - b.row)) {
      if (cell.row > end) groups.push([]);
      end = Math.max(end, cell.row + cell.rowSpan - 1);
      groupOf.set(cell.row, groups.length - 1);
    }
    for (const cell of cells) groups[groupOf.get(cell.row)!]!.push({ cell, widths: cellLines(ctx, cell).widths });
  }
  const avail = ctx.width - n * 2 * PAD_X;
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin >= avail) return min.map((w) => (w * avail) / sumMin + 2 * PAD_X);
  // Lines a table takes at widths x, counted continuously: each group of rows joined by spans is as tall as its
  // rows (each as its tallest one-row cell) or as its tallest spanning cell, whichever is more. The true height
  // (the maximum) decides; a soft maximum (the 2-norm) breaks its ties, so that widening one of three equally full
  // columns, which saves no line yet, still counts as progress. This runs 2 × WIDTH_STEPS × columns times over every
  // cell, so both are summed in one pass into accumulators kept across calls: with an array per row and call it
  // allocated a fifth of a build's memory.
  const slotted = groups.map((cells) => ({ cells, ...rowSlots(cells) }));
  const hardRows = new Float64Array(slotted.reduce((most, { rows }) => Math.max(most, rows), 0));
  const softRows = new Float64Array(hardRows.length);
  const lines = (x: readonly number[]): number => {
    let hard = 0;
    let soft = 0;
    for (const { cells, slot, rows } of slotted) {
      hardRows.fill(0, 0, rows);
      softRows.fill(0, 0, rows);
      let hardSpanning = 0;
      let softSpanning = 0;
      cells.forEach(({ cell, widths }, k) => {
        let width = 0;
        for (let c = cell.column; c < cell.column + cell.colSpan; c++) width += x[c]! + (c > cell.column ? 2 * PAD_X : 0);
        let count = 0;
        for (const w of widths) count += Math.max(1, w / width);
        const row = slot[k]!;
        if (row < 0) {
          hardSpanning = Math.max(hardSpanning, count);
          softSpanning += Math.pow(count, SOFT_MAX);
        } else {
          hardRows[row] = Math.max(hardRows[row]!, count);
          softRows[row]! += Math.pow(count, SOFT_MAX);
        }
      });
      let hardTotal = 0;
      let softTotal = 0;
      for (let r = 0; r < rows; r++) {
        hardTotal += hardRows[r]!;
        softTotal += Math.pow(softRows[r]!, 1 / SOFT_MAX);
      }
      hard += Math.max(hardSpanning, hardTotal);
      soft += Math.pow(softSpanning + Math.pow(softTotal, SOFT_MAX), 1 / SOFT_MAX);
    }
    return hard + SOFT_WEIGHT * soft;
  };
  const x = [...min];
  const step = (avail - sumMin) / WIDTH_STEPS;
  let current = lines(x);
  let left = WIDTH_STEPS;
  for (; left > 0; left--) {
    let best = -1;
    let bestLines = current - 1e-9;
    for (let c = 0; c < n; c++) {
      x[c]! += step;
      const tried = lines(x);
      x[c]! -= step;
      if (tried < bestLines) [best, bestLines] = [c, tried];
    }
    if (best < 0) break;
    x[best]! += step;
    current = bestLines;
  }
  // Width that saves no more lines is shared out as the columns' text is long (as a browser lays out a table): a
  // column of short names does not take half a table whose other column holds the duties.
  const natural = new Array<number>(n).fill(0);
  for (const group of groups) for (const { cell, widths } of group) if (cell.colSpan === 1) natural[cell.column] = Math.max(natural[cell.column]!, ...widths);
  const totalNatural = natural.reduce((a, b) => a + b, 0);
  for (let c = 0; c < n; c++) x[c]! += (left * step * (totalNatural > 0 ? natural[c]! / totalNatural : 1 / n));
  return refine(ctx, tables, x, min, pageHeight).map((w) => w + 2 * PAD_X);
}

/**
 * Where each cell of a group adds its line count: the index of its row among the group's rows, in the order they
 * first appear, or -1 for a cell spanning rows.
 */
function rowSlots(group: readonly Measured[]): { slot: Int32Array; rows: number } {
  const index = new Map<number, number>();
  const slot = Int32Array.from(group, ({ cell }) => {
    if (cell.rowSpan > 1) return -1;
    if (!index.has(cell.row)) index.set(cell.row, index.size);
    return index.get(cell.row)!;
  });
  return { slot, rows: index.size };
}

/** Quanta of width moved between two columns when the real line breaks are tried, in table text ems. */
const REFINE_QUANTA = [0.5, 1, 2];
/** Moves tried at most: each improves the table by a line or more, so this bounds nothing in practice. */
const REFINE_ROUNDS = 200;

/**
 * The continuous estimate lands near the best widths; the real breaker (whole lines, kinsoku, unbreakable runs)
 * decides among its neighbours: width moves from one column to another while that saves real lines, the header's
 * counted once more for every page the table continues on.
 */
function refine(ctx: RowContext, tables: readonly { table: Table; cells: PlacedCell[] }[], start: readonly number[], min: readonly number[], pageHeight: number): number[] {
  const size = ctx.theme.styles.table.size;
  const x = [...start];
  const counts = new Map<PlacedCell, Map<number, number>>();
  const centred = tables.map(({ table }) => centredColumns(table));
  const linesOf = (cell: PlacedCell, t: number, width: number): number => {
    const key = Math.round(width * 100);
    let known = counts.get(cell);
    if (!known) counts.set(cell, (known = new Map()));
    let count = known.get(key);
    if (count === undefined) {
      const align = cell.header || centred[t]![cell.column] ? 'center' : 'justify';
      count = blockLines(ctx, { ...cell.block, align }, width).length;
      known.set(key, count);
    }
    return count;
  };
  // Line slots of every table at widths x, as tableRows counts them.
  const slots = (): number => {
    let total = 0;
    tables.forEach(({ table, cells }, t) => {
      const width = (cell: PlacedCell): number => {
        let w = 0;
        for (let c = cell.column; c < cell.column + cell.colSpan; c++) w += x[c]! + (c > cell.column ? 2 * PAD_X : 0);
        return w;
      };
      const rowLines = rowLineCounts(table.rows.length, cells, (cell) => linesOf(cell, t, width(cell)));
      const body = rowLines.reduce((a, b) => a + b, 0);
      const header = rowLines.slice(0, table.headerRows).reduce((a, b) => a + b, 0);
      const continuations = Math.max(0, Math.ceil((body * ctx.theme.styles.table.leading) / pageHeight) - 1);
      total += body + continuations * (header + 1);
    });
    return total;
  };
  let current = slots();
  for (let round = 0; round < REFINE_ROUNDS; round++) {
    let best: { from: number; to: number; by: number; slots: number } | undefined;
    for (const quantum of REFINE_QUANTA) {
      const by = quantum * size;
      for (let from = 0; from < x.length; from++) {
        if (x[from]! - by < min[from]! - 1e-9) continue;
        for (let to = 0; to < x.length; to++) {
          if (to === from) continue;
          x[from]! -= by;
          x[to]! += by;
          const tried = slots();
          x[from]! += by;
          x[to]! -= by;
          if (tried < (best?.slots ?? current)) best = { from, to, by, slots: tried };
        }
      }
    }
    if (!best) break;
    x[best.from]! -= best.by;
    x[best.to]! += best.by;
    current = best.slots;
  }
  return x;
}

function tableRows(ctx: RowContext, block: TableBlock, cells: readonly PlacedCell[], widths: readonly number[], pageHeight: number): Row[] {
  const { table } = block;
  const xs: number[] = [ctx.left];
  for (const w of widths) xs.push(xs.at(-1)! + w);
  const right = xs.at(-1)!;
  const style = ctx.theme.styles.table;
  const centred = centredColumns(table);
  const lines = new Map<PlacedCell, readonly Line[]>();
  for (const cell of cells) {
    const inner = xs[cell.column + cell.colSpan]! - xs[cell.column]! - 2 * PAD_X;
    const align = cell.header || centred[cell.column] ? 'center' : 'justify';
    lines.set(cell, blockLines(ctx, { ...cell.block, align }, inner));
  }
  const rowCount = table.rows.length;
  const rowLines = rowLineCounts(rowCount, cells, (cell) => lines.get(cell)!.length);
  const slotStart: number[] = [0];
  for (let r = 0; r < rowCount; r++) slotStart.push(slotStart[r]! + rowLines[r]!);
  const slots = slotStart[rowCount]!;
  const firstSlot = (cell: PlacedCell): number => slotStart[cell.row]!;
  const endSlot = (cell: PlacedCell): number => slotStart[cell.row + cell.rowSpan]!;
  const rowOfSlot = new Array<number>(slots);
  for (let r = 0; r < rowCount; r++) for (let s = slotStart[r]!; s < slotStart[r + 1]!; s++) rowOfSlot[s] = r;
  const slotHeight = (s: number): number => {
    const r = rowOfSlot[s]!;
    return style.leading + (s === slotStart[r] ? PAD_Y : 0) + (s === slotStart[r + 1]! - 1 ? PAD_Y : 0);
  };
  const covering = (s: number): PlacedCell[] => cells.filter((cell) => firstSlot(cell) <= s && s < endSlot(cell));
  const rule = (x1: number, y1: number, x2: number, y2: number, lineWidth = RULE): Box => ({ kind: 'rule', x1, y1, x2, y2, lineWidth });
  const headerSlots = slotStart[table.headerRows]!;
  const headerHeight = Array.from({ length: headerSlots }, (_, s) => slotHeight(s)).reduce((a, b) => a + b, 0);
  const group: TableGroup = { header: [] };

  /**
   * The slot a continuation page resumes the table at: a merged cell whose text is already past shows it again
   * from there, line by line in its own slots. Pages are drawn in order, so the last page's value is the one.
   */
  let resumedAt: number | undefined;
  const drawSlot = (s: number, top: number, continued: boolean): Box[] => {
    if (continued) resumedAt = s;
    else if (s === 0) resumedAt = undefined;
    const height = slotHeight(s);
    const r = rowOfSlot[s]!;
    const out: Box[] = [];
    const here = covering(s);
    for (const cell of here) {
      const x = xs[cell.column]!;
      out.push(rule(x, top, x, top + height, cell.column === 0 ? FRAME : RULE));
    }
    out.push(rule(right, top, right, top + height, FRAME));
    if (s === 0) out.push(rule(ctx.left, top, right, top, FRAME));
    else if (continued) out.push(rule(ctx.left, top, right, top, table.headerRows > 0 ? HEADER_RULE : FRAME));
    else if (s === slotStart[r]) {
      for (const cell of here) if (cell.row === r) out.push(rule(xs[cell.column]!, top, xs[cell.column + cell.colSpan]!, top, r === table.headerRows ? HEADER_RULE : RULE));
    }
    if (s === slots - 1) out.push(rule(ctx.left, top + height, right, top + height, FRAME));
    const lineTop = top + (s === slotStart[r] ? PAD_Y : 0);
    for (const cell of here) {
      const cellLines = lines.get(cell)!;
      const k = s - firstSlot(cell);
      // On a continuation page a merged cell whose text is already past shows it again (as far as its slots there go).
      const again = resumedAt !== undefined && resumedAt > firstSlot(cell) && cellLines.length <= resumedAt - firstSlot(cell) ? cellLines[s - resumedAt] : undefined;
      const line = cellLines[k] ?? again;
      if (!line) continue;
      const inner = xs[cell.column + cell.colSpan]! - xs[cell.column]! - 2 * PAD_X;
      const shift = cell.header || centred[cell.column] ? (inner - line.width) / 2 : table.align[cell.column] === 'right' ? inner - line.width : 0;
      const boxes = lineBoxes(ctx, cell.block, line, xs[cell.column]! + PAD_X + shift, lineTop, 'cell');
      // A label shown again on a continuation page is an artifact: the cell's text is in the structure once.
      // A link keeps its own element (inside the cell's); a label shown again is an artifact, its links in the table.
      for (const box of boxes) {
        if (box.kind === 'rule') continue;
        if (line === cellLines[k]) box.tag ??= cell.tag;
        else if (box.kind === 'link') box.tag = block.tag ?? cell.tag;
        else delete box.tag;
      }
      if (cell.block.span) for (const box of boxes) box.source = cell.block.span;
      out.push(...boxes);
    }
    return out;
  };

  const rows: Row[] = [];
  for (let s = 0; s < slots; s++) {
    const r = rowOfSlot[s]!;
    const header = r < table.headerRows;
    const rowFirst = slotStart[r]!;
    const rowLast = slotStart[r + 1]! - 1;
    const rowHeight = Array.from({ length: rowLast - rowFirst + 1 }, (_, k) => slotHeight(rowFirst + k)).reduce((a, b) => a + b, 0);
    // The header stays with the first row; a row up to a quarter of a page tall (with 续表 and the header) moves
    // whole; a taller one may break between its lines, leaving three lines or more on each side, rather than
    // leave a hole that size at the foot of a page. Between rows a table may break even inside a merged cell: its
    // text goes on, and its label heads the next page.
    const whole = rowHeight + headerHeight + style.leading <= pageHeight * WHOLE_ROW;
    const keep = s === slots - 1 ? false : header ? true : whole ? s < rowLast : s <= rowFirst + 1 || (s >= rowLast - 2 && s < rowLast);
    // Notes a cell first cites on its line in this slot go to the foot of the page the slot lands on.
    const footnotes = covering(s).flatMap((cell) => {
      const line = lines.get(cell)![s - firstSlot(cell)];
      return line ? (footnoteRows(ctx, cell.block, line) ?? []) : [];
    });
    const row: Row = {
      height: slotHeight(s),
      ...(footnotes.length > 0 ? { footnotes } : {}),
      spaceBefore: s === 0 ? block.spaceBefore * ctx.theme.styles.body.leading : 0,
      keepWithNext: keep,
      anchors: [],
      table: group,
      ...(header ? { isHeader: true } : {}),
      boxes: (top) => drawSlot(s, top, false),
      continued: (top) => drawSlot(s, top, true),
      closeRule: (bottom) => rule(ctx.left, bottom, right, bottom, FRAME),
    };
    rows.push(row);
    if (header) group.header.push(row);
  }
  // 续表 heads every page the table continues on.
  const label = '续表';
  const labelFont = ctx.fonts.get(style.font);
  const labelWidth = (labelFont.measure(label).width * style.size) / 1000;
  group.label = {
    height: style.leading,
    spaceBefore: 0,
    keepWithNext: true,
    anchors: [],
    boxes: (top) => [textBox({ text: label, width: labelWidth, characterSpacing: 0, adjustments: [] }, style, right - labelWidth, top + baselineOffset(style), 'cell')],
  };
  return rows;
}

/**
 * Rows of every table of a flow; tables with the same header (a list split by category, like the 非遗 名录) get
 * the same column widths.
 */
export function tableLayout(ctx: RowContext, blocks: readonly TableBlock[], pageHeight: number): (block: TableBlock) => Row[] {
  const { placed, headerKey, alike } = tableShapes(ctx, blocks);
  const widths = new Map<string, number[]>();
  return (block) => {
    const key = headerKey(block);
    let w = widths.get(key);
    if (!w) {
      const tables = (alike.get(key) ?? [block]).map((b) => ({ table: b.table, cells: placed.get(b) ?? [] }));
      const compute = (): number[] => columnWidths(ctx, tables, pageHeight);
      // The widths depend on the tables' content, not on where their source sits in the file.
      w = ctx.memo ? ctx.memo.get(`widths\u0000${pageHeight}\u0000${ctx.width}\u0000${JSON.stringify(tables.map((t) => t.table), (k, v: unknown) => (k === 'span' ? undefined : v))}`, compute) : compute();
      widths.set(key, w);
    }
    return tableRows(ctx, block, placed.get(block) ?? placeCells(ctx, block), w, pageHeight);
  };
}
