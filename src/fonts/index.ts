/** Fonts named by the theme: loaded once per process, with cheap cached measuring for CJK text. */
import * as fontkit from 'fontkit';
import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import { isFileError, type FileError, type Host } from '../host/host.js';
import type { Theme } from '../theme/index.js';
import { isUnshapedCodePoint } from '../shared/unicode.js';
import { isWoff, isWoff2, sfntTables, unwrapWoffLater } from '../shared/woff.js';
import { readSparseFace, type SparseFace } from './sparse.js';
import { readGlyphOffsets, readMetrics, readPostHeader, type Metrics } from './tables.js';
import { encodeTrueTypeSubset } from './truetype-subset.js';

export { isCjkCodePoint, isUnshapedCodePoint } from '../shared/unicode.js';
export { standaloneSubset } from './subset.js';

/** Width (in 1/1000 em) and glyph count of a string, as the renderer will draw it. */
export interface Measure {
  width: number;
  glyphs: number;
}

/** One loaded font file. `font` is what the renderer hands to pdfkit. */
export interface LoadedFont {
  key: string;
  ref: string;
  font: Font;
  /**
   * The TrueType/OpenType file (unwrapped from WOFF when the theme names one), for subsetting web fonts, which
   * take outlines from fontkit, not from here. Of an installed face read sparsely, only the outlines of glyphs
   * used so far are in place; of a WOFF's, none (fontkit reads them from zlib's buffer); every other table is.
   */
  bytes: Uint8Array;
  /**
   * What the font is, for comparing it with another build's: a project's own file as read (the WOFF itself for a
   * web font), compared byte for byte; for an installed font, which is kept for the process, the same object.
   */
  source: Uint8Array;
  /** The glyph id of a code point (0 when the face has none), without making a fontkit Glyph. */
  glyphId(codePoint: number): number;
  /** Advance of one code point drawn unshaped (see isUnshapedCodePoint), in 1/1000 em. */
  advance(codePoint: number): number;
  /** Ascent and descent in 1/1000 em (descent negative). */
  ascent: number;
  descent: number;
  hasGlyph(codePoint: number): boolean;
  measure(text: string): Measure;
}

export interface FontSet {
  /** Font key (from theme.fonts) → loaded font. */
  readonly fonts: ReadonlyMap<string, LoadedFont>;
  get(key: string): LoadedFont;
  /**
   * Resolves when every font's outlines are in place (a WOFF's are inflated while layout runs): writers draw
   * glyphs only after it. A font whose outlines cannot be inflated is reported as `font-invalid`.
   */
  complete(): Promise<Diagnostic[]>;
}

/** fontkit's stream over a table: readers move `pos` from the table's start. */
interface TableStream {
  pos: number;
  readBuffer(length: number): Uint8Array;
}
/** fontkit internals used by the fast paths (fontkit 2.0.4); checked before use. */
interface FontInternals {
  loca?: { offsets: ArrayLike<number> };
  _getTableStream(tag: string): TableStream | null;
  _variationProcessor?: unknown;
  /** Decoded tables by tag, filled on first use. */
  _tables?: Record<string, unknown>;
  _decodeTable?(entry: unknown): unknown;
  directory?: { tables: Record<string, unknown> };
  /** The stream over the face's file; its constructor makes one over any buffer. */
  stream?: { constructor: new (buffer: Uint8Array) => TableStream };
  getGlyph(gid: number, codePoints?: number[]): Glyph;
  _getBaseGlyph(gid: number, codePoints?: number[]): Glyph;
}
interface TrueTypeSubset {
  glyphs: number[];
  encode(): Uint8Array;
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
}

/** A GlyphRun whose advanceWidth follows its positions, as pdfkit scales positions in place. */
class Run implements GlyphRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: GlyphPosition[],
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

interface Shaped {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  width: number;
}

/** A parsed face and what gazette reads of its file itself. */
interface Face {
  font: Font;
  metrics: Metrics | undefined;
  bytes: Uint8Array;
  source: Uint8Array;
  /** Reads glyph outlines not read yet (a sparsely read face); absent when the whole file is in memory. */
  loadOutlines?: SparseFace['load'];
}

function createLoadedFont(key: string, ref: string, { font: base, metrics, bytes, source, loadOutlines }: Face): LoadedFont {
  const scale = 1000 / base.unitsPerEm;
  const glyphCache = new Map<number, Glyph>();
  const shapedCache = new Map<string, Shaped>();
  const measureCache = new Map<string, Measure>();
  const cmap = (base as unknown as { _cmapProcessor?: { lookup(cp: number): number } })._cmapProcessor;

  /** The glyph pdfkit needs (id, advance, code points); plain data unless the metrics could not be read. */
  const glyphFor = (cp: number): Glyph => {
    let glyph = glyphCache.get(cp);
    if (glyph === undefined) {
      if (metrics && cmap) {
        const id = cmap.lookup(cp) ?? 0;
        glyph = { id, codePoints: [cp], advanceWidth: metrics.advance(id) };
      } else {
        glyph = base.glyphForCodePoint(cp);
      }
      glyphCache.set(cp, glyph);
    }
    return glyph;
  };
  const shape = (text: string): Shaped => {
    let shaped = shapedCache.get(text);
    if (shaped === undefined) {
      const run = base.layout(text);
      const positions = run.positions.map((p) => ({ ...p }));
      shaped = { glyphs: run.glyphs, positions, width: positions.reduce((w, p) => w + p.xAdvance, 0) };
      shapedCache.set(text, shaped);
    }
    return shaped;
  };
  /** End (exclusive) of the run of shaped code points starting at `i`. */
  const shapedRunEnd = (text: string, i: number): number => {
    let j = i;
    while (j < text.length) {
      const c = text.codePointAt(j) ?? 0;
      if (isUnshapedCodePoint(c)) break;
      j += c > 0xffff ? 2 : 1;
    }
    return j;
  };

  // pdfkit lays out through font.layout; the wrapper keeps every other method of the fontkit font.
  const fast = Object.create(base) as Font;
  fast.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return base.layout(text, features);
    const glyphs: Glyph[] = [];
    const positions: GlyphPosition[] = [];
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i) ?? 0;
      if (isUnshapedCodePoint(cp)) {
        const glyph = glyphFor(cp);
        glyphs.push(glyph);
        positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const j = shapedRunEnd(text, i);
      const shaped = shape(text.slice(i, j));
      glyphs.push(...shaped.glyphs);
      for (const p of shaped.positions) positions.push({ ...p });
      i = j;
    }
    return new Run(glyphs, positions);
  };

  // fontkit's TrueType subsetter decodes every glyph's outline only to find composite glyphs; the first
  // int16 of the raw glyph record (numberOfContours < 0) says the same without decoding.
  const createSubset = base.createSubset;
  fast.createSubset = function (this: Font): TrueTypeSubset {
    const subset = createSubset.call(this) as TrueTypeSubset;
    const encode = subset.encode;
    if (loadOutlines) {
      // Every glyph the subset holds by now is read in one pass over the file; composites' parts are read as added.
      subset.encode = function (this: TrueTypeSubset): Uint8Array {
        loadOutlines(this.glyphs);
        return encode.call(this);
      };
    }
    const internals = base as unknown as FontInternals;
    const hmtx = metrics;
    const locaVersion = (internals.loca as { version?: number } | undefined)?.version;
    if (!hmtx || locaVersion === undefined || typeof subset._addGlyph !== 'function' || !internals.loca || typeof internals._getTableStream !== 'function') return subset;
    const slowAdd = subset._addGlyph;
    subset._addGlyph = function (this: TrueTypeSubset, gid: number): number {
      const offsets = internals.loca?.offsets ?? [];
      const start = offsets[gid] ?? 0;
      const end = offsets[gid + 1] ?? start;
      const stream = internals._getTableStream('glyf');
      if (stream === null || internals._variationProcessor) return slowAdd.call(this, gid);
      loadOutlines?.([gid]);
      stream.pos += start;
      const bytes = stream.readBuffer(end - start);
      if (bytes.length >= 2 && ((bytes[0] as number) & 0x80) !== 0) return slowAdd.call(this, gid);
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: hmtx.advance(gid), bearing: hmtx.bearing(gid) });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    };
    // fontkit's own loop gathers the glyph records (composites add their parts as it goes); the file is then
    // written in one pass instead of through fontkit's field-by-field encoder.
    subset.encode = function (this: TrueTypeSubset): Uint8Array {
      loadOutlines?.(this.glyphs);
      this.glyf = [];
      this.offset = 0;
      this.loca = { offsets: [], version: locaVersion };
      this.hmtx = { metrics: [], bearings: [] };
      for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
      return encodeTrueTypeSubset(bytes, { glyf: this.glyf, metrics: this.hmtx.metrics }, locaVersion) ?? encode.call(this);
    };
    return subset;
  };

  const advances = new Map<number, number>();
  /** Advance of one unshaped code point, in 1/1000 em. */
  const advance = (cp: number): number => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = glyphFor(cp).advanceWidth * scale;
      advances.set(cp, a);
    }
    return a;
  };
  const measure = (text: string): Measure => {
    let m = measureCache.get(text);
    if (m !== undefined) return m;
    let width = 0;
    let count = 0;
    let i = 0;
    while (i < text.length) {
      const cp = text.codePointAt(i) ?? 0;
      if (isUnshapedCodePoint(cp)) {
        width += advance(cp);
        count += 1;
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const j = shapedRunEnd(text, i);
      const shaped = shape(text.slice(i, j));
      width += shaped.width * scale;
      count += shaped.glyphs.length;
      i = j;
    }
    m = { width, glyphs: count };
    measureCache.set(text, m);
    return m;
  };

  const glyphPresence = new Map<number, boolean>();
  return {
    key,
    ref,
    font: fast,
    bytes,
    source,
    ascent: base.ascent * scale,
    descent: base.descent * scale,
    advance,
    glyphId: (cp) => glyphFor(cp).id,
    hasGlyph(cp) {
      let has = glyphPresence.get(cp);
      if (has === undefined) {
        has = base.hasGlyphForCodePoint(cp);
        glyphPresence.set(cp, has);
      }
      return has;
    },
    measure,
  };
}

/**
 * Parsed fonts installed with gazette (`npm:` refs), kept for the process: they cannot change while it runs.
 * A project's own font files are read again on every build, so a preview sees a replaced file.
 */
const loaded = new Map<string, OpenedFace>();

const cacheable = (ref: string): boolean => ref.startsWith('npm:');

/**
 * Hands fontkit the tables gazette has read itself, which fontkit would decode element by element: the glyph
 * offsets, and the post table without its glyph names (decoded, should anything ask for them, on first use).
 * A sparsely read face first reads a glyph's outline whenever fontkit makes a Glyph of it, which is how fontkit
 * reaches outlines (its subsetter included). False when fontkit's internals are not as expected: a sparse face
 * must then be read whole.
 */
function prepareFace(base: Font, sfnt: Uint8Array, sparse: SparseFace | undefined): boolean {
  const internals = base as unknown as FontInternals;
  const tables = internals._tables;
  const entries = internals.directory?.tables;
  if (!tables || !entries || typeof internals._decodeTable !== 'function' || typeof internals.getGlyph !== 'function' || typeof internals._getBaseGlyph !== 'function') return false;
  const offsets = sparse?.offsets ?? readGlyphOffsets(sfnt);
  if (offsets && entries.loca && !('loca' in tables)) tables.loca = offsets;
  const header = readPostHeader(sfnt);
  if (header && entries.post && !('post' in tables)) {
    let whole: Record<string, unknown> | undefined;
    const decodeWhole = (): Record<string, unknown> => (whole ??= internals._decodeTable!(entries.post) as Record<string, unknown>);
    const post: Record<string, unknown> = { ...header };
    for (const field of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
      Object.defineProperty(post, field, { get: () => decodeWhole()[field], enumerable: false });
    }
    tables.post = post;
  }
  if (sparse) {
    for (const method of ['getGlyph', '_getBaseGlyph'] as const) {
      const make = internals[method];
      internals[method] = function (this: Font, gid: number, codePoints?: number[]): Glyph {
        sparse.load([gid]);
        return make.call(this, gid, codePoints);
      };
    }
  }
  return true;
}

/**
 * Has fontkit read a face's outlines (its glyf table) from `glyf()` once that holds them, rather than from the
 * face's file. False when fontkit's internals are not as expected.
 */
function readOutlinesFrom(base: Font, glyf: () => Uint8Array | undefined): boolean {
  const internals = base as unknown as FontInternals;
  const own = internals._getTableStream;
  const Stream = internals.stream?.constructor;
  if (typeof own !== 'function' || typeof Stream?.prototype?.readBuffer !== 'function' || internals.directory?.tables?.glyf === undefined) return false;
  let stream: TableStream | undefined;
  internals._getTableStream = function (this: Font, tag: string): TableStream | null {
    const table = tag === 'glyf' ? glyf() : undefined;
    if (table === undefined) return own.call(this, tag);
    stream ??= new Stream(table);
    // fontkit's readers add a glyph's offset in the table to where the stream stands.
    stream.pos = 0;
    return stream;
  };
  return true;
}

/**
 * Reads an installed font: an uncompressed TrueType face table by table (see readSparseFace), anything else whole.
 * The whole-file read is also what reports a file that cannot be read.
 */
function readFace(ref: string, host: Host): { bytes: Uint8Array | FileError; sparse?: SparseFace } {
  const readInto = host.readAssetInto?.bind(host);
  if (cacheable(ref) && readInto) {
    const sparse = readSparseFace((target, ranges) => readInto(ref, target, ranges));
    if (sparse !== undefined && !isFileError(sparse)) return { bytes: sparse.bytes, sparse };
  }
  return { bytes: host.readAsset(ref) };
}

type OpenedFace = Face & { complete: Promise<boolean>; faces: Map<string, LoadedFont> };

/**
 * Reads and parses one font file; undefined when the file, read sparsely, must be read whole after all (see
 * prepareFace). A missing file is `missing`; one that is no usable font is `invalid` with the reason.
 */
function openFace(ref: string, host: Host, sparseAllowed: boolean): OpenedFace | { problem: 'missing' | 'invalid'; reason?: string } | undefined {
  const { bytes, sparse } = sparseAllowed ? readFace(ref, host) : { bytes: host.readAsset(ref), sparse: undefined };
  if (bytes === 'ENOENT' || bytes === 'ENOTDIR') return { problem: 'missing' };
  // A file that cannot be read is not a font; a WOFF 2.0 file is refused (pdfkit makes gigabytes of one).
  if (isFileError(bytes) || isWoff2(bytes)) return { problem: 'invalid', reason: isFileError(bytes) ? bytes : 'woff2' };
  // A WOFF's outlines are inflated on zlib's thread while layout runs (faster than reading a cached copy).
  const unwrapped = isWoff(bytes) ? unwrapWoffLater(bytes) : { sfnt: bytes, complete: Promise.resolve(true), glyf: undefined };
  if (!unwrapped) return { problem: 'invalid', reason: 'woff' };
  const { sfnt } = unwrapped;
  let base: Font;
  try {
    base = fontkit.create(sfnt);
  } catch (error) {
    return { problem: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
  if (typeof base.layout !== 'function' || typeof base.glyphForCodePoint !== 'function') return { problem: 'invalid', reason: 'collection' };
  if (!prepareFace(base, sfnt, sparse) && sparse) return undefined;
  if (unwrapped.glyf && !readOutlinesFrom(base, unwrapped.glyf)) {
    // fontkit's internals are not as expected: the WOFF's outlines go into the sfnt, where fontkit reads them.
    const glyf = unwrapped.glyf;
    const entry = sfntTables(sfnt)?.get('glyf');
    void unwrapped.complete.then((ok) => ok && entry?.set(glyf()!));
  }
  return {
    font: base,
    metrics: readMetrics(sfnt),
    bytes: sfnt,
    // An installed font is compared by identity, so its unwrapped file serves and the WOFF itself can go.
    source: cacheable(ref) ? sfnt : bytes,
    ...(sparse ? { loadOutlines: sparse.load } : {}),
    complete: unwrapped.complete,
    faces: new Map(),
  };
}

/** Loads every font the theme names. A missing or unreadable file → `font-missing` / `font-invalid`. */
export function loadFonts(theme: Theme, host: Host): Outcome<FontSet> {
  const diagnostics: Diagnostic[] = [];
  const fonts = new Map<string, LoadedFont>();
  const byRef = new Map<string, LoadedFont>();
  const pending: Promise<Diagnostic[]>[] = [];
  for (const [key, ref] of Object.entries(theme.fonts)) {
    const same = byRef.get(ref);
    if (same !== undefined) {
      fonts.set(key, same);
      continue;
    }
    let entry = cacheable(ref) ? loaded.get(ref) : undefined;
    if (entry === undefined) {
      const span = theme.fontSpans.get(key);
      const opened = openFace(ref, host, true) ?? openFace(ref, host, false)!;
      if ('problem' in opened) {
        diagnostics.push({ code: opened.problem === 'missing' ? 'font-missing' : 'font-invalid', severity: 'error', ...(span ? { span } : {}), args: { font: key, ref, ...(opened.reason ? { reason: opened.reason } : {}) } });
        continue;
      }
      entry = opened;
      if (cacheable(ref)) loaded.set(ref, entry);
    }
    // The measuring caches live as long as the parsed font: a process that builds again (the preview) keeps them.
    let font = entry.faces.get(key);
    if (!font) {
      font = createLoadedFont(key, ref, entry);
      entry.faces.set(key, font);
    }
    fonts.set(key, font);
    byRef.set(ref, font);
    const span = theme.fontSpans.get(key);
    pending.push(entry.complete.then((ok): Diagnostic[] => (ok ? [] : [{ code: 'font-invalid', severity: 'error', ...(span ? { span } : {}), args: { font: key, ref, reason: 'woff' } }])));
  }
  return {
    value: {
      fonts,
      get(key) {
        const font = fonts.get(key) ?? fonts.values().next().value;
        if (font === undefined) throw new Error(`no font loaded for ${key}`);
        return font;
      },
      complete: async () => (await Promise.all(pending)).flat(),
    },
    diagnostics,
  };
}
