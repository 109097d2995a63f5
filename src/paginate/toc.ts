/** The table of contents: section headers and entries with a dot leader and the printed page number. */
import type { Box, TocEntry } from '../model/layout.js';
import type { Gazette } from '../model/gazette.js';
import { breakLines } from './linebreak.js';
import { sectionLabel } from '../shared/labels.js';
import { wordBoundaries } from '../shared/words.js';
import { listedTitle } from '../shared/titles.js';
import { baselineOffset, blockLines, textBox, type Row, type RowContext } from './rows.js';
import { structNode } from './structure.js';

const LEADER = '…';
/** More than a line spaced beyond the limit costs the breaker: a split word is the last resort. */
const SPLIT_WORD_COST = 2e4;

/** TOC entries in issue order; `pageOf` gives each document's printed start page. */
export function tocEntries(gazette: Gazette, pageOf: ReadonlyMap<string, number>): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const section of gazette.sections) {
    section.documents.forEach((doc, i) => {
      entries.push({
        documentId: doc.id,
        section: section.spec.name,
        label: section.spec.toc === 'bullet' ? '-' : `${i + 1}.`,
        title: listedTitle(doc.meta),
        page: pageOf.get(doc.id) ?? 0,
        destination: `doc-${doc.id}`,
      });
    });
  }
  return entries;
}

/** One group of a listing (a section of the TOC, a section or an issuer in the annual index). */
export interface ListingGroup {
  heading: string;
  /** Named destination of the heading (an outline item of the annual index). */
  anchor?: string;
  entries: ListingEntry[];
}

export interface ListingEntry {
  /** `1.`, `-`. */
  label: string;
  title: string;
  /** What follows the leader: `（5）` in the TOC, `2021年第4期 第5页` in the annual index. */
  reference: string;
  /** Where a click on the entry goes in this PDF (the TOC's documents); none in the annual index. */
  destination?: string;
}

/** Rows of the TOC pages. Page numbers only move the leader, so the TOC's line count never depends on them. */
export function tocRows(ctx: RowContext, gazette: Gazette, entries: readonly TocEntry[]): Row[] {
  const groups = gazette.sections.map((section) => ({
    heading: sectionLabel(gazette.publication.labels, section.spec.name),
    entries: entries.filter((e) => e.section === section.spec.name).map((entry) => ({ label: entry.label, title: entry.title, reference: `（${entry.page}）`, destination: entry.destination })),
  }));
  return listingRows(ctx, '目\u3000录', groups, '（000）');
}

/**
 * Rows of a listing: a centred heading, then each group's heading and its entries, each title followed by a dot
 * leader and its reference flush right. `widest` is the widest reference to keep room for on a title's last line.
 */
export function listingRows(ctx: RowContext, heading: string, groups: readonly ListingGroup[], widest: string): Row[] {
  const rows: Row[] = [];
  const { theme, fonts } = ctx;
  const titleStyle = theme.styles.tocTitle;
  // Structure: the heading, then a TOC of items, each entry's title and reference a Link to the document (when
  // there is one) after its label; the leader is an artifact.
  const headingTag = structNode('H1');
  const toc = structNode('TOC');
  for (const line of blockLines(ctx, { style: 'tocTitle', text: heading, align: 'center', indent: 0 })) {
    rows.push({
      height: titleStyle.leading,
      spaceBefore: 0,
      keepWithNext: true,
      anchors: [],
      tag: headingTag,
      boxes: (top) => [textBox(line, titleStyle, ctx.left + (ctx.width - line.width) / 2, top + baselineOffset(titleStyle), 'centered')],
    });
  }

  const sectionStyle = theme.styles.tocSection;
  const style = theme.styles.tocEntry;
  const font = fonts.get(style.font);
  const em = style.size;
  const labelWidth = 2 * em;
  const numberReserve = (font.measure(widest).width * em) / 1000;
  const right = ctx.left + ctx.width;
  const leaderUnit = font.measure(LEADER);

  groups.forEach((group, s) => {
    const groupTag = structNode('P', structNode('TOCI', toc));
    blockLines(ctx, { style: 'tocSection', text: group.heading, align: 'left', indent: 0 }).forEach((line, k) => {
      rows.push({
        height: sectionStyle.leading,
        spaceBefore: s === 0 ? 0 : 0.25 * sectionStyle.leading,
        keepWithNext: true,
        anchors: k === 0 && group.anchor ? [{ name: group.anchor }] : [],
        tag: groupTag,
        boxes: (top) => [textBox(line, sectionStyle, ctx.left, top + baselineOffset(sectionStyle), 'left')],
      });
    });
    for (const entry of group.entries) {
      const item = structNode('TOCI', toc);
      const labelTag = structNode('Lbl', item);
      const textTag = structNode(entry.destination ? 'Link' : 'P', item);
      const title = entry.title;
      // A title breaks between words, as in the body (a split word costs more than a line left short), and is
      // never spaced out beyond the usual limit; its last line keeps room for a leader of two em and the page
      // number, so that a leader never stands on a line alone.
      const words = wordBoundaries(title);
      const lines = breakLines(title, {
        font,
        size: em,
        width: ctx.width - labelWidth,
        maxSpacing: theme.maxLetterSpacing,
        spacingLimit: theme.maxLetterSpacing,
        justify: true,
        lastLineReserve: numberReserve + 2 * em,
        breakCost: (at) => (words.has(at) ? 0 : SPLIT_WORD_COST),
      });
      const label = entry.label;
      const labelLine = { text: label, width: (font.measure(label).width * em) / 1000, characterSpacing: 0, adjustments: [] };
      const number = entry.reference;
      const numberWidth = (font.measure(number).width * em) / 1000;
      lines.forEach((line, i) => {
        const last = i === lines.length - 1;
        rows.push({
          height: style.leading,
          spaceBefore: 0,
          keepWithNext: !last,
          anchors: [],
          boxes: (top) => {
            const baseline = top + baselineOffset(style);
            const x = ctx.left + labelWidth;
            const out: Box[] = [];
            if (i === 0) out.push({ ...textBox(labelLine, style, ctx.left, baseline, 'toc'), tag: labelTag });
            if (line.text) out.push({ ...textBox(line, style, x, baseline, 'toc'), tag: textTag });
            if (last) {
              // Whole leader glyphs set solid, so the dots stay evenly spaced; it ends at the page number, and what
              // is left of a glyph's width goes to the gap after the title.
              const from = x + line.width + 0.25 * em;
              const to = right - numberWidth - 0.25 * em;
              const unit = (leaderUnit.width * em) / 1000;
              const count = Math.max(1, Math.floor((to - from) / unit));
              const width = count * unit;
              out.push(textBox({ text: LEADER.repeat(count), width, characterSpacing: 0, adjustments: [] }, style, to - width, baseline, 'toc'));
              out.push({ ...textBox({ text: number, width: numberWidth, characterSpacing: 0, adjustments: [] }, style, right - numberWidth, baseline, 'toc'), tag: textTag });
            }
            if (entry.destination) out.push({ kind: 'link', x: ctx.left, y: top, width: ctx.width, height: style.leading, destination: entry.destination, contents: title, tag: textTag });
            return out;
          },
        });
      });
    }
  });
  return rows;
}
