/** WOFF 1.0 both ways, and the HTML edition's web font subsets read back with fontkit as a browser would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import { parseTheme } from '../../src/theme/index.js';
import { readTable, sfntTables, unwrapWoff, unwrapWoffLater, wrapWoff } from '../../src/shared/woff.js';
import { standaloneSubset } from '../../src/fonts/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

const theme = parseTheme([{ text: readFileSync(join(ROOT, 'templates/default/theme.yml'), 'utf8'), path: 'templates/default/theme.yml' }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;

describe('WOFF', () => {
  it('unwraps with the outlines inflated later, beside the sfnt, to the same bytes, and says when they cannot be', async () => {
    const woff = wrapWoff(sfntTables(fonts.get('serif').bytes)!);
    const later = unwrapWoffLater(woff)!;
    expect(later.glyf()).toBeUndefined();
    expect(await later.complete).toBe(true);
    const whole = unwrapWoff(woff)!;
    const outlines = sfntTables(whole)!.get('glyf')!;
    expect(Buffer.from(later.glyf()!).equals(Buffer.from(outlines))).toBe(true);
    // The sfnt has every other table in place and zeros where the outlines would be.
    const place = sfntTables(later.sfnt)!.get('glyf')!;
    expect(place.every((b) => b === 0)).toBe(true);
    place.set(later.glyf()!);
    expect(Buffer.from(later.sfnt).equals(Buffer.from(whole))).toBe(true);
    const view = new DataView(woff.buffer, woff.byteOffset);
    const glyf = Array.from({ length: view.getUint16(12) }, (_, i) => 44 + 20 * i).find((at) => view.getUint32(at) === 0x676c7966)!;
    const broken = new Uint8Array(woff);
    broken.fill(0, view.getUint32(glyf + 4), view.getUint32(glyf + 4) + 16);
    expect(await unwrapWoffLater(broken)!.complete).toBe(false);
  });

  it('reads one table of an sfnt or a WOFF piece by piece, without reading the file whole', () => {
    const serif = fonts.get('serif').bytes;
    const woff = wrapWoff(sfntTables(serif)!);
    for (const file of [serif, woff]) {
      let read = 0;
      const part = (start: number, length: number): Uint8Array => {
        read += length;
        return file.subarray(start, start + length);
      };
      expect([...readTable(part, 'cmap')!]).toEqual([...sfntTables(serif)!.get('cmap')!]);
      expect(read).toBeLessThan(file.byteLength / 10);
      expect(readTable(part, 'zzzz')).toBeUndefined();
    }
    // A WOFF signature with no room for its header, a directory longer than the file: no table, no exception.
    for (const length of [12, 13, 43, 60]) expect(readTable((start, n) => woff.subarray(start, Math.min(start + n, length)), 'cmap')).toBeUndefined();
    // Not a font, or cut short: no table.
    const text = new TextEncoder().encode('not a font at all');
    expect(readTable((start, length) => text.subarray(start, start + length), 'cmap')).toBeUndefined();
    expect(readTable((start, length) => woff.subarray(start, Math.min(start + length, 60)), 'cmap')).toBeUndefined();
  });

  it('wraps tables that unwrap to the same tables, deterministically', () => {
    const original = sfntTables(fonts.get('serif').bytes)!;
    const some = new Map([...original].filter(([tag]) => ['head', 'hhea', 'maxp', 'name', 'OS/2', 'post', 'cmap'].includes(tag)));
    const woff = wrapWoff(some);
    expect(wrapWoff(some)).toEqual(woff);
    const back = sfntTables(unwrapWoff(woff)!)!;
    expect([...back.keys()].sort()).toEqual([...some.keys()].sort());
    for (const [tag, table] of some) {
      // head differs in checkSumAdjustment (bytes 8–11) only.
      if (tag === 'head') expect([...back.get(tag)!.subarray(12)]).toEqual([...table.subarray(12)]);
      else expect([...back.get(tag)!]).toEqual([...table]);
    }
  });

  it('writes the sfnt checksum adjustment so the whole font sums to 0xB1B0AFBA', () => {
    const sfnt = unwrapWoff(wrapWoff(new Map([...sfntTables(fonts.get('serif').bytes)!].filter(([tag]) => ['head', 'hhea', 'maxp', 'post'].includes(tag)))))!;
    let sum = 0;
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    for (let i = 0; i + 4 <= sfnt.byteLength; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});

describe('web font subsets', () => {
  it.each(['kai', 'serif', 'sansBold'])('keeps the %s glyphs of the text with their advances, and nothing else', async (key) => {
    expect(await fonts.complete()).toEqual([]);
    const font = fonts.get(key);
    const text = '（一）聚焦设施建设，打造举步可就的体育“健身圈”𠮷';
    const woff = wrapWoff(standaloneSubset(font, text)!);
    expect(woff.byteLength).toBeLessThan(40_000);
    const parsed = fontkit.create(Buffer.from(unwrapWoff(woff)!)) as fontkit.Font;
    const chars = [...new Set(text)].filter((c) => font.hasGlyph(c.codePointAt(0)!));
    expect(parsed.numGlyphs).toBe(chars.length + 1);
    for (const char of chars) {
      const cp = char.codePointAt(0)!;
      expect(parsed.hasGlyphForCodePoint(cp), char).toBe(true);
      expect(parsed.glyphForCodePoint(cp).advanceWidth).toBe(font.font.glyphForCodePoint(cp).advanceWidth);
    }
    expect(parsed.hasGlyphForCodePoint('国'.codePointAt(0)!)).toBe(false);
    expect(parsed.familyName).toBe(font.font.familyName);
    // The outlines are the file's own, read whole and apart from gazette's font loading (a WOFF's are inflated
    // beside its sfnt, an installed TrueType face's read glyph by glyph).
    const file = readFileSync(join(ROOT, 'node_modules', theme.fonts[key]!.replace(/^npm:/, '')));
    const reference = fontkit.create(Buffer.from(key === 'kai' ? unwrapWoff(file)! : file)) as fontkit.Font;
    for (const char of chars) {
      const cp = char.codePointAt(0)!;
      const path = parsed.glyphForCodePoint(cp).path.toSVG();
      expect(path.length, char).toBeGreaterThan(20);
      expect(path, char).toBe(reference.glyphForCodePoint(cp).path.toSVG());
    }
  });
});
