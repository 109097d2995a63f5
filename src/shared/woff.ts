/**
 * WOFF 1.0 → the TrueType/OpenType file it wraps (W3C WOFF 1.0: an sfnt whose tables are zlib-compressed one by
 * one). The open 楷体 on npm ships only as web fonts; pdfkit must never be handed one (a WOFF2 became an 800 MB
 * stream), and `check` reads glyph maps from plain sfnt tables, so both get the unwrapped file.
 */
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646;

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === WOFF;
}

/** A WOFF 2.0 file (Brotli and table transforms): not unwrapped here, reported as unusable instead. */
export function isWoff2(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === 0x774f4632;
}

/** The header and table directory: a cheap key for the whole file (they hold every table's length and checksum). */
export function woffDirectory(bytes: Uint8Array): Uint8Array {
  const count = bytes.byteLength >= 14 ? new DataView(bytes.buffer, bytes.byteOffset, 14).getUint16(12) : 0;
  return bytes.subarray(0, Math.min(bytes.byteLength, 44 + 20 * count));
}

const tagOf = (text: string): number => [...text].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);

/**
 * The sfnt inside a WOFF 1.0 file, or only the tables named in `only` (`check` needs just the cmap); undefined
 * when the bytes are not a well-formed WOFF.
 */
export function unwrapWoff(bytes: Uint8Array, only?: readonly string[]): Uint8Array | undefined {
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
      const table = compressed < length ? inflateSync(raw) : raw;
      if (table.byteLength !== length) return undefined;
      out.set(table, at);
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
  return out;
}
