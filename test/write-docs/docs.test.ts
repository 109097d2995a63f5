/**
 * The per-document editions, for the bundled issue and the State Council fixture: each document's PDF is its
 * pages of the issue (labels = its folios there, as issue.json and the TOC say), with its own text where the issue
 * prints it and nothing of a neighbour on a shared page; its outline and metadata name it. Its HTML page shows it
 * alone, with the issue's stylesheet and a link back to it in the issue.
 */
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';
import { readPdf, type PdfReadBack } from '../support/pdf-text.js';
import { textOf } from '../write-html/html-scan.js';
import { listedTitle } from '../../src/shared/titles.js';

const gazettes = [
  { name: 'the bundled issue', root: projectRoot, issue: '2021-4' },
  { name: 'the State Council fixture', root: join(projectRoot, 'test/fixtures/state-council'), issue: '2024-1' },
];

async function pdfTitle(bytes: Uint8Array): Promise<string | undefined> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
  return info.Title;
}

describe.each(gazettes)('per-document editions of $name', ({ root, issue }) => {
  it('cut each document out of the issue, page for page, and nothing of its neighbours', async () => {
    const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: false, formats: ['pdf', 'docs', 'json'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = new Map(result.files!.map((file) => [file.path, file.data]));
    // The pages link the HTML edition's stylesheet, so it is written too.
    expect(files.has('style.css')).toBe(true);
    const data = JSON.parse(files.get('issue.json') as string) as { issue: { label: string }; documents: { id: string; title: string; number?: string; numberKind?: string; firstPage: number; lastPage: number; outputs: { path: string }[] }[] };
    const issuePdf = await readPdf(files.get(`gazette-${issue}.pdf`) as Uint8Array);
    const issuePage = (folio: number) => issuePdf.pages[issuePdf.labels!.indexOf(String(folio))]!;
    const titles = data.documents.map((doc) => doc.title.replace(/\s/gu, ''));
    for (const [i, doc] of data.documents.entries()) {
      expect(doc.outputs.map((output) => output.path).sort()).toEqual([`docs/${doc.id}.html`, `docs/${doc.id}.pdf`]);
      const bytes = files.get(`docs/${doc.id}.pdf`) as Uint8Array;
      const own: PdfReadBack = await readPdf(bytes);
      const folios = Array.from({ length: doc.lastPage - doc.firstPage + 1 }, (_, k) => String(doc.firstPage + k));
      expect(own.labels, doc.id).toEqual(folios);
      // An order is named by its number (every order of an issuer has the same title).
      expect(own.outline.map((item) => item.title)).toEqual([listedTitle(doc)]);
      expect(await pdfTitle(bytes)).toBe(listedTitle(doc));
      if (doc.numberKind === 'order') expect(listedTitle(doc)).toContain(doc.number);
      own.pages.forEach((page, k) => {
        // Every line it prints is on the issue's page at the same place.
        const there = issuePage(doc.firstPage + k).items;
        for (const item of page.items) {
          expect(there.some((other) => other.str === item.str && Math.abs(other.x - item.x) < 0.01 && Math.abs(other.y - item.y) < 0.01), `${doc.id}: ${item.str}`).toBe(true);
        }
      });
      const text = own.pages.map((page) => page.text).join('');
      expect(text).toContain(titles[i]!);
      // A neighbour sharing its first or last page leaves no trace: on the first page nothing is printed above its
      // title but the running head, and on the last page nothing of the next title.
      const has = (page: PdfReadBack['pages'][number], item: { str: string; y: number }) => page.items.some((other) => other.str === item.str && Math.abs(other.y - item.y) < 0.01);
      const anchor = (id: string) => issuePdf.anchors.find((a) => a.name === `doc-${id}`)!;
      const runningHead = (item: { str: string }) => item.str.includes(data.issue.label);
      const above = issuePage(doc.firstPage).items.filter((item) => item.y < anchor(doc.id).top && !runningHead(item));
      for (const item of above) expect(has(own.pages[0]!, item), `${doc.id} shows ${item.str}`).toBe(false);
      const next = data.documents[i + 1];
      if (next && next.firstPage === doc.lastPage) {
        const nextTitle = issuePage(next.firstPage).items.filter((item) => item.y > anchor(next.id).top && item.y < anchor(next.id).top + 30);
        expect(nextTitle.length).toBeGreaterThan(0);
        for (const item of nextTitle) expect(has(own.pages.at(-1)!, item), `${doc.id} shows ${item.str}`).toBe(false);
      }

      const html = files.get(`docs/${doc.id}.html`) as string;
      expect(html).toContain('href="../style.css"');
      expect(html).toContain(`href="${doc.id}.pdf"`);
      const back = /href="\.\.\/index\.html#([^"]+)"/u.exec(html)?.[1];
      expect(back && (files.get('index.html') as string).includes(`id="${back}"`), `${doc.id} links back to its anchor`).toBe(true);
      const shown = textOf(html).replace(/\s/gu, '');
      expect(shown).toContain(titles[i]!);
      // The page holds one document.
      expect(html.match(/<article\b/gu)?.length).toBe(1);
    }
  }, 120_000);
});
