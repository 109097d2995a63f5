/**
 * The Chinese line breaker: break opportunities with GB-style kinsoku and unbreakable units, total-fit line
 * choice with line-end punctuation compression and 孤字不成行, tight adjacent punctuation, justification by
 * inter-character spacing, and balanced centred titles.
 */
import { unbreakableRuns } from '../shared/unbreakable.js';
import type { LoadedFont } from '../fonts/index.js';
import { isCjkCodePoint, isLowSurrogate, isUnshapedCodePoint } from '../shared/unicode.js';
import { wordBoundaries } from '../shared/words.js';

/** Characters that never start a line (GB/T 15834 点号, closing brackets and quotes; clreq GB style). */
const NO_LINE_START = new Set(
  Array.from('，。、；：？！）》」』】〕〉〗〙”’％‰℃°·・．,.;:!?)]}%'),
);
/** Characters that never end a line (opening brackets and quotes). */
const NO_LINE_END = new Set(Array.from('（《「『【〔〈〖〘“‘([{￥$£'));
/** Full-width marks whose glyph fills only the left half of the em: at line end they may lose 1/2 em. */
const COMPRESSIBLE_AT_END = new Set(Array.from('，。、；：？！）》」』】〕〉”’'));

/** Full-width marks drawn in the left half of their em (Mainland 点号, closing brackets and quotes). */
const INK_LEFT_MARKS = new Set(Array.from('，。、；：）》」』】〕〉〗”’'));
/** Full-width opening marks, drawn in the right half of their em. */
const OPENING_MARKS = new Set(Array.from('（《「『【〔〈〖“‘'));

const START = 1;
const END = 2;
const COMPRESSIBLE = 4;
const INK_LEFT = 8;
const OPENING = 16;
const FULL_WIDTH_MARK = 32;
/** The sets above as flags per UTF-16 code unit (all their members are in the BMP). */
const CLASS = new Uint8Array(0x10000);
const mark = (chars: Iterable<string>, flag: number): void => {
  for (const c of chars) CLASS[c.charCodeAt(0)] = (CLASS[c.charCodeAt(0)] ?? 0) | flag;
};
mark(NO_LINE_START, START);
mark(NO_LINE_END, END);
mark(COMPRESSIBLE_AT_END, COMPRESSIBLE);
mark(INK_LEFT_MARKS, INK_LEFT | FULL_WIDTH_MARK);
mark(OPENING_MARKS, OPENING | FULL_WIDTH_MARK);
mark('？！', FULL_WIDTH_MARK);

/**
 * Adjacent punctuation (GB/T 15834 5.1.10, clreq): two full-width marks side by side lose the blank half-em
 * between them, e.g. 。” ）》 ，“ 《（. True when the mark at `at` and the next one form such a pair.
 */
function tightPair(text: string, at: number): boolean {
  const a = CLASS[text.charCodeAt(at)] as number;
  if (!(a & (INK_LEFT | OPENING))) return false;
  const b = CLASS[text.charCodeAt(at + 1)] as number;
  return (a & INK_LEFT) !== 0 ? (b & FULL_WIDTH_MARK) !== 0 : (b & OPENING) !== 0;
}

/** Number of tight pairs whose first mark lies in [from, to − 1) (both marks inside the range). */
function tightPairs(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to - 1; k++) if (tightPair(text, k)) count++;
  return count;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/** `result[i]` is 1 when a line may break between `text[i-1]` and `text[i]` (UTF-16 indices), else 0. */
export function breakOpportunities(text: string): Uint8Array {
  const n = text.length;
  const allowed = new Uint8Array(n + 1);
  for (let i = 1; i < n; i++) {
    const nextCode = text.charCodeAt(i);
    // Low surrogates belong to the character before them; spaces stay at the end of the line they follow.
    if (isLowSurrogate(nextCode) || isSpace(nextCode)) continue;
    const prevCode = text.charCodeAt(i - 1);
    if (isSpace(prevCode)) {
      allowed[i] = 1;
      continue;
    }
    if ((CLASS[nextCode] as number) & START || (CLASS[prevCode] as number) & END) continue;
    const prevCjk = isCjkCodePoint(isLowSurrogate(prevCode) ? (text.codePointAt(i - 2) ?? 0) : prevCode);
    const nextCjk = isCjkCodePoint(text.codePointAt(i) ?? 0);
    // A Latin word, a number or a URL never breaks inside.
    if (!prevCjk && !nextCjk) continue;
    allowed[i] = 1;
  }
  for (const [start, end] of unbreakableRuns(text)) allowed.fill(0, start + 1, end);
  return allowed;
}

/** The face of text from the previous run's end (or 0) up to `end` (UTF-16 offset, exclusive). */
export interface FontRun {
  end: number;
  font: LoadedFont;
  size: number;
}

export interface BreakOptions {
  font: LoadedFont;
  size: number;
  /** Faces of a paragraph that mixes them (bold, 楷体, note marks), covering the whole text; absent for one face. */
  runs?: readonly FontRun[];
  /** Full line width in points. */
  width: number;
  /** Indent of the first line, in points. */
  firstIndent?: number;
  /** Indent of the other lines, in points. */
  indent?: number;
  justify: boolean;
  /** Added inter-character spacing the breaker tries to stay under, in em. */
  maxSpacing: number;
  /** Hard limit on that spacing, in em: a line that would need more is left short rather than spaced out. */
  spacingLimit?: number;
  /** Width to keep free at the end of the last line (TOC leader and page number). */
  lastLineReserve?: number;
  /** Extra cost of a break before `text[at]` (a title in the TOC keeps its words whole). */
  breakCost?: (at: number) => number;
}

export interface Line {
  text: string;
  /** UTF-16 offsets of the line in the paragraph (trailing spaces excluded). */
  start: number;
  end: number;
  /** Offset of the line's start from the left edge of the measure. */
  x: number;
  /** Drawn width, spacing included. */
  width: number;
  characterSpacing: number;
  /** True for a paragraph's last line (not justified). */
  final: boolean;
  /** True when the line-end mark was compressed by 1/2 em to make the line fit. */
  compressed: boolean;
  /** Advances reduced inside the line (tight punctuation pairs): UTF-16 offset in `text`, points. */
  adjustments: Adjustment[];
}

export interface Adjustment {
  /** Offset in the line text of the character whose advance is reduced. */
  after: number;
  amount: number;
}

interface Piece {
  /** UTF-16 offsets of the piece in the paragraph. */
  start: number;
  end: number;
  width: number;
  glyphs: number;
  /** Width of trailing spaces, which vanish at a line end. */
  trailing: number;
  /** Ends with a mark that may lose 1/2 em at a line end. */
  compressible: boolean;
  /** Width lost when the next piece follows on the same line (a tight punctuation pair across the two). */
  pairAdjust: number;
}

const EPSILON = 0.01;

/** A paragraph cut at its break opportunities, each piece measured once. */
interface Measured {
  text: string;
  font: LoadedFont;
  size: number;
  runs: readonly FontRun[];
  list: Piece[];
  /** True when some break falls after a space inside a shaped run, so piece widths may not add up exactly. */
  approximate: boolean;
}

/** Measured short texts (table cells are measured for column widths, then broken), per font and size. */
const measuredCache = new WeakMap<LoadedFont, Map<string, Measured>>();
const CACHED_LENGTH = 120;

function measurePieces(text: string, font: LoadedFont, size: number, runs?: readonly FontRun[]): Measured {
  if (runs && runs.length > 1) return measureUncached(text, font, size, runs);
  if (text.length > CACHED_LENGTH) return measureUncached(text, font, size);
  let cache = measuredCache.get(font);
  if (!cache) {
    cache = new Map();
    measuredCache.set(font, cache);
  }
  const key = `${size}|${text}`;
  let m = cache.get(key);
  if (!m) {
    m = measureUncached(text, font, size);
    cache.set(key, m);
  }
  return m;
}

/** Natural width (points) and glyph count of `text[from, to)` set in its runs' faces. */
function measureRange(m: Pick<Measured, 'text' | 'runs'>, from: number, to: number): { width: number; glyphs: number } {
  let width = 0;
  let glyphs = 0;
  let start = 0;
  for (const run of m.runs) {
    const a = Math.max(from, start);
    const b = Math.min(to, run.end);
    if (a < b) {
      const measured = run.font.measure(m.text.slice(a, b));
      width += (measured.width * run.size) / 1000;
      glyphs += measured.glyphs;
    }
    start = run.end;
    if (start >= to) break;
  }
  return { width, glyphs };
}

function measureUncached(text: string, font: LoadedFont, size: number, runs: readonly FontRun[] = [{ end: text.length, font, size }]): Measured {
  const allowed = breakOpportunities(text);
  const list: Piece[] = [];
  const scale = size / 1000;
  const single = runs.length <= 1;
  let approximate = !single;
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && !allowed[i]) continue;
    // Most pieces are one to three unshaped characters: add their advances without building strings.
    let width = 0;
    let glyphs = 0;
    if (single) {
      for (let k = start; k < i; ) {
        const cp = text.codePointAt(k) ?? 0;
        if (!isUnshapedCodePoint(cp)) {
          const m = font.measure(text.slice(start, i));
          width = m.width;
          glyphs = m.glyphs;
          break;
        }
        width += font.advance(cp);
        glyphs++;
        k += cp > 0xffff ? 2 : 1;
      }
      width *= scale;
    } else ({ width, glyphs } = measureRange({ text, runs }, start, i));
    width -= (tightPairs(text, start, i) * size) / 2;
    let end = i;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    let trailing = 0;
    if (end < i) {
      trailing = width + (tightPairs(text, start, i) * size) / 2 - measureRange({ text, runs }, start, end).width;
      if (i < text.length && !isCjkCodePoint(text.codePointAt(i) ?? 0)) approximate = true;
    }
    list.push({
      start,
      end: i,
      width,
      glyphs,
      trailing,
      compressible: end > start && ((CLASS[text.charCodeAt(end - 1)] as number) & COMPRESSIBLE) !== 0,
      pairAdjust: end === i && i < text.length && tightPair(text, i - 1) ? size / 2 : 0,
    });
    start = i;
  }
  return { text, font, size, runs, list, approximate };
}

/** Cost of a line's spacing: squared added space per gap, in hundredths of an em. */
function spacingCost(perGap: number, size: number, cap: number): number {
  const em = perGap / size;
  const base = (100 * em) ** 2;
  return em > cap + 1e-9 ? 1e4 + 10 * base : base;
}

const LINE_COST = 5;
const COMPRESSION_COST = 20;
const LONE_CHARACTER_COST = 1e5;
const FORCED_COST = 1e7;
/** Lines emptier than this many em are never worth trying for a non-final justified line. */
const MAX_SLACK_EM = 6;

/** Whether the text from `start` on, without punctuation and spaces, is one character: the 孤字 test. */
function isLoneCharacter(text: string, start: number): boolean {
  let core = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || (CLASS[code] as number) & (START | END) || isLowSurrogate(code)) continue;
    if (++core > 1) return false;
  }
  return core === 1;
}

interface Breaks {
  starts: number[];
  compressed: boolean[];
}

/**
 * Chooses breaks for the whole paragraph at once (shortest path over break opportunities, as in Knuth and
 * Plass): spacing is spread over several lines instead of one line taking it all, and a last line of one
 * character is avoided by pulling a character down (孤字不成行). Returns each line's first piece index.
 */
function optimalBreaks(m: Measured, opts: BreakOptions, width: number, first: number, rest: number): Breaks {
  const { list, size } = m;
  const n = list.length;
  const reserve = opts.lastLineReserve ?? 0;
  const widthPrefix = new Float64Array(n + 1);
  const glyphPrefix = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const p = list[k] as Piece;
    widthPrefix[k + 1] = (widthPrefix[k] as number) + p.width - p.pairAdjust;
    glyphPrefix[k + 1] = (glyphPrefix[k] as number) + p.glyphs;
  }
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const squeezed = new Uint8Array(n + 1);
  best[0] = 0;
  const minFill = opts.justify ? MAX_SLACK_EM * size : Infinity;
  let lo = 1;
  for (let i = 0; i < n; i++) {
    const base = best[i] as number;
    if (base === Infinity) continue;
    const room = width - (i === 0 ? first : rest);
    const left = widthPrefix[i] as number;
    // Skip candidate ends whose line would be far too short to justify.
    if (lo < i + 1) lo = i + 1;
    while (lo < n && (widthPrefix[lo] as number) - left < room - minFill) lo++;
    // The last end short of that stays a candidate: a long unbreakable piece may leave nothing better. When the
    // paragraph's end is that close, every end is: a last line that must keep room (the TOC's page number) or
    // must not be one character may be best served by breaking earlier.
    for (let j = lo >= n ? i + 1 : Math.max(i + 1, lo - 1); j <= n; j++) {
      const lastPiece = list[j - 1] as Piece;
      const lineWidth = (widthPrefix[j] as number) - left + lastPiece.pairAdjust - lastPiece.trailing;
      let cost: number;
      let compressed = false;
      if (j === n) {
        if (lineWidth > room - reserve + EPSILON) {
          if (j !== i + 1) break;
          cost = FORCED_COST;
        } else {
          cost = i > 0 && isLoneCharacter(m.text, list[i]?.start ?? 0) ? LONE_CHARACTER_COST : 0;
        }
      } else {
        let slack = room - lineWidth;
        let forced = false;
        if (slack < -EPSILON) {
          if (lastPiece.compressible && slack + size / 2 >= -EPSILON) {
            slack += size / 2;
            compressed = true;
          } else if (j === i + 1) {
            slack = 0;
            forced = true;
          } else {
            break;
          }
        }
        const gaps = Math.max(1, (glyphPrefix[j] as number) - (glyphPrefix[i] as number) - 1);
        // Ragged lines only prefer being full; justified lines pay for their added spacing.
        cost = opts.justify ? spacingCost(slack / gaps, size, opts.maxSpacing) : (0.01 * slack) / size;
        if (compressed) cost += COMPRESSION_COST;
        if (forced) cost += FORCED_COST;
        if (opts.breakCost) cost += opts.breakCost((list[j] as Piece).start);
      }
      const total = base + cost + LINE_COST;
      if (total < (best[j] as number)) {
        best[j] = total;
        from[j] = i;
        squeezed[j] = compressed ? 1 : 0;
      }
    }
  }
  const starts: number[] = [];
  const compressed: boolean[] = [];
  for (let j = n; j > 0; j = from[j] as number) {
    starts.unshift(from[j] as number);
    compressed.unshift(squeezed[j] === 1);
  }
  return { starts, compressed };
}

function linesFrom(m: Measured, breaks: Breaks, opts: BreakOptions, width: number, first: number, rest: number): Line[] {
  const { list, size, text } = m;
  const lines: Line[] = [];
  const { starts, compressed } = breaks;
  for (let l = 0; l < starts.length; l++) {
    const from = starts[l] as number;
    const to = l + 1 < starts.length ? (starts[l + 1] as number) : list.length;
    const last = list[to - 1] as Piece;
    const startOffset = (list[from] as Piece).start;
    const endOffset = last.end;
    let lineText = text.slice(startOffset, endOffset);
    let natural = last.pairAdjust - last.trailing;
    let glyphs = 0;
    for (let k = from; k < to; k++) {
      natural += (list[k] as Piece).width - (list[k] as Piece).pairAdjust;
      glyphs += (list[k] as Piece).glyphs;
    }
    if (last.trailing > 0) {
      lineText = lineText.trimEnd();
      glyphs = measureRange(m, startOffset, startOffset + lineText.length).glyphs;
    }
    const adjustments: Adjustment[] = [];
    for (let k = 0; k < lineText.length - 1; k++) if (tightPair(lineText, k)) adjustments.push({ after: k, amount: size / 2 });
    if (m.approximate) {
      const exact = measureRange(m, startOffset, startOffset + lineText.length);
      natural = exact.width - (adjustments.length * size) / 2;
      glyphs = exact.glyphs;
    }
    const final = l === starts.length - 1;
    const room = width - (l === 0 ? first : rest);
    const squeezed = !final && (compressed[l] ?? false);
    let cs = 0;
    if (opts.justify && !final && glyphs > 1) {
      const target = room + (squeezed ? size / 2 : 0);
      cs = Math.min((target - natural) / (glyphs - 1), Math.max(opts.maxSpacing, opts.spacingLimit ?? 0) * size);
      // Only a forced over-long piece can need negative spacing; do not squeeze glyphs together for it.
      if (cs < -0.05 * size) cs = 0;
    }
    lines.push({
      text: lineText,
      start: startOffset,
      end: startOffset + lineText.length,
      x: l === 0 ? first : rest,
      width: natural + cs * Math.max(0, glyphs - 1),
      characterSpacing: cs,
      final,
      compressed: squeezed,
      adjustments,
    });
  }
  return lines;
}

/**
 * Cuts every piece wider than `room` (a long URL in a narrow cell, a 发文字号 in a narrow column) wherever
 * kinsoku still allows: a break inside a word is better than text running over the margin or out of its cell.
 */
function splitOverwide(m: Measured, room: number): Measured {
  if (!m.list.some((p) => p.width - p.trailing > room + EPSILON)) return m;
  const { text } = m;
  const list: Piece[] = [];
  const push = (start: number, end: number): void => {
    let body = end;
    while (body > start && isSpace(text.charCodeAt(body - 1))) body--;
    const measured = measureRange(m, start, end);
    const width = measured.width;
    const reduced = width - (tightPairs(text, start, end) * m.size) / 2;
    list.push({
      start,
      end,
      width: reduced,
      glyphs: measured.glyphs,
      trailing: body < end ? width - measureRange(m, start, body).width : 0,
      compressible: body > start && ((CLASS[text.charCodeAt(body - 1)] as number) & COMPRESSIBLE) !== 0,
      pairAdjust: body === end && end < text.length && tightPair(text, end - 1) ? m.size / 2 : 0,
    });
  };
  for (const piece of m.list) {
    if (piece.width - piece.trailing <= room + EPSILON) {
      list.push(piece);
      continue;
    }
    let from = piece.start;
    for (let k = piece.start + 1; k < piece.end; k++) {
      const next = text.charCodeAt(k);
      const prev = text.charCodeAt(k - 1);
      if (isLowSurrogate(next) || isSpace(next) || (CLASS[next] as number) & START || (CLASS[prev] as number) & END) continue;
      push(from, k);
      from = k;
    }
    push(from, piece.end);
  }
  return { ...m, list, approximate: true };
}

/** Breaks one paragraph into lines. */
export function breakLines(text: string, opts: BreakOptions): Line[] {
  const first = opts.firstIndent ?? 0;
  const rest = opts.indent ?? 0;
  const m = splitOverwide(measurePieces(text, opts.font, opts.size, opts.runs), opts.width - Math.max(first, rest));
  if (m.list.length === 0) return [];
  return linesFrom(m, optimalBreaks(m, opts, opts.width, first, rest), opts, opts.width, first, rest);
}

/** Penalties for a title, in squared em of imbalance: a split word costs more than any unbalanced split. */
const INSIDE_WORD = 400;
/** A title takes one line more than it needs only to keep its words whole. */
const EXTRA_LINE = 60;

/** Characters that end the name of a place (上海市, 长宁区, 新泾镇). */
const PLACE_SUFFIX = '省市县区州盟旗镇乡';

/** The cost of breaking a title before `text[at]`, given where its words start and end. */
function titleBreakPenalty(text: string, at: number, words: WordIndex): number {
  const prev = text[at - 1] ?? '';
  const next = text[at] ?? '';
  // Boundaries a reader expects in a 公文 title: around 书名号 and brackets, after punctuation, before 关于 and
  // before the closing 的+文种.
  if ('》）、，：；'.includes(prev) || '《（'.includes(next)) return 0;
  if (!words.boundaries.has(at)) return INSIDE_WORD;
  if (text.startsWith('关于', at) || (next === '的' && text.length - at <= 5)) return 0;
  // A name in 书名号 reads best on one line, and so does a place with what follows it (上海市|长宁区, 区|教育局).
  const quoted = (words.quoted[at] ? 10 : 0) + (PLACE_SUFFIX.includes(prev) && /\p{Script=Han}/u.test(next) ? 10 : 0);
  if (prev === '的' || text.startsWith('印发', at) || text.startsWith('转发', at)) return 8 + quoted;
  const before = at - (words.previous[at] as number);
  const after = (words.next[at] as number) - at;
  // A place's suffix (长宁|区) never starts a line; two one-character words (印|发) read as one; a one-character
  // word leans on its neighbour.
  if (PLACE_SUFFIX.includes(next) && (after === 1 || !/[于的和及与对在向]/u.test(prev))) return 100;
  if (before === 1 && after === 1) return 30 + quoted;
  if (before === 1 || after === 1) return 12 + quoted;
  return 4 + quoted;
}

interface WordIndex {
  boundaries: ReadonlySet<number>;
  /** For a break before `text[at]`: where the word before it starts, and where the word after it ends. */
  previous: Int32Array;
  next: Int32Array;
  /** Whether a break before `text[at]` falls inside 《》. */
  quoted: Uint8Array;
}

function wordIndex(text: string): WordIndex {
  const boundaries = wordBoundaries(text);
  const n = text.length;
  const previous = new Int32Array(n + 1);
  const next = new Int32Array(n + 1).fill(n);
  for (let k = 1; k <= n; k++) previous[k] = boundaries.has(k - 1) ? k - 1 : (previous[k - 1] as number);
  for (let k = n - 1; k >= 0; k--) next[k] = boundaries.has(k + 1) ? k + 1 : (next[k + 1] as number);
  const quoted = new Uint8Array(n + 1);
  let depth = 0;
  for (let k = 0; k < n; k++) {
    if (text[k] === '《') depth++;
    else if (text[k] === '》') depth = Math.max(0, depth - 1);
    quoted[k + 1] = depth > 0 ? 1 : 0;
  }
  return { boundaries, previous, next, quoted };
}

/**
 * Breaks a centred title into balanced lines (T9: 梯形/菱形) at word boundaries: as many lines as the full measure
 * needs, or one more when that is the only way to keep every word whole.
 */
export function breakBalanced(text: string, opts: Omit<BreakOptions, 'justify' | 'firstIndent' | 'indent'>): Line[] {
  const ragged: BreakOptions = { ...opts, justify: false };
  const m = measurePieces(text, opts.font, opts.size, opts.runs);
  const { list, size } = m;
  if (list.length === 0) return [];
  const base = optimalBreaks(m, ragged, opts.width, 0, 0);
  const fewest = base.starts.length;
  if (fewest <= 1) return linesFrom(m, base, ragged, opts.width, 0, 0);
  const n = list.length;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = (prefix[k] as number) + (list[k] as Piece).width - (list[k] as Piece).pairAdjust;
  const words = wordIndex(text);
  const penalty = new Float64Array(n);
  for (let j = 1; j < n; j++) penalty[j] = titleBreakPenalty(text, (list[j] as Piece).start, words);

  /** The cheapest way to set the pieces on exactly `count` lines: its cost and the first piece of every line. */
  const balanced = (count: number): { cost: number; starts: number[] } => {
    const target = (prefix[n] as number) / count;
    // cost[l][j]: best cost of setting pieces [0, j) on l lines.
    const cost = Array.from({ length: count + 1 }, () => new Float64Array(n + 1).fill(Infinity));
    const from = Array.from({ length: count + 1 }, () => new Int32Array(n + 1).fill(-1));
    (cost[0] as Float64Array)[0] = 0;
    for (let l = 1; l <= count; l++) {
      const row = cost[l] as Float64Array;
      const prevRow = cost[l - 1] as Float64Array;
      for (let j = 1; j <= n; j++) {
        if (l === count && j !== n) continue;
        for (let i = j - 1; i >= 0; i--) {
          const before = prevRow[i] as number;
          if (before === Infinity) continue;
          const last = list[j - 1] as Piece;
          const width = (prefix[j] as number) - (prefix[i] as number) + last.pairAdjust - last.trailing;
          if (width > opts.width + EPSILON) break;
          const total = before + ((width - target) / size) ** 2 / 4 + (j < n ? (penalty[j] as number) : 0);
          if (total < (row[j] as number)) {
            row[j] = total;
            (from[l] as Int32Array)[j] = i;
          }
        }
      }
    }
    const starts: number[] = [];
    if ((cost[count] as Float64Array)[n] === Infinity) return { cost: Infinity, starts };
    for (let l = count, j = n; l > 0; l--) {
      const i = (from[l] as Int32Array)[j] as number;
      starts.unshift(i);
      j = i;
    }
    return { cost: (cost[count] as Float64Array)[n] as number, starts };
  };

  const best = balanced(fewest);
  const more = best.cost >= INSIDE_WORD ? balanced(fewest + 1) : { cost: Infinity, starts: [] };
  const chosen = more.cost + EXTRA_LINE < best.cost ? more : best;
  if (chosen.cost === Infinity) return linesFrom(m, base, ragged, opts.width, 0, 0);
  const lines = linesFrom(m, { starts: chosen.starts, compressed: chosen.starts.map(() => false) }, ragged, opts.width, 0, 0);
  return lines.map((line) => ({ ...line, x: 0, final: true, compressed: false, characterSpacing: 0 }));
}

/** Width of the widest unit that can never be broken: the least measure a table column may get. */
export function widestUnit(text: string, font: LoadedFont, size: number): number {
  return measurePieces(text, font, size).list.reduce((w, p) => Math.max(w, p.width - p.trailing), 0);
}
