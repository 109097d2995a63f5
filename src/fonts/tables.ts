/**
 * The few sfnt tables gazette reads straight from a TrueType/OpenType file's bytes. fontkit decodes a table whole,
 * element by element, the first time anything touches it: a CJK face's glyph-name and glyph-offset tables hold
 * 65,000 entries each, which cost more to decode per build than all the glyphs an issue draws.
 */

/** Where each table lies in the file, by tag; undefined for anything but an uncompressed TrueType/OpenType file. */
export function tableDirectory(bytes: Uint8Array): Map<string, { offset: number; length: number }> | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined;
  const count = view.getUint16(4);
  if (12 + 16 * count > bytes.byteLength) return undefined;
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0), {
      offset: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
    });
  }
  return tables;
}

/** Horizontal metrics read straight from the sfnt tables, so measuring never decodes glyph outlines. */
export interface Metrics {
  advance(gid: number): number;
  bearing(gid: number): number;
}

/** Reads hhea/hmtx; undefined when the file has none or they do not fit it. */
export function readMetrics(bytes: Uint8Array): Metrics | undefined {
  const tables = tableDirectory(bytes);
  const hhea = tables?.get('hhea');
  const hmtx = tables?.get('hmtx');
  if (!hhea || !hmtx || hhea.offset + 36 > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const longMetrics = view.getUint16(hhea.offset + 34);
  if (longMetrics === 0 || hmtx.offset + 4 * longMetrics > bytes.byteLength) return undefined;
  const at = hmtx.offset;
  return {
    advance: (gid) => view.getUint16(at + 4 * Math.min(gid, longMetrics - 1)),
    bearing: (gid) => (gid < longMetrics ? view.getInt16(at + 4 * gid + 2) : view.getInt16(at + 4 * longMetrics + 2 * (gid - longMetrics))),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The glyph offsets table (loca) as fontkit keeps it: byte offsets into glyf, one more than there are glyphs. */
export interface GlyphOffsets {
  /** head.indexToLocFormat: 0 for 16-bit offsets (stored halved), 1 for 32-bit. */
  version: number;
  offsets: Uint32Array;
}

/** Reads loca with the format head names; undefined when the face has no glyf outlines or the tables do not fit. */
export function readGlyphOffsets(bytes: Uint8Array): GlyphOffsets | undefined {
  const tables = tableDirectory(bytes);
  const head = tables?.get('head');
  const loca = tables?.get('loca');
  if (!head || !loca || !tables?.has('glyf') || head.offset + 54 > bytes.byteLength || loca.offset + loca.length > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getInt16(head.offset + 50);
  if (version !== 0 && version !== 1) return undefined;
  const size = version === 0 ? 2 : 4;
  const count = Math.floor(loca.length / size);
  // Big-endian entries to native ones by Buffer's byte swap (native code): a loop over a CJK face's 65,000
  // entries runs mostly in the interpreter, at 5 ms a face. Buffer.alloc is never a slice of the shared pool,
  // so the typed arrays' offset is aligned.
  const native = Buffer.alloc(count * size);
  native.set(bytes.subarray(loca.offset, loca.offset + count * size));
  if (LITTLE_ENDIAN && version === 1) native.swap32();
  else if (LITTLE_ENDIAN) native.swap16();
  if (version === 1) return { version, offsets: new Uint32Array(native.buffer, native.byteOffset, count) };
  const halves = new Uint16Array(native.buffer, native.byteOffset, count);
  const offsets = new Uint32Array(count);
  for (let i = 0; i < count; i++) offsets[i] = halves[i]! * 2;
  return { version, offsets };
}

/** The post table's header (PostScript metrics), without version 2's glyph names, which no edition uses. */
export interface PostHeader {
  version: number;
  italicAngle: number;
  underlinePosition: number;
  underlineThickness: number;
  isFixedPitch: number;
  minMemType42: number;
  maxMemType42: number;
  minMemType1: number;
  maxMemType1: number;
}

export function readPostHeader(bytes: Uint8Array): PostHeader | undefined {
  const post = tableDirectory(bytes)?.get('post');
  if (!post || post.length < 32 || post.offset + 32 > bytes.byteLength) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Fixed 16.16 numbers, as fontkit decodes them.
  const fixed = (at: number): number => view.getInt32(post.offset + at) / 65536;
  return {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(post.offset + 8),
    underlineThickness: view.getInt16(post.offset + 10),
    isFixedPitch: view.getUint32(post.offset + 12),
    minMemType42: view.getUint32(post.offset + 16),
    maxMemType42: view.getUint32(post.offset + 20),
    minMemType1: view.getUint32(post.offset + 24),
    maxMemType1: view.getUint32(post.offset + 28),
  };
}
