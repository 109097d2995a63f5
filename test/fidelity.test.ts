/**
 * Fidelity of documents/2021-4 to the real issue's text (test/fixtures/2021-4/seed.txt): the sources must
 * reproduce the seed body character for character, except for the changes listed in corrections.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeHost } from '../src/host/node-host.js';
import { loadGazette } from '../src/pipeline.js';
import {
  applyCorrections,
  compareTexts,
  explains,
  issueText,
  loadDocuments,
  markdownTables,
  orderDocuments,
  readYaml,
  seedBody,
  seedTocTitles,
  stripWhitespace,
  type Correction,
  type PublicationConfig,
  type SourceDoc,
} from './support/fidelity.js';

const root = join(import.meta.dirname, '..');
const seed = readFileSync(join(root, 'test/fixtures/2021-4/seed.txt'), 'utf8');
const corrections = readYaml<Correction[]>(join(root, 'test/fixtures/2021-4/corrections.yml'));
const pub = readYaml<PublicationConfig>(join(root, 'documents/gazette.yml'));

let docs: SourceDoc[];
/** Document ids in print order, from the real pipeline (load → validate → order). */
let ids: string[];
let body: string;
let corrected: string;
let text: string;

beforeAll(async () => {
  docs = loadDocuments(join(root, 'documents/2021-4'));
  const { gazette } = await loadGazette(createNodeHost(root), '2021-4');
  ids = gazette!.sections.flatMap((section) => section.documents.map((doc) => doc.id));
  body = seedBody(seed, pub);
  corrected = applyCorrections(body, corrections);
  text = issueText(docs, ids);
});

const pct = (x: number): string => `${(100 * x).toFixed(3)}%`;

/** The seed's tab-separated table lines between two marker lines, split into runs of consecutive lines. */
function seedTableRuns(from: string, to: string): string[][] {
  const lines = body.split('\n');
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start + 1);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  const runs: string[][] = [];
  let run: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (line.includes('\t')) run.push(line);
    else if (line.trim() !== '' && run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function docById(id: string): SourceDoc {
  const d = docs.find((x) => x.id === id);
  if (!d) throw new Error(`missing document ${id}`);
  return d;
}

describe('fidelity of documents/2021-4 to the seed', () => {
  it('has one source per TOC entry, in TOC order', () => {
    const toc = seedTocTitles(seed, pub).map(stripWhitespace);
    const titles = orderDocuments(docs, ids).map((d) => stripWhitespace(String(d.data.title)));
    expect(toc.length).toBeGreaterThan(0);
    expect(titles).toEqual(toc);
  });

  it('writes front matter keys in the agreed order', () => {
    const agreed = ['title', 'issuer', 'date', 'number', 'category', 'recipients', 'interprets', 'order'];
    for (const d of docs) {
      const keys = Object.keys(d.data);
      expect(keys, d.id).toEqual(agreed.filter((k) => keys.includes(k)));
    }
  });

  it('produces no Markdown construct other than headings, paragraphs, text and tables (GFM or HTML)', () => {
    const allowed = new Set(['root', 'heading', 'paragraph', 'text', 'table', 'tableRow', 'tableCell']);
    for (const d of docs) {
      const found = new Set<string>();
      visit(unified().use(remarkParse).use(remarkGfm).parse(d.body), (n) => {
        const tableHtml = n.type === 'html' && /^<\/?(?:table|thead|tbody|tr|th|td)\b/.test((n as { value: string }).value.trim());
        if (!allowed.has(n.type) && !tableHtml) found.add(n.type);
      });
      expect([...found], d.id).toEqual([]);
    }
  });

  it('covers the raw seed and adds almost nothing', () => {
    const r = compareTexts(body, text);
    const seedCovered = r.common / r.seedLength;
    const fromSeed = r.common / r.docLength;
    console.log(
      `raw seed: ${r.seedLength} chars, documents: ${r.docLength} chars; ` +
        `seed present in documents ${pct(seedCovered)}, documents from seed ${pct(fromSeed)}, ${r.hunks.length} hunks`,
    );
    expect(seedCovered).toBeGreaterThanOrEqual(0.995);
    expect(fromSeed).toBeGreaterThanOrEqual(0.99);
  });

  it('explains every difference from the raw seed by a listed correction', () => {
    const unexplained = compareTexts(body, text).hunks.filter((h) => !corrections.some((c) => explains(c, h)));
    expect(unexplained).toEqual([]);
  });

  it('matches the corrected seed exactly (ignoring whitespace)', () => {
    const r = compareTexts(corrected, text);
    console.log(
      `corrected seed: ${r.seedLength} chars; seed present ${pct(r.common / r.seedLength)}, ` +
        `documents from seed ${pct(r.common / r.docLength)}, ${r.hunks.length} hunks`,
    );
    expect(r.hunks).toEqual([]);
  });

  it('detects a dropped paragraph', () => {
    const victim = docById('cfg-2021-52');
    const paragraph = victim.body.split('\n\n').find((p) => p.startsWith('根据'));
    expect(paragraph).toBeDefined();
    const damaged = docs.map((d) => (d === victim ? { ...d, body: d.body.replace(paragraph!, '') } : d));
    const r = compareTexts(corrected, issueText(damaged, ids));
    expect(r.hunks.length).toBeGreaterThan(0);
    expect(r.hunks.some((h) => h.removed === stripWhitespace(paragraph!))).toBe(true);
  });

  it('keeps the task table of 长府办〔2021〕22号 as wide and as long as the seed', () => {
    const runs = seedTableRuns(
      '长宁区生活垃圾分类减量工作行动计划（2021—2023）任务清单',
      '上海市长宁区人民政府办公室关于转发区生态环境局制订的《长宁区突发环境事件应急预案》的通知',
    );
    expect(runs).toHaveLength(1);
    const seedRows = runs[0]!;
    const seedCols = Math.max(...seedRows.map((l) => l.split('\t').length));
    const tables = markdownTables(docById('cfb-2021-22').body);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table).toHaveLength(seedRows.length);
    for (const row of table) expect(row).toHaveLength(seedCols);
    // Sequence numbers 1..n run down the first column (row 2 is the year sub-header).
    const serials = table.slice(2).map((r) => r[0]);
    expect(serials).toEqual(serials.map((_, i) => String(i + 1)));
  });

  it('keeps the work-plan table of 长府办〔2021〕20号 as wide and as long as the seed', () => {
    const runs = seedTableRuns(
      '附件：上海市长宁区教育数字化转型实验区发展三年行动实施方案工作计划表',
      '上海市长宁区人民政府办公室关于转发区绿化市容局制订的《长宁区生活垃圾分类减量工作行动计划（2021—2023）》的通知',
    );
    const seedRows = runs.flat();
    const tables = markdownTables(docById('cfb-2021-20').body);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toHaveLength(seedRows.length);
    for (const row of tables[0]!) expect(row).toHaveLength(Math.max(...seedRows.map((l) => l.split('\t').length)));
    expect(tables[0]!.flat().join('')).not.toMatch(/<\/?\w+>/);
  });

  it('keeps both 人事任免 tables with the seed rows', () => {
    const runs = seedTableRuns('二〇二一年十月~十二月份区政府人事任免事项', '【区政府规范性文件】');
    const dataRows = runs.map((run) => run.filter((l) => !l.startsWith('姓名')));
    const tables = markdownTables(docById('personnel-2021-q4').body);
    expect(tables.map((t) => t[0])).toEqual([
      ['姓名', '任命职务'],
      ['姓名', '免去职务'],
    ]);
    expect(tables.map((t) => t.length - 1)).toEqual(dataRows.map((r) => r.length));
    tables.forEach((t, i) => {
      expect(t.slice(1).map((r) => r.join('\t'))).toEqual(dataRows[i]);
    });
  });
});
