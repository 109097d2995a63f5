import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import { tableDirectory } from '../../src/fonts/tables.js';
import { encodeTrueTypeSubset } from '../../src/fonts/truetype-subset.js';
import { createMemoryHost } from '../../src/host/memory-host.js';
import { createNodeHost } from '../../src/host/node-host.js';
import type { Host } from '../../src/host/host.js';
import { parseTheme, type Theme } from '../../src/theme/index.js';
import { ROOT } from '../support/load-gazette.js';

// A Latin face with composite glyphs (accented letters) and short glyph offsets, read sparsely (installed with the
// test tools) and whole (named by path), and the bundled CJK face (long offsets).
const LATIN = 'npm:pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf';
const LATIN_BY_PATH = 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf';
const CJK = 'npm:@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const themePath = 'templates/default/theme.yml';
const theme = parseTheme([{ text: readFileSync(join(ROOT, themePath), 'utf8'), path: themePath }]).value!;
const host = createNodeHost(ROOT, { cache: false });

const faceNamed = (ref: string, from: Host = host) => {
  const only: Theme = { ...theme, fonts: Object.fromEntries(Object.keys(theme.fonts).map((key) => [key, ref])) };
  return loadFonts(only, from).value.get('serif');
};
const fileOf = (ref: string): Buffer => readFileSync(join(ROOT, ref.startsWith('npm:') ? `node_modules/${ref.slice(4)}` : ref));

/** The subset gazette writes and the one fontkit writes of the same face, given the same glyphs in the same order. */
function bothSubsets(ref: string, text: string, extra: readonly number[] = [], file = fileOf(ref), from: Host = host): { own: Buffer; fontkits: Buffer } {
  const face = faceNamed(ref, from);
  const reference = fontkit.create(file);
  // Ids, as the PDF writer gives them: no fontkit Glyph is made before the subset is written.
  const gids = [...Array.from(text, (char) => face.glyphId(char.codePointAt(0)!)), ...extra];
  const own = face.font.createSubset() as unknown as { includeGlyph(gid: number): number; encode(): Uint8Array };
  const theirs = reference.createSubset() as unknown as { includeGlyph(gid: number): number; encode(): Uint8Array };
  for (const gid of gids) expect(own.includeGlyph(gid)).toBe(theirs.includeGlyph(gid));
  return { own: Buffer.from(own.encode()), fontkits: Buffer.from(theirs.encode()) };
}

describe('the TrueType subset writer', () => {
  it('writes a face with short offsets and composite glyphs as fontkit does, parts and all', () => {
    const composites = [124, 125, 126, 128, 129];
    expect(bothSubsets(LATIN_BY_PATH, 'Aéüñ Gazette 2021', composites).own.equals(bothSubsets(LATIN_BY_PATH, 'Aéüñ Gazette 2021', composites).fontkits)).toBe(true);
    const { own, fontkits } = bothSubsets(LATIN, 'Aéüñ Gazette 2021', composites);
    expect(own.byteLength).toBeGreaterThan(1000);
    expect(own.equals(fontkits)).toBe(true);
    // The composites' parts came along: more glyphs than were asked for.
    const maxp = tableDirectory(own)!.get('maxp')!;
    expect(own.readUInt16BE(maxp.offset + 4)).toBeGreaterThan(new Set('Aéüñ Gazette 2021').size + composites.length);
  });

  it('writes a CJK face with long offsets as fontkit does', () => {
    const { own, fontkits } = bothSubsets(CJK, '上海市长宁区人民政府公报〔2021〕54号，。');
    expect(own.equals(fontkits)).toBe(true);
  });

  it('switches to long offsets when a subset outgrows short ones, where fontkit would wrap them', () => {
    const file = fileOf(LATIN);
    const record = new Uint8Array(40_000);
    const glyphs = { glyf: [record, record, record, record], metrics: Array.from({ length: 4 }, () => ({ advance: 500, bearing: 10 })) };
    const out = Buffer.from(encodeTrueTypeSubset(file, glyphs, 0)!);
    const tables = tableDirectory(out)!;
    expect(out.readInt16BE(tables.get('head')!.offset + 50)).toBe(1);
    const loca = tables.get('loca')!;
    expect(loca.length).toBe(4 * 5);
    expect(out.readUInt32BE(loca.offset + 16)).toBe(160_000);
    expect(tables.get('glyf')!.length).toBe(160_000);
    expect(out.readUInt16BE(tables.get('hhea')!.offset + 34)).toBe(4);
    expect(out.readInt16BE(tables.get('hmtx')!.offset + 2)).toBe(10);
  });

  it('writes the tables as fontkit normalises them: unknown style bits and reserved fields cleared, empty tables left out', () => {
    const file = Buffer.from(fileOf(LATIN_BY_PATH));
    const tables = tableDirectory(file)!;
    const head = tables.get('head')!.offset;
    file.writeUInt16BE(file.readUInt16BE(head + 44) | 0x0100, head + 44);
    file.fill(7, tables.get('hhea')!.offset + 24, tables.get('hhea')!.offset + 32);
    // The directory entry of fpgm says length 0.
    const count = file.readUInt16BE(4);
    const fpgm = Array.from({ length: count }, (_, i) => 12 + 16 * i).find((at) => file.toString('latin1', at, at + 4) === 'fpgm')!;
    file.writeUInt32BE(0, fpgm + 12);
    const edited = createMemoryHost({ 'fonts/edited.ttf': file }, (ref) => (ref === 'fonts/edited.ttf' ? file : 'ENOENT'));
    const { own, fontkits } = bothSubsets('fonts/edited.ttf', 'Aéü Gazette', [124], file, edited);
    expect(tableDirectory(own)!.has('fpgm')).toBe(false);
    expect(own.equals(fontkits)).toBe(true);
  });

  it('leaves a face whose cvt has an odd length to fontkit', () => {
    const file = Buffer.from(fileOf(LATIN_BY_PATH));
    const count = file.readUInt16BE(4);
    const cvt = Array.from({ length: count }, (_, i) => 12 + 16 * i).find((at) => file.toString('latin1', at, at + 4) === 'cvt ')!;
    file.writeUInt32BE(file.readUInt32BE(cvt + 12) - 1, cvt + 12);
    expect(encodeTrueTypeSubset(file, { glyf: [], metrics: [] }, 0)).toBeUndefined();
  });

  it('leaves a face without the plain tables it copies to fontkit', () => {
    expect(encodeTrueTypeSubset(new Uint8Array(64), { glyf: [], metrics: [] }, 0)).toBeUndefined();
  });
});
