/**
 * Helpers for the fidelity test: rebuild the printed text of an issue from its Markdown sources and
 * compare it, character by character, with the seed text of the real issue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { chineseDate } from '../../src/shared/dates.js';
import type { Table } from '../../src/model/document.js';
import { tableGrid } from '../../src/shared/table-grid.js';
import { readBody } from '../write-html/fixture.js';

/** One deliberate change to the seed text, from `corrections.yml`. */
export interface Correction {
  file: string | string[];
  seed: string;
  fixed: string;
  /** Expected number of occurrences in the seed body; 1 when absent. */
  count?: number;
  reason: string;
}

export interface SectionConfig {
  name: string;
}

export interface PublicationConfig {
  name: string;
  sections: SectionConfig[];
  issuers: { name: string; codes: string[] }[];
}

/** A source document with the fields the printed text depends on. */
export interface SourceDoc {
  id: string;
  data: Record<string, unknown>;
  body: string;
}

export interface Hunk {
  /** Offset in the (whitespace-free) seed string where the hunk starts. */
  seedAt: number;
  /** Seed characters missing from the documents. */
  removed: string;
  /** Document characters not in the seed. */
  added: string;
}

export interface Comparison {
  seedLength: number;
  docLength: number;
  common: number;
  hunks: Hunk[];
}

export function readYaml<T>(path: string): T {
  return parseYaml(readFileSync(path, 'utf8')) as T;
}

/** Front matter parsed with the `yaml` package so that ISO dates stay strings. */
export function loadDocuments(dir: string): SourceDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const parsed = matter(readFileSync(join(dir, f), 'utf8'), {
        engines: { yaml: (s: string) => parseYaml(s) as object },
      });
      return { id: f.slice(0, -3), data: parsed.data as Record<string, unknown>, body: parsed.content };
    });
}

/** The seed's body: from the second 【first section】 line (the first one is in the TOC) up to the colophon. */
export function seedBody(seed: string, pub: PublicationConfig): string {
  const lines = seed.split('\n');
  const header = `【${pub.sections[0]!.name}】`;
  const starts = lines.flatMap((l, i) => (l.trim() === header ? [i] : []));
  const colophon = lines.map((l) => l.trim()).lastIndexOf(pub.name);
  if (starts.length < 2 || colophon < 0) throw new Error('seed layout not recognised');
  return lines.slice(starts[1], colophon).join('\n');
}

/** TOC entries (titles without leaders and page numbers) between 目录 and the body. */
export function seedTocTitles(seed: string, pub: PublicationConfig): string[] {
  const body = seedBody(seed, pub);
  const toc = seed.slice(0, seed.indexOf(body));
  return toc
    .split('\n')
    .map((l) => /^(?:\d+\.|-)\s*(.+?)\s*(?:…+|\.{3,})\s*[（(]\d+[）)]\s*$/.exec(l.trim())?.[1])
    .filter((t): t is string => t !== undefined);
}

export function applyCorrections(text: string, corrections: readonly Correction[]): string {
  let out = text;
  for (const c of corrections) {
    const found = out.split(c.seed).length - 1;
    const expected = c.count ?? 1;
    if (found !== expected) {
      throw new Error(`correction ${JSON.stringify(c.seed)}: expected ${expected} occurrence(s), found ${found}`);
    }
    out = out.split(c.seed).join(c.fixed);
  }
  return out;
}

/** Markdown body to plain text: drop heading marks, table delimiter rows and pipes, and backslash escapes. */
export function markdownToText(md: string): string {
  return md
    .split('\n')
    .filter((l) => !/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(l))
    .map((l) => {
      const line = l.replace(/^#{1,6}\s+/, '');
      if (/^\s*<\/?(?:table|thead|tbody|tr|th|td)\b/.test(line)) return decodeEntities(line.replace(/<[^>]*>/g, ''));
      const cells = line.startsWith('|') ? splitRow(line).join('\t') : line;
      return unescapeMarkdown(cells);
    })
    .join('\n');
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Cells of one GFM table row, split on unescaped pipes (escapes are kept). */
export function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && i + 1 < row.length) {
      cur += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  cells.push(cur.trim());
  return cells.slice(1, -1);
}

/**
 * Tables of a Markdown body (GFM or HTML), as read by the real reader, each as its grid of cell texts: header rows
 * first, a cell covered by a row or column span from elsewhere as ''.
 */
export function markdownTables(md: string): string[][][] {
  const { body } = readBody(md);
  const tables = [...body.blocks, ...body.enclosure, ...body.attachments.flatMap((a) => a.blocks)].filter((b): b is Table => b.kind === 'table');
  return tables.map((table) => {
    const grid = table.rows.map(() => Array.from({ length: table.columns }, () => ''));
    for (const row of tableGrid(table)) {
      for (const { cell, row: r, column } of row) grid[r]![column] = cell.content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? ' ' : '')).join('');
    }
    return grid;
  });
}

/** Documents in the order the real pipeline prints them (`ids` from its ordered Gazette). */
export function orderDocuments(docs: readonly SourceDoc[], ids: readonly string[]): SourceDoc[] {
  return ids.map((id) => {
    const doc = docs.find((d) => d.id === id);
    if (!doc) throw new Error(`pipeline returned unknown document ${id}`);
    return doc;
  });
}

/** The issue's printed body text: section headers, then per document title, date line, number, 主送, body. */
export function issueText(docs: readonly SourceDoc[], ids: readonly string[]): string {
  const out: string[] = [];
  let section: unknown;
  for (const d of orderDocuments(docs, ids)) {
    if (d.data.category !== section) {
      section = d.data.category;
      out.push(`【${String(section)}】`);
    }
    out.push(String(d.data.title));
    if (d.data.date !== undefined) out.push(`（${chineseDate(String(d.data.date))}）`);
    if (d.data.number !== undefined) out.push(String(d.data.number));
    if (d.data.recipients !== undefined) out.push(`${String(d.data.recipients)}：`);
    out.push(markdownToText(d.body));
  }
  return out.join('\n');
}

export function stripWhitespace(s: string): string {
  return s.replace(/\s+/gu, '');
}

/**
 * Character diff (Myers, O((N+M)·D) time, O(D²) memory) of whitespace-free texts.
 * `common` is the length of the longest common subsequence.
 */
export function compareTexts(seedText: string, docText: string): Comparison {
  const a = Array.from(stripWhitespace(seedText));
  const b = Array.from(stripWhitespace(docText));
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const trace: Int32Array[] = [];
  let v = new Int32Array(3);
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // v holds x for diagonals -d..d at index k + d.
    const next = new Int32Array(2 * d + 3);
    for (let k = -d; k <= d; k += 2) {
      const prev = (kk: number): number => v[kk + d - 1 + 1] ?? -1;
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && prev(k - 1) < prev(k + 1))) x = prev(k + 1);
      else x = prev(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[k + d + 1] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(next);
    v = next;
  }
  // Backtrack: collect edits from the end.
  type Edit = { kind: 'del' | 'ins'; x: number; y: number };
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vPrev = trace[d - 1]!;
    const at = (kk: number): number => vPrev[kk + (d - 1) + 1] ?? -1;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > (down ? prevX : prevX + 1) && y > (down ? prevY + 1 : prevY)) {
      x--;
      y--;
    }
    if (down) edits.push({ kind: 'ins', x: prevX, y: prevY });
    else edits.push({ kind: 'del', x: prevX, y: prevY });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  const hunks: Hunk[] = [];
  let last: { hunk: Hunk; x: number; y: number } | undefined;
  for (const e of edits) {
    const adjacent = last && last.x === e.x && last.y === e.y;
    if (!adjacent) {
      last = { hunk: { seedAt: e.x, removed: '', added: '' }, x: e.x, y: e.y };
      hunks.push(last.hunk);
    }
    if (e.kind === 'del') {
      last!.hunk.removed += a[e.x];
      last!.x = e.x + 1;
    } else {
      last!.hunk.added += b[e.y];
      last!.y = e.y + 1;
    }
  }
  return { seedLength: n, docLength: m, common: (n + m - found) / 2, hunks };
}

/** Whether a hunk is fully explained by one listed correction (its removed and added text lie inside seed / fixed). */
export function explains(c: Correction, h: Hunk): boolean {
  return stripWhitespace(c.seed).includes(h.removed) && stripWhitespace(c.fixed).includes(h.added);
}
