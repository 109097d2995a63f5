/**
 * Layout of the annual index (年度总目录): the year's documents by section, then (from a new page) by issuing body,
 * each title with a dot leader to where it is printed (`2021年第4期 第5页`), set like the issues' TOC. Its pages
 * carry the issues' running head and folios.
 */
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import { missingGlyphs, type PrintedText } from '../coverage/index.js';
import type { FontSet } from '../fonts/index.js';
import type { AnnualEntry, AnnualIndex } from '../model/annual.js';
import type { Box, OutlineDocument, Page, PagedGazette } from '../model/layout.js';
import { ISSUER_INDEX_HEADING, sectionLabel } from '../shared/labels.js';
import { listedTitle } from '../shared/titles.js';
import type { Theme } from '../theme/index.js';
import { furniture } from './furniture.js';
import { fillPages } from './pages.js';
import { typeArea } from './rows.js';
import { listingRows, type ListingGroup } from './toc.js';


/** Where an entry is printed: its issue and the page it starts on. */
export function annualReference(entry: AnnualEntry): string {
  return `${entry.issueLabel} 第${entry.first}页`;
}

export function paginateAnnual(index: AnnualIndex, theme: Theme, fonts: FontSet): Outcome<PagedGazette> {
  const { margins } = theme.page;
  const ctx = typeArea(theme, fonts);
  const top = margins.top;
  const bottom = theme.page.height - margins.bottom;
  const { publication } = index;
  const listing = (groups: AnnualIndex['bySection'], prefix: string, heading: (name: string) => string): ListingGroup[] =>
    groups.map((group, k) => ({
      heading: heading(group.name),
      anchor: `${prefix}-${k + 1}`,
      entries: group.entries.map((entry, i) => ({ label: `${i + 1}.`, title: listedTitle(entry.document.meta), reference: annualReference(entry) })),
    }));
  const bySection = listing(index.bySection, 'section', (name) => sectionLabel(publication.labels, name));
  const byIssuer = listing(index.byIssuer, 'issuer', (name) => name);
  const references = index.bySection.flatMap((group) => group.entries.map(annualReference));
  const entryFont = fonts.get(theme.styles.tocEntry.font);
  const widest = references.reduce((a, b) => (entryFont.measure(b).width > entryFont.measure(a).width ? b : a), '');
  const second = listingRows(ctx, ISSUER_INDEX_HEADING, byIssuer, widest);
  if (second[0]) second[0].breakBefore = true;
  const rows = [...listingRows(ctx, index.label, bySection, widest), ...second];

  const runningHead = `${publication.name}\u3000${index.label}`;
  const pages: Page[] = fillPages(rows, top, bottom).map((filled, i) => ({
    kind: 'body',
    label: String(i + 1),
    folio: i + 1,
    boxes: [
      ...filled.anchors.map(({ anchor, y }): Box => ({ kind: 'anchor', name: anchor.name, y })),
      ...filled.boxes,
      ...furniture(ctx, runningHead, i + 1).map((box) => ({ ...box, furniture: true as const })),
    ],
  }));
  const placed = new Map<string, { pageIndex: number; top: number }>();
  pages.forEach((page, pageIndex) => {
    for (const box of page.boxes) if (box.kind === 'anchor') placed.set(box.name, { pageIndex, top: box.y });
  });
  const target = (title: string, destination: string): OutlineDocument => ({ title, destination, ...(placed.get(destination) ?? { pageIndex: 0, top: 0 }) });
  const part = (title: string, groups: readonly ListingGroup[]) => ({ ...target(title, groups[0]?.anchor ?? ''), documents: groups.map((g) => target(g.heading, g.anchor!)) });

  // What only the index prints (its name, the headings): the titles were checked when their issues were built.
  const { tocTitle, tocSection, tocEntry } = theme.styles;
  const printed: PrintedText[] = [
    ...[index.label, ISSUER_INDEX_HEADING].map((text) => ({ text, font: tocTitle.font })),
    ...[...bySection, ...byIssuer].map((g) => ({ text: g.heading, font: tocSection.font })),
    ...references.map((text) => ({ text, font: tocEntry.font })),
  ];
  const faces = new Map([...fonts.fonts].map(([key, font]) => [key, { has: (cp: number) => font.hasGlyph(cp), ref: font.ref }]));
  const diagnostics: Diagnostic[] = missingGlyphs(printed, faces);
  return {
    value: {
      width: theme.page.width,
      height: theme.page.height,
      pages,
      toc: [],
      pageOf: new Map(),
      documentPages: new Map(),
      outline: [part(index.label, bySection), part(ISSUER_INDEX_HEADING, byIssuer)],
      pageLabels: [{ pageIndex: 0, style: 'decimal', start: 1 }],
      metadata: {
        title: `${publication.name} ${index.label}`,
        author: publication.publisher,
        subject: `${publication.name}${index.label}`,
        keywords: [publication.name, index.label, ...index.issues.map((issue) => issue.issue.id)].join(', '),
        lang: 'zh-CN',
        creationDate: new Date(`${index.published}T00:00:00Z`),
      },
      draft: false,
      tagged: theme.tagged,
      titleBreaks: new Map(),
    },
    diagnostics,
  };
}
