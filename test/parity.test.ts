/**
 * One reading of the source: the PDF (read back with pdf.js) and the HTML edition carry the same text, block by
 * block, for every document of fixtures that use every construct (lists, quotes, code, tables, figures, notes,
 * marks, links, attachments, the text a document issues, closing blocks) and of the bundled issue.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../src/host/node-host.js';
import { compile } from '../src/pipeline.js';
import { shown } from '../src/diagnostics/diagnostic.js';
import { projectRoot } from './support/project.js';
import { pdfTitleLines, readPdf, stripSpaces, type PdfReadBack } from './support/pdf-text.js';
import { decode, elementById, startTags } from './write-html/html-scan.js';

const MM = 72 / 25.4;
const TOP = 37 * MM;
const BOTTOM = (297 - 35) * MM;
/** Sizes of the default theme: footnote text, and table cells (which the bundled issue's long cells interleave). */
const FOOTNOTE = 9;
const TABLE = 9.5;
/** Footnote text, and the marks of notes a note cites (set at 0.6 of its size). */
const inNote = (size: number): boolean => Math.abs(size - FOOTNOTE) < 0.01 || Math.abs(size - 0.6 * FOOTNOTE) < 0.01;

interface Edition {
  pdf: PdfReadBack;
  html: string;
  documents: string[];
}

async function build(root: string, issue: string): Promise<Edition> {
  const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: false, formats: ['pdf', 'html'] });
  expect(shown(result.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  const data = (name: string) => result.files!.find((f) => f.path === name)!.data;
  return {
    pdf: await readPdf(data(`gazette-${issue}.pdf`) as Uint8Array),
    html: data('index.html') as string,
    documents: result.gazette!.sections.flatMap((s) => s.documents.map((d) => d.id)),
  };
}

/** A document's text in the PDF, from its anchor to the next anchor, footnotes aside. */
function pdfText(edition: Edition, id: string, skipTables: boolean): string {
  const { anchors, pages } = edition.pdf;
  const at = anchors.findIndex((a) => a.name === `doc-${id}`);
  const from = anchors[at]!;
  const to = anchors[at + 1];
  let flow = '';
  for (let p = from.pageIndex; p < pages.length && (!to || p <= to.pageIndex); p++) {
    for (const item of pages[p]!.items) {
      if (item.y < TOP - 1 || item.y > BOTTOM + 1) continue;
      if (p === from.pageIndex && item.y < from.top - 1) continue;
      if (inNote(item.size)) continue;
      if (to && p === to.pageIndex && item.y >= to.top - 1) continue;
      if (skipTables && Math.abs(item.size - TABLE) < 0.01) continue;
      flow += stripSpaces(item.str);
    }
  }
  return flow;
}

/** Every footnote of the issue, in page order: a note sits at the foot of the page that cites it. */
function pdfNotes(edition: Edition): string {
  return edition.pdf.pages
    .flatMap((page) => page.items.filter((item) => item.y >= TOP && item.y <= BOTTOM + 1 && inNote(item.size)))
    .map((item) => stripSpaces(item.str))
    .join('');
}

/** The text blocks of an article in the HTML, in order: everything a reader reads, without navigation. */
function htmlBlocks(edition: Edition, id: string, skipTables: boolean): { blocks: string[]; notes: string } {
  const anchor = startTags(edition.html).find((t) => t.attributes.get('data-document') === id)!.attributes.get('id')!;
  let article = elementById(edition.html, anchor)!;
  article = article.replace(/<footer class="doc-footer">[\s\S]*?<\/footer>/g, '').replace(/<a class="note-back"[^>]*>[\s\S]*?<\/a>/g, '');
  if (skipTables) article = article.replace(/<table>[\s\S]*?<\/table>/g, '');
  const aside = /<aside class="doc-notes[\s\S]*?<\/aside>/.exec(article)?.[0] ?? '';
  const notes = stripSpaces(decode(aside.replace(/<p class="doc-notes-title">[\s\S]*?<\/p>/, '').replace(/<[^>]*>/g, '')));
  const main = article.replace(aside, '');
  // Every block element ends a block; inline tags are dropped.
  const blocks = main
    .split(/<\/(?:p|h[1-6]|li|th|td|figcaption|pre|caption)>/)
    .map((chunk) => stripSpaces(decode(chunk.replace(/<[^>]*>/g, ''))))
    .filter((text) => text !== '');
  return { blocks, notes };
}

function expectSameText(edition: Edition, skipTables = false): void {
  expect(edition.documents.length).toBeGreaterThan(0);
  let notes = '';
  // The 版权页 closes both editions: after the last document in the PDF, in the page's footer in the HTML.
  const colophon = stripSpaces(decode(/<footer class="colophon">([\s\S]*?)<\/footer>/.exec(edition.html)![1]!.replace(/<[^>]*>/g, '')));
  expect(colophon.length).toBeGreaterThan(0);
  for (const id of edition.documents) {
    const html = htmlBlocks(edition, id, skipTables);
    notes += html.notes;
    let rest = pdfText(edition, id, skipTables);
    for (const [i, block] of html.blocks.entries()) {
      expect(rest.startsWith(block), `${id}: HTML block ${i + 1} “${block}” is not next in the PDF, which reads “${rest.slice(0, 40)}”`).toBe(true);
      rest = rest.slice(block.length);
    }
    expect(rest, `${id}: the PDF has text the HTML lacks`).toBe(id === edition.documents.at(-1) ? colophon : '');
  }
  expect(pdfNotes(edition), 'footnotes').toBe(notes);
}

describe('PDF and HTML carry the same content', () => {
  it('on a fixture that uses every construct', async () => {
    const edition = await build(join(projectRoot, 'test/fixtures/constructs'), '2024-2');
    expectSameText(edition);
    // The constructs are really there.
    for (const part of ['基本建立', '全面提升', '暂缓', '附表一', '市政府网站', '第一行', '第二行', '子任务乙', '引用的上级文件原文', '第一列', '建设平台', '图1示例区域示意图', '附件2', '示例工作联系人名单', '（此件公开发布）']) {
      expect(edition.pdf.pages.map((p) => p.text).join('')).toContain(part);
    }
    expect(edition.html).not.toContain('编辑批注');
    expect(edition.pdf.pages.map((p) => p.text).join('')).not.toContain('编辑批注');
  });

  it('on the State Council-style gazette', async () => {
    expectSameText(await build(join(projectRoot, 'test/fixtures/state-council'), '2024-1'));
  });

  it('on the bundled issue (tables aside: their long cells interleave line by line in the PDF)', async () => {
    expectSameText(await build(projectRoot, '2021-4'), true);
  });
});

function htmlTitleLines(edition: Edition, id: string): string[] {
  const anchor = startTags(edition.html).find((t) => t.attributes.get('data-document') === id)!.attributes.get('id')!;
  const title = /<h3 class="doc-title"[^>]*>([\s\S]*?)<\/h3>/.exec(elementById(edition.html, anchor)!)![1]!;
  return title.split('<br class="pdf-break">').map((line) => stripSpaces(decode(line.replace(/<[^>]*>/g, ''))));
}

describe('PDF and HTML break titles at the same places', () => {
  it.each([
    ['the bundled issue', projectRoot, '2021-4'],
    ['the State Council-style gazette', join(projectRoot, 'test/fixtures/state-council'), '2024-1'],
  ])('on %s', async (_name, root, issue) => {
    const edition = await build(root, issue);
    let multiLine = 0;
    for (const id of edition.documents) {
      const pdf = pdfTitleLines(edition.pdf, id);
      if (pdf.length > 1) multiLine++;
      expect(htmlTitleLines(edition, id), id).toEqual(pdf);
    }
    if (issue === '2021-4') expect(multiLine).toBeGreaterThanOrEqual(8);
  });
});
