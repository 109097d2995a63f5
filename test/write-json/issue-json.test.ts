/**
 * The data edition, issue.json, for the bundled issue and for a gazette unlike it (the State Council fixture): it
 * validates against the published schema, lists the other editions' files with their true SHA-256, and its page
 * ranges agree with the PDF (first pages with the PDF's destinations, last pages with what the PDF prints).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';
import { readPdf } from '../support/pdf-text.js';

const schema = JSON.parse(readFileSync(join(projectRoot, 'schema/issue.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

interface IssueData {
  issue: { id: string; label: string };
  outputs: { path: string; sha256: string; bytes: number }[];
  documents: { id: string; title: string; category: string; firstPage: number; lastPage: number; index?: string; validity?: string }[];
}

const gazettes = [
  { name: 'the bundled issue', root: projectRoot, issue: '2021-4' },
  { name: 'the State Council fixture', root: join(projectRoot, 'test/fixtures/state-council'), issue: '2024-1' },
];

describe.each(gazettes)('issue.json of $name', ({ root, issue }) => {
  it('validates, lists the editions with their hashes, and gives every document the pages the PDF prints it on', async () => {
    const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: false, formats: ['pdf', 'html', 'json'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = new Map(result.files!.map((file) => [file.path, file.data]));
    const data = JSON.parse(files.get('issue.json') as string) as IssueData;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);

    // Every other file of the build is listed once, with its real digest and size.
    const others = [...files.keys()].filter((path) => path !== 'issue.json').sort();
    expect(data.outputs.map((file) => file.path).sort()).toEqual(others);
    for (const listed of data.outputs) {
      const bytes = Buffer.from(files.get(listed.path)!);
      expect(listed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(listed.bytes).toBe(bytes.byteLength);
    }

    const pdf = await readPdf(files.get(`gazette-${issue}.pdf`) as Uint8Array);
    const folio = (pageIndex: number): number => Number(pdf.labels![pageIndex]);
    const anchor = (id: string) => pdf.anchors.find((a) => a.name === `doc-${id}`)!;
    const documents = data.documents;
    expect(documents.length).toBe(result.gazette!.sections.reduce((n, s) => n + s.documents.length, 0));
    documents.forEach((doc, i) => {
      // The first page is the page of the document's destination, and the TOC's number.
      expect(doc.firstPage, doc.id).toBe(folio(anchor(doc.id).pageIndex));
      expect(doc.firstPage).toBe(result.pageOf!.get(doc.id));
      expect(doc.lastPage).toBeGreaterThanOrEqual(doc.firstPage);
      const next = documents[i + 1];
      if (!next) return;
      // A document ends on the page the next one starts on exactly when that page prints text above the next
      // title (the running head and a new section's heading aside) — its own.
      const start = anchor(next.id);
      const text = pdf.pages[start.pageIndex]!.items.filter((item) => !item.str.includes(data.issue.label) && !(next.category !== doc.category && item.str.includes(next.category)));
      const typeTop = text.reduce((top, item) => Math.min(top, item.y - item.size), Infinity);
      const sharesPage = typeTop < start.top - 1;
      expect(doc.lastPage, `${doc.id} before ${next.id}`).toBe(sharesPage ? next.firstPage : next.firstPage - 1);
    });
  }, 60_000);
});

describe('issue.json fields', () => {
  it('passes 政府信息公开 fields of the front matter through, and the schema refuses what is not its shape', async () => {
    const host = createNodeHost(projectRoot, { cache: false });
    const path = 'documents/2021-4/cfg-2021-52.md';
    const text = readFileSync(join(projectRoot, path), 'utf8').replace('category: 区政府文件\n', 'category: 区政府文件\nindex: 000014349/2021-00123\nvalidity: 有效\n');
    const { overlayHost } = await import('../../src/host/overlay-host.js');
    const result = await compile(overlayHost(host, new Map([[path, new TextEncoder().encode(text)]])), { issue: '2021-4', draft: false, formats: ['json'] });
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const data = JSON.parse(result.files!.find((file) => file.path === 'issue.json')!.data as string) as IssueData;
    expect(data.documents.find((doc) => doc.id === 'cfg-2021-52')).toMatchObject({ index: '000014349/2021-00123', validity: '有效' });
    expect(data.documents.find((doc) => doc.id === 'cfg-2021-46')).not.toHaveProperty('index');
    // The schema is strict enough to catch a broken file.
    expect(validate({ ...data, documents: [{ ...data.documents[0], firstPage: 0 }] })).toBe(false);
    expect(validate({ ...data, extra: true })).toBe(false);
  }, 60_000);

  it('keeps the 版记 as data (抄送, 印发机关 and 印发日期) though the theme does not print it', async () => {
    const root = join(projectRoot, 'test/fixtures/state-council');
    const result = await compile(createNodeHost(root, { cache: false }), { issue: '2024-1', draft: false, formats: ['json'] });
    const data = JSON.parse(result.files!.find((file) => file.path === 'issue.json')!.data as string) as { documents: { id: string; cc: string[]; printed?: unknown }[] };
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.documents.find((doc) => doc.id === 'zrzf-2024-3')).toMatchObject({ cc: ['国务院办公厅', '审计署'], printed: { by: '自然资源部办公厅', date: '2024-01-09' } });
    expect(data.documents.find((doc) => doc.id === 'gf-2024-1')).toMatchObject({ cc: [] });
    expect(data.documents.find((doc) => doc.id === 'gf-2024-1')).not.toHaveProperty('printed');
  }, 60_000);
});
