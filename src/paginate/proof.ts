/**
 * Proof marks (`build --draft --proof`): a numbered red mark in the margin beside the line each diagnostic points
 * at and beside every line spaced beyond the theme's letter-spacing goal, and pages at the end listing the notes,
 * so that a proof can go to the issuing office. The notes' text comes formatted in the user's language.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Box, Page, PagedGazette, TextBox } from '../model/layout.js';
import type { Span } from '../model/source.js';
import type { TextBlock } from './blocks.js';
import { fillPages } from './pages.js';
import { textRows, type RowContext } from './rows.js';
import { structNode } from './structure.js';
import { isLoose } from '../shared/loose.js';

const MARK_COLOR = '#d00000';
const MARK_SIZE = 7;

/** A proof note: what it says about which diagnostic, and the line it belongs beside when layout knows it. */
export interface ProofNote {
  diagnostic: Diagnostic;
  text: string;
  box?: TextBox;
}

/** Lines justified wider than the theme aims for (`maxLetterSpacing`, in em): what a proofreader looks at twice. */
export function looseLines(paged: PagedGazette, goal: number): { diagnostic: Diagnostic; box: TextBox }[] {
  return paged.pages.flatMap((page) =>
    page.boxes.flatMap((box) =>
      box.kind === 'text' && isLoose(box, goal)
        ? [
            {
              box,
              diagnostic: {
                code: 'line-loose',
                severity: 'info' as const,
                ...(box.source ? { span: box.source } : {}),
                args: { text: box.text.slice(0, 12), spacing: (box.characterSpacing / box.size).toFixed(2), limit: goal.toFixed(2) },
              },
            },
          ]
        : [],
    ),
  );
}

/** Whether the box's content was written where `span` points (its block's lines hold the span's line). */
function writtenAt(box: Box, span: Span): boolean {
  const source = box.source;
  if (!source || source.file !== span.file) return false;
  const line = span.start.line;
  return source.start.line <= line && line <= (source.end?.line ?? source.start.line);
}

/**
 * The issue with proof marks: each note's number in the outer margin of its line (the note's own box, else the
 * first line written where its diagnostic points), and the numbered notes on pages of their own at the end.
 */
export function withProofMarks(paged: PagedGazette, ctx: RowContext, notes: readonly ProofNote[]): PagedGazette {
  if (notes.length === 0) return paged;
  const pages: Page[] = paged.pages.map((page) => ({ ...page, boxes: [...page.boxes] }));
  const right = ctx.left + ctx.width;
  notes.forEach((note, k) => {
    const { span } = note.diagnostic;
    const belongs = (box: Box): box is TextBox => (note.box ? box === note.box : box.kind === 'text' && box.role !== 'draft' && span !== undefined && writtenAt(box, span));
    for (const page of pages) {
      const target = page.boxes.find(belongs);
      if (!target) continue;
      const label = `[${k + 1}]`;
      const width = (ctx.fonts.get(target.font).measure(label).width * MARK_SIZE) / 1000;
      page.boxes.push({ kind: 'text', text: label, font: target.font, size: MARK_SIZE, x: right + 4, y: target.y, characterSpacing: 0, width, color: MARK_COLOR, role: 'proof' });
      break;
    }
  });
  const list = structNode('Div');
  const block = (text: string): TextBlock => ({ kind: 'text', style: 'footnote', text, spans: [], align: 'justify', indent: 0, hang: 2, inset: 0, spaceBefore: 0.25, keepWithNext: false, notes: [], tag: structNode('P', list) });
  const heading: TextBlock = { ...block(`校对意见（${notes.length}）`), style: 'section', align: 'center', hang: 0, keepWithNext: true, tag: structNode('H1') };
  const rows = [heading, ...notes.map((note, k) => block(`[${k + 1}]\u2002${note.text}`))].flatMap((b) => textRows(ctx, b));
  const top = ctx.theme.page.margins.top;
  const bottom = ctx.theme.page.height - ctx.theme.page.margins.bottom;
  const last = Number(pages.at(-1)?.label) || pages.length;
  const draft = paged.pages[0]?.boxes.find((box) => box.kind === 'text' && box.role === 'draft');
  fillPages(rows, top, bottom).forEach((filled, i) => {
    pages.push({ kind: 'proof', label: String(last + i + 1), boxes: [...(draft ? [draft] : []), ...filled.boxes] });
  });
  return { ...paged, pages };
}
