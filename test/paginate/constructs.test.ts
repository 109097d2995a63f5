/** Constructs of the every-construct fixture as layout sets them: strike-through drawn, figures kept within the measure. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { Gazette } from '../../src/model/gazette.js';
import type { ImageBox, RuleBox, TextBox } from '../../src/model/layout.js';
import { paginate } from '../../src/paginate/index.js';
import { gazetteBlocks } from '../../src/paginate/blocks.js';
import { blockRows } from '../../src/paginate/elements.js';
import { typeArea } from '../../src/paginate/rows.js';
import { parseTheme } from '../../src/theme/index.js';
import { loadGazette, nodeHost, ROOT } from '../support/load-gazette.js';

const THEME_PATH = 'templates/default/theme.yml';
const theme = parseTheme([{ text: readFileSync(join(ROOT, THEME_PATH), 'utf8'), path: THEME_PATH }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;
const FIXTURE = join(ROOT, 'test/fixtures/constructs');
const measure = theme.page.width - theme.page.margins.left - theme.page.margins.right;

const boxes = (gazette: Gazette) => paginate(gazette, theme, fonts, { draft: false }).value.pages.flatMap((page) => page.boxes);

describe('constructs in the PDF layout', () => {
  it('strikes ~~text~~ through with a rule over exactly its glyphs', async () => {
    const all = boxes(await loadGazette('2024-2', FIXTURE));
    const struck = all.find((b): b is TextBox => b.kind === 'text' && b.text === '暂缓')!;
    expect(struck).toBeDefined();
    const rule = all.find((b): b is RuleBox => b.kind === 'rule' && Math.abs(b.x1 - struck.x) < 0.01);
    expect(rule).toBeDefined();
    expect(rule!.x2 - rule!.x1).toBeCloseTo(struck.width, 2);
    // Through the middle of the characters: above the baseline, below the top.
    expect(rule!.y1).toBeLessThan(struck.y);
    expect(rule!.y1).toBeGreaterThan(struck.y - struck.size);
  });

  it('draws an image at its natural size, and one wider than the measure scaled to the measure', async () => {
    const gazette = await loadGazette('2024-2', FIXTURE);
    const natural = boxes(gazette).find((b): b is ImageBox => b.kind === 'image')!;
    expect(natural.width).toBeCloseTo(160 * 0.75, 2);
    // The same picture 2000 px wide: scaled to the measure, its proportions kept.
    const figure = gazette.sections.flatMap((s) => s.documents).flatMap((d) => [...d.body.blocks, ...d.body.enclosure]).find((b) => b.kind === 'figure')!;
    if (figure.kind !== 'figure') throw new Error('no figure');
    figure.image = { ...figure.image, width: 2000, height: 1125 };
    const wide = boxes(gazette).find((b): b is ImageBox => b.kind === 'image')!;
    expect(wide.width).toBeCloseTo(measure, 2);
    expect(wide.height).toBeCloseTo((measure * 1125) / 2000, 2);
  });
});

describe('a block of very many lines', () => {
  it('is laid out whole: more rows than a function call takes arguments', async () => {
    const { blockRows } = await import('../../src/paginate/elements.js');
    const ctx = { theme, fonts, left: theme.page.margins.left, width: measure };
    const lines = 150_000;
    const block = { kind: 'text' as const, style: 'body' as const, text: Array.from({ length: lines }, () => '测').join('\n'), spans: [], align: 'left' as const, indent: 0, hang: 0, inset: 0, spaceBefore: 0, keepWithNext: false, notes: [] };
    expect(blockRows(ctx, [block], 600).length).toBe(lines);
  }, 60_000);
});

describe('articles and chapters of a regulation at a page foot', () => {
  it('keeps a chapter heading and a bare article number with the next line, not an article with its text', async () => {
    const gazette = await loadGazette('2024-2', FIXTURE);
    const doc = gazette.sections[0]!.documents[0]!;
    const paragraphs = ['第三章　附则', '第七条　本办法自2027年1月1日起施行。', '第八条（解释）', '第九条　本办法由某局负责解释。', '第十条'];
    doc.body = { ...doc.body, blocks: paragraphs.map((text) => ({ kind: 'paragraph', content: [{ kind: 'text', text }] })), enclosure: [], attachments: [] };
    const rows = blockRows(typeArea(theme, fonts), gazetteBlocks(gazette, theme), 600);
    const keeps = new Map(rows.map((row) => [row.boxes(0).flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join(''), row.keepWithNext]));
    expect(paragraphs.map((text) => keeps.get(text))).toEqual([true, false, true, false, true]);
  });
});

