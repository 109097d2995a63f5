/** Blocks → rows: each row is one line slot (a text line or a slice of a table row) ready to be placed. */
import { headerSpans } from '../shared/table.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontSet, LoadedFont } from '../fonts/index.js';
import type { Box, TextBox } from '../model/layout.js';
import type { Span } from '../model/source.js';
import type { TextStyle, Theme } from '../theme/index.js';
import type { Anchor, Block, TableBlock, TextBlock } from './blocks.js';
import { breakBalanced, breakLines, widestUnit, type Line } from './linebreak.js';

export interface TableGroup {
  /** Rows of the header, re-placed at the top of every page the table continues on. */
  header: Row[];
}

export interface Row {
  height: number;
  /** Space above in points; dropped at a page top. */
  spaceBefore: number;
  /** Keep this row on the same page as the next one. */
  keepWithNext: boolean;
  /** Boxes for the row with its top edge at `top`. */
  boxes(top: number): Box[];
  anchors: Anchor[];
  table?: TableGroup;
  isHeader?: boolean;
  /** For table slices: the rule to close the table when a page breaks after this slice. */
  closeRule?(bottom: number): Box;
}

export interface RowContext {
  theme: Theme;
  fonts: FontSet;
  /** Left edge and width of the type area. */
  left: number;
  width: number;
  diagnostics: Diagnostic[];
  /** Missing glyphs already reported, as `code point@file:line:column`. */
  reported: Set<string>;
}

/** Text without invisible format characters (zero-width space, BOM, joiners), which have no glyph to draw. */
export function visibleText(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

/** Baseline offset of a line inside its slot: the ideographic em box centred in the leading. */
export function baselineOffset(style: TextStyle): number {
  return (style.leading - style.size) / 2 + 0.88 * style.size;
}

/** Reports every character of `text` that `font` cannot draw, once per character and place. */
export function checkGlyphs(ctx: RowContext, text: string, font: LoadedFont, span: Span | undefined): void {
  const seen = ctx.reported;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (font.hasGlyph(cp) || /\s/u.test(char)) continue;
    const key = `${cp}@${span?.file ?? ''}:${span?.start.line ?? 0}:${span?.start.column ?? 0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ctx.diagnostics.push({
      code: 'glyph-missing',
      severity: 'error',
      ...(span ? { span } : {}),
      args: { char, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, font: font.key, ref: font.ref },
    });
  }
}

export function textBox(line: Line, style: TextStyle, x: number, baseline: number, role: TextBox['role']): TextBox {
  return {
    kind: 'text',
    text: line.text,
    font: style.font,
    size: style.size,
    x,
    y: baseline,
    characterSpacing: line.characterSpacing,
    width: line.width,
    ...(line.adjustments.length > 0 ? { adjustments: line.adjustments } : {}),
    role,
  };
}

/** Lines of a text block, in order, with hard breaks honoured. */
export function blockLines(ctx: RowContext, block: Pick<TextBlock, 'style' | 'text' | 'align' | 'indent' | 'span'>, width = ctx.width): Line[] {
  const style = ctx.theme.styles[block.style];
  const font = ctx.fonts.get(style.font);
  const text = visibleText(block.text);
  checkGlyphs(ctx, text, font, block.span);
  const lines: Line[] = [];
  text.split('\n').forEach((segment, i) => {
    const common = { font, size: style.size, width, maxSpacing: ctx.theme.maxLetterSpacing, spacingLimit: ctx.theme.letterSpacingLimit };
    if (block.align === 'center') {
      lines.push(...breakBalanced(segment, common));
    } else {
      lines.push(
        ...breakLines(segment, { ...common, justify: block.align === 'justify', firstIndent: i === 0 ? block.indent * style.size : 0 }),
      );
    }
  });
  return lines;
}

function textRows(ctx: RowContext, block: TextBlock): Row[] {
  const style = ctx.theme.styles[block.style];
  const lines = blockLines(ctx, block);
  const offset = baselineOffset(style);
  const bodyLeading = ctx.theme.styles.body.leading;
  return lines.map((line, i) => {
    const x = block.align === 'center' ? ctx.left + (ctx.width - line.width) / 2 : ctx.left + line.x;
    const role: TextBox['role'] = block.align === 'center' ? 'centered' : block.align === 'left' ? 'left' : line.final ? 'last' : 'justified';
    return {
      height: style.leading,
      spaceBefore: i === 0 ? block.spaceBefore * bodyLeading : 0,
      // Headings stay with what follows; a paragraph's last line never starts a page alone (孤行不成页).
      keepWithNext: block.keepWithNext || (lines.length >= 2 && i === lines.length - 2),
      boxes: (top) => [textBox(line, style, x, top + offset, role)],
      anchors: i === 0 && block.anchor ? [block.anchor] : [],
    };
  });
}

const PAD_X = 4;
const PAD_Y = 3;
const RULE = 0.5;

/** Column widths fitted to the content of `tables`, which share one header (so they line up alike). */
function columnWidths(ctx: RowContext, tables: readonly TableBlock[]): number[] {
  const table = tables[0] as TableBlock;
  const n = table.header.length;
  const cellStyle = (header: boolean): TextStyle => ctx.theme.styles[header ? 'tableHeader' : 'table'];
  const all = [table.header, ...tables.flatMap((t) => t.rows)];
  const min = new Array<number>(n).fill(0);
  const nat = new Array<number>(n).fill(0);
  all.forEach((row, r) => {
    const style = cellStyle(r === 0);
    const font = ctx.fonts.get(style.font);
    const spans = r === 0 ? headerSpans(row) : undefined;
    row.forEach((cell, c) => {
      // A header cell spanning columns is placed in their joint width and constrains none alone.
      if (spans && spans[c] !== 1) return;
      for (const seg of cell.split('\n')) {
        const natural = (font.measure(seg).width * style.size) / 1000;
        // A column narrower than 4 em stacks its words a character or two per line.
        min[c] = Math.max(min[c] ?? 0, widestUnit(seg, font, style.size), Math.min(natural, 4 * style.size));
        nat[c] = Math.max(nat[c] ?? 0, natural);
      }
    });
  });
  const avail = ctx.width - n * 2 * PAD_X;
  const sumNat = nat.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  let inner: number[];
  if (sumNat <= avail) inner = nat.map((w) => w + ((avail - sumNat) * w) / sumNat);
  else if (sumMin >= avail) inner = min.map((w) => (w * avail) / sumMin);
  else inner = min.map((w, i) => w + (((nat[i] ?? 0) - w) * (avail - sumMin)) / (sumNat - sumMin));
  return inner.map((w) => w + 2 * PAD_X);
}

function tableRows(ctx: RowContext, table: TableBlock, widths: readonly number[]): Row[] {
  const xs: number[] = [ctx.left];
  for (const w of widths) xs.push((xs.at(-1) as number) + w);
  const right = xs.at(-1) as number;
  const rule = (x1: number, y1: number, x2: number, y2: number): Box => ({ kind: 'rule', x1, y1, x2, y2, lineWidth: RULE });
  const group: TableGroup = { header: [] };
  const rows: Row[] = [];

  const addRow = (cells: string[], header: boolean, spans: readonly (Span | undefined)[]): void => {
    const style = ctx.theme.styles[header ? 'tableHeader' : 'table'];
    const offset = baselineOffset(style);
    const colspans = header ? headerSpans(cells) : cells.map(() => 1);
    const cellWidth = (c: number): number => widths.slice(c, c + (colspans[c] ?? 1)).reduce((a, b) => a + b, 0);
    const lines = cells.map((cell, c) => {
      if (colspans[c] === 0) return [];
      const span = spans[c] ?? table.span;
      return blockLines(ctx, { style: header ? 'tableHeader' : 'table', text: cell, align: 'left', indent: 0, ...(span ? { span } : {}) }, cellWidth(c) - 2 * PAD_X);
    });
    // Vertical rules stand at the edges of (spanned) cells only.
    const edges = xs.filter((_, i) => i === 0 || i === xs.length - 1 || colspans[i] !== 0);
    const count = Math.max(1, ...lines.map((l) => l.length));
    for (let k = 0; k < count; k++) {
      const first = k === 0;
      const last = k === count - 1;
      const height = style.leading + (first ? PAD_Y : 0) + (last ? PAD_Y : 0);
      const row: Row = {
        height,
        spaceBefore: rows.length === 0 && k === 0 ? table.spaceBefore * ctx.theme.styles.body.leading : 0,
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
          const baseline = top + (first ? PAD_Y : 0) + offset;
          lines.forEach((cellLines, c) => {
            const line = cellLines[k];
            if (!line) return;
            const colX = xs[c] as number;
            const inner = cellWidth(c) - 2 * PAD_X;
            const align = header ? 'center' : table.align[c];
            const shift = align === 'center' ? (inner - line.width) / 2 : align === 'right' ? inner - line.width : 0;
            out.push(textBox(line, style, colX + PAD_X + shift, baseline, 'cell'));
          });
          return out;
        },
        closeRule: (bottom) => rule(ctx.left, bottom, right, bottom),
      };
      rows.push(row);
      if (header) group.header.push(row);
    }
  };

  addRow(table.header, true, table.cellSpans[0] ?? []);
  table.rows.forEach((cells, r) => addRow(cells, false, table.cellSpans[r + 1] ?? []));
  return rows;
}

/** Rows for a list of blocks. */
export function blockRows(ctx: RowContext, blocks: readonly Block[]): Row[] {
  // Tables with the same header (a list split by category, like the 非遗 名录) get the same column widths.
  const alike = new Map<string, TableBlock[]>();
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const key = block.header.join('\u0000');
    alike.set(key, [...(alike.get(key) ?? []), block]);
  }
  const widths = new Map<string, number[]>();
  const widthsOf = (table: TableBlock): number[] => {
    const key = table.header.join('\u0000');
    let w = widths.get(key);
    if (!w) {
      w = columnWidths(ctx, alike.get(key) ?? [table]);
      widths.set(key, w);
    }
    return w;
  };
  const rows: Row[] = [];
  let afterTable = false;
  for (const block of blocks) {
    const added = block.kind === 'text' ? textRows(ctx, block) : tableRows(ctx, block, widthsOf(block));
    // Text after a table gets the same half line the table has above it.
    const first = added[0];
    if (afterTable && first) first.spaceBefore = Math.max(first.spaceBefore, 0.5 * ctx.theme.styles.body.leading);
    afterTable = block.kind === 'table';
    rows.push(...added);
  }
  return rows;
}
