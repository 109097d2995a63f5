/**
 * Every string the PDF prints, with the face it is printed in: cover, running heads, folios, TOC and every body
 * block. Glyph coverage is checked over this one list, by `check` (against the fonts' cmaps) and by the layout.
 */
import type { PrintedText } from '../coverage/index.js';
import type { Gazette } from '../model/gazette.js';
import type { Theme } from '../theme/index.js';
import type { Block, TextBlock } from './blocks.js';
import { gazetteBlocks } from './blocks.js';
import { segments } from './rows.js';
import { cellBlock } from './table.js';
import { chineseDate } from '../shared/dates.js';
import { issueLabel, sectionLabel, totalLabel } from '../shared/labels.js';
import { colophonLines, colophonText } from '../shared/colophon.js';
import { listedTitle } from '../shared/titles.js';

/** The draft watermark, and the characters of folios, TOC numbers and leaders (any page number may occur). */
export const DRAFT_MARK = '草稿 DRAFT';
const DIGITS = '0123456789';

function* textBlock(theme: Theme, block: TextBlock): Generator<PrintedText> {
  for (const seg of segments(theme, block)) yield { text: block.text.slice(seg.start, seg.end), font: seg.font, ...(block.span ? { span: block.span } : {}) };
  for (const note of block.notes) for (const b of note.blocks) yield* textBlock(theme, b);
}

function* blockTexts(theme: Theme, block: Block): Generator<PrintedText> {
  const at = block.kind !== 'separator' && block.span ? { span: block.span } : {};
  switch (block.kind) {
    case 'text':
      yield* textBlock(theme, block);
      return;
    case 'table':
      for (const [r, row] of block.table.rows.entries()) {
        for (const cell of row.cells) yield* textBlock(theme, cellBlock(theme, cell, r < block.table.headerRows, block.span));
      }
      return;
    case 'figure':
      if (block.caption) yield* textBlock(theme, block.caption);
      return;
    case 'closing':
      for (const text of [...block.signatures, block.date ?? '']) yield { text, font: theme.styles.body.font, ...at };
      return;
    case 'record':
      yield { text: `抄送：${block.cc.join('，')}。`, font: theme.styles.record.font, ...at };
      if (block.printed) yield { text: `${block.printed.by}${chineseDate(block.printed.date)}印发`, font: theme.styles.record.font, ...at };
      return;
    case 'separator':
      return;
  }
}

export function* printedTexts(gazette: Gazette, theme: Theme, draft: boolean, blocks: readonly Block[] = gazetteBlocks(gazette, theme)): Generator<PrintedText> {
  const { publication, issue } = gazette;
  const { styles, runningHead } = theme;
  const labels = publication.labels;
  yield { text: publication.name, font: styles.mastheadName.font };
  yield { text: issueLabel(labels, issue), font: styles.mastheadIssue.font };
  const meta = [totalLabel(labels, issue), `${publication.publisher}主办`, `${chineseDate(issue.published)}出版`, ...(publication.website ? [`网址：${publication.website}`] : [])];
  for (const text of meta) yield { text, font: styles.mastheadMeta.font };
  if (runningHead) yield { text: `${publication.name}\u3000${issueLabel(labels, issue)}`, font: styles.runningHead.font };
  yield { text: `— ${DIGITS} —`, font: styles.folio.font };
  if (draft) yield { text: DRAFT_MARK, font: styles.draft.font };
  yield { text: '目\u3000录', font: styles.tocTitle.font };
  for (const section of gazette.sections) {
    yield { text: sectionLabel(labels, section.spec.name), font: styles.tocSection.font };
    for (const doc of section.documents) {
      const span = doc.fieldSpans.get('title');
      yield { text: listedTitle(doc.meta), font: styles.tocEntry.font, ...(span ? { span } : {}) };
    }
  }
  yield { text: `-.…（${DIGITS}）`, font: styles.tocEntry.font };
  for (const block of blocks) yield* blockTexts(theme, block);
  const colophon = publication.spans.get('colophon');
  for (const line of colophonLines(gazette)) yield { text: colophonText(line), font: styles.colophon.font, ...(colophon ? { span: colophon } : {}) };
}

/** The source text of each document file the issue prints, for placing a report at a character of it. */
export function sourcesOf(gazette: Gazette): (file: string) => string | undefined {
  const texts = new Map(gazette.sections.flatMap((section) => section.documents.map((doc) => [doc.file.path, doc.file.text] as const)));
  return (file) => texts.get(file);
}
