/**
 * Glyph coverage: which characters a font can draw, read straight from its `cmap` table (no font engine, so
 * `check` stays fast), and which printed characters a face lacks. `check` and the layout report missing glyphs
 * with this one function, so `check` passes exactly what `build` can print.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../model/source.js';
import { LineIndex } from '../parse/index.js';

/** Whether a font has a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean;

/** A string the issue prints in one face, and where it comes from. */
export interface PrintedText {
  text: string;
  /** Font key of the theme. */
  font: string;
  span?: Span;
}

/**
 * Reads the best Unicode subtable of a font's cmap table (format 12 for the full range, else format 4); undefined
 * when the bytes are not a cmap with one.
 */
export function readCoverage(bytes: Uint8Array): Coverage | undefined {
  if (bytes.byteLength < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = 0;
  let format4 = -1;
  let format12 = -1;
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmap + view.getUint32(record + 4);
    if (offset + 2 > bytes.byteLength) continue;
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) format12 = offset;
    else if (format === 4 && format4 < 0) format4 = offset;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    const starts = new Uint32Array(groups);
    const ends = new Uint32Array(groups);
    for (let g = 0; g < groups; g++) {
      starts[g] = view.getUint32(format12 + 16 + 12 * g);
      ends[g] = view.getUint32(format12 + 20 + 12 * g);
    }
    return (cp) => search(starts, ends, cp);
  }
  if (format4 >= 0) {
    const segments = view.getUint16(format4 + 6) / 2;
    const endAt = format4 + 14;
    const startAt = endAt + 2 * segments + 2;
    const deltaAt = startAt + 2 * segments;
    const rangeAt = deltaAt + 2 * segments;
    const starts = new Uint32Array(segments);
    const ends = new Uint32Array(segments);
    for (let s = 0; s < segments; s++) {
      starts[s] = view.getUint16(startAt + 2 * s);
      ends[s] = view.getUint16(endAt + 2 * s);
    }
    return (cp) => {
      const s = segmentOf(starts, ends, cp);
      if (s < 0 || cp === 0xffff) return false;
      const rangeOffset = view.getUint16(rangeAt + 2 * s);
      if (rangeOffset === 0) return ((cp + view.getUint16(deltaAt + 2 * s)) & 0xffff) !== 0;
      const glyphAt = rangeAt + 2 * s + rangeOffset + 2 * (cp - starts[s]!);
      return glyphAt + 2 <= bytes.byteLength && view.getUint16(glyphAt) !== 0;
    };
  }
  return undefined;
}

function segmentOf(starts: Uint32Array, ends: Uint32Array, cp: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo < ends.length && starts[lo]! <= cp ? lo : -1;
}

function search(starts: Uint32Array, ends: Uint32Array, cp: number): boolean {
  return segmentOf(starts, ends, cp) >= 0;
}

/** Characters that are laid out but never drawn: spaces and line breaks. */
const BLANK = /\s/u;
const DRAWN = 1;
const MISSING = 2;

/**
 * Every character a face cannot draw, once per character, font and place, as `glyph-missing` errors; `fonts` gives each
 * font key's coverage and its ref (the file named in the theme). With the source texts, a report points at the
 * character's first occurrence in the place's source (a paragraph, a field), not at the place's start.
 */
export function missingGlyphs(texts: Iterable<PrintedText>, fonts: ReadonlyMap<string, { has: Coverage; ref: string }>, sourceOf?: (file: string) => string | undefined): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const lineIndexes = new Map<string, LineIndex>();
  const at = (span: Span, char: string): Span => {
    const [from, to] = [span.start.offset, span.end?.offset];
    const text = sourceOf?.(span.file);
    if (text === undefined || from === undefined || to === undefined) return span;
    const found = text.indexOf(char, from);
    if (found < 0 || found >= to) return span;
    let lines = lineIndexes.get(span.file);
    if (!lines) lineIndexes.set(span.file, (lines = new LineIndex(text)));
    return { file: span.file, start: lines.point(found), end: lines.point(found + char.length) };
  };
  // Each font key's verdict per BMP code point (0 not asked yet, DRAWN, MISSING): a long text asks about the same
  // few thousand characters again and again, and a cmap lookup is a binary search.
  const verdicts = new Map<string, Uint8Array>();
  for (const { text, font, span } of texts) {
    const face = fonts.get(font);
    if (!face) continue;
    let known = verdicts.get(font);
    if (!known) verdicts.set(font, (known = new Uint8Array(0x10000)));
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let verdict = cp <= 0xffff ? known[cp]! : 0;
      if (verdict === 0) {
        verdict = face.has(cp) || BLANK.test(String.fromCodePoint(cp)) ? DRAWN : MISSING;
        if (cp <= 0xffff) known[cp] = verdict;
      }
      if (verdict === DRAWN) continue;
      const char = String.fromCodePoint(cp);
      const key = `${cp}:${font}@${span?.file ?? ''}:${span?.start.line ?? 0}:${span?.start.column ?? 0}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        code: 'glyph-missing',
        severity: 'error',
        ...(span ? { span: at(span, char) } : {}),
        args: { char, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, font, ref: face.ref },
      });
    }
  }
  return out;
}
