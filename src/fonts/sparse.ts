/**
 * An installed TrueType face read table by table. A CJK face is mostly glyph outlines (glyf: 13 of Noto Serif SC's
 * 14.8 MB), of which an issue draws a few thousand glyphs: only those are read, and held in memory. The file is
 * laid out in a zero-filled buffer of its own size, so fontkit reads it as the whole file; the pages of outlines
 * never read are never touched, and cost no memory.
 */
import type { FileError } from '../host/host.js';
import { readGlyphOffsets, tableDirectory, type GlyphOffsets } from './tables.js';

/** Reads each `[start, length]` range of the file into `target` at the same offset. */
export type ReadInto = (target: Uint8Array, ranges: readonly (readonly [start: number, length: number])[]) => FileError | undefined;

export interface SparseFace {
  /** The file, every table but glyf in place. */
  bytes: Uint8Array;
  offsets: GlyphOffsets;
  /** Reads the outlines of these glyphs that are not read yet, in as few reads as their order in the file allows. */
  load(glyphs: Iterable<number>): void;
}

// Outlines closer than this in the file are read in one go: a read costs more than a few hundred bytes more of it.
const MERGE_GAP = 512;
const WHOLE_FACE_TABLES = ['fvar', 'gvar', 'sbix', 'COLR', 'CBDT', 'CFF ', 'CFF2'];
// Larger than any font gazette would read; a bigger "size" is a damaged directory, read whole to be reported.
const MAX_SIZE = 1 << 30;

/** The face, or undefined for a file that is not a plain TrueType face with glyf outlines (read whole instead). */
export function readSparseFace(readInto: ReadInto): SparseFace | FileError | undefined {
  const header = new Uint8Array(12);
  const failed = readInto(header, [[0, 12]]);
  if (failed) return failed;
  const count = new DataView(header.buffer).getUint16(4);
  const directory = new Uint8Array(12 + 16 * count);
  const unreadable = readInto(directory, [[0, directory.byteLength]]);
  if (unreadable) return unreadable;
  const tables = tableDirectory(directory);
  const glyf = tables?.get('glyf');
  // Variations, bitmaps and colour layers reach outlines by paths of fontkit's own: such a face is read whole.
  if (!tables || !glyf || WHOLE_FACE_TABLES.some((tag) => tables.has(tag))) return undefined;
  const size = Math.max(directory.byteLength, ...[...tables.values()].map((table) => table.offset + table.length));
  if (size > MAX_SIZE) return undefined;
  const bytes = new Uint8Array(size);
  const rest = [...tables].filter(([tag]) => tag !== 'glyf').map(([, table]) => [table.offset, table.length] as const);
  const missing = readInto(bytes, [[0, directory.byteLength], ...rest]);
  if (missing) return missing;
  const offsets = readGlyphOffsets(bytes);
  if (!offsets) return undefined;
  const loaded = new Uint8Array(offsets.offsets.length);
  return {
    bytes,
    offsets,
    load(glyphs) {
      const wanted: number[] = [];
      const ranges: [number, number][] = [];
      for (const gid of glyphs) {
        if (loaded[gid] !== 0 || gid + 1 >= offsets.offsets.length) continue;
        const start = offsets.offsets[gid]!;
        const end = offsets.offsets[gid + 1]!;
        wanted.push(gid);
        if (end > start) ranges.push([glyf.offset + start, glyf.offset + end]);
      }
      if (ranges.length > 0) {
        ranges.sort((a, b) => a[0] - b[0]);
        const merged: [number, number][] = [];
        for (const range of ranges) {
          const last = merged[merged.length - 1];
          if (last && range[0] - last[1] <= MERGE_GAP) last[1] = Math.max(last[1], range[1]);
          else merged.push([...range]);
        }
        const failure = readInto(bytes, merged.map(([start, end]) => [start, end - start] as const));
        // An installed package's file that cannot be read mid-build is no mistake of the user's; the glyphs stay
        // unread, so a later build reads them again.
        if (failure) throw new Error(`font outlines could not be read (${failure})`);
      }
      for (const gid of wanted) loaded[gid] = 1;
    },
  };
}
