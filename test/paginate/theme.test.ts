import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { Host } from '../../src/host/host.js';
import { parseTheme } from '../../src/theme/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

const PATH = 'templates/default/theme.yml';
const TEXT = readFileSync(join(ROOT, PATH), 'utf8');

describe('parseTheme', () => {
  it('reads the default theme without diagnostics, in points', () => {
    const { value, diagnostics } = parseTheme(TEXT, PATH);
    expect(diagnostics).toEqual([]);
    const mm = 72 / 25.4;
    expect(value.page.width).toBeCloseTo(210 * mm, 6);
    // GB/T 9704 type area: 156 × 225 mm.
    expect(value.page.width - value.page.margins.left - value.page.margins.right).toBeCloseTo(156 * mm, 6);
    expect(value.page.height - value.page.margins.top - value.page.margins.bottom).toBeCloseTo(225 * mm, 6);
    expect(value.headOrder).toEqual(['title', 'date', 'number', 'recipients']);
    expect(value.styles.body.size).toBeGreaterThan(11);
    expect(value.styles.body.size).toBeLessThan(13);
    expect(value.fonts[value.styles.heading1.font]).toContain('noto-sans-sc');
  });

  it('requires the title in the head block, since it anchors the TOC, outline and links', () => {
    const noTitle = TEXT.replace('order: [title, date, number, recipients]', 'order: [date, number, recipients]');
    expect(noTitle).not.toBe(TEXT);
    const { diagnostics } = parseTheme(noTitle, PATH);
    expect(diagnostics.map((d) => [d.code, d.args.key])).toEqual([['theme-invalid', 'head.order']]);
  });

  it('reports a bad value at its YAML position', () => {
    const bad = TEXT.replace('folio: outer', 'folio: sideways').replace(/body: +\{ font: serif, +size: [0-9.]+/u, 'body: { font: serif, size: -3');
    const { diagnostics } = parseTheme(bad, PATH);
    const codes = diagnostics.map((d) => [d.code, d.args.key]);
    expect(codes).toContainEqual(['theme-invalid', 'folio']);
    expect(codes).toContainEqual(['theme-invalid', 'styles.body.size']);
    const folio = diagnostics.find((d) => d.args.key === 'folio');
    const line = bad.split('\n').findIndex((l) => l.startsWith('folio:')) + 1;
    expect(folio?.span).toMatchObject({ file: PATH, start: { line, column: 8 } });
  });

  it('reports a style naming an unknown font and broken YAML', () => {
    expect(parseTheme(TEXT.replace('heading1:    { font: sansBold', 'heading1:    { font: kaiti'), PATH).diagnostics.map((d) => d.args.key)).toContain('styles.heading1.font');
    expect(parseTheme('page: [1, 2\nfonts: {', PATH).diagnostics.some((d) => d.code === 'theme-yaml')).toBe(true);
  });
});

describe('loadFonts', () => {
  it('reports a missing font file with its ref, at the theme line naming it', () => {
    const theme = parseTheme(TEXT.replace(/serifBold: .*/u, 'serifBold: fonts/FangSong.ttf'), PATH).value;
    const host: Host = { ...nodeHost(), readAsset: (ref) => (ref.startsWith('fonts/') ? undefined : nodeHost().readAsset(ref)) };
    const { diagnostics } = loadFonts(theme, host);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'font-missing', severity: 'error', args: { font: 'serifBold', ref: 'fonts/FangSong.ttf' } });
    expect(diagnostics[0]?.span?.start.line).toBe(TEXT.split('\n').findIndex((l) => l.trim().startsWith('serifBold:')) + 1);
  });

  it('reports bytes that are not a font', () => {
    const theme = parseTheme(TEXT.replace(/serifBold: .*/u, 'serifBold: fonts/not-a-font.ttf'), PATH).value;
    const host: Host = { ...nodeHost(), readAsset: (ref) => (ref.startsWith('fonts/') ? new Uint8Array([1, 2, 3, 4]) : nodeHost().readAsset(ref)) };
    expect(loadFonts(theme, host).diagnostics.map((d) => d.code)).toEqual(['font-invalid']);
  });

  it('measures CJK, Latin and the —— ligature as drawn', () => {
    const theme = parseTheme(TEXT, PATH).value;
    const font = loadFonts(theme, nodeHost()).value.get('serif');
    expect(font.measure('国家')).toEqual({ width: 2000, glyphs: 2 });
    // —— is one ligature glyph, narrower than two dashes.
    const dash = font.measure('——');
    expect(dash.glyphs).toBe(1);
    expect(dash.width).toBeLessThan(2 * font.measure('—').width);
    expect(font.hasGlyph(0x1f600)).toBe(false);
    // The renderer's layout agrees with the measure.
    const run = font.font.layout('2021—2025年，国家');
    expect(run.glyphs.length).toBe(font.measure('2021—2025年，国家').glyphs);
  });
});
