/**
 * WOFF 1.0 (W3C: an sfnt whose tables are zlib-compressed one by one) in both directions. The open 楷体 on npm
 * ships only as web fonts; pdfkit must never be handed one (a WOFF2 became an 800 MB stream), and `check` reads
 * glyph maps from plain sfnt tables, so both get the unwrapped file. The HTML edition's font subsets are written
 * as WOFF from their tables.
 */
import { deflateSync, inflate, inflateSync } from 'node:zlib';

const WOFF = 0x774f4646;

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === WOFF;
}

/** A WOFF 2.0 file (Brotli and table transforms): not unwrapped here, reported as unusable instead. */
export function isWoff2(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === 0x774f4632;
}

const tagOf = (text: string): number => [...text].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);

/**
 * The sfnt inside a WOFF 1.0 file, or only the tables named in `only` (`check` needs just the cmap); undefined
 * when the bytes are not a well-formed WOFF.
 */
export function unwrapWoff(bytes: Uint8Array, only?: readonly string[]): Uint8Array | undefined {
  return assemble(bytes, only)?.sfnt;
}

/**
 * The sfnt inside a WOFF 1.0 file at once, but with its outlines (glyf) still being inflated on zlib's thread
 * pool: that table is most of the file and of the time. Layout runs meanwhile: it measures with cmap and hmtx;
 * fontkit's shaping of a Latin run also asks a glyph for its metrics, which reads glyf only for the vertical ones
 * (from the bounding box, when the font has no vmtx), and nothing of gazette uses those. Whatever draws glyphs
 * awaits `complete` (false when the outlines cannot be inflated), then reads them from `glyf()`: the table stays
 * in zlib's buffer instead of being copied into the sfnt, whose bytes there stay zero, pages never touched (a
 * copy of 楷体's outlines held 16 MB more at a build's peak).
 */
export function unwrapWoffLater(bytes: Uint8Array): { sfnt: Uint8Array; complete: Promise<boolean>; glyf(): Uint8Array | undefined } | undefined {
  const late: Promise<boolean>[] = [];
  let glyf: Uint8Array | undefined;
  const sfnt = assemble(bytes, undefined, (tag, raw, length) => {
    if (tag !== tagOf('glyf')) return false;
    late.push(
      new Promise((done) =>
        // One output chunk of the table's size: zlib then inflates it on its thread in one go, without coming back
        // to the main thread (busy with layout) every 16 KB.
        inflate(raw, { chunkSize: Math.max(64, length) }, (error, table) => {
          if (error || table.byteLength !== length) return done(false);
          glyf = table;
          done(true);
        }),
      ),
    );
    return true;
  })?.sfnt;
  return sfnt ? { sfnt, complete: Promise.all(late).then((all) => all.every(Boolean)), glyf: () => glyf } : undefined;
}

/**
 * Builds the sfnt of a WOFF's tables (those in `only`, else all). `later` may take over inflating a table of
 * `length` bytes (returning true), whose place in the sfnt is then left zero; it is called only for compressed
 * tables.
 */
function assemble(
  bytes: Uint8Array,
  only?: readonly string[],
  later?: (tag: number, raw: Uint8Array, length: number) => boolean,
): { sfnt: Uint8Array } | undefined {
  if (!isWoff(bytes) || bytes.byteLength < 44) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flavor = view.getUint32(4);
  const all = view.getUint16(12);
  if (44 + 20 * all > bytes.byteLength) return undefined;
  const wanted = only?.map(tagOf);
  const entries = Array.from({ length: all }, (_, i) => 44 + 20 * i).filter((entry) => !wanted || wanted.includes(view.getUint32(entry)));
  const count = entries.length;
  const total = entries.reduce((sum, entry) => sum + ((view.getUint32(entry + 12) + 3) & ~3), 12 + 16 * count);
  const out = new Uint8Array(total);
  const sfnt = new DataView(out.buffer);
  // sfnt header: version, numTables, searchRange, entrySelector, rangeShift.
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, count);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, log);
  sfnt.setUint16(10, count * 16 - power * 16);
  let at = 12 + 16 * count;
  try {
    for (const [i, entry] of entries.entries()) {
      const tag = view.getUint32(entry);
      const offset = view.getUint32(entry + 4);
      const compressed = view.getUint32(entry + 8);
      const length = view.getUint32(entry + 12);
      const checksum = view.getUint32(entry + 16);
      if (offset + compressed > bytes.byteLength || at + length > total) return undefined;
      const raw = bytes.subarray(offset, offset + compressed);
      if (!(compressed < length && later?.(tag, raw, length))) {
        const table = compressed < length ? inflateSync(raw) : raw;
        if (table.byteLength !== length) return undefined;
        out.set(table, at);
      }
      const record = 12 + 16 * i;
      sfnt.setUint32(record, tag);
      sfnt.setUint32(record + 4, checksum);
      sfnt.setUint32(record + 8, at);
      sfnt.setUint32(record + 12, length);
      // Tables start on four-byte boundaries.
      at += (length + 3) & ~3;
    }
  } catch {
    return undefined;
  }
  return { sfnt: out };
}

/**
 * One table of a TrueType/OpenType or WOFF 1.0 file, read piece by piece through `part(start, length)`: `check`
 * looks at the cmap of fonts of 10–15 MB without reading them whole. Undefined when the file is neither, lacks the
 * table, or its directory does not fit.
 */
export function readTable(part: (start: number, length: number) => Uint8Array | undefined, tag: string): Uint8Array | undefined {
  // A WOFF header is 44 bytes, an sfnt's 12: a file shorter than its header is not a font.
  const header = part(0, 44);
  if (!header || header.byteLength < 12) return undefined;
  const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const woff = isWoff(header);
  if (woff && header.byteLength < 44) return undefined;
  const version = view(header).getUint32(0);
  if (!woff && version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined;
  const count = view(header).getUint16(woff ? 12 : 4);
  const [start, size] = woff ? [44, 20] : [12, 16];
  const directory = part(start, size * count);
  if (!directory || directory.byteLength < size * count) return undefined;
  const entries = view(directory);
  const wanted = tagOf(tag);
  for (let i = 0; i < count; i++) {
    const at = size * i;
    if (entries.getUint32(at) !== wanted) continue;
    if (!woff) {
      const table = part(entries.getUint32(at + 8), entries.getUint32(at + 12));
      return table && table.byteLength === entries.getUint32(at + 12) ? table : undefined;
    }
    const [offset, compressed, length] = [entries.getUint32(at + 4), entries.getUint32(at + 8), entries.getUint32(at + 12)];
    const raw = part(offset, compressed);
    if (!raw || raw.byteLength !== compressed) return undefined;
    try {
      const table = compressed < length ? inflateSync(raw) : raw;
      return table.byteLength === length ? table : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The tables of an sfnt (TrueType/OpenType) file by tag; undefined when the directory does not fit the file. */
export function sfntTables(bytes: Uint8Array): Map<string, Uint8Array> | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  if (12 + 16 * count > bytes.byteLength) return undefined;
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > bytes.byteLength) return undefined;
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

/** The OpenType table checksum: the sum of its big-endian 32-bit words, the last one padded with zeros. */
function checksum(table: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < table.byteLength; i += 4) {
    const word = ((table[i] ?? 0) << 24) | ((table[i + 1] ?? 0) << 16) | ((table[i + 2] ?? 0) << 8) | (table[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The sfnt of the given TrueType tables as an assembled file would have it: tags in order, every table's checksum,
 * the directory, and the head table's checkSumAdjustment (the whole file then sums to 0xB1B0AFBA).
 */
function sfntParts(tables: ReadonlyMap<string, Uint8Array>): { tags: string[]; own: Map<string, Uint8Array>; sums: number[]; directory: Uint8Array } {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  // The head table is written with checkSumAdjustment 0 for the checksums, then with the adjustment.
  const head = tables.get('head');
  const own = new Map(tables);
  if (head && head.byteLength >= 12) {
    const copy = new Uint8Array(head);
    new DataView(copy.buffer).setUint32(8, 0);
    own.set('head', copy);
  }
  const sums = tags.map((tag) => checksum(own.get(tag)!));
  // The sfnt directory's own checksum, as in an assembled file: header, records, then every table.
  const directory = new Uint8Array(12 + 16 * count);
  const dir = new DataView(directory.buffer);
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  dir.setUint32(0, 0x00010000);
  dir.setUint16(4, count);
  dir.setUint16(6, power * 16);
  dir.setUint16(8, log);
  dir.setUint16(10, count * 16 - power * 16);
  let offset = 12 + 16 * count;
  tags.forEach((tag, i) => {
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) dir.setUint8(record + k, tag.charCodeAt(k));
    dir.setUint32(record + 4, sums[i]!);
    dir.setUint32(record + 8, offset);
    dir.setUint32(record + 12, own.get(tag)!.byteLength);
    offset += padded(own.get(tag)!.byteLength);
  });
  const whole = sums.reduce((a, b) => (a + b) >>> 0, checksum(directory));
  if (head && head.byteLength >= 12) new DataView(own.get('head')!.buffer).setUint32(8, (0xb1b0afba - whole) >>> 0);
  return { tags, own, sums, directory };
}

const padded = (n: number): number => (n + 3) & ~3;

/** A TrueType file of the given tables (the OFD edition embeds its font subsets so). Deterministic. */
export function wrapSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const { tags, own, directory } = sfntParts(tables);
  const out = new Uint8Array(directory.byteLength + tags.reduce((n, tag) => n + padded(own.get(tag)!.byteLength), 0));
  out.set(directory);
  let at = directory.byteLength;
  for (const tag of tags) {
    out.set(own.get(tag)!, at);
    at += padded(own.get(tag)!.byteLength);
  }
  return out;
}

/**
 * A WOFF 1.0 file of the given TrueType tables (each zlib-compressed when that makes it smaller), with the
 * checksums and the head table's checkSumAdjustment an sfnt of them would have. Deterministic: same tables, same bytes.
 */
export function wrapWoff(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const { tags, own, sums, directory } = sfntParts(tables);
  const count = tags.length;
  const sfntSize = directory.byteLength + tags.reduce((n, tag) => n + padded(own.get(tag)!.byteLength), 0);
  const data = tags.map((tag) => {
    const raw = own.get(tag)!;
    const packed = deflateSync(raw, { level: 9 });
    return packed.byteLength < raw.byteLength ? new Uint8Array(packed) : raw;
  });
  const size = 44 + 20 * count + data.reduce((n, d) => n + padded(d.byteLength), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, WOFF);
  view.setUint32(4, 0x00010000);
  view.setUint32(8, size);
  view.setUint16(12, count);
  view.setUint32(16, sfntSize);
  view.setUint16(20, 1);
  let at = 44 + 20 * count;
  tags.forEach((tag, i) => {
    const entry = 44 + 20 * i;
    for (let k = 0; k < 4; k++) view.setUint8(entry + k, tag.charCodeAt(k));
    view.setUint32(entry + 4, at);
    view.setUint32(entry + 8, data[i]!.byteLength);
    view.setUint32(entry + 12, own.get(tag)!.byteLength);
    view.setUint32(entry + 16, sums[i]!);
    out.set(data[i]!, at);
    at += padded(data[i]!.byteLength);
  });
  return out;
}
