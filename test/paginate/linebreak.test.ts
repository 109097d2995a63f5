import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts, type LoadedFont } from '../../src/fonts/index.js';
import { breakBalanced, breakLines, breakOpportunities, type Line } from '../../src/paginate/linebreak.js';
import { parseTheme } from '../../src/theme/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

const theme = parseTheme([{ text: readFileSync(join(ROOT, 'templates/default/theme.yml'), 'utf8'), path: 'templates/default/theme.yml' }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;
const font: LoadedFont = fonts.get(theme.styles.body.font);
const SIZE = 12;

// GB/T 15834 / clreq: never at a line start, never at a line end (written out here, not taken from the code).
const CLOSERS = Array.from('，。、；：？！）》」』】〕”’');
const OPENERS = Array.from('（《「『【〔“‘');

const SEED = readFileSync(join(ROOT, 'test/fixtures/2021-4/seed.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 80 && !l.includes('\t'))
  .slice(0, 60);

function lay(text: string, chars: number, justify = true): Line[] {
  return breakLines(text, { font, size: SIZE, width: chars * SIZE, firstIndent: 2 * SIZE, justify, maxSpacing: 0.15, spacingLimit: 0.35 });
}

function naturalWidth(text: string): { width: number; glyphs: number } {
  const m = font.measure(text);
  return { width: (m.width * SIZE) / 1000, glyphs: m.glyphs };
}

describe('line breaking', () => {
  it('keeps the text intact: lines joined give the paragraph back', () => {
    for (const para of SEED.slice(0, 20)) {
      for (const chars of [17, 23, 37]) expect(lay(para, chars).map((l) => l.text).join('')).toBe(para);
    }
  });

  it('never starts a line with a closing mark nor ends one with an opening mark (seed text, many measures)', () => {
    let lines = 0;
    for (const para of SEED) {
      for (let chars = 12; chars <= 40; chars += 1) {
        for (const line of lay(para, chars)) {
          lines++;
          expect(CLOSERS, `line starts with a closer: ${line.text}`).not.toContain(line.text[0]);
          expect(OPENERS, `line ends with an opener: ${line.text}`).not.toContain(line.text.at(-1));
        }
      }
    }
    expect(lines).toBeGreaterThan(10_000);
  });

  it('forces each closer that would fall at a line start back onto the previous line', () => {
    for (const mark of CLOSERS) {
      // 20 Han characters fill a 20-em line exactly; the mark would start line 2 without kinsoku.
      const text = `${'国'.repeat(20)}${mark}${'家'.repeat(10)}`;
      const lines = lay(text, 20);
      for (const line of lines.slice(1)) expect(CLOSERS).not.toContain(line.text[0]);
    }
    for (const mark of OPENERS) {
      const text = `${'国'.repeat(19)}${mark}${'家'.repeat(10)}`;
      const lines = breakLines(text, { font, size: SIZE, width: 20 * SIZE, justify: true, maxSpacing: 0.15 });
      for (const line of lines.slice(0, -1)) expect(OPENERS).not.toContain(line.text.at(-1));
    }
  });

  it('never splits ——, ……, a 发文字号, a date, a number with its unit or a digit–dash–digit range', () => {
    const units = ['——', '……', '长府〔2021〕46号', '2021年11月5日', '46%', '1.3平方米', '2021—2023', '第186次'];
    for (const unit of units) {
      for (let lead = 10; lead < 22; lead++) {
        const text = `${'国'.repeat(lead)}${unit}${'家'.repeat(12)}`;
        const lines = lay(text, 20);
        expect(lines.some((l) => l.text.includes(unit)), `${unit} split in ${lines.map((l) => l.text).join(' | ')}`).toBe(true);
      }
    }
    expect(breakOpportunities('长府〔2021〕46号').slice(1, -1).every((b) => !b)).toBe(true);
  });

  it('justifies every non-final line flush to the measure (±0.5 pt) with capped spacing', () => {
    let checked = 0;
    for (const para of SEED) {
      const lines = lay(para, 37);
      lines.forEach((line) => {
        const { width, glyphs } = naturalWidth(line.text);
        const tightened = line.adjustments.reduce((sum, a) => sum + a.amount, 0);
        const drawn = width - tightened + line.characterSpacing * (glyphs - 1);
        expect(drawn).toBeCloseTo(line.width, 6);
        if (line.final) {
          expect(line.characterSpacing).toBe(0);
          return;
        }
        const right = 37 * SIZE - line.x + (line.compressed ? SIZE / 2 : 0);
        expect(Math.abs(drawn - right), line.text).toBeLessThanOrEqual(0.5);
        expect(line.characterSpacing).toBeLessThanOrEqual(0.35 * SIZE + 1e-9);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('indents the first line by two em', () => {
    const [first, second] = lay(SEED[0] as string, 30);
    expect(first?.x).toBe(2 * SIZE);
    expect(second?.x).toBe(0);
  });

  it('never leaves a single character alone on the last line (孤字不成行)', () => {
    // 30 characters + indent 2 on a 16-em measure: greedy gives 14 + 16 + 0; add one to leave one over.
    for (let n = 20; n < 80; n++) {
      const text = `${'国家'.repeat(n).slice(0, n)}。`;
      const lines = lay(text, 16);
      const last = lines.at(-1)?.text.replace(/[。，]/gu, '') ?? '';
      if (lines.length > 1) expect(Array.from(last).length, `n=${n}: ${lines.map((l) => l.text).join('|')}`).toBeGreaterThan(1);
    }
  });

  it('breaks a short paragraph whose last line keeps room (a TOC title and its page) where a word ends', () => {
    // 26 characters on a 34.85-em measure with 10.5 em kept free: the title needs two lines, and both ends of the
    // first line are far short of the measure; the second line takes a whole word, not one character of it.
    const title = '浙江省人民政府办公厅关于进一步优化营商环境的若干意见';
    const words = new Set([24]);
    for (const width of [30, 34.85, 36]) {
      const lines = breakLines(title, { font, size: SIZE, width: width * SIZE, justify: true, maxSpacing: 0.15, spacingLimit: 0.15, lastLineReserve: 10.5 * SIZE, breakCost: (at) => (words.has(at) ? 0 : 2e4) });
      expect(lines.map((l) => l.text), `${width} em`).toEqual(['浙江省人民政府办公厅关于进一步优化营商环境的若干', '意见']);
    }
  });

  it('spreads slack over lines rather than stretching one line past the cap', () => {
    const text = '国务院印发的《全民健身计划（2021—2025年）》（国发〔2021〕11号）和《上海市市民体育健身条例》《上海市全民健身实施计划（2021—2025年）》（沪府发〔2021〕21号），制定本实施计划。';
    for (const line of lay(text, 37).filter((l) => !l.final)) expect(line.characterSpacing).toBeLessThanOrEqual(0.15 * SIZE);
  });

  it('breaks centred titles into balanced lines at word boundaries', () => {
    const title = '上海市长宁区人民政府关于表彰上海市长宁区区长质量奖获奖组织和个人的决定';
    const width = 442;
    const lines = breakBalanced(title, { font, size: 16, width, maxSpacing: 0.15 });
    expect(lines.map((l) => l.text).join('')).toBe(title);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
    // Same line count as filling the measure greedily, balanced, and broken between words without splitting the
    // place name 上海市长宁区 (nor at the segmenter's 长宁|区区长).
    expect(lines.length).toBe(breakLines(title, { font, size: 16, width, justify: false, maxSpacing: 0.15 }).length);
    expect(lines.map((l) => l.text)).toEqual(['上海市长宁区人民政府关于表彰', '上海市长宁区区长质量奖获奖组织和个人的决定']);
    const plan = '上海市长宁区人民政府关于印发《长宁区全民健身实施计划（2021—2025年）》的通知';
    const planLines = breakBalanced(plan, { font, size: 16, width: 442, maxSpacing: 0.15 });
    expect(planLines.map((l) => l.text)).toEqual(['上海市长宁区人民政府关于印发', '《长宁区全民健身实施计划（2021—2025年）》的通知']);
  });
});

describe('over-long units', () => {
  it('breaks a URL wider than the measure rather than running over the margin', () => {
    const text = '详见网址https://www.shcn.gov.cn/col/col2546/index.html?from=gazette&issue=2021-4所列。';
    const width = 10 * SIZE;
    const lines = breakLines(text, { font, size: SIZE, width, justify: true, maxSpacing: 0.15 });
    expect(lines.map((l) => l.text).join('')).toBe(text);
    for (const line of lines) expect(line.x + line.width).toBeLessThanOrEqual(width + 0.5);
  });
});

describe('adjacent punctuation', () => {
  it('sets two adjacent full-width marks in 1.5 em (。” ）》 ，“ 《（) and reports the adjustment', () => {
    for (const pair of ['。”', '）》', '，“', '《（', '”。']) {
      const text = `国${pair}家`;
      const [line] = breakLines(text, { font, size: SIZE, width: 40 * SIZE, justify: true, maxSpacing: 0.15 });
      expect(line?.width, pair).toBeCloseTo(3.5 * SIZE, 6);
      expect(line?.adjustments).toEqual([{ after: 1, amount: SIZE / 2 }]);
    }
    // A mark next to a Han character keeps its full em.
    const [plain] = breakLines('国，家', { font, size: SIZE, width: 40 * SIZE, justify: true, maxSpacing: 0.15 });
    expect(plain?.width).toBeCloseTo(3 * SIZE, 6);
    expect(plain?.adjustments).toEqual([]);
  });

  it('keeps full width for a pair split across lines', () => {
    // 10 Han + ， fill a 11-em line exactly; “ starts the next line.
    const lines = breakLines(`${'国'.repeat(10)}，“家家家”`, { font, size: SIZE, width: 11 * SIZE, justify: true, maxSpacing: 0.15 });
    expect(lines[0]?.text).toBe(`${'国'.repeat(10)}，`);
    expect(lines[0]?.adjustments).toEqual([]);
    expect(lines[0]?.width).toBeCloseTo(11 * SIZE, 6);
  });
});
