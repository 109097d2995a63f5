import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { PagedGazette } from '../../src/model/layout.js';
import { paginate } from '../../src/paginate/index.js';
import { renderPdf } from '../../src/write/pdf/index.js';
import { parseTheme } from '../../src/theme/index.js';
import { loadGazette, nodeHost, ROOT } from '../support/load-gazette.js';
import { readPdf, stripSpaces, type PdfReadBack, type PdfTextItem } from '../support/pdf-text.js';

const THEME_PATH = 'templates/default/theme.yml';
const theme = parseTheme([{ text: readFileSync(join(ROOT, THEME_PATH), 'utf8'), path: THEME_PATH }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;
const gazette = await loadGazette('2021-4');

const CLOSERS = Array.from('，。、；：？！）》」』】〕”’');
const OPENERS = Array.from('（《「『【〔“‘');
const COMPRESSIBLE = Array.from('，。、；：？！）》」』】〕”’');

let paged: PagedGazette;
let bytes: Uint8Array;
let again: Uint8Array;
let pdf: PdfReadBack;

beforeAll(async () => {
  paged = paginate(gazette, theme, fonts, { draft: false }).value;
  bytes = await renderPdf(paged, fonts);
  again = await renderPdf(paginate(gazette, theme, fonts, { draft: false }).value, fonts);
  pdf = await readPdf(bytes);
});

/** TOC entries as printed: the text between entries is the title, then the leader and （n）. */
function printedToc(read: PdfReadBack): { title: string; page: number }[] {
  const tocText = read.pages
    .slice(1)
    .filter((_p, i) => read.labels?.[i + 1] && !/^\d+$/u.test(read.labels[i + 1] as string))
    .map((p) => p.text)
    .join('');
  const entries: { title: string; page: number }[] = [];
  for (const match of tocText.matchAll(/(?:\d+\.|-)(.+?)…+（(\d+)）/gu)) {
    entries.push({ title: (match[1] ?? '').replace(/^.*】/u, ''), page: Number(match[2]) });
  }
  return entries;
}

describe('the PDF', () => {
  it('is byte-identical across two renders', () => {
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('labels cover and TOC pages in roman and body pages from 1', () => {
    const labels = pdf.labels ?? [];
    expect(labels.length).toBe(pdf.pages.length);
    expect(labels[0]).toBe('i');
    const first = labels.indexOf('1');
    expect(first).toBeGreaterThan(1);
    expect(labels.slice(first)).toEqual(labels.slice(first).map((_l, i) => String(i + 1)));
  });

  it('puts each document on the page whose printed folio the TOC gives', () => {
    const toc = printedToc(pdf);
    const docs = gazette.sections.flatMap((s) => s.documents);
    expect(toc.length).toBe(docs.length);
    toc.forEach((entry, i) => {
      const title = stripSpaces((docs[i] as (typeof docs)[number]).meta.title);
      expect(stripSpaces(entry.title)).toBe(title);
      const index = (pdf.labels ?? []).indexOf(String(entry.page));
      expect(index, `page ${entry.page}`).toBeGreaterThan(0);
      // The longest title suffix that occurs in the body must first occur on that page.
      const suffix = title.slice(-Math.min(20, title.length));
      const page = pdf.pages[index]?.text ?? '';
      const printedFolio = `—${entry.page}—`;
      expect(page, title).toContain(suffix.slice(-10));
      expect(page.includes(title.slice(0, 12)) || page.includes(suffix), title).toBe(true);
      expect(page).toContain(printedFolio);
    });
  });

  it('has an outline section → document resolving to the same pages as the TOC', () => {
    const sections = gazette.sections.map((s) => s.spec.name);
    expect(pdf.outline.map((o) => o.title)).toEqual(sections);
    const toc = printedToc(pdf);
    const children = pdf.outline.flatMap((o) => o.children);
    expect(children.map((c) => c.title)).toEqual(gazette.sections.flatMap((s) => s.documents.map((d) => d.meta.title)));
    children.forEach((child, i) => {
      expect(pdf.labels?.[child.pageIndex]).toBe(String(toc[i]?.page));
      expect(child.top).toBeGreaterThan(0);
      expect(child.top).toBeLessThan(theme.page.height);
    });
  });

  it('links every TOC entry to a named destination on the document’s page', () => {
    const docs = gazette.sections.flatMap((s) => s.documents);
    for (const doc of docs) {
      const name = `doc-${doc.id}`;
      expect(pdf.links.some((l) => l.dest === name)).toBe(true);
      expect(pdf.labels?.[pdf.destinations.get(name) ?? -1]).toBe(String(paged.pageOf.get(doc.id)));
    }
  });

  it('embeds subset TrueType fonts and never the standard 14', () => {
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.match(/\/FontFile2/gu)?.length).toBe(new Set(Object.values(theme.fonts)).size);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/u);
    expect(text).not.toMatch(/Helvetica/u);
    expect(text).toMatch(/pdfaid:part>2</u);
    expect(text).toMatch(/\/Lang \(zh-CN\)/u);
  });

  it('has no kinsoku violation in the extracted lines', () => {
    let lines = 0;
    for (const page of pdf.pages) {
      for (const item of page.items) {
        const s = stripSpaces(item.str);
        if (s.length < 2 || /^…+$/u.test(s)) continue;
        lines++;
        expect(CLOSERS, s).not.toContain(s[0]);
        expect(OPENERS, s).not.toContain(s.at(-1));
      }
    }
    expect(lines).toBeGreaterThan(100);
  });

  it('sets every non-final body line flush with the right margin (±0.5 pt)', () => {
    const left = theme.page.margins.left;
    const right = theme.page.width - theme.page.margins.right;
    const size = theme.styles.body.size;
    const firstBody = (pdf.labels ?? []).indexOf('1');
    let checked = 0;
    const bodyLines = (items: PdfTextItem[]): PdfTextItem[] => items.filter((it) => Math.abs(it.size - size) < 0.01 && stripSpaces(it.str).length > 0);
    pdf.pages.slice(firstBody).forEach((page, p) => {
      const lines = bodyLines(page.items).sort((a, b) => a.y - b.y);
      lines.forEach((line, i) => {
        // A line is non-final when the next line is a continuation: it starts flush at the left margin.
        const next = lines[i + 1] ?? bodyLines(pdf.pages[firstBody + p + 1]?.items ?? []).sort((a, b) => a.y - b.y)[0];
        const startsLeft = Math.abs(line.x - left) < 0.5 || Math.abs(line.x - left - 2 * size) < 0.5;
        if (!next || !startsLeft || Math.abs(next.x - left) > 0.5 || next.font !== line.font) return;
        const text = stripSpaces(line.str);
        // pdf.js reports the advance up to the last glyph's end (no character spacing after it).
        const end = line.x + line.width;
        const expected = COMPRESSIBLE.includes(text.at(-1) ?? '') && end - right > size / 4 ? right + size / 2 : right;
        expect(Math.abs(end - expected), `page ${pdf.labels?.[firstBody + p]}: ${text}`).toBeLessThanOrEqual(0.5);
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(600);
  });
});
