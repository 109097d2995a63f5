/**
 * Page make-up as a reader of the printed gazette sees it, measured on the PDF read back with pdf.js: flush page
 * feet, no heading or 第X条 left at a page foot, no orphan or widow lines, every continuation page of a table led
 * by 续表 and the header rows, the 2021-4 task table within 3½ pages, （一） headings in the 楷体, and the body within
 * 48 pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { parseTheme, type Theme } from '../../src/theme/index.js';
import type { Block, Table, TableCell } from '../../src/model/document.js';
import { readPdf, stripSpaces, type PdfPage, type PdfReadBack, type PdfTextItem } from '../support/pdf-text.js';
import { projectRoot } from '../support/project.js';
import { isBareArticle, isDivisionHeading } from '../../src/shared/articles.js';

const theme: Theme = parseTheme([{ text: readFileSync(join(projectRoot, 'templates/default/theme.yml'), 'utf8'), path: 'theme.yml' }]).value!;
const { styles } = theme;
// The theme's page is in points once parsed.
const TOP = theme.page.margins.top;
const BOTTOM = theme.page.height - theme.page.margins.bottom;
const LEFT = theme.page.margins.left;
const RIGHT = theme.page.width - theme.page.margins.right;
const LINE = styles.body.leading;
const EM = styles.body.size;
const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;

interface Issue {
  pdf: PdfReadBack;
  /** Index of the first body page. */
  firstBody: number;
  /** Every table of the issue's documents, as the model has it. */
  tables: Table[];
}

const cellText = (cell: TableCell | undefined): string => (cell?.content ?? []).map((inline) => ('text' in inline ? inline.text : '')).join('');

function tablesOf(blocks: readonly Block[]): Table[] {
  return blocks.flatMap((block): Table[] =>
    block.kind === 'table' ? [block] : block.kind === 'list' ? block.items.flatMap((item) => tablesOf(item.blocks)) : block.kind === 'quote' ? tablesOf(block.blocks) : [],
  );
}

async function build(root: string, issue: string): Promise<Issue> {
  const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: false, formats: ['pdf'] });
  expect(shown(result.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  const pdf = await readPdf(result.files!.find((f) => f.path.endsWith('.pdf'))!.data as Uint8Array);
  const bodies = result.gazette!.sections.flatMap((section) => section.documents.map((doc) => doc.body));
  const tables = bodies.flatMap((body) => tablesOf([...body.blocks, ...body.enclosure, ...body.attachments.flatMap((a) => a.blocks)]));
  return { pdf, firstBody: pdf.labels!.indexOf('1'), tables };
}

/** Text lines inside the type area, in reading order (running head and folio are outside it). */
function lines(page: PdfPage): PdfTextItem[] {
  return page.items.filter((item) => item.y > TOP && item.y < BOTTOM + 2).sort((a, b) => a.y - b.y || a.x - b.x);
}

const isNote = (item: PdfTextItem): boolean => same(item.size, styles.footnote.size);
const isCell = (item: PdfTextItem): boolean => same(item.size, styles.table.size);
/** The text's lines, footnotes aside. */
const textLines = (page: PdfPage): PdfTextItem[] => lines(page).filter((item) => !isNote(item));

/** The bottom of a line's slot: layout centres the em box in the leading, the baseline 0.88 em below its top. */
function slotBottom(item: PdfTextItem, leading: number): number {
  return item.y + (leading - item.size) / 2 + 0.12 * item.size;
}

/** Where the text may end on a page: the type area, less the footnotes and their rule. */
function textLimit(page: PdfPage): number {
  const notes = lines(page).filter(isNote);
  if (notes.length === 0) return BOTTOM;
  const firstNoteTop = Math.min(...notes.map((n) => n.y)) - (styles.footnote.leading - n0(notes).size) / 2 - 0.88 * n0(notes).size;
  return firstNoteTop - styles.footnote.leading;
}
const n0 = (notes: PdfTextItem[]): PdfTextItem => notes[0]!;

/**
 * True when page `index + 1` starts a new section or document (the previous one ended on page `index`), or an
 * attachment that the template starts on a new page.
 */
function nextStartsDocument(issue: Issue, index: number): boolean {
  const first = issue.pdf.anchors.find((a) => a.pageIndex === index + 1);
  if (first !== undefined && /^(doc|sec)-/.test(first.name) && first.top < TOP + 3 * LINE) return true;
  const opening = lines(issue.pdf.pages[index + 1]!)[0];
  return opening !== undefined && /^附件\d*$/u.test(opening.str);
}

/** The body pages the text goes on from: not the last, not one whose document ends there. */
function continuingPages(issue: Issue): number[] {
  const out: number[] = [];
  for (let i = issue.firstBody; i < issue.pdf.pages.length - 1; i++) {
    // The text's last page may be followed by the colophon's page, which continues nothing.
    const text = textLines(issue.pdf.pages[i + 1]!).some((line) => isBodyText(line) || isCell(line));
    if (!nextStartsDocument(issue, i) && text) out.push(i);
  }
  return out;
}

const lastLine = (page: PdfPage): PdfTextItem | undefined => textLines(page).reduce<PdfTextItem | undefined>((a, b) => (!a || b.y > a.y + 0.5 ? b : a), undefined);
const isFull = (item: PdfTextItem): boolean => item.x + item.width > RIGHT - 1;
const isIndented = (item: PdfTextItem): boolean => Math.abs(item.x - (LEFT + 2 * EM)) < 1;
const isBodyText = (item: PdfTextItem): boolean => same(item.size, styles.body.size) && /NotoSerifSC-Regular/.test(item.face);

describe.each([
  ['the bundled issue 2021-4', projectRoot, '2021-4'],
  ['the State Council-style gazette', join(projectRoot, 'test/fixtures/state-council'), '2024-1'],
])('page make-up of %s', (_name, root, issueId) => {
  let issue: Issue;
  beforeAll(async () => {
    issue = await build(root, issueId);
  });

  it('ends every page the text goes on from within half a line of the foot (tables moved whole aside)', () => {
    const short: string[] = [];
    for (const i of continuingPages(issue)) {
      const page = issue.pdf.pages[i]!;
      const last = lastLine(page)!;
      // A table row taller than the room left moves whole to the next page (its cells are not split).
      if (isCell(last)) continue;
      const gap = (textLimit(page) - slotBottom(last, isCell(last) ? styles.table.leading : LINE)) / LINE;
      if (gap > 0.5) short.push(`PDF p${i + 1}: ${gap.toFixed(2)} lines short, ends “${last.str}”`);
    }
    expect(short).toEqual([]);
  });

  it('leaves at most three empty lines at the foot of a page before a new document', () => {
    const gaps: string[] = [];
    for (let i = issue.firstBody; i < issue.pdf.pages.length - 1; i++) {
      const first = issue.pdf.anchors.find((a) => a.pageIndex === i + 1);
      if (!first || !/^(doc|sec)-/.test(first.name) || first.top > TOP + 3 * LINE) continue;
      const page = issue.pdf.pages[i]!;
      const last = lastLine(page)!;
      const gap = (textLimit(page) - slotBottom(last, isCell(last) ? styles.table.leading : LINE)) / LINE;
      // A table's last row has its cell padding and rule below the text.
      if (gap > (isCell(last) ? 3.2 : 3.05)) gaps.push(`PDF p${i + 1}: ${gap.toFixed(2)} lines empty before ${first.name}`);
    }
    expect(gaps).toEqual([]);
  });

  it('leaves no heading and no 第X条 at the foot of a page, and no orphan or widow line', () => {
    const faults: string[] = [];
    for (const i of continuingPages(issue)) {
      const page = issue.pdf.pages[i]!;
      const last = lastLine(page)!;
      const heading = /Sans|WenKai/.test(last.face) || (same(last.size, styles.subtitle.size) && /Bold/.test(last.face));
      // A chapter or a bare article number is a heading; an article with its text is a paragraph (orphans below).
      if (heading || isDivisionHeading(last.str) || isBareArticle(last.str)) faults.push(`PDF p${i + 1}: ends with the heading “${last.str}”`);
      const next = textLines(issue.pdf.pages[i + 1]!).filter((item) => item.y < TOP + 2 * LINE);
      const [first, second] = next;
      // The first line of a paragraph (indented, running on overleaf) alone at the foot.
      if (isBodyText(last) && isIndented(last) && isFull(last) && first && isBodyText(first) && !isIndented(first)) faults.push(`PDF p${i + 1}: orphan “${last.str}”`);
      // A paragraph's last line alone at the top of the next page.
      if (first && isBodyText(first) && isBodyText(last) && isFull(last) && !isFull(first) && !isIndented(first) && (!second || isIndented(second) || !isBodyText(second)))
        faults.push(`PDF p${i + 2}: widow “${first.str}”`);
    }
    expect(faults).toEqual([]);
  });

  it('keeps every line inside the type area', () => {
    const outside: string[] = [];
    issue.pdf.pages.forEach((page, i) => {
      for (const item of page.items) {
        const inFoot = item.y > BOTTOM + 1 && item.y < BOTTOM + 2 * LINE && /^— \d+ —$/u.test(item.str);
        if (item.y > BOTTOM + 1 && !inFoot) outside.push(`PDF p${i + 1}: “${item.str}” at ${item.y.toFixed(1)}`);
      }
    });
    expect(outside).toEqual([]);
  });

  it('sets （一） headings in the 楷体', () => {
    // Headings are short lines without a closing stop; paragraphs that start with （一） run on or end with 。.
    const headings = issue.pdf.pages.flatMap((page) =>
      lines(page).filter((item) => /^（[一二三四五六七八九十]+）/u.test(item.str) && same(item.size, styles.heading2.size) && isIndented(item) && !isFull(item) && !/[。；：]$/u.test(item.str)),
    );
    if (issueId === '2021-4') expect(headings.length).toBeGreaterThan(10);
    for (const heading of headings) expect(heading.face, heading.str).toBe('LXGWWenKai-Regular');
  });
});

describe('tables of the bundled issue across pages', () => {
  let issue: Issue;
  beforeAll(async () => {
    issue = await build(projectRoot, '2021-4');
  });

  /**
   * Runs of pages one table spans. A page that opens with table cells continues the table of the page before
   * unless its first body row is the first body row of a table (a new table starting at the top of a page).
   */
  function splitTables(): number[][] {
    const firstRows = issue.tables.map((table) => stripSpaces(cellText(table.rows[table.headerRows]?.cells[0]))).filter((text) => text !== '');
    // A row's first cell opens its line in the PDF (pdf.js joins it with the cells beside it): 1 must not match 13.
    const opensWith = (line: string, cell: string): boolean => line.startsWith(cell) && !(/\d$/u.test(cell) && /\d/u.test(line[cell.length] ?? ''));
    const startsTable = (page: PdfPage): boolean => {
      const cells = lines(page).filter(isCell);
      const first = cells.find((item) => item.str !== '续表' && !/Sans/.test(item.face));
      if (!first) return false;
      const row = stripSpaces(cells.filter((item) => Math.abs(item.y - first.y) < 0.5).map((item) => item.str).join(''));
      return firstRows.some((cell) => opensWith(row, cell));
    };
    const runs: number[][] = [];
    let run: number[] = [];
    issue.pdf.pages.forEach((page, i) => {
      const cells = lines(page).filter(isCell);
      const opensWithCells = lines(page)[0] !== undefined && isCell(lines(page)[0]!);
      const continues = run.at(-1) === i - 1 && opensWithCells && isCell(lastLine(issue.pdf.pages[i - 1]!)!) && !startsTable(page);
      if (continues) run.push(i);
      else {
        if (run.length > 1) runs.push(run);
        run = cells.length > 0 ? [i] : [];
      }
    });
    if (run.length > 1) runs.push(run);
    return runs;
  }

  it('starts every continuation page of every split table with 续表 and the header rows', () => {
    const runs = splitTables();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // The header to repeat is the last one the page before shows (its table's own, or the one repeated there).
    const lastHeader = (page: PdfPage): string[] => {
      const cells = lines(page).filter(isCell);
      const end = cells.findLastIndex((item) => /Sans/.test(item.face));
      let start = end;
      while (start > 0 && /Sans/.test(cells[start - 1]!.face)) start--;
      return cells.slice(start, end + 1).map((item) => item.str);
    };
    for (const [, ...rest] of runs) {
      for (const i of rest) {
        const header = lastHeader(issue.pdf.pages[i - 1]!);
        expect(header.length).toBeGreaterThan(0);
        const page = lines(issue.pdf.pages[i]!);
        expect(page[0]?.str, `PDF p${i + 1}`).toBe('续表');
        expect(page.slice(1, 1 + header.length).map((item) => item.str), `PDF p${i + 1}`).toEqual(header);
        // The header follows 续表 directly: one line and the cell's padding, no space added.
        expect(page[1]!.y - page[0]!.y, `PDF p${i + 1}`).toBeLessThanOrEqual(styles.table.leading + 3);
      }
    }
  });

  it('sets the 任务清单 of 长宁区生活垃圾分类减量工作行动计划 within 3½ pages', () => {
    const area = BOTTOM - TOP;
    const run = splitTables().find((pages) => issue.pdf.pages[pages[0]!]!.text.includes('一网统管'))!;
    expect(run).toBeDefined();
    const first = lines(issue.pdf.pages[run[0]!]!).filter(isCell);
    const last = lines(issue.pdf.pages[run.at(-1)!]!).filter(isCell);
    const startY = Math.min(...first.map((c) => c.y)) - styles.table.size;
    const endY = Math.max(...last.map((c) => c.y)) + styles.table.leading / 2;
    const span = (BOTTOM - startY) / area + (run.length - 2) + (endY - TOP) / area;
    console.log(`任务清单: ${span.toFixed(2)} pages, PDF p${run[0]! + 1}–p${run.at(-1)! + 1}`);
    expect(span).toBeLessThanOrEqual(3.5);
    expect(span).toBeGreaterThan(2);
  });

  it('keeps the body of the issue within 48 pages', () => {
    expect(issue.pdf.pages.length - issue.firstBody).toBeLessThanOrEqual(48);
  });
});
