/**
 * Rows of the elements that are not running text: figures, separators, the closing block (署名 and 成文日期 per
 * GB/T 9704 §7.3.5.2) and the 版记 (§7.4); and the dispatcher from every block kind to its rows.
 */
import type { Box } from '../model/layout.js';
import type { Block, ClosingBlock, FigureBlock, RecordBlock, SeparatorBlock, TableBlock } from './blocks.js';
import { breakLines } from './linebreak.js';
import { baselineOffset, textBox, textRows, type Row, type RowContext } from './rows.js';
import { tableLayout } from './table.js';
import { chineseDate } from '../shared/dates.js';
import { append } from '../shared/arrays.js';

/** CSS pixels (96 per inch) in points: an image keeps its natural size unless it is wider than the measure. */
const PX = 0.75;
const MM = 72 / 25.4;

function figureRows(ctx: RowContext, block: FigureBlock, pageHeight: number): Row[] {
  const { image } = block;
  const captionRows = block.caption ? textRows(ctx, { ...block.caption, spaceBefore: 0.25 }) : [];
  const captionHeight = captionRows.reduce((h, r) => h + r.height + r.spaceBefore, 0);
  let width = image.width * PX;
  let height = image.height * PX;
  const scale = Math.min(1, ctx.width / width, (pageHeight - captionHeight) / height);
  width *= scale;
  height *= scale;
  const x = ctx.left + (ctx.width - width) / 2;
  const row: Row = {
    height,
    spaceBefore: block.spaceBefore * ctx.theme.styles.body.leading,
    keepWithNext: captionRows.length > 0,
    anchors: [],
    boxes: (top) => [{ kind: 'image', x, y: top, width, height, image }],
  };
  return [row, ...captionRows];
}

function separatorRows(ctx: RowContext, block: SeparatorBlock): Row[] {
  const leading = ctx.theme.styles.body.leading;
  const half = 2 * ctx.theme.styles.body.size;
  const middle = ctx.left + ctx.width / 2;
  return [{ height: leading, spaceBefore: block.spaceBefore * leading, keepWithNext: false, anchors: [], boxes: (top) => [{ kind: 'rule', x1: middle - half, y1: top + leading / 2, x2: middle + half, y2: top + leading / 2, lineWidth: 0.5 }] }];
}

/**
 * 署名 right-aligned two em from the edge, one body per line (联合行文: 主办机关 first); the date on the next line,
 * starting two em right of the signature; a date longer than that moves both left so it keeps two em of right space.
 */
function closingRows(ctx: RowContext, block: ClosingBlock): Row[] {
  const style = ctx.theme.styles.body;
  const font = ctx.fonts.get(style.font);
  const em = style.size;
  const right = ctx.left + ctx.width - 2 * em;
  const measure = (text: string): number => (font.measure(text).width * em) / 1000;
  const lines = block.signatures.flatMap((signature) => {
    return breakLines(signature, { font, size: em, width: ctx.width - 4 * em, justify: false, maxSpacing: 0 }).map((line) => line.text);
  });
  const signatureWidth = Math.max(0, ...lines.map(measure));
  let signatureX = right - signatureWidth;
  let dateX = signatureX + 2 * em;
  const dateWidth = block.date ? measure(block.date) : 0;
  if (block.date && dateX + dateWidth > right) {
    dateX = right - dateWidth;
    signatureX = lines.length > 0 ? dateX - 2 * em : dateX;
  }
  // Without a signature the date alone keeps the two em of right space.
  if (lines.length === 0) dateX = right - dateWidth;
  const rows: Row[] = lines.map((text, i) => ({
    height: style.leading,
    spaceBefore: i === 0 ? block.spaceBefore * style.leading : 0,
    keepWithNext: true,
    anchors: [],
    boxes: (top) => [textBox({ text, characterSpacing: 0, width: measure(text), adjustments: [] }, style, signatureX, top + baselineOffset(style), 'left')],
  }));
  if (block.date) {
    const date = block.date;
    rows.push({
      height: style.leading,
      spaceBefore: rows.length === 0 ? block.spaceBefore * style.leading : 0,
      keepWithNext: false,
      anchors: [],
      boxes: (top) => [textBox({ text: date, characterSpacing: 0, width: dateWidth, adjustments: [] }, style, dateX, top + baselineOffset(style), 'left')],
    });
  }
  if (rows.length > 0) rows[rows.length - 1]!.keepWithNext = false;
  return rows;
}

/**
 * 版记: 抄送 with one em of space left and right, wrapped under the name after the colon, ending with 。; then
 * 印发机关 (one em left) and 印发日期 + 印发 (one em right) on one line; rules of 0.35 mm outside, 0.25 mm between.
 */
function recordRows(ctx: RowContext, block: RecordBlock): Row[] {
  const style = ctx.theme.styles.record;
  const font = ctx.fonts.get(style.font);
  const em = style.size;
  const left = ctx.left;
  const right = ctx.left + ctx.width;
  const measure = (text: string): number => (font.measure(text).width * em) / 1000;
  const rows: Row[] = [];
  const heavy = 0.35 * MM;
  const light = 0.25 * MM;
  const ruleRow = (width: number, spaceBefore: number): Row => ({
    height: 0,
    spaceBefore,
    keepWithNext: true,
    anchors: [],
    boxes: (top) => [{ kind: 'rule', x1: left, y1: top, x2: right, y2: top, lineWidth: width }],
  });
  rows.push(ruleRow(heavy, block.spaceBefore * ctx.theme.styles.body.leading));
  if (block.cc.length > 0) {
    const lead = '抄送：';
    const text = `${lead}${block.cc.join('，')}。`;
    const lines = breakLines(text, { font, size: em, width: ctx.width - 2 * em, justify: true, maxSpacing: ctx.theme.maxLetterSpacing, spacingLimit: ctx.theme.letterSpacingLimit, indent: measure(lead) });
    for (const line of lines) rows.push({ height: style.leading, spaceBefore: 0, keepWithNext: true, anchors: [], boxes: (top) => [textBox(line, style, left + em + line.x, top + baselineOffset(style), 'left')] });
    if (block.printed) rows.push(ruleRow(light, 0));
  }
  if (block.printed) {
    const by = block.printed.by;
    const date = `${chineseDate(block.printed.date)}印发`;
    rows.push({
      height: style.leading,
      spaceBefore: 0,
      keepWithNext: true,
      anchors: [],
      boxes: (top): Box[] => [
        textBox({ text: by, characterSpacing: 0, width: measure(by), adjustments: [] }, style, left + em, top + baselineOffset(style), 'left'),
        textBox({ text: date, characterSpacing: 0, width: measure(date), adjustments: [] }, style, right - em - measure(date), top + baselineOffset(style), 'left'),
      ],
    });
  }
  rows.push({ ...ruleRow(heavy, 0), keepWithNext: false });
  return rows;
}

/** Rows for a list of blocks. */
export function blockRows(ctx: RowContext, blocks: readonly Block[], pageHeight: number): Row[] {
  const tables = tableLayout(ctx, blocks.filter((b): b is TableBlock => b.kind === 'table'), pageHeight);
  const rows: Row[] = [];
  let afterTable = false;
  for (const block of blocks) {
    const added =
      block.kind === 'text'
        ? textRows(ctx, block)
        : block.kind === 'table'
          ? tables(block)
          : block.kind === 'figure'
            ? figureRows(ctx, block, pageHeight)
            : block.kind === 'separator'
              ? separatorRows(ctx, block)
              : block.kind === 'closing'
                ? closingRows(ctx, block)
                : recordRows(ctx, block);
    // Text after a table gets the same half line the table has above it; the space around tables and figures
    // may grow to make a page flush.
    const first = added[0];
    // 署名 and 成文日期 never open a page alone: they keep the text's last line with them.
    if (block.kind === 'closing' && first) {
      const previous = rows.at(-1);
      if (previous) previous.keepWithNext = true;
    }
    if (afterTable && first) first.spaceBefore = Math.max(first.spaceBefore, 0.5 * ctx.theme.styles.body.leading);
    if (first && (afterTable || block.kind === 'table' || block.kind === 'figure')) first.stretch = 'heading';
    afterTable = block.kind === 'table';
    if (block.owner !== undefined) for (const row of added) own(row, block.owner);
    // A table's cells carry their own elements; a figure's caption rows have theirs already.
    if (block.tag && block.kind !== 'table') for (const row of added) row.tag ??= block.tag;
    const source = block.kind === 'table' || block.kind === 'separator' ? undefined : block.span;
    if (source) for (const row of added) row.source ??= source;
    append(rows, added);
  }
  return rows;
}

/** Marks a row, its footnotes and its table's 续表 line as setting the document `owner`. */
function own(row: Row, owner: string): void {
  row.owner = owner;
  for (const note of row.footnotes ?? []) own(note, owner);
  if (row.table?.label) row.table.label.owner = owner;
}
