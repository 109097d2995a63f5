/** The HTML edition: masthead, TOC with printed page numbers, and every document as an article, from the model. */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { GazetteDocument, ImageAsset } from '../../model/document.js';
import type { Gazette, Section } from '../../model/gazette.js';
import type { Theme } from '../../theme/index.js';
import type { OutputFile, Writer } from '../index.js';
import { assignAnchors } from './anchors.js';
import { closing, DocumentWriter, record } from './body.js';
import { nobrPieces, nobrSpan } from './text.js';
import { webFonts } from './fonts.js';
import { titleContent } from './title.js';
import { chineseDate } from '../../shared/dates.js';
import { issueLabel, sectionLabel, totalLabel } from '../../shared/labels.js';
import { colophonLines } from '../../shared/colophon.js';
import { alignNames } from '../../shared/names.js';
import { headNumber, listedTitle } from '../../shared/titles.js';

/** Texts of `templates/<theme>/html/page.html` and `style.css`. */
export interface HtmlTemplate {
  page: string;
  css: string;
}

export interface HtmlInput {
  /** Printed page number of each document's first page, by document id; numbers are omitted when absent. */
  pageOf?: ReadonlyMap<string, number>;
  template: HtmlTemplate;
  theme: Pick<Theme, 'headOrder' | 'closingOrder' | 'record'>;
  /** Adds the 草稿 banner. */
  draft: boolean;
  /** Link to the PDF edition, relative to the HTML file. */
  pdfHref?: string;
  /** Where the PDF broke each title (`PagedGazette.titleBreaks`); titles break between words only when absent. */
  titleBreaks?: ReadonlyMap<object, readonly number[]>;
  /** Where the issue's own files (style.css, assets/) are from the page, e.g. `../` for a per-document page. */
  root?: string;
}

export interface HtmlOutput {
  html: string;
  /** The stylesheet, to be written beside the HTML as the file the template links to. */
  css: string;
  /** Image files the page shows, as `assets/<name>`. */
  assets: OutputFile[];
}

/** Ids the page itself uses; document anchors never take them. */
const PAGE_IDS = ['masthead', 'toc', 'toc-heading', 'main'];
const ASSETS = 'assets';

/** The id each document has in the issue's page (never one the page itself uses). */
export function documentAnchors(gazette: Gazette): Map<GazetteDocument, string> {
  const sectionIds = gazette.sections.map((_, index) => `section-${index + 1}`);
  return assignAnchors(gazette.sections.flatMap((section) => section.documents), new Set([...PAGE_IDS, ...sectionIds]));
}

export function renderHtml(gazette: Gazette, input: HtmlInput): HtmlOutput {
  const documents = gazette.sections.flatMap((section) => section.documents);
  const sectionIds = gazette.sections.map((_, index) => `section-${index + 1}`);
  const anchors = documentAnchors(gazette);
  const anchorOf = (doc: GazetteDocument): string => anchors.get(doc)!;

  const { publication, issue } = gazette;
  const label = issueLabel(publication.labels, issue);
  const slots: Record<string, string> = {
    title: escapeText(`${publication.name} ${label}`),
    banner: input.draft ? toHtml(draftBanner()) : '',
    masthead: toHtml(masthead(gazette, input.pdfHref)),
    toc: toHtml(toc(gazette, sectionIds, anchorOf, input.pageOf)),
    documents: toHtml(gazette.sections.map((section, index) => sectionElement(gazette, section, sectionIds[index]!, anchorOf, input))),
    colophon: toHtml(colophon(gazette)),
  };
  // One pass, so text inserted into one slot is never scanned for another slot's placeholder.
  const html = input.template.page.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => slots[name] ?? whole);
  const assets = new Map<string, OutputFile>();
  for (const doc of documents) {
    for (const figure of figures(doc)) assets.set(figure.outputName, { path: `${ASSETS}/${figure.outputName}`, data: figure.bytes });
  }
  return { html, css: input.template.css, assets: [...assets.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/**
 * One document on a page of its own (the per-document edition, `docs/<id>.html`): the issue's masthead with links
 * to the document's PDF and back to the issue's TOC, its section heading, the document, the 版权页. It uses the
 * issue's stylesheet and assets from `input.root`.
 */
export function renderDocumentPage(gazette: Gazette, doc: GazetteDocument, input: HtmlInput & { issueHref: string; pages?: { first: number; last: number } }): string {
  const section = gazette.sections.find((s) => s.documents.includes(doc));
  if (!section) throw new Error(`document ${doc.id} is in no section`);
  const sectionIndex = gazette.sections.indexOf(section);
  // The anchor it has in the issue's page, so the link back lands on it there.
  const anchor = documentAnchors(gazette).get(doc)!;
  const { publication, issue } = gazette;
  const label = issueLabel(publication.labels, issue);
  const pages = input.pages ? (input.pages.first === input.pages.last ? `第${input.pages.first}页` : `第${input.pages.first}—${input.pages.last}页`) : undefined;
  const back = [
    h('h2#toc-heading.toc-heading', '本期'),
    h('p.doc-issue-link', [h('a', { href: `${input.issueHref}#${anchor}` }, `${publication.name} ${label}`), ...(pages ? [`　${pages}`] : [])]),
  ];
  const slots: Record<string, string> = {
    title: escapeText(`${listedTitle(doc.meta)} — ${publication.name} ${label}`),
    banner: input.draft ? toHtml(draftBanner()) : '',
    masthead: toHtml(masthead(gazette, input.pdfHref)),
    toc: toHtml(back),
    documents: toHtml(sectionElement(gazette, { ...section, documents: [doc] }, `section-${sectionIndex + 1}`, () => anchor, input)),
    colophon: toHtml(colophon(gazette)),
  };
  // The template links its stylesheet beside the page; this page is one folder further down.
  const page = input.template.page.replace(/(<link\b[^>]*\bhref=")(style\.css")/u, `$1${input.root ?? ''}$2`);
  return page.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => slots[name] ?? whole);
}

/** Every image a document shows, in its text, notes and attachments. */
function figures(doc: GazetteDocument): ImageAsset[] {
  const found: ImageAsset[] = [];
  const stack = [...doc.body.blocks, ...doc.body.enclosure, ...doc.body.attachments.flatMap((a) => a.blocks), ...doc.body.notes.flatMap((n) => n.blocks)];
  while (stack.length > 0) {
    const block = stack.pop()!;
    if (block.kind === 'figure') found.push(block.image);
    else if (block.kind === 'quote') stack.push(...block.blocks);
    else if (block.kind === 'list') for (const item of block.items) stack.push(...item.blocks);
  }
  return found;
}

function draftBanner(): Element {
  return h('div.draft-banner', { role: 'note' }, [h('strong', '草稿'), '　仅供校对，不作为正式文本']);
}

function masthead(gazette: Gazette, pdfHref: string | undefined): Element[] {
  const { publication, issue } = gazette;
  return [
    h('h1.masthead-name', publication.name),
    h('p.masthead-issue', [nobrSpan(issueLabel(publication.labels, issue)), h('span.masthead-total', nobrSpan(totalLabel(publication.labels, issue)))]),
    h('p.masthead-date', [h('time', { dateTime: issue.published }, nobrSpan(chineseDate(issue.published))), '出版']),
    h('p.masthead-publisher', `主办：${publication.publisher}`),
    ...(pdfHref ? [h('p.masthead-pdf', h('a.pdf-link', { href: pdfHref, type: 'application/pdf' }, '下载 PDF 版'))] : []),
  ];
}

function toc(gazette: Gazette, sectionIds: readonly string[], anchorOf: (doc: GazetteDocument) => string, pageOf: ReadonlyMap<string, number> | undefined): Element[] {
  return [
    h('h2#toc-heading.toc-heading', '目录'),
    ...(pageOf ? [h('p.toc-page-note', '页码为 PDF 版页码')] : []),
    ...gazette.sections.map((section, sectionIndex) => {
      const numbered = section.spec.toc === 'numbered';
      const entries = section.documents.map((doc, index) => {
        const page = pageOf?.get(doc.id);
        return h('li.toc-entry', [
          h('span.toc-marker', numbered ? `${index + 1}.` : '-'),
          h('a.toc-link', { href: `#${anchorOf(doc)}` }, [
            h('span.toc-title', titleContent(keepLastTogether(listedTitle(doc.meta)))),
            ...(page === undefined ? [] : [h('span.toc-leader', { ariaHidden: 'true' }), h('span.toc-page', `（${page}）`)]),
          ]),
        ]);
      });
      return h('section.toc-section', [
        h('h3.toc-section-title', h('a', { href: `#${sectionIds[sectionIndex]!}` }, sectionLabel(gazette.publication.labels, section.spec.name))),
        h(numbered ? 'ol.toc-list' : 'ul.toc-list', entries),
      ]);
    }),
  ];
}

function sectionElement(gazette: Gazette, section: Section, id: string, anchorOf: (doc: GazetteDocument) => string, input: HtmlInput): Element {
  return h('section.gazette-section', { ariaLabelledby: `${id}-title`, id }, [
    h('h2.section-title', { id: `${id}-title` }, sectionLabel(gazette.publication.labels, section.spec.name)),
    ...section.documents.map((doc) => article(doc, anchorOf(doc), input)),
  ]);
}

/** The head block in the theme's order, as the PDF sets it. */
function head(doc: GazetteDocument, anchor: string, { theme, titleBreaks }: HtmlInput): Element[] {
  const { meta } = doc;
  const out: Element[] = [];
  for (const item of theme.headOrder) {
    if (item === 'title') out.push(h('h3.doc-title', { id: `${anchor}-title` }, titleContent(nobrPieces(meta.title), titleBreaks?.get(doc))));
    else if (item === 'date' && meta.date) out.push(h('p.doc-date', h('time', { dateTime: meta.date }, ['（', nobrSpan(chineseDate(meta.date)), '）'])));
    else if (item === 'number' && meta.number) out.push(h(meta.numberKind === 'order' ? 'p.doc-number.doc-order-number' : 'p.doc-number', nobrSpan(headNumber(meta)!)));
    else if (item === 'recipients' && meta.recipients) out.push(h('p.doc-recipients', nobrPieces(`${meta.recipients}：`)));
  }
  return out;
}

function article(doc: GazetteDocument, anchor: string, input: HtmlInput): Element {
  const { meta } = doc;
  const { theme, titleBreaks } = input;
  const writer = new DocumentWriter(anchor, (name) => `${input.root ?? ''}${ASSETS}/${name}`, titleBreaks);
  const attachments: ElementContent[] = doc.body.attachments.map((attachment) =>
    h('section.doc-attachment.doc-text', [
      h('p.attachment-label', attachment.label),
      ...(attachment.title ? [h('h4.embedded-title.attachment-title', titleContent(writer.inlines(attachment.title), titleBreaks?.get(attachment)))] : []),
      ...writer.blocks(alignNames(attachment.blocks)),
    ]),
  );
  // The 版记 data stays on the article for scripts even when the theme does not print it.
  const data = {
    dataDocument: doc.id,
    ...(meta.issuers.length > 1 ? { dataIssuers: meta.issuers.join('、') } : {}),
    ...(meta.cc.length > 0 ? { dataCc: meta.cc.join('、') } : {}),
    ...(meta.printed ? { dataPrintedBy: meta.printed.by, dataPrintedDate: meta.printed.date } : {}),
  };
  return h('article.document', { id: anchor, ariaLabelledby: `${anchor}-title`, ...data }, [
    h('header.doc-header', head(doc, anchor, input)),
    h('div.doc-body.doc-text', writer.blocks(alignNames(doc.body.blocks))),
    ...closing(doc, theme.closingOrder),
    ...(doc.body.enclosure.length > 0 ? [h('div.doc-enclosure.doc-text', writer.blocks(alignNames(doc.body.enclosure)))] : []),
    ...attachments,
    ...writer.notes(doc.body),
    ...record(doc, theme),
    h('footer.doc-footer', h('a.back-to-toc', { href: '#toc-heading' }, '返回目录')),
  ]);
}

/** The 版权页 lines the PDF prints on its last page; values that must not wrap (a date, a number) stay whole. */
function colophon(gazette: Gazette): Element[] {
  return colophonLines(gazette).map((line) => h('p', line.label === undefined ? nobrPieces(line.text) : [`${line.label}：`, ...nobrPieces(line.text)]));
}

/** Title pieces whose last two characters cannot be split, so a wrapped TOC title never ends in a lone character (T28). */
function keepLastTogether(title: string): ElementContent[] {
  const chars = [...title];
  if (chars.length < 4) return nobrPieces(title);
  const pieces = nobrPieces(title);
  const last = pieces.at(-1);
  if (last?.type !== 'text') return pieces;
  const lastChars = [...last.value];
  if (lastChars.length < 2) return pieces;
  const rest = lastChars.slice(0, -2).join('');
  return [...pieces.slice(0, -1), ...(rest ? [{ type: 'text' as const, value: rest }] : []), nobrSpan(lastChars.slice(-2).join(''))];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const htmlWriter: Writer = {
  name: 'html',
  async write({ gazette, paged, fonts, theme, template, draft, names, withPdf, memo }) {
    const page = template('html/page.html');
    const css = template('html/style.css');
    // The pipeline checks the template files before layout; a missing one here is a bug, not a user mistake.
    if (page === undefined || css === undefined) throw new Error('HTML template files were not checked before writing');
    const out = renderHtml(gazette, { pageOf: paged.pageOf, template: { page, css }, theme, draft, titleBreaks: paged.titleBreaks, ...(withPdf ? { pdfHref: names.pdf } : {}) });
    // Subsets are cut from the outlines, which may still be inflating (the pipeline reported any failure).
    await fonts.complete();
    const faces = webFonts(theme.webFonts, fonts, paged, ASSETS, { memo });
    return [{ path: names.html, data: out.html }, { path: 'style.css', data: faces.css + out.css }, ...out.assets, ...faces.files];
  },
};

export { renderAnnualHtml, type AnnualHtmlInput } from './annual.js';
export { webFonts } from './fonts.js';
