/**
 * The tagged PDF (PDF/UA-1 alongside PDF/A-2b): read back with pdf.js's structure tree and marked content, on the
 * bundled issue, the every-construct fixture and the State Council-style gazette.
 */
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { projectRoot } from '../support/project.js';
import { elements, readTags, textOf, treeContent, type TaggedPdf, type TagNode } from '../support/pdf-tags.js';
import { stripSpaces } from '../support/pdf-text.js';

const GAZETTES = [
  { name: 'the bundled issue', root: projectRoot, issue: '2021-4' },
  { name: 'the every-construct fixture', root: join(projectRoot, 'test/fixtures/constructs'), issue: '2024-2' },
  { name: 'the State Council-style gazette', root: join(projectRoot, 'test/fixtures/state-council'), issue: '2024-1' },
];

async function build(root: string, issue: string, formats = ['pdf']) {
  const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: false, formats });
  expect(shown(result.diagnostics)).toEqual([]);
  return result.files!;
}

async function tagsOf(root: string, issue: string): Promise<TaggedPdf> {
  const files = await build(root, issue);
  return readTags(files.find((f) => f.path.endsWith('.pdf'))!.data as Uint8Array);
}

const HEADING = /^H([1-6])$/;

/** Whether `text` is a run of whole `pieces`, one after another (longest first). */
function madeOf(text: string, pieces: readonly string[]): boolean {
  const candidates = [...new Set(pieces.filter((p) => p !== ''))].sort((a, b) => b.length - a.length);
  let rest = text;
  while (rest !== '') {
    const piece = candidates.find((p) => rest.startsWith(p));
    if (!piece) return false;
    rest = rest.slice(piece.length);
  }
  return true;
}

describe.each(GAZETTES)('the tagged PDF of $name', ({ root, issue }) => {
  let pdf: TaggedPdf;
  beforeAll(async () => {
    pdf = await tagsOf(root, issue);
  }, 60_000);

  it('declares itself tagged, in Chinese, titled, and PDF/UA-1 as well as PDF/A-2b in well-formed XMP', () => {
    expect(pdf.markInfo?.Marked).toBe(true);
    expect(pdf.lang).toBe('zh-CN');
    expect(pdf.displayDocTitle).toBe(true);
    expect(XMLValidator.validate(pdf.xmp)).toBe(true);
    const xmp = JSON.stringify(new XMLParser({ ignoreAttributes: false }).parse(pdf.xmp));
    expect(xmp).toContain('"pdfuaid:part":1');
    expect(xmp).toContain('"pdfaid:part":2');
    expect(xmp).toContain('"pdfaid:conformance":"B"');
    // PDF/A accepts the pdfuaid namespace only with its extension schema.
    expect(xmp).toContain('"pdfaSchema:namespaceURI":"http://www.aiim.org/pdfua/ns/id/"');
  });

  it('has one Document at the top, and puts every piece of text either in the structure or in an artifact', () => {
    for (const [i, page] of pdf.pages.entries()) {
      if (page.marked.length === 0 && page.artifacts.length === 0) continue;
      expect(page.roots.map((r) => r.role), `page ${i + 1}`).toEqual(['Document']);
      expect(page.untagged, `page ${i + 1}`).toBe('');
      const inTree = treeContent(page.roots).map((c) => c.id);
      expect(new Set(inTree).size, `page ${i + 1}: content referenced once`).toBe(inTree.length);
      expect([...inTree].sort(), `page ${i + 1}`).toEqual(page.marked.map((m) => m.id).sort());
    }
  });

  it('keeps as artifacts only furniture, leaders and what a page repeats of an earlier one', () => {
    const seen: string[] = [];
    for (const [i, page] of pdf.pages.entries()) {
      for (const artifact of page.artifacts) {
        if (artifact === '') continue;
        const furniture = /^—\d+—$/.test(artifact) || /^…+$/.test(artifact) || /公报/.test(artifact);
        // 续表, then header cells and merged cells' labels again: whole pieces of text tagged on an earlier page.
        const repeated = madeOf(artifact.replace(/^续表/, ''), seen);
        expect(furniture || repeated, `page ${i + 1}: artifact "${artifact}"`).toBe(true);
      }
      seen.push(...page.marked.map((m) => m.text));
    }
  });

  it('reads in the order of the page (a table cell by cell)', () => {
    for (const [i, page] of pdf.pages.entries()) {
      const tree = treeContent(page.roots);
      const inTable = new Set(tree.filter((c) => c.inTable).map((c) => c.id));
      const stream = page.marked.map((m) => m.id);
      expect(
        tree.filter((c) => !c.inTable).map((c) => c.id),
        `page ${i + 1}`,
      ).toEqual(stream.filter((id) => !inTable.has(id)));
    }
  });

  it('never skips a heading level, and titles each document with an H2 under its section H1', () => {
    const levels: number[] = [];
    for (const page of pdf.pages) {
      for (const { node } of elements(page.roots)) {
        const level = HEADING.exec(node.role)?.[1];
        if (level && textOf(node) !== '') levels.push(Number(level));
      }
    }
    expect(levels[0]).toBe(1);
    levels.forEach((level, k) => {
      if (k > 0) expect(level, `heading ${k}`).toBeLessThanOrEqual(levels[k - 1]! + 1);
    });
    // Every Sect of a document opens with its title.
    for (const page of pdf.pages) {
      for (const { node, path } of elements(page.roots)) {
        if (node.role !== 'H2') continue;
        expect(path.slice(-3)).toEqual(['Document', 'Part', 'Sect']);
      }
    }
  });

  it('puts every link annotation in a Link element, with its text as Contents', () => {
    for (const [i, page] of pdf.pages.entries()) {
      const objects = new Map<string, string>();
      for (const { node } of elements(page.roots)) {
        for (const child of node.children) if (!('role' in child) && child.type === 'object') objects.set(child.id, node.role);
      }
      for (const link of page.links) {
        expect(objects.get(link.id), `page ${i + 1}: annotation ${link.id}`).toBe('Link');
        expect(link.contents.length, `page ${i + 1}: annotation ${link.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('builds tables of rows of header and data cells', () => {
    let tables = 0;
    for (const page of pdf.pages) {
      for (const { node, path } of elements(page.roots)) {
        if (node.role === 'Table') {
          tables++;
          for (const child of node.children) expect('role' in child && ['TR', 'Caption'].includes(child.role)).toBe(true);
        }
        if (node.role === 'TR') for (const child of node.children) expect('role' in child && ['TH', 'TD'].includes(child.role)).toBe(true);
        if (node.role === 'TH' || node.role === 'TD') expect(path.at(-1)).toBe('TR');
      }
    }
    expect(tables).toBeGreaterThan(0);
  });
});

describe('the tagged PDF of the every-construct fixture', () => {
  const root = join(projectRoot, 'test/fixtures/constructs');
  const all = (pdf: TaggedPdf): { node: TagNode; path: readonly string[] }[] => pdf.pages.flatMap((page) => [...elements(page.roots)]);

  it('tags lists, quotes, figures with their alt text, captions and footnotes', async () => {
    const pdf = await tagsOf(root, '2024-2');
    const nodes = all(pdf);
    const text = (role: string): string[] => nodes.filter(({ node }) => node.role === role).map(({ node }) => textOf(node));
    expect(text('LBody')).toEqual(expect.arrayContaining(['1.第一项任务。', '·子任务甲。']));
    const nested = nodes.find(({ node }) => node.role === 'LBody' && textOf(node) === '·子任务甲。')!;
    expect(nested.path.slice(-5)).toEqual(['L', 'LI', 'LBody', 'L', 'LI']);
    expect(text('BlockQuote').map(stripSpaces)).toEqual(['引用的上级文件原文：坚持统筹推进。']);
    const figure = nodes.find(({ node }) => node.role === 'Figure')!.node;
    expect(figure.alt).toBe('示例区域示意图');
    expect(figure.children.some((c) => 'role' in c && c.role === 'Caption' && textOf(c) === '图1示例区域示意图')).toBe(true);
    // A note cited in a table cell, and one cited only inside that note, follow it.
    expect(text('Note')).toEqual(['①指本通知所称的示例工作。', '②含各区所辖街道、乡镇。', '③制度清单另行印发④。', '④由市司法局汇总。']);
    // The image is drawn inside the Figure: its marked content has no text but is there.
    expect(figure.children.some((c) => !('role' in c) && c.type === 'content')).toBe(true);
  });

  it('keeps a link in a table cell a Link with its text, inside the cell', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'gazette-cell-link-'));
    cpSync(root, copy, { recursive: true });
    const doc = join(copy, 'documents/2024-2/sf-2024-7.md');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('| 1 | 建设平台 |', '| 1 | [建设平台](https://www.example.gov.cn/p) |'));
    const pdf = await tagsOf(copy, '2024-2');
    const links = all(pdf).filter(({ node }) => node.role === 'Link' && textOf(node) === '建设平台');
    expect(links.length).toBe(1);
    expect(links[0]!.path.at(-1)).toBe('TD');
    expect(links[0]!.node.children.some((c) => !('role' in c) && c.type === 'object')).toBe(true);
  });

  it('writes no structure and no PDF/UA claim when the theme turns tagging off', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'gazette-untagged-'));
    cpSync(root, copy, { recursive: true });
    cpSync(join(projectRoot, 'templates'), join(copy, 'templates'), { recursive: true });
    const theme = join(copy, 'templates/default/theme.yml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^tagged: true$/m, 'tagged: false'));
    const pdf = await tagsOf(copy, '2024-2');
    expect(pdf.markInfo).toBeNull();
    expect(pdf.xmp).not.toContain('pdfuaid');
    expect(pdf.pages.every((page) => page.roots.length === 0 && page.marked.length === 0)).toBe(true);
  });
});

describe('the per-document PDFs', () => {
  it('are tagged, each with its own document under its section', async () => {
    const files = await build(join(projectRoot, 'test/fixtures/state-council'), '2024-1', ['pdf', 'html', 'docs']);
    const docs = files.filter((f) => /docs\/[^/]+\.pdf$/.test(f.path));
    expect(docs.length).toBeGreaterThan(1);
    for (const file of docs) {
      const pdf = await readTags(file.data as Uint8Array);
      expect(pdf.markInfo?.Marked, file.path).toBe(true);
      const sects = pdf.pages.flatMap((page) => [...elements(page.roots)]).filter(({ node, path }) => node.role === 'Sect' && path.at(-1) === 'Part');
      expect(sects.length, file.path).toBeGreaterThan(0);
      for (const page of pdf.pages) expect(page.untagged, file.path).toBe('');
    }
  }, 60_000);
});
