/**
 * Writes a TrueType subset's file from its glyph records, byte for byte as fontkit 2.0's subsetter does (tables in
 * its order, table checksums left 0, no padding), in native code's time: fontkit encodes the same tables field by
 * field through its generic encoder, a tenth of an issue's PDF writing.
 */
import { tableDirectory } from './tables.js';

export interface SubsetGlyphs {
  /** Each glyph's record, in subset order. */
  glyf: readonly Uint8Array[];
  /** Advance and left side bearing of each. */
  metrics: readonly { advance: number; bearing: number }[];
}

/** Table sizes as fontkit's table structures write them (it drops any bytes past the fields it knows). */
const HEAD_SIZE = 54;
const HHEA_SIZE = 36;
const MAXP_SIZE = 32;
/** head.macStyle bits fontkit knows (bold … extended); it writes the others as 0. */
const MAC_STYLE_KNOWN = 0x7f;

/** The subset's file, or undefined when the face's own tables are not the plain ones this writer copies. */
export function encodeTrueTypeSubset(face: Uint8Array, glyphs: SubsetGlyphs, locaVersion: number): Uint8Array | undefined {
  const tables = tableDirectory(face);
  // fontkit leaves out a table of length 0, as if the face had none.
  const table = (tag: string): Uint8Array | undefined => {
    const entry = tables?.get(tag);
    return entry && entry.length > 0 && entry.offset + entry.length <= face.byteLength ? face.subarray(entry.offset, entry.offset + entry.length) : undefined;
  };
  const head = table('head');
  const hhea = table('hhea');
  const maxp = table('maxp');
  const cvt = table('cvt ');
  // fontkit reads an odd-length cvt one byte past its end; that is left to fontkit's own encoder.
  if (!head || head.byteLength < HEAD_SIZE || !hhea || hhea.byteLength < HHEA_SIZE || !maxp || maxp.byteLength < MAXP_SIZE || (cvt && cvt.byteLength % 2 !== 0)) return undefined;
  const count = glyphs.glyf.length;
  const ends = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) ends[i + 1] = ends[i]! + glyphs.glyf[i]!.byteLength;
  // Short offsets hold half the offset in 16 bits; a subset too large for them gets long ones.
  const version = locaVersion === 0 && ends[count]! <= 0x1fffe ? 0 : 1;

  // Copies (a Buffer's slice would be a view of the face itself), each with its own fields set.
  const ownHead = new Uint8Array(head.subarray(0, HEAD_SIZE));
  const headView = new DataView(ownHead.buffer);
  headView.setUint16(44, headView.getUint16(44) & MAC_STYLE_KNOWN);
  headView.setInt16(50, version);
  const ownHhea = new Uint8Array(hhea.subarray(0, HHEA_SIZE));
  // Its four reserved int16s, which fontkit writes as 0.
  ownHhea.fill(0, 24, 32);
  new DataView(ownHhea.buffer).setUint16(34, count);
  const ownMaxp = new Uint8Array(maxp.subarray(0, MAXP_SIZE));
  new DataView(ownMaxp.buffer).setUint16(4, count);
  const loca = new Uint8Array((count + 1) * (version === 0 ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  for (let i = 0; i <= count; i++) {
    if (version === 0) locaView.setUint16(2 * i, ends[i]! >>> 1);
    else locaView.setUint32(4 * i, ends[i]!);
  }
  const glyf = new Uint8Array(ends[count]!);
  glyphs.glyf.forEach((record, i) => glyf.set(record, ends[i]!));
  const hmtx = new Uint8Array(4 * count);
  const hmtxView = new DataView(hmtx.buffer);
  glyphs.metrics.forEach(({ advance, bearing }, i) => {
    hmtxView.setUint16(4 * i, advance);
    hmtxView.setInt16(4 * i + 2, bearing);
  });
  const parts: [string, Uint8Array | undefined][] = [
    ['head', ownHead],
    ['hhea', ownHhea],
    ['loca', loca],
    ['maxp', ownMaxp],
    ['cvt ', cvt],
    ['prep', table('prep')],
    ['glyf', glyf],
    ['hmtx', hmtx],
    ['fpgm', table('fpgm')],
  ];
  const present = parts.filter((part): part is [string, Uint8Array] => part[1] !== undefined);
  const n = present.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const directory = 12 + 16 * n;
  const out = new Uint8Array(present.reduce((sum, [, bytes]) => sum + bytes.byteLength, directory));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x74727565); // 'true', as fontkit tags its subsets
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  let at = directory;
  present.forEach(([tag, bytes], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, bytes.byteLength);
    out.set(bytes, at);
    at += bytes.byteLength;
  });
  return out;
}
