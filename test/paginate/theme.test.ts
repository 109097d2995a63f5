import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { Host } from '../../src/host/host.js';
import { parseTheme, resolveTemplate } from '../../src/theme/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

const PATH = 'templates/default/theme.yml';
const TEXT = readFileSync(join(ROOT, PATH), 'utf8');

describe('parseTheme', () => {
  it('reads the default theme without diagnostics, in points', () => {
    const { value, diagnostics } = parseTheme([{ text: TEXT, path: PATH }]);
    expect(diagnostics).toEqual([]);
    const mm = 72 / 25.4;
    if (!value) throw new Error('no theme');
    expect(value.page.width).toBeCloseTo(210 * mm, 6);
    // GB/T 9704 type area: 156 × 225 mm.
    expect(value.page.width - value.page.margins.left - value.page.margins.right).toBeCloseTo(156 * mm, 6);
    expect(value.page.height - value.page.margins.top - value.page.margins.bottom).toBeCloseTo(225 * mm, 6);
    expect(value.headOrder).toEqual(['title', 'date', 'number', 'recipients']);
    expect(value.styles.body.size).toBeGreaterThan(11);
    expect(value.styles.body.size).toBeLessThan(13);
    expect(value.fonts[value.styles.heading1.font]).toContain('noto-sans-sc');
  });

  it('reads a theme written before the 版权页 style and evenPages as it did: 版权页 like the 版记, no padding', () => {
    const older = TEXT.split('\n').filter((line) => !/^\s*colophon:|^evenPages:/.test(line)).join('\n');
    expect(older).not.toBe(TEXT);
    const { value, diagnostics } = parseTheme([{ text: older, path: PATH }]);
    expect(diagnostics).toEqual([]);
    expect(value!.styles.colophon).toEqual(value!.styles.record);
    expect(value!.evenPages).toBe(false);
  });

  it('requires the title in the head block, since it anchors the TOC, outline and links', () => {
    const noTitle = TEXT.replace('order: [title, date, number, recipients]', 'order: [date, number, recipients]');
    expect(noTitle).not.toBe(TEXT);
    const { diagnostics } = parseTheme([{ text: noTitle, path: PATH }]);
    expect(diagnostics.map((d) => [d.code, d.args.key])).toEqual([['theme-invalid', 'head.order']]);
  });

  it('reports a bad value at its YAML position', () => {
    const bad = TEXT.replace('folio: outer', 'folio: sideways').replace(/body: +\{ font: serif, +size: [0-9.]+/u, 'body: { font: serif, size: -3');
    const { diagnostics } = parseTheme([{ text: bad, path: PATH }]);
    const codes = diagnostics.map((d) => [d.code, d.args.key]);
    expect(codes).toContainEqual(['theme-invalid', 'folio']);
    expect(codes).toContainEqual(['theme-invalid', 'styles.body.size']);
    const folio = diagnostics.find((d) => d.args.key === 'folio');
    const line = bad.split('\n').findIndex((l) => l.startsWith('folio:')) + 1;
    expect(folio?.span).toMatchObject({ file: PATH, start: { line, column: 8 } });
  });

  it('reports a style naming an unknown font', () => {
    expect(parseTheme([{ text: TEXT.replace('heading1:    { font: sansBold', 'heading1:    { font: kaiti'), path: PATH }]).diagnostics.map((d) => d.args.key)).toContain('styles.heading1.font');
  });

  it('reports only the YAML error of a broken theme, not the values it hides', () => {
    const { value, diagnostics } = parseTheme([{ text: TEXT.replace('page:\n  width: 210', 'page:\n  width: [210'), path: PATH }]);
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['theme-yaml']);
    expect(diagnostics[0]!.span?.file).toBe(PATH);
  });

  it('prints every element somewhere: the date in head or closing, the others where they belong', () => {
    const keys = (text: string) => parseTheme([{ text, path: PATH }]).diagnostics.map((d) => [d.args.key, d.args.expected]);
    expect(keys(TEXT.replace('order: [attachments, signature, note]', 'order: [attachments, signature, date, note]'))).toEqual([['head.order', 'date-once']]);
    expect(keys(TEXT.replace('order: [attachments, signature, note]', 'order: [attachments, note]'))).toEqual([['closing.order', 'signature-required']]);
    expect(keys(TEXT.replace('order: [title, date, number, recipients]', 'order: [title, date, recipients]'))).toEqual([['head.order', 'number-required']]);
  });

  it('layers a template over the one it extends: each value from the first layer that sets it, fonts merged', () => {
    const child = 'extends: default\nhead:\n  order: [title, number, recipients]\nclosing:\n  order: [attachments, signature, date, note]\nfonts:\n  kai: fonts/kai.ttf\nstyles:\n  heading2: { font: kai, size: 12, leading: 16 }\n';
    const { value, diagnostics } = parseTheme([{ text: child, path: 'templates/mine/theme.yml' }, { text: TEXT, path: PATH }]);
    expect(diagnostics).toEqual([]);
    expect(value?.headOrder).toEqual(['title', 'number', 'recipients']);
    expect(value?.closingOrder).toEqual(['attachments', 'signature', 'date', 'note']);
    expect(value?.fonts.kai).toBe('fonts/kai.ttf');
    expect(value?.fonts.serif).toContain('noto-serif-sc');
    expect(value?.styles.heading2).toEqual({ font: 'kai', size: 12, leading: 16 });
    expect(value?.styles.body.size).toBe(11.95);
    // A bad value is reported in the file that holds it.
    const bad = parseTheme([{ text: 'extends: default\nfolio: sideways\n', path: 'templates/mine/theme.yml' }, { text: TEXT, path: PATH }]);
    expect(bad.diagnostics.map((d) => [d.args.key, d.span?.file, d.span?.start.line])).toEqual([['folio', 'templates/mine/theme.yml', 2]]);
  });
});

describe('resolveTemplate', () => {
  const files: Record<string, string> = {
    'templates/default/theme.yml': 'fonts: {}\n',
    'templates/default/html/page.html': 'default page',
    'templates/a/theme.yml': 'extends: default\n',
    'templates/a/html/style.css': 'a css',
    'templates/loop/theme.yml': 'extends: loop\n',
  };
  it('follows extends and finds each file in the first folder that has it', () => {
    const resolved = resolveTemplate('a', (path) => files[path]);
    if ('missing' in resolved) throw new Error(resolved.missing);
    expect(resolved.layers.map((l) => l.path)).toEqual(['templates/a/theme.yml', 'templates/default/theme.yml']);
    expect(resolved.file('html/style.css')).toBe('a css');
    expect(resolved.file('html/page.html')).toBe('default page');
  });
  it('names the missing theme.yml of an unknown or looping template, and refuses paths', () => {
    expect(resolveTemplate('nope', (path) => files[path])).toEqual({ missing: 'templates/nope/theme.yml' });
    expect(resolveTemplate('loop', (path) => files[path])).toEqual({ missing: 'templates/loop/theme.yml' });
    expect(resolveTemplate('../../etc', (path) => files[path])).toEqual({ missing: 'templates/../../etc/theme.yml' });
  });
});

describe('loadFonts', () => {
  it('reports a missing font file with its ref, at the theme line naming it', () => {
    const theme = parseTheme([{ text: TEXT.replace(/serifBold: .*/u, 'serifBold: fonts/FangSong.ttf'), path: PATH }]).value!;
    const host: Host = { ...nodeHost(), readAsset: (ref) => (ref.startsWith('fonts/') ? 'ENOENT' : nodeHost().readAsset(ref)) };
    const { diagnostics } = loadFonts(theme, host);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'font-missing', severity: 'error', args: { font: 'serifBold', ref: 'fonts/FangSong.ttf' } });
    expect(diagnostics[0]?.span?.start.line).toBe(TEXT.split('\n').findIndex((l) => l.trim().startsWith('serifBold:')) + 1);
  });

  it('reports bytes that are not a font', () => {
    const theme = parseTheme([{ text: TEXT.replace(/serifBold: .*/u, 'serifBold: fonts/not-a-font.ttf'), path: PATH }]).value!;
    const host: Host = { ...nodeHost(), readAsset: (ref) => (ref.startsWith('fonts/') ? new Uint8Array([1, 2, 3, 4]) : nodeHost().readAsset(ref)) };
    expect(loadFonts(theme, host).diagnostics.map((d) => d.code)).toEqual(['font-invalid']);
  });

  it('reports a WOFF whose outlines cannot be inflated once layout is done, at the theme line naming it', async () => {
    // The real 楷体 WOFF with its glyf table's compressed bytes garbled: the directory and every other table are fine.
    const kaiRef = parseTheme([{ text: TEXT, path: PATH }]).value!.fonts.kai!;
    const woff = new Uint8Array(nodeHost().readAsset(kaiRef) as Uint8Array);
    const view = new DataView(woff.buffer);
    const glyf = Array.from({ length: view.getUint16(12) }, (_, i) => 44 + 20 * i).find((at) => view.getUint32(at) === 0x676c7966)!;
    woff.fill(0xff, view.getUint32(glyf + 4), view.getUint32(glyf + 4) + 64);
    const theme = parseTheme([{ text: TEXT.replace(/kai: .*/u, 'kai: fonts/kai.woff'), path: PATH }]).value!;
    const host: Host = { ...nodeHost(), readAsset: (ref) => (ref === 'fonts/kai.woff' ? woff : nodeHost().readAsset(ref)) };
    const loaded = loadFonts(theme, host);
    expect(loaded.diagnostics).toEqual([]);
    const late = await loaded.value.complete();
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ code: 'font-invalid', severity: 'error', args: { font: 'kai', ref: 'fonts/kai.woff', reason: 'woff' } });
    expect(late[0]?.span?.start.line).toBe(TEXT.split('\n').findIndex((l) => l.trim().startsWith('kai:')) + 1);
  });

  it('measures CJK, Latin and the —— ligature as drawn', () => {
    const theme = parseTheme([{ text: TEXT, path: PATH }]).value!;
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
