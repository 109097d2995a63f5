/** Blocks → rows: each row is one line slot (a text line, a slice of a table row, a figure) ready to be placed. */
import type { FontSet } from '../fonts/index.js';
import type { Box, StructNode, TextBox } from '../model/layout.js';
import type { Span } from '../model/source.js';
import type { TextStyle, Theme } from '../theme/index.js';
import type { Anchor, InlineSpan, TextBlock } from './blocks.js';
import { breakBalanced, breakLines, type FontRun, type Line } from './linebreak.js';
import type { BuildMemo } from '../shared/build-memo.js';

export interface TableGroup {
  /** Rows of the header, re-placed at the top of every page the table continues on. */
  header: Row[];
  /** The 续表 line placed above them there. */
  label?: Row;
}

export interface Row {
  height: number;
  /** Space above in points; dropped at a page top. */
  spaceBefore: number;
  /** Keep this row on the same page as the next one. */
  keepWithNext: boolean;
  /** Start a new page before this row (unless the page is still empty). */
  breakBefore?: boolean;
  /** First row of a section or a document: the page before it may end short (see fillPages' documentGap). */
  opens?: boolean;
  /**
   * The space above this row may grow to make a page flush at the foot: above headings, tables and figures
   * first, then (by half as much) between paragraphs.
   */
  stretch?: 'heading' | 'paragraph';
  /** Boxes for the row with its top edge at `top`. */
  boxes(top: number): Box[];
  /** Id of the document the row sets (see `Origin`); fillPages marks the row's boxes with it. */
  owner?: string;
  /** Structure element of the row's text and images (see `Origin.tag`), unless a box names its own (a table cell). */
  tag?: StructNode;
  /** Where the row's content was written (see `Origin.source`), unless a box names its own (a table cell). */
  source?: Span;
  anchors: Anchor[];
  /** Rows of the footnotes first cited on this row, set at the foot of the page it lands on. */
  footnotes?: Row[];
  table?: TableGroup;
  isHeader?: boolean;
  /** For table slices: the rule to close the table when a page breaks after this slice. */
  closeRule?(bottom: number): Box;
  /** For table slices: the boxes when the slice is the first under a repeated header (a rule above, labels again). */
  continued?(top: number): Box[];
}

export interface RowContext {
  theme: Theme;
  fonts: FontSet;
  /** Left edge and width of the type area. */
  left: number;
  width: number;
  /** Where titles broke (see `TextBlock.titleOf`), filled as their rows are made. */
  titleBreaks?: Map<object, number[]>;
  /** Lines and table widths of earlier builds, for a process that builds again and again (the preview). */
  memo?: BuildMemo;
}

/** The context of a flow set across the theme's type area. */
export function typeArea(theme: Theme, fonts: FontSet, extra: Partial<Pick<RowContext, 'titleBreaks' | 'memo'>> = {}): RowContext {
  const { margins } = theme.page;
  return { theme, fonts, left: margins.left, width: theme.page.width - margins.left - margins.right, ...extra };
}

/** A footnote mark is set at this fraction of the text size, raised by `NOTE_RISE` em. */
const NOTE_SCALE = 0.6;
const NOTE_RISE = 0.35;

/** Baseline offset of a line inside its slot: the ideographic em box centred in the leading. */
export function baselineOffset(style: TextStyle): number {
  return (style.leading - style.size) / 2 + 0.88 * style.size;
}

export function textBox(line: Pick<Line, 'text' | 'characterSpacing' | 'width' | 'adjustments'>, style: TextStyle, x: number, baseline: number, role: TextBox['role']): TextBox {
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

/** One stretch of a text block with the same marks: its face, size and what else it carries. */
export interface Segment {
  start: number;
  end: number;
  font: string;
  size: number;
  span?: InlineSpan;
}

/**
 * The block's text cut at every mark boundary, each piece with its face. Marks do not overlap (each comes from one
 * inline), so one pass over them in order finds each piece's mark: linear in the marks, however many a paragraph
 * has (a list of 2,000 links).
 */
export function segments(theme: Theme, block: Pick<TextBlock, 'style' | 'text' | 'spans'>, text = block.text): Segment[] {
  const style = theme.styles[block.style];
  const cuts = new Set<number>([0, text.length]);
  for (const s of block.spans) {
    cuts.add(Math.min(s.start, text.length));
    cuts.add(Math.min(s.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const spans = [...block.spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    while (next < spans.length && spans[next]!.end <= start) next++;
    const candidate = spans[next];
    const span = candidate && candidate.start <= start && candidate.end >= end ? candidate : undefined;
    out.push({ start, end, font: span?.font ?? style.font, size: span?.noteMark ? style.size * NOTE_SCALE : style.size, ...(span ? { span } : {}) });
  }
  return out;
}

/** Each block's segments, made once however many lines it has. */
const blockSegments = new WeakMap<object, Segment[]>();

function segmentsOf(theme: Theme, block: Pick<TextBlock, 'style' | 'text' | 'spans'>): Segment[] {
  let found = blockSegments.get(block);
  if (!found) {
    found = segments(theme, block);
    blockSegments.set(block, found);
  }
  return found;
}

/** Index of the first segment that ends after `offset` (segments are in order and contiguous). */
function firstSegmentAfter(segs: readonly Segment[], offset: number): number {
  let low = 0;
  let high = segs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (segs[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

type LineSource = Pick<TextBlock, 'style' | 'text' | 'align' | 'indent'> & Partial<Pick<TextBlock, 'spans' | 'hang'>>;

/** Lines of a text block, in order, with hard breaks honoured; offsets are into the block's text. */
export function blockLines(ctx: RowContext, block: LineSource, width = ctx.width): readonly Line[] {
  if (!ctx.memo) return breakBlock(ctx, block, width);
  // Everything breaking reads besides the theme and fonts the memo is bound to; marks count by face and size.
  const marks = (block.spans ?? []).map((s) => `${s.start},${s.end},${s.font ?? ''},${s.noteMark ? 1 : 0}`).join(';');
  const key = `lines\u0000${block.style}\u0000${block.align}\u0000${block.indent}\u0000${block.hang ?? 0}\u0000${width}\u0000${marks}\u0000${block.text}`;
  return ctx.memo.get(key, () => breakBlock(ctx, block, width));
}

function breakBlock(ctx: RowContext, block: LineSource, width: number): Line[] {
  const style = ctx.theme.styles[block.style];
  const font = ctx.fonts.get(style.font);
  const text = block.text;
  const spans = block.spans ?? [];
  const segs = segments(ctx.theme, { style: block.style, text, spans });
  const lines: Line[] = [];
  let offset = 0;
  text.split('\n').forEach((segment, i) => {
    const base = offset;
    offset += segment.length + 1;
    const runs: FontRun[] = [];
    if (spans.length > 0) {
      for (const seg of segs) {
        const end = Math.min(seg.end, base + segment.length) - base;
        if (end <= 0 || seg.start >= base + segment.length) continue;
        runs.push({ end, font: ctx.fonts.get(seg.font), size: seg.size });
      }
    }
    const common = { font, size: style.size, width, maxSpacing: ctx.theme.maxLetterSpacing, spacingLimit: ctx.theme.letterSpacingLimit, ...(runs.length > 1 ? { runs } : {}) };
    const broken =
      block.align === 'center'
        ? breakBalanced(segment, common)
        : breakLines(segment, { ...common, justify: block.align === 'justify', firstIndent: i === 0 ? block.indent * style.size : (block.hang ?? 0) * style.size, indent: (block.hang ?? 0) * style.size });
    for (const line of broken) lines.push({ ...line, start: line.start + base, end: line.end + base });
  });
  return lines;
}

/**
 * The boxes of one line: one text box per stretch of marks (most lines are one), each placed after the previous
 * with the line's spacing, plus strike-through rules and link areas.
 */
export function lineBoxes(ctx: RowContext, block: Pick<TextBlock, 'style' | 'text' | 'spans'>, line: Line, x: number, top: number, role: TextBox['role']): Box[] {
  const style = ctx.theme.styles[block.style];
  const baseline = top + baselineOffset(style);
  if (block.spans.length === 0 || line.text !== block.text.slice(line.start, line.end)) return [textBox(line, style, x, baseline, role)];
  const out: Box[] = [];
  const cs = line.characterSpacing;
  let cursor = x;
  const segs = segmentsOf(ctx.theme, block);
  for (let k = firstSegmentAfter(segs, line.start); k < segs.length && segs[k]!.start < line.end; k++) {
    const seg = segs[k]!;
    const a = Math.max(seg.start, line.start);
    const b = Math.min(seg.end, line.end);
    if (a >= b) continue;
    const piece = block.text.slice(a, b);
    const font = ctx.fonts.get(seg.font);
    const measured = font.measure(piece);
    const from = a - line.start;
    const to = b - line.start;
    const own = line.adjustments.filter((adj) => adj.after >= from && adj.after < to - 1).map((adj) => ({ after: adj.after - from, amount: adj.amount }));
    const across = line.adjustments.find((adj) => adj.after === to - 1 && to < line.text.length)?.amount ?? 0;
    const natural = (measured.width * seg.size) / 1000 - own.reduce((sum, adj) => sum + adj.amount, 0);
    const width = natural + cs * Math.max(0, measured.glyphs - 1);
    const rise = seg.span?.noteMark ? NOTE_RISE * style.size : 0;
    out.push({
      kind: 'text',
      text: piece,
      font: seg.font,
      size: seg.size,
      x: cursor,
      y: baseline - rise,
      characterSpacing: cs,
      width,
      ...(own.length > 0 ? { adjustments: own } : {}),
      role: seg.span?.noteMark ? 'note-mark' : role,
      ...(seg.span?.tag ? { tag: seg.span.tag } : {}),
    });
    if (seg.span?.strike) {
      const y = baseline - 0.3 * seg.size;
      out.push({ kind: 'rule', x1: cursor, y1: y, x2: cursor + width, y2: y, lineWidth: Math.max(0.4, 0.05 * seg.size) });
    }
    if (seg.span?.href) out.push({ kind: 'link', x: cursor, y: top, width, height: style.leading, uri: seg.span.href, contents: block.text.slice(seg.start, seg.end), ...(seg.span.tag ? { tag: seg.span.tag } : {}) });
    cursor += width + cs - across;
  }
  return out;
}

/** Rows of the footnotes a text block (or a table cell) first cites on a line, set in the footnote style at the full measure. */
export function footnoteRows(ctx: RowContext, block: TextBlock, line: Line): Row[] | undefined {
  const cited = block.notes.filter((note) => note.at >= line.start && note.at < Math.max(line.end, line.start + 1));
  if (cited.length === 0) return undefined;
  const rows = cited.flatMap((note) => note.blocks.flatMap((b) => textRows(ctx, b)));
  // A note is never split from its first line: keep each note's lines together.
  return rows.map((row, i) => ({ ...row, spaceBefore: 0, keepWithNext: i < rows.length - 1 }));
}

/** Offsets of the breaks the breaker chose, counted in the text without its hard breaks (which every edition keeps). */
function softBreaks(text: string, lines: readonly Line[]): number[] {
  return lines
    .slice(1)
    .filter((line) => text[line.start - 1] !== '\n')
    .map((line) => line.start - (text.slice(0, line.start).match(/\n/g)?.length ?? 0));
}

export function textRows(ctx: RowContext, block: TextBlock): Row[] {
  const style = ctx.theme.styles[block.style];
  const inset = block.inset * ctx.theme.styles.body.size;
  const lines = blockLines(ctx, block, ctx.width - 2 * inset);
  if (block.titleOf && ctx.titleBreaks) ctx.titleBreaks.set(block.titleOf, softBreaks(block.text, lines));
  const bodyLeading = ctx.theme.styles.body.leading;
  return lines.map((line, i) => {
    const x = block.align === 'center' ? ctx.left + (ctx.width - line.width) / 2 : ctx.left + inset + line.x;
    const role: TextBox['role'] =
      block.style === 'footnote' ? 'footnote' : block.align === 'center' ? 'centered' : block.align === 'left' ? 'left' : line.final ? 'last' : 'justified';
    const footnotes = footnoteRows(ctx, block, line);
    return {
      height: style.leading,
      spaceBefore: i === 0 ? block.spaceBefore * bodyLeading : 0,
      // Headings stay with what follows; a paragraph's first line never ends a page alone, nor its last line
      // starts one (孤行不成页).
      keepWithNext: block.keepWithNext || (lines.length >= 2 && (i === 0 || i === lines.length - 2)) || (i === 0 && block.leads === true),
      ...(i === 0 && block.breakBefore ? { breakBefore: true } : {}),
      ...(i === 0 && block.opens ? { opens: true } : {}),
      ...(i === 0 ? { stretch: block.keepWithNext || block.align === 'center' ? ('heading' as const) : ('paragraph' as const) } : {}),
      boxes: (top) => lineBoxes(ctx, block, line, x, top, role),
      anchors: i === 0 && block.anchor ? [block.anchor] : [],
      ...(block.tag ? { tag: block.tag } : {}),
      ...(block.span ? { source: block.span } : {}),
      ...(footnotes ? { footnotes } : {}),
    };
  });
}
