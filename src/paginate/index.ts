/**
 * Layout: the whole issue as positioned boxes. Body pages are numbered from 1 and the cover and TOC carry
 * roman labels, so the TOC's length cannot move a body page: its page numbers come straight from where the body
 * layout put each document's title, and no second pass is needed (unlike continuous numbering).
 */
import { issueLabel, totalLabel } from '../shared/labels.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { FontSet } from '../fonts/index.js';
import type { Gazette } from '../model/gazette.js';
import type { Box, OutlineSection, Page, PagedGazette } from '../model/layout.js';
import type { Theme } from '../theme/index.js';
import { gazetteBlocks, type TableBlock } from './blocks.js';
import { tablesTooWide } from './table.js';
import { chineseDate } from '../shared/dates.js';
import { listedTitle } from '../shared/titles.js';
import { fillPages, type FilledPage } from './pages.js';
import { baselineOffset, typeArea, type RowContext } from './rows.js';
import { DRAFT_MARK, printedTexts, sourcesOf } from './printed.js';
import { missingGlyphs } from '../coverage/index.js';
import { blockRows } from './elements.js';
import { tocEntries, tocRows } from './toc.js';
import { colophonBlock } from './colophon.js';
import { furniture, MM, singleLine } from './furniture.js';
import { structNode } from './structure.js';
import type { BuildMemo } from '../shared/build-memo.js';
import { withProofMarks, type ProofNote } from './proof.js';


export { printedTexts, sourcesOf } from './printed.js';

export interface PaginateOptions {
  draft: boolean;
  /** Layout kept from the previous build of this process; see BuildMemo. */
  memo?: BuildMemo;
}


function romanLower(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}


function coverPage(ctx: RowContext, gazette: Gazette): Box[] {
  const { theme } = ctx;
  const top = theme.page.margins.top;
  const bottom = theme.page.height - theme.page.margins.bottom;
  const red = theme.mastheadColor;
  const name = theme.styles.mastheadName;
  const issue = theme.styles.mastheadIssue;
  const meta = theme.styles.mastheadMeta;
  const right = ctx.left + ctx.width;
  const boxes: Box[] = [];
  // The cover's lines are the issue's title page: a division of paragraphs, the rules an artifact.
  const cover = structNode('Div');
  const line = (box: Box): Box => ({ ...box, tag: structNode('P', cover) });
  let y = top + 10 * MM;
  boxes.push(line(singleLine(ctx, 'mastheadName', gazette.publication.name, y + baselineOffset(name), 'masthead', red)));
  y += name.leading + 4;
  boxes.push({ kind: 'rule', x1: ctx.left, y1: y, x2: right, y2: y, lineWidth: 2, color: red });
  boxes.push({ kind: 'rule', x1: ctx.left, y1: y + 4, x2: right, y2: y + 4, lineWidth: 0.5, color: red });
  y += 4 + issue.leading;
  const { labels } = gazette.publication;
  boxes.push(line(singleLine(ctx, 'mastheadIssue', issueLabel(labels, gazette.issue), y + baselineOffset(issue), 'masthead')));
  y += issue.leading;
  boxes.push(line(singleLine(ctx, 'mastheadMeta', totalLabel(labels, gazette.issue), y + baselineOffset(meta), 'masthead')));

  const lines = [`${gazette.publication.publisher}主办`, `${chineseDate(gazette.issue.published)}出版`];
  if (gazette.publication.website) lines.push(`网址：${gazette.publication.website}`);
  let by = bottom - lines.length * meta.leading;
  boxes.push({ kind: 'rule', x1: ctx.left, y1: by - 8, x2: right, y2: by - 8, lineWidth: 0.5, color: red });
  for (const text of lines) {
    boxes.push(line(singleLine(ctx, 'mastheadMeta', text, by + baselineOffset(meta), 'masthead')));
    by += meta.leading;
  }
  return boxes;
}

function draftMark(ctx: RowContext): Box {
  const { theme } = ctx;
  const s = theme.styles.draft;
  const text = DRAFT_MARK;
  const width = (ctx.fonts.get(s.font).measure(text).width * s.size) / 1000;
  const angle = 45;
  const rad = (angle * Math.PI) / 180;
  const cx = theme.page.width / 2 + 0.35 * s.size * Math.sin(rad);
  const cy = theme.page.height / 2 + 0.35 * s.size * Math.cos(rad);
  return {
    kind: 'text',
    text,
    font: s.font,
    size: s.size,
    x: cx - (width / 2) * Math.cos(rad),
    y: cy + (width / 2) * Math.sin(rad),
    characterSpacing: 0,
    width,
    color: '#d9d9d9',
    rotation: angle,
    role: 'draft',
  };
}

/** Where each document's anchor landed: document id → printed body page, from the assembled pages. */
function anchoredPages(pages: readonly Page[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const page of pages) {
    if (page.folio === undefined) continue;
    for (const box of page.boxes) {
      if (box.kind === 'anchor' && box.name.startsWith('doc-') && !found.has(box.name)) found.set(box.name.slice(4), page.folio);
    }
  }
  return found;
}

/** The body pages each document's boxes are on, first to last. */
function documentPages(pages: readonly Page[]): Map<string, { first: number; last: number }> {
  const found = new Map<string, { first: number; last: number }>();
  for (const page of pages) {
    if (page.folio === undefined) continue;
    for (const box of page.boxes) {
      if (box.document === undefined) continue;
      const range = found.get(box.document);
      if (range) range.last = page.folio;
      else found.set(box.document, { first: page.folio, last: page.folio });
    }
  }
  return found;
}

function toPage(kind: Page['kind'], label: string, filled: FilledPage, folio?: number): Page {
  const anchors: Box[] = filled.anchors.map(({ anchor, y }) => ({ kind: 'anchor', name: anchor.name, y }));
  return { kind, label, ...(folio !== undefined ? { folio } : {}), boxes: [...anchors, ...filled.boxes] };
}

/**
 * The 版权页 goes at the foot of the last body page when there is room there (a line's space above it) and the
 * page count is right; otherwise on a page of its own at the end, after a blank page when the theme wants an even
 * page count. Returns the pages to add.
 */
function backMatter(ctx: RowContext, gazette: Gazette, filled: FilledPage, last: Page, count: number): Page[] {
  const block = colophonBlock(ctx, gazette);
  const bottom = ctx.theme.page.height - ctx.theme.page.margins.bottom;
  const gap = ctx.theme.styles.body.leading;
  const fits = filled.end + gap + block.height <= filled.footTop + 0.01;
  const even = ctx.theme.evenPages;
  if (fits && (!even || count % 2 === 0)) {
    last.boxes.push(...block.boxes(filled.footTop - block.height));
    return [];
  }
  const added = even && count % 2 === 0 ? 2 : 1;
  const label = (k: number): string => String((last.folio ?? 0) + k);
  const back: Page = { kind: 'back', label: label(added), boxes: block.boxes(bottom - block.height) };
  return added === 2 ? [{ kind: 'blank', label: label(1), boxes: [] }, back] : [back];
}

export function paginate(gazette: Gazette, theme: Theme, fonts: FontSet, options: PaginateOptions): Outcome<PagedGazette> {
  const diagnostics: Diagnostic[] = [];
  const { margins } = theme.page;
  const titleBreaks = new Map<object, number[]>();
  const ctx = typeArea(theme, fonts, { titleBreaks, ...(options.memo ? { memo: options.memo } : {}) });
  options.memo?.bind(theme, fonts);
  const top = margins.top;
  const bottom = theme.page.height - margins.bottom;

  const blocks = gazetteBlocks(gazette, theme);
  const faces = new Map([...fonts.fonts].map(([key, font]) => [key, { has: (cp: number) => font.hasGlyph(cp), ref: font.ref }]));
  diagnostics.push(...missingGlyphs(printedTexts(gazette, theme, options.draft, blocks), faces, sourcesOf(gazette)));
  for (const table of tablesTooWide(ctx, blocks.filter((b): b is TableBlock => b.kind === 'table')))
    diagnostics.push({ code: 'table-too-wide', severity: 'warning', ...(table.span ? { span: table.span } : {}), args: { columns: table.table.columns } });
  const notes = { gap: 0.5 * theme.styles.footnote.leading, ruleWidth: ctx.width / 4, left: ctx.left };
  // Up to half a line above each heading, table or figure makes the foot of a page flush; before a new document
  // no more than three lines stay empty when the page has the places to take the rest.
  const leading = theme.styles.body.leading;
  const bodyFilled = fillPages(blockRows(ctx, blocks, bottom - top), top, bottom, notes, { glue: 0.5 * leading, documentGap: 3 * leading });
  const bodyPages = bodyFilled.map((filled, i) => toPage('body', String(i + 1), filled, i + 1));
  const pageOf = anchoredPages(bodyPages);
  const toc = tocEntries(gazette, pageOf);
  const front: Page[] = [{ kind: 'cover', label: 'i', boxes: coverPage(ctx, gazette) }];
  fillPages(tocRows(ctx, gazette, toc), top, bottom).forEach((filled, i) => front.push(toPage('toc', romanLower(i + 2), filled)));

  const pages = [...front, ...bodyPages, ...backMatter(ctx, gazette, bodyFilled.at(-1)!, bodyPages.at(-1)!, front.length + bodyPages.length)];
  for (const page of pages) {
    if (page.folio !== undefined) page.boxes.push(...furniture(ctx, `${gazette.publication.name}\u3000${issueLabel(gazette.publication.labels, gazette.issue)}`, page.folio).map((box) => ({ ...box, furniture: true as const })));
    if (options.draft) page.boxes.unshift({ ...draftMark(ctx), furniture: true });
  }

  const placed = new Map<string, { pageIndex: number; top: number }>();
  pages.forEach((page, pageIndex) => {
    for (const box of page.boxes) if (box.kind === 'anchor' && !placed.has(box.name)) placed.set(box.name, { pageIndex, top: box.y });
  });
  const target = (title: string, destination: string) => ({ title, destination, ...(placed.get(destination) ?? { pageIndex: 0, top: 0 }) });
  const outline: OutlineSection[] = gazette.sections.map((section, s) => ({
    ...target(section.spec.name, `sec-${s + 1}`),
    documents: section.documents.map((doc) => target(listedTitle(doc.meta), `doc-${doc.id}`)),
  }));

  const name = gazette.publication.name;
  const issue = issueLabel(gazette.publication.labels, gazette.issue);
  const value: PagedGazette = {
    width: theme.page.width,
    height: theme.page.height,
    pages,
    toc,
    pageOf,
    documentPages: documentPages(bodyPages),
    outline,
    pageLabels: [
      { pageIndex: 0, style: 'roman', start: 1 },
      { pageIndex: front.length, style: 'decimal', start: 1 },
    ],
    metadata: {
      title: `${name} ${issue}`,
      author: gazette.publication.publisher,
      subject: `${name}${issue}${totalLabel(gazette.publication.labels, gazette.issue)}`,
      keywords: [name, issue, ...gazette.sections.map((s) => s.spec.name)].join(', '),
      lang: 'zh-CN',
      creationDate: new Date(`${gazette.issue.published}T00:00:00Z`),
    },
    draft: options.draft,
    tagged: theme.tagged,
    titleBreaks,
  };
  return { value, diagnostics };
}

export { annualReference, paginateAnnual } from './annual.js';
export { looseLines, type ProofNote } from './proof.js';

/** The issue with proof marks and the list of notes after it (see proof.ts). */
export function proofLayout(paged: PagedGazette, theme: Theme, fonts: FontSet, notes: readonly ProofNote[]): PagedGazette {
  return withProofMarks(paged, typeArea(theme, fonts), notes);
}
