import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts, standaloneSubset } from '../../src/fonts/index.js';
import { readSparseFace, type ReadInto } from '../../src/fonts/sparse.js';
import { readGlyphOffsets, readPostHeader, tableDirectory } from '../../src/fonts/tables.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { paginate } from '../../src/paginate/index.js';
import { parseTheme, type Theme } from '../../src/theme/index.js';
import { renderPdf } from '../../src/write/pdf/index.js';
import { LAYOUT_FIXTURE, loadGazette, ROOT } from '../support/load-gazette.js';

const SERIF = 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const KAI = 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff';
const file = readFileSync(join(ROOT, SERIF));
const host = createNodeHost(ROOT, { cache: false });

/** Reads from an in-memory copy of a file, counting the ranges asked for. */
function memoryReader(bytes: Uint8Array): { readInto: ReadInto; ranges: number } {
  const reader = {
    ranges: 0,
    readInto: ((target, ranges) => {
      for (const [start, length] of ranges) {
        if (start + length > bytes.byteLength) return 'EIO';
        reader.ranges += 1;
        target.set(bytes.subarray(start, start + length), start);
      }
      return undefined;
    }) as ReadInto,
  };
  return reader;
}

describe('a sparsely read TrueType face', () => {
  const face = readSparseFace(memoryReader(file).readInto);
  if (face === undefined || typeof face === 'string') throw new Error('the bundled serif face reads as a TrueType face');
  const tables = tableDirectory(file)!;
  const glyf = tables.get('glyf')!;
  const whole = readGlyphOffsets(file)!;

  it('holds every table but the outlines as the file has them, and no outline before one is asked for', () => {
    // As long as the file up to its last table's end (a file may pad it).
    expect(face.bytes.byteLength).toBeLessThanOrEqual(file.byteLength);
    expect(face.bytes.byteLength).toBeGreaterThan(file.byteLength - 4);
    for (const [tag, { offset, length }] of tables) {
      const own = Buffer.from(face.bytes.subarray(offset, offset + length));
      if (tag === 'glyf') expect(own.some((byte) => byte !== 0)).toBe(false);
      else expect(own.equals(file.subarray(offset, offset + length))).toBe(true);
    }
  });

  it('reads the glyph offsets and the post header as the file has them', () => {
    expect(face.offsets.version).toBe(whole.version);
    expect(Array.from(face.offsets.offsets)).toEqual(Array.from(whole.offsets));
    // The last offset is the end of the outlines.
    expect(whole.offsets.at(-1)).toBeLessThanOrEqual(glyf.length);
    expect(readPostHeader(file)).toMatchObject({ underlineThickness: expect.any(Number), isFixedPitch: 0 });
  });

  it('reads the outlines asked for, in one range for neighbours, and each only once', () => {
    const reader = memoryReader(file);
    const sparse = readSparseFace(reader.readInto);
    if (sparse === undefined || typeof sparse === 'string') throw new Error('unreadable');
    const before = reader.ranges;
    const gids = [1000, 1001, 1002, 30000];
    sparse.load(gids);
    expect(reader.ranges - before).toBe(2);
    for (const gid of gids) {
      const start = glyf.offset + whole.offsets[gid]!;
      const end = glyf.offset + whole.offsets[gid + 1]!;
      expect(end).toBeGreaterThan(start);
      expect(Buffer.from(sparse.bytes.subarray(start, end)).equals(file.subarray(start, end))).toBe(true);
    }
    sparse.load(gids);
    expect(reader.ranges - before).toBe(2);
    // An outline no one asked for stays unread.
    const other = glyf.offset + whole.offsets[20000]!;
    expect(Buffer.from(sparse.bytes.subarray(other, glyf.offset + whole.offsets[20001]!)).some((byte) => byte !== 0)).toBe(false);
  });

  it('leaves glyphs whose read failed unread, for a later build to read again', () => {
    const reader = memoryReader(file);
    let failing = false;
    const sparse = readSparseFace((target, ranges) => (failing ? 'EIO' : reader.readInto(target, ranges)));
    if (sparse === undefined || typeof sparse === 'string') throw new Error('unreadable');
    const start = glyf.offset + whole.offsets[1000]!;
    const end = glyf.offset + whole.offsets[1001]!;
    failing = true;
    expect(() => sparse.load([1000])).toThrow(/EIO/);
    failing = false;
    sparse.load([1000]);
    expect(Buffer.from(sparse.bytes.subarray(start, end)).equals(file.subarray(start, end))).toBe(true);
  });

  it('leaves a WOFF and a damaged file to the whole-file read', () => {
    expect(readSparseFace(memoryReader(readFileSync(join(ROOT, KAI))).readInto)).toBeUndefined();
    expect(readSparseFace(memoryReader(file.subarray(0, 200_000)).readInto)).toBe('EIO');
    expect(readSparseFace(memoryReader(new Uint8Array(4)).readInto)).toBe('EIO');
  });
});

describe('the node host reading ranges of an asset', () => {
  it('reads each range at its own offset and says EIO past the end of the file', () => {
    const target = new Uint8Array(file.byteLength + 10);
    expect(host.readAssetInto!(SERIF, target, [[0, 12], [5000, 100]])).toBeUndefined();
    expect(Buffer.from(target.subarray(5000, 5100)).equals(file.subarray(5000, 5100))).toBe(true);
    expect(target[4000]).toBe(0);
    expect(host.readAssetInto!(SERIF, target, [[file.byteLength - 4, 10]])).toBe('EIO');
    expect(host.readAssetInto!('fonts/none.ttf', target, [[0, 1]])).toBe('ENOENT');
  });
});

describe('editions set from sparsely read faces', () => {
  const themePath = 'templates/default/theme.yml';
  const theme = parseTheme([{ text: readFileSync(join(ROOT, themePath), 'utf8'), path: themePath }]).value!;
  // The same files named by path: a project's own fonts are read whole.
  const byPath: Theme = { ...theme, fonts: Object.fromEntries(Object.entries(theme.fonts).map(([key, ref]) => [key, `node_modules/${ref.slice(4)}`])) };

  it('are byte for byte those set from whole files, and leave unused outlines unread', async () => {
    const gazette = await loadGazette('2021-4', LAYOUT_FIXTURE);
    const sparse = loadFonts(theme, host).value;
    const whole = loadFonts(byPath, host).value;
    const pdf = async (fonts: typeof sparse): Promise<Buffer> => Buffer.from(await renderPdf(paginate(gazette, theme, fonts, { draft: false }).value, fonts));
    const fromSparse = await pdf(sparse);
    expect(fromSparse.equals(await pdf(whole))).toBe(true);
    const text = '上海市长宁区人民政府公报〔2021〕54号 Abc';
    const tables = (fonts: typeof sparse): string[] => [...(standaloneSubset(fonts.get('serif'), text) ?? [])].map(([tag, bytes]) => `${tag}:${Buffer.from(bytes).toString('base64')}`);
    expect(tables(sparse)).toEqual(tables(whole));
    // The sparse path was taken: an outline nothing set is still unread in one, present in the other.
    const glyf = tableDirectory(file)!.get('glyf')!;
    const offsets = readGlyphOffsets(file)!.offsets;
    const unused = [glyf.offset + offsets[20000]!, glyf.offset + offsets[20001]!] as const;
    expect(Buffer.from(sparse.get('serif').bytes.subarray(...unused)).some((byte) => byte !== 0)).toBe(false);
    expect(Buffer.from(whole.get('serif').bytes.subarray(...unused)).equals(file.subarray(...unused))).toBe(true);
  });

  it('give fontkit the same outlines, bounding boxes and metrics, composite glyphs included', () => {
    // A Latin face with composites (accented letters), installed with the test tools and so read sparsely.
    const latin = 'npm:pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf';
    const named = (ref: string) => loadFonts({ ...theme, fonts: Object.fromEntries(Object.keys(theme.fonts).map((key) => [key, ref])) }, host).value.get('serif');
    for (const [sparseRef, wholeRef, text] of [
      [latin, `node_modules/${latin.slice(4)}`, 'AéüñÅ Gazette'],
      [theme.fonts.serif!, byPath.fonts.serif!, '长宁区〔2021〕号，。'],
    ] as const) {
      const sparse = named(sparseRef).font;
      const whole = named(wholeRef).font;
      for (const char of text) {
        const a = sparse.glyphForCodePoint(char.codePointAt(0)!);
        const b = whole.glyphForCodePoint(char.codePointAt(0)!);
        expect(a.path.toSVG()).toBe(b.path.toSVG());
        expect(a.bbox).toEqual(b.bbox);
        expect(a.advanceWidth).toBe(b.advanceWidth);
      }
    }
    // Glyphs 124–129 of Liberation Sans are composites: their parts are read as they are drawn.
    const sparse = named(latin).font;
    const whole = named(`node_modules/${latin.slice(4)}`).font;
    for (let gid = 124; gid < 130; gid++) expect(sparse.getGlyph(gid).path.toSVG()).toBe(whole.getGlyph(gid).path.toSVG());
    expect(whole.getGlyph(124).path.commands.length).toBeGreaterThan(0);
  });
});
