/**
 * A standalone font of just the characters an edition needs, from a TrueType face: fontkit's subset gives the glyph
 * tables (glyf, loca, hmtx, head, hhea, maxp and the hinting tables), to which a browser or an OFD reader needs a
 * cmap, name, OS/2 and post added. Milliseconds, where harfbuzz took a second on a whole CJK face. The HTML edition
 * wraps the tables as WOFF, the OFD edition as TrueType.
 */
import type { Glyph } from 'fontkit';
import type { LoadedFont } from './index.js';
import { sfntTables } from '../shared/woff.js';

/** fontkit's subset (fontkit's types leave it untyped). */
interface FontSubset {
  includeGlyph(glyph: Glyph | number): number;
  encode(): Uint8Array;
}

/** cmap with a format 4 subtable (BMP, platform 3/1) and a format 12 one (all code points, platform 3/10). */
function cmap(mapping: readonly (readonly [codePoint: number, glyph: number])[]): Uint8Array {
  const bmp = mapping.filter(([cp]) => cp <= 0xfffe);
  // Format 4: one segment per character, and the closing 0xFFFF segment.
  const segments = bmp.length + 1;
  const format4 = new DataView(new ArrayBuffer(16 + 8 * segments));
  let power = 1;
  let log = 0;
  while (power * 2 <= segments) {
    power *= 2;
    log++;
  }
  format4.setUint16(0, 4);
  format4.setUint16(2, format4.byteLength);
  format4.setUint16(6, segments * 2);
  format4.setUint16(8, power * 2);
  format4.setUint16(10, log);
  format4.setUint16(12, segments * 2 - power * 2);
  const ends = 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  [...bmp, [0xffff, 0] as const].forEach(([cp, glyph], i) => {
    format4.setUint16(ends + 2 * i, cp);
    format4.setUint16(starts + 2 * i, cp);
    format4.setUint16(deltas + 2 * i, cp === 0xffff ? 1 : (glyph - cp) & 0xffff);
    format4.setUint16(ranges + 2 * i, 0);
  });
  const format12 = new DataView(new ArrayBuffer(16 + 12 * mapping.length));
  format12.setUint16(0, 12);
  format12.setUint32(4, format12.byteLength);
  format12.setUint32(12, mapping.length);
  mapping.forEach(([cp, glyph], i) => {
    format12.setUint32(16 + 12 * i, cp);
    format12.setUint32(20 + 12 * i, cp);
    format12.setUint32(24 + 12 * i, glyph);
  });
  const header = 4 + 8 * 2;
  const out = new Uint8Array(header + format4.byteLength + format12.byteLength);
  const view = new DataView(out.buffer);
  view.setUint16(2, 2);
  view.setUint16(4, 3);
  view.setUint16(6, 1);
  view.setUint32(8, header);
  view.setUint16(12, 3);
  view.setUint16(14, 10);
  view.setUint32(16, header + format4.byteLength);
  out.set(new Uint8Array(format4.buffer), header);
  out.set(new Uint8Array(format12.buffer), header + format4.byteLength);
  return out;
}

/** post version 3.0 (no glyph names), keeping the face's italic angle and underline metrics. */
function post(original: Uint8Array | undefined): Uint8Array {
  const out = new Uint8Array(32);
  if (original && original.byteLength >= 32) out.set(original.subarray(0, 32));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}

/** The tables of a subset of `font` holding `text`'s characters (those the face has); undefined for a non-TrueType face. */
export function standaloneSubset(font: LoadedFont, text: string): Map<string, Uint8Array> | undefined {
  const original = sfntTables(font.bytes);
  if (!original?.has('glyf')) return undefined;
  const subset = font.font.createSubset() as FontSubset;
  const codePoints = [...new Set(Array.from(text, (char) => char.codePointAt(0)!))].filter((cp) => font.hasGlyph(cp)).sort((a, b) => a - b);
  // By id: a Glyph object per character would read each outline of a sparsely read face on its own.
  const mapping = codePoints.map((cp) => [cp, subset.includeGlyph(font.glyphId(cp))] as const);
  const tables = sfntTables(new Uint8Array(subset.encode()));
  if (!tables) return undefined;
  tables.set('cmap', cmap(mapping));
  tables.set('post', post(original.get('post')));
  for (const tag of ['name', 'OS/2']) {
    const table = original.get(tag);
    if (table) tables.set(tag, table);
  }
  return tables;
}
