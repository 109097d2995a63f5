import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { Gazette } from '../../src/model/gazette.js';
import type { PagedGazette, TextBox } from '../../src/model/layout.js';
import { paginate } from '../../src/paginate/index.js';
import { parseTheme } from '../../src/theme/index.js';
import { wordBoundaries } from '../../src/shared/words.js';
import { LAYOUT_FIXTURE, loadGazette, nodeHost, ROOT } from '../support/load-gazette.js';

const THEME_PATH = 'templates/default/theme.yml';
const theme = parseTheme([{ text: readFileSync(join(ROOT, THEME_PATH), 'utf8'), path: THEME_PATH }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;
const fixture = await loadGazette('2021-4', LAYOUT_FIXTURE);

function layout(gazette: Gazette, draft = false): PagedGazette {
  const outcome = paginate(gazette, theme, fonts, { draft });
  expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return outcome.value;
}

const texts = (paged: PagedGazette, page: number): TextBox[] =>
  (paged.pages[page]?.boxes ?? []).filter((b): b is TextBox => b.kind === 'text');

const CLOSERS = Array.from('，。、；：？！）》」』】〕”’');
const OPENERS = Array.from('（《「『【〔“‘');

describe('paginate (fixture issue)', () => {
  const paged = layout(fixture);

  it('marks every box of a document with its id, so its pages and its content can be told from the others', () => {
    const ids = fixture.sections.flatMap((section) => section.documents.map((doc) => doc.id));
    expect(ids.length).toBeGreaterThan(1);
    const furniture = new Set(['running-head', 'folio', 'draft']);
    for (const page of paged.pages.filter((p) => p.kind === 'body')) {
      for (const box of page.boxes) {
        // Section headings and the 版权页 are the issue's own.
        const ownText = box.kind === 'text' && !furniture.has(box.role) && box.size !== theme.styles.section.size && box.size !== theme.styles.colophon.size;
        if (ownText) expect(ids, `${box.text} on page ${page.folio}`).toContain(box.document);
        if (box.kind === 'text' && furniture.has(box.role)) expect(box.document).toBeUndefined();
      }
    }
    // Ranges: each starts where the TOC says, and documents follow one another (sharing at most a page).
    const ranges = ids.map((id) => paged.documentPages.get(id)!);
    ids.forEach((id, i) => {
      expect(ranges[i]!.first).toBe(paged.pageOf.get(id));
      expect(ranges[i]!.last).toBeGreaterThanOrEqual(ranges[i]!.first);
      if (i > 0) expect(ranges[i]!.first).toBeGreaterThanOrEqual(ranges[i - 1]!.last);
    });
    // The text on a document's pages marked with its id is the text of that document: its title is there.
    const first = fixture.sections[0]!.documents[0]!;
    const own = paged.pages
      .filter((p) => p.folio !== undefined && p.folio <= ranges[0]!.last)
      .flatMap((p) => p.boxes)
      .filter((b): b is TextBox => b.kind === 'text' && b.document === first.id)
      .map((b) => b.text)
      .join('');
    expect(own.replace(/\s/gu, '')).toContain(first.meta.title.slice(0, 8));
  });

  it('starts with the cover, then TOC pages, then body pages numbered from 1', () => {
    expect(paged.pages[0]?.kind).toBe('cover');
    expect(paged.pages[1]?.kind).toBe('toc');
    const body = paged.pages.filter((p) => p.kind === 'body');
    expect(body.map((p) => p.folio)).toEqual(body.map((_p, i) => i + 1));
    const firstBody = paged.pages.findIndex((p) => p.kind === 'body');
    expect(paged.pageLabels).toEqual([
      { pageIndex: 0, style: 'roman', start: 1 },
      { pageIndex: firstBody, style: 'decimal', start: 1 },
    ]);
  });

  it('prints the masthead on the cover', () => {
    const cover = texts(paged, 0).map((b) => b.text);
    expect(cover).toEqual(expect.arrayContaining(['上海市长宁区人民政府公报', '2021年第4期', '（总第62期）', '2022年1月4日出版']));
    expect(cover.some((t) => t.includes('上海市长宁区人民政府办公室'))).toBe(true);
  });

  it('gives every TOC entry the folio of the page its title anchor is on', () => {
    expect(paged.toc.map((e) => e.documentId)).toEqual(fixture.sections.flatMap((s) => s.documents.map((d) => d.id)));
    for (const entry of paged.toc) {
      const page = paged.pages.find((p) => p.boxes.some((b) => b.kind === 'anchor' && b.name === entry.destination));
      expect(page?.folio, entry.title).toBe(entry.page);
      expect(paged.pageOf.get(entry.documentId)).toBe(entry.page);
      // The title's first characters are on that page too.
      const onPage = page?.boxes.filter((b): b is TextBox => b.kind === 'text').map((b) => b.text).join('') ?? '';
      expect(onPage).toContain(entry.title.slice(0, 10));
    }
    expect(paged.toc.map((e) => e.label)).toEqual(['1.', '2.', '-']);
  });

  it('prints the TOC page number of each entry', () => {
    const tocText = paged.pages.filter((p) => p.kind === 'toc').flatMap((p) => p.boxes).filter((b): b is TextBox => b.kind === 'text').map((b) => b.text);
    for (const entry of paged.toc) expect(tocText).toContain(`（${entry.page}）`);
  });

  it('prints the head block in order: title, （date）, number, recipients ending with ：', () => {
    const page = paged.pages.find((p) => p.folio === 1);
    const lines = (page?.boxes ?? []).filter((b): b is TextBox => b.kind === 'text').map((b) => b.text);
    const date = lines.indexOf('（2021年11月5日）');
    const number = lines.indexOf('长府〔2021〕46号');
    const recipients = lines.findIndex((t) => t.startsWith('区政府各委、办、局'));
    expect(date).toBeGreaterThan(0);
    expect(number).toBe(date + 1);
    expect(recipients).toBe(number + 1);
    expect(lines[recipients]?.endsWith('：')).toBe(true);
    expect(lines.indexOf('【区政府文件】')).toBeLessThan(date);
  });

  it('repeats the table header on every page the table spans and splits no cell text', () => {
    const pagesWithRows = paged.pages.filter((p) => p.boxes.some((b) => b.kind === 'text' && b.role === 'cell' && /^(痹病|海派|叶雕|沪剧|上海说唱|长宁区传统)/u.test(b.text)));
    expect(pagesWithRows.length).toBeGreaterThan(1);
    for (const page of pagesWithRows) {
      const cells = page.boxes.filter((b): b is TextBox => b.kind === 'text' && b.role === 'cell');
      const first = page === pagesWithRows[0];
      // Continuation pages open with the 续表 label, then the header row again.
      expect(cells[0]?.text === '续表').toBe(!first);
      expect(cells.filter((c) => c.text !== '续表').slice(0, 3).map((c) => c.text)).toEqual(['序号', '项目名称', '申报单位']);
    }
  });

  it('never leaves a heading as the last line of a page', () => {
    for (const page of paged.pages.filter((p) => p.kind === 'body')) {
      const body = page.boxes.filter((b): b is TextBox => b.kind === 'text' && !['folio', 'running-head'].includes(b.role));
      const last = body.at(-1);
      expect(/^(一|二|三|四|五)、|^（[一二三四]）/u.test(last?.text ?? ''), last?.text).toBe(false);
    }
  });

  it('draws folios — n — on body pages, odd right and even left', () => {
    const right = theme.page.width - theme.page.margins.right;
    for (const page of paged.pages.filter((p) => p.kind === 'body')) {
      const folio = page.boxes.find((b): b is TextBox => b.kind === 'text' && b.role === 'folio');
      expect(folio?.text).toBe(`— ${page.folio} —`);
      if ((page.folio ?? 0) % 2 === 1) expect((folio?.x ?? 0) + (folio?.width ?? 0)).toBeCloseTo(right - theme.styles.body.size, 3);
      else expect(folio?.x).toBeCloseTo(theme.page.margins.left + theme.styles.body.size, 3);
    }
    expect(paged.pages.filter((p) => p.kind !== 'body').every((p) => !p.boxes.some((b) => b.kind === 'text' && b.role === 'folio'))).toBe(true);
  });

  it('has no kinsoku violation in any body line', () => {
    for (const page of paged.pages) {
      for (const box of page.boxes) {
        if (box.kind !== 'text' || !['justified', 'last', 'cell', 'toc', 'centered', 'left'].includes(box.role)) continue;
        if (box.text.length > 1) {
          expect(CLOSERS, box.text).not.toContain(box.text[0]);
          expect(OPENERS, box.text).not.toContain(box.text.at(-1));
        }
      }
    }
  });

  it('fixes metadata from the issue, not the clock', () => {
    expect(paged.metadata.creationDate.toISOString()).toBe('2022-01-04T00:00:00.000Z');
    expect(paged.metadata.title).toBe('上海市长宁区人民政府公报 2021年第4期');
    expect(paged.metadata.author).toBe('上海市长宁区人民政府办公室');
    expect(paged.metadata.lang).toBe('zh-CN');
  });

  it('nests the outline section → document with the anchors’ page indices', () => {
    expect(paged.outline.map((s) => s.title)).toEqual(['区政府文件', '人事任免']);
    for (const section of paged.outline) {
      for (const doc of section.documents) {
        const index = paged.pages.findIndex((p) => p.boxes.some((b) => b.kind === 'anchor' && b.name === doc.destination));
        expect(doc.pageIndex).toBe(index);
      }
    }
  });

  it('marks every page in draft mode', () => {
    const draft = layout(fixture, true);
    for (const page of draft.pages) expect(page.boxes.some((b) => b.kind === 'text' && b.role === 'draft' && b.text.includes('草稿'))).toBe(true);
    expect(paged.pages.some((p) => p.boxes.some((b) => b.kind === 'text' && b.role === 'draft'))).toBe(false);
  });
});

describe('paginate diagnostics', () => {
  it('reports a character the font cannot draw, with its code point and source position', async () => {
    const gazette = await loadGazette('2021-4', LAYOUT_FIXTURE);
    const doc = gazette.sections[0]?.documents[0];
    if (!doc) throw new Error('fixture has no document');
    const para = doc.body.blocks.find((n) => n.kind === 'paragraph');
    if (para?.kind !== 'paragraph' || para.content[0]?.kind !== 'text') throw new Error('no paragraph');
    para.content[0].text = `含有😀的段落${para.content[0].text}`;
    const outcome = paginate(gazette, theme, fonts, { draft: false });
    const missing = outcome.diagnostics.filter((d) => d.code === 'glyph-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.args).toMatchObject({ char: '😀', codePoint: 'U+1F600' });
    expect(missing[0]?.span?.file).toBe(doc.file.path);
    expect(missing[0]?.span?.start.line).toBe(para.span?.start.line);
    expect(missing[0]?.severity).toBe('error');
  });
});

describe('paginate diagnostics in tables', () => {
  it('points a missing glyph in a table cell at that cell', async () => {
    const gazette = await loadGazette('2021-4', LAYOUT_FIXTURE);
    const doc = gazette.sections.find((s) => s.spec.name === '人事任免')?.documents[0];
    const table = doc?.body.blocks.find((n) => n.kind === 'table');
    if (table?.kind !== 'table') throw new Error('fixture has no table');
    const cell = table.rows[2]?.cells[1];
    if (cell?.content[0]?.kind !== 'text') throw new Error('no cell text');
    cell.content[0].text = `副局长\u{2F9F4}`;
    const missing = paginate(gazette, theme, fonts, { draft: false }).diagnostics.filter((d) => d.code === 'glyph-missing');
    expect(missing.map((d) => d.args.codePoint)).toEqual(['U+2F9F4']);
    expect(missing[0]?.span?.start.line).toBe(cell.span?.start.line);
    expect(missing[0]?.span?.start.column).toBe(cell.span?.start.column);
  });
});

const real = await loadGazette('2021-4');
describe('paginate (issue 2021-4)', () => {
  const paged = layout(real);

  it('has about 42 body pages (±15%)', () => {
    const body = paged.pages.filter((p) => p.kind === 'body').length;
    expect(body).toBeGreaterThanOrEqual(36);
    expect(body).toBeLessThanOrEqual(48);
  });

  it('never leaves a TOC leader alone on a line: a title that cannot share its line with the number wraps between words', () => {
    const tocTexts = paged.pages.filter((p) => p.kind === 'toc').flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' ? [b] : [])));
    const leaders = tocTexts.filter((b) => /^…+$/.test(b.text));
    expect(leaders.length).toBe(paged.toc.length);
    const words = wordBoundaries('上海市长宁区人民政府关于公布第七批区级非物质文化遗产名录的通知');
    for (const leader of leaders) {
      // Title text on the leader's own line, before it.
      const before = tocTexts.filter((b) => Math.abs(b.y - leader.y) < 0.5 && b.x < leader.x && !/^(\d+\.|-)$/.test(b.text));
      expect(before.length, `leader at ${leader.y}`).toBeGreaterThan(0);
      // Dots set solid (evenly spaced), not letter-spaced into groups.
      expect(leader.characterSpacing).toBe(0);
    }
    const first = tocTexts.find((b) => b.text.startsWith('上海市长宁区人民政府关于公布第七批'))!;
    expect(words.has(first.text.length)).toBe(true);
    expect(tocTexts.filter((b) => b.role === 'toc').every((b) => b.characterSpacing <= 0.15 * b.size + 1e-9)).toBe(true);
  });

  it('reproduces the TOC order of the printed issue', () => {
    expect(paged.toc.map((e) => `${e.section}/${e.label}`)).toEqual([
      '区政府文件/1.', '区政府文件/2.', '区政府文件/3.', '区政府文件/4.',
      '区政府办公室文件/1.', '区政府办公室文件/2.', '区政府办公室文件/3.', '区政府办公室文件/4.',
      '人事任免/-', '区政府规范性文件/1.', '部门规范性文件/1.', '政策解读/1.', '政策解读/2.',
    ]);
    expect(paged.toc[0]?.title).toContain('全民健身实施计划');
    expect(paged.toc[0]?.page).toBe(1);
    const pages = paged.toc.map((e) => e.page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it('has no kinsoku violation and no lone last character in any paragraph', () => {
    let lines = 0;
    for (const page of paged.pages) {
      const boxes = page.boxes.filter((b): b is TextBox => b.kind === 'text');
      boxes.forEach((box, i) => {
        if (box.role === 'last' && boxes[i - 1]?.role === 'justified') {
          expect(Array.from(box.text.replace(/[，。、；：？！）》」』】〕”’]/gu, '')).length, box.text).toBeGreaterThan(1);
        }
        if (box.text.length < 2) return;
        lines++;
        expect(CLOSERS, box.text).not.toContain(box.text[0]);
        expect(OPENERS, box.text).not.toContain(box.text.at(-1));
      });
    }
    expect(lines).toBeGreaterThan(1000);
  });
});

describe('back matter', () => {
  // The first layer wins, as a template's own theme.yml over the one it extends.
  const withTheme = (extra: string) =>
    parseTheme([
      { text: extra, path: 'templates/custom/theme.yml' },
      { text: readFileSync(join(ROOT, THEME_PATH), 'utf8'), path: THEME_PATH },
    ]).value!;
  const lines = (paged: PagedGazette, index: number) => texts(paged, index).map((b) => b.text);

  it.each([true, false])('ends with the 版权页 (evenPages: %s)', (evenPages) => {
    const paged = paginate(fixture, withTheme(`evenPages: ${evenPages}\n`), fonts, { draft: false }).value;
    const last = lines(paged, paged.pages.length - 1);
    for (const text of ['上海市长宁区人民政府公报', '2021年第4期（总第62期）', '2022年1月4日出版', '主办：上海市长宁区人民政府办公室']) expect(last).toContain(text);
    if (evenPages) expect(paged.pages.length % 2).toBe(0);
    else expect(paged.pages.some((p) => p.kind === 'blank')).toBe(false);
    // A blank page only ever stands right before a 版权页 of its own, and holds nothing.
    paged.pages.forEach((page, i) => {
      if (page.kind !== 'blank') return;
      expect(page.boxes).toEqual([]);
      expect(paged.pages[i + 1]?.kind).toBe('back');
    });
  });

  it('puts the 版权页 on a page of its own when the last page has no room, after a blank page for an even count', () => {
    // A colophon taller than any page's leftover space.
    const paged = paginate(fixture, withTheme('evenPages: true\nstyles:\n  colophon: { font: serif, size: 10.5, leading: 100 }\n'), fonts, { draft: false }).value;
    expect(paged.pages.at(-1)?.kind).toBe('back');
    expect(paged.pages.length % 2).toBe(0);
    const body = paged.pages.filter((p) => p.kind === 'body');
    expect(lines(paged, paged.pages.indexOf(body.at(-1)!))).not.toContain('主办：上海市长宁区人民政府办公室');
    // No folio or running head on the blank and back pages.
    for (const page of paged.pages.filter((p) => p.kind === 'blank' || p.kind === 'back')) expect(page.boxes.some((b) => b.kind === 'text' && (b.role === 'folio' || b.role === 'running-head'))).toBe(false);
  });
});
