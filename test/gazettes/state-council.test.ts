/**
 * A second gazette, unlike the bundled one (test/fixtures/state-council: 国务院公报-style labels, the
 * state-council template, a 令, a joint document, 署名, 附注, 附件说明, an attachment, a 答复, dates in Chinese
 * numerals): it checks clean and both editions print every element where GB/T 9704 puts it.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { check, compile, type CompileResult } from '../../src/pipeline.js';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { projectRoot } from '../support/project.js';
import { readPdf, stripSpaces, type PdfReadBack, type PdfTextItem } from '../support/pdf-text.js';
import { elementById, startTags, textOf } from '../write-html/html-scan.js';

const ROOT = join(projectRoot, 'test/fixtures/state-council');
const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const EM = 11.95;

let result: CompileResult;
let pdf: PdfReadBack;
let html: string;

const file = (r: CompileResult, path: string): string | Uint8Array => r.files!.find((f) => f.path === path)!.data;

beforeAll(async () => {
  result = await compile(createNodeHost(ROOT, { cache: false }), { issue: '2024-1', draft: false, formats: ['pdf', 'html'] });
  expect(shown(result.diagnostics)).toEqual([]);
  pdf = await readPdf(file(result, 'gazette-2024-1.pdf') as Uint8Array);
  html = file(result, 'index.html') as string;
});

/** The first body-page line (merged pdf.js items) whose text is `text`, with its page. */
function line(text: string): PdfTextItem & { page: number } {
  for (const [page, p] of pdf.pages.entries()) {
    if (!/^\d+$/.test(pdf.labels?.[page] ?? '')) continue;
    const found = p.items.find((item) => stripSpaces(item.str) === stripSpaces(text));
    if (found) return { ...found, page };
  }
  throw new Error(`no line ${text}`);
}

/** The line after `before` on the same page (next baseline down). */
function below(before: PdfTextItem & { page: number }, text: string): PdfTextItem {
  const candidates = pdf.pages[before.page]!.items.filter((item) => item.y > before.y + 0.5 && stripSpaces(item.str) === stripSpaces(text));
  expect(candidates.length, text).toBeGreaterThan(0);
  return candidates.sort((a, b) => a.y - b.y)[0]!;
}

const centre = (item: PdfTextItem): number => item.x + item.width / 2;

/**
 * GB/T 9704 §7.3.5.2 for an unsealed document: the signature has two em of right space and the date starts two em
 * right of it; when that would push the date past two em of right space, the date keeps them and the signature
 * moves left to stay two em before it.
 */
function expectClosing(signature: PdfTextItem, date: PdfTextItem): void {
  expect(date.y).toBeGreaterThan(signature.y);
  if (date.width + 2 * EM > signature.width) {
    expect(Math.abs(date.x + date.width - (RIGHT - 2 * EM))).toBeLessThan(1);
    expect(Math.abs(signature.x - (date.x - 2 * EM))).toBeLessThan(1);
  } else {
    expect(Math.abs(signature.x + signature.width - (RIGHT - 2 * EM))).toBeLessThan(1);
    expect(Math.abs(date.x - (signature.x + 2 * EM))).toBeLessThan(1);
  }
}

describe('the State Council-style gazette', () => {
  it('checks with no diagnostic at all', async () => {
    const checked = await check(createNodeHost(ROOT, { cache: false }), []);
    expect(checked.setup).toBeUndefined();
    expect(shown(checked.diagnostics)).toEqual([]);
  });

  it('names the issue and sections with its own labels on the cover, TOC, running heads and HTML', () => {
    expect(pdf.pages[0]!.text).toContain('2024年第1号');
    expect(pdf.pages[0]!.text).toContain('（总号：1820）');
    const toc = pdf.pages[1]!.text;
    for (const section of ['国务院令', '国务院文件', '国务院办公厅文件', '部门文件', '人事任免']) expect(toc).toContain(section);
    expect(toc).not.toContain('【');
    expect(pdf.pages[2]!.text).toContain('中华人民共和国国务院公报2024年第1号');
    expect(textOf(html)).toContain('2024年第1号（总号：1820）');
    expect(html).toContain('<h2 class="section-title" id="section-1-title">国务院令</h2>');
  });

  it('lists a 令 by its 令号 in the contents, the bookmarks and the HTML: orders share one title', () => {
    expect(stripSpaces(pdf.pages[1]!.text)).toContain('1.中华人民共和国国务院令第770号');
    const orders = pdf.outline.find((item) => item.title === '国务院令')!;
    expect(orders.children.map((item) => item.title)).toEqual(['中华人民共和国国务院令第770号']);
    expect(textOf(html)).toContain('中华人民共和国国务院令第770号（');
  });

  it('prints a 令 with its 令号 (第N号, GB/T 9704 §10.2) centred under the title and the signer below the text, then the regulation', () => {
    const title = line('中华人民共和国国务院令');
    const number = below(title, '第770号');
    const middle = (LEFT + RIGHT) / 2;
    expect(Math.abs(centre(title) - middle)).toBeLessThan(1);
    expect(Math.abs(centre(number) - middle)).toBeLessThan(1);
    const signer = below(title, '总理　某某');
    const date = below(title, '2023年12月10日');
    expectClosing(signer, date);
    const regulation = below(title, '示例设施保护条例');
    expect(regulation.y).toBeGreaterThan(date.y);
    // The regulation's chapters are centred, in both editions; its articles are paragraphs.
    expect(Math.abs(centre(line('第一章　总则')) - middle)).toBeLessThan(1);
    expect(elementById(html, 'order-770')).toMatch(/<h5 class="[^"]*\bdivision\b[^"]*">第一章　总则<\/h5>/u);
  });

  it('sets 署名, 成文日期 and 附注 by GB/T 9704 §7.3.5.2 and §7.3.6', () => {
    const signature = line('国务院');
    const date = below(signature, '2024年1月3日');
    const note = below(signature, '（此件公开发布）');
    expectClosing(signature, date);
    expect(Math.abs(note.x - (LEFT + 2 * EM))).toBeLessThan(1);
    expect(note.y).toBeGreaterThan(date.y);
  });

  it('sets the 附件说明 two em in, then the closing, then the plan it issues; the attachment starts a page, label flush left', () => {
    const list = line('附件：示例行动方案重点任务分工表');
    expect(Math.abs(list.x - (LEFT + 2 * EM))).toBeLessThan(1);
    const signature = below(list, '国务院办公厅');
    const plan = below(list, '示例行动方案');
    expect(plan.y).toBeGreaterThan(signature.y);
    const label = line('附件');
    expect(label.page).toBeGreaterThan(list.page);
    expect(Math.abs(label.x - LEFT)).toBeLessThan(0.5);
    const firstOnPage = pdf.pages[label.page]!.items.filter((item) => item.size === EM).sort((a, b) => a.y - b.y)[0]!;
    expect(stripSpaces(firstOnPage.str)).toBe('附件');
  });

  it('sets joint signatures one per line, 主办机关 first, aligned at their start', () => {
    const first = line('自然资源部');
    const second = below(first, '财政部');
    expect(second.y - first.y).toBeGreaterThan(EM);
    expect(Math.abs(first.x - second.x)).toBeLessThan(0.5);
    expectClosing(first, below(first, '2024年1月8日'));
  });

  it('draws the figure and prints its caption', () => {
    expect(pdf.pages.some((p) => p.text.includes('图1示例区域示意图'))).toBe(true);
    expect(pdf.images.some((count) => count > 0)).toBe(true);
    expect(result.files!.some((f) => /^assets\/area-[0-9a-f]{8}\.png$/.test(f.path))).toBe(true);
  });

  it('prints the same closing elements in the HTML edition', () => {
    const order = textOf(elementById(html, 'order-770')!);
    expect(elementById(html, 'order-770')).toContain('<p class="doc-number doc-order-number"><span class="nobr">第770号</span></p>');
    expect(order.indexOf('第770号')).toBeLessThan(order.indexOf('总理　某某'));
    expect(order.indexOf('总理　某某')).toBeLessThan(order.indexOf('2023年12月10日'));
    expect(order.indexOf('2023年12月10日')).toBeLessThan(order.lastIndexOf('示例设施保护条例'));
    const notice = textOf(elementById(html, 'gbf-2024-2')!);
    for (const part of ['附件：示例行动方案重点任务分工表', '国务院办公厅', '2024年1月5日', '（此件公开发布）', '附件', '示例行动方案重点任务分工表']) expect(notice).toContain(part);
    // This template prints no 版记; its data stays on the article for scripts.
    const joint = startTags(html).find((t) => t.attributes.get('id') === 'zrzf-2024-3')!;
    expect(joint.attributes.get('data-cc')).toBe('国务院办公厅、审计署');
    expect(joint.attributes.get('data-printed-by')).toBe('自然资源部办公厅');
    expect(textOf(html)).not.toContain('抄送');
  });
});

describe('the 版记, when a template asks for it', () => {
  it('prints 抄送 and 印发机关/印发日期 between rules, one em from each side', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gazette-record-'));
    cpSync(ROOT, root, { recursive: true });
    mkdirSync(join(root, 'templates/with-record'), { recursive: true });
    writeFileSync(join(root, 'templates/with-record/theme.yml'), 'extends: state-council\nrecord: true\n');
    const built = await compile(createNodeHost(root, { cache: false }), { issue: '2024-1', draft: false, formats: ['pdf', 'html'], template: 'with-record' });
    expect(shown(built.diagnostics)).toEqual([]);
    const read = await readPdf(file(built, 'gazette-2024-1.pdf') as Uint8Array);
    const items = read.pages.flatMap((p) => p.items);
    const cc = items.find((item) => stripSpaces(item.str) === '抄送：国务院办公厅，审计署。')!;
    // pdf.js reads both ends of the 印发 line as one item: 印发机关 at its start, the date at its end.
    const printed = items.find((item) => stripSpaces(item.str) === '自然资源部办公厅2024年1月9日印发')!;
    const size = cc.size;
    expect(Math.abs(cc.x - (LEFT + size))).toBeLessThan(0.5);
    expect(printed.y).toBeGreaterThan(cc.y);
    expect(Math.abs(printed.x - (LEFT + size))).toBeLessThan(0.5);
    expect(Math.abs(printed.x + printed.width - (RIGHT - size))).toBeLessThan(1);
    expect(textOf(file(built, 'index.html') as string)).toContain('抄送：国务院办公厅，审计署。');
  });
});

describe('the 版权页', () => {
  const lines = ['中华人民共和国国务院公报', '主办：国务院办公厅', '编辑出版：国务院办公厅', '地址：北京市示例区示例路1号', '邮政编码：100000', '电话：010-00000000', '印刷：示例印刷厂', '网址：www.gov.cn'];

  it('closes the PDF, on an even page count, with the issue data and every colophon item of gazette.yml in order', () => {
    expect(pdf.pages.length % 2).toBe(0);
    const last = pdf.pages.at(-1)!;
    let rest = last.text.slice(last.text.indexOf(lines[0]!));
    for (const text of lines) {
      expect(rest, text).toContain(stripSpaces(text));
      rest = rest.slice(rest.indexOf(stripSpaces(text)) + stripSpaces(text).length);
    }
  });

  it('closes the HTML edition with the same lines', () => {
    const colophon = /<footer class="colophon">([\s\S]*?)<\/footer>/.exec(html)![1]!;
    const printed = [...colophon.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!));
    expect(printed.filter((text) => lines.includes(text))).toEqual(lines);
    expect(printed).toContain('2024年第1号（总号：1820）');
  });
});
