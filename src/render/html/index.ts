/** The HTML edition: masthead, TOC with printed page numbers, and every document as an article. */
import { issueLabel, totalLabel } from '../../shared/issue.js';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { GazetteDocument } from '../../model/document.js';
import type { Gazette, Section } from '../../model/gazette.js';
import { assignAnchors } from './anchors.js';
import { renderBody } from './body.js';
import { nobrPieces, nobrSpan } from './text.js';
import { chineseDate } from '../../shared/dates.js';

/** Texts of `templates/<theme>/html/page.html` and `style.css`. */
export interface HtmlTemplate {
  page: string;
  css: string;
}

export interface HtmlInput {
  /** Printed page number of each document's first page, by document id; numbers are omitted when absent. */
  pageOf?: ReadonlyMap<string, number>;
  template: HtmlTemplate;
  /** Adds the 草稿 banner. */
  draft: boolean;
  /** Link to the PDF edition, relative to the HTML file. */
  pdfHref?: string;
}

export interface HtmlOutput {
  html: string;
  /** The stylesheet, to be written beside the HTML as the file the template links to. */
  css: string;
}

/** Ids the page itself uses; document anchors never take them. */
const PAGE_IDS = ['masthead', 'toc', 'toc-heading', 'main'];

export function renderHtml(gazette: Gazette, input: HtmlInput): HtmlOutput {
  const documents = gazette.sections.flatMap((section) => section.documents);
  const sectionIds = gazette.sections.map((_, index) => `section-${index + 1}`);
  const anchors = assignAnchors(documents, new Set([...PAGE_IDS, ...sectionIds]));
  const anchorOf = (doc: GazetteDocument): string => anchors.get(doc)!;

  const { publication, issue } = gazette;
  const label = issueLabel(issue);
  const slots: Record<string, string> = {
    title: escapeText(`${publication.name} ${label}`),
    banner: input.draft ? toHtml(draftBanner()) : '',
    masthead: toHtml(masthead(gazette, input.pdfHref)),
    toc: toHtml(toc(gazette.sections, sectionIds, anchorOf, input.pageOf)),
    documents: toHtml(
      gazette.sections.map((section, index) => sectionElement(section, sectionIds[index]!, anchorOf)),
    ),
    colophon: toHtml(colophon(gazette)),
  };
  // One pass, so text inserted into one slot is never scanned for another slot's placeholder.
  const html = input.template.page.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => slots[name] ?? whole);
  return { html, css: input.template.css };
}

function draftBanner(): Element {
  return h('div.draft-banner', { role: 'note' }, [h('strong', '草稿'), '　仅供校对，不作为正式文本']);
}

function masthead(gazette: Gazette, pdfHref: string | undefined): Element[] {
  const { publication, issue } = gazette;
  return [
    h('h1.masthead-name', publication.name),
    h('p.masthead-issue', [
      nobrSpan(issueLabel(issue)),
      h('span.masthead-total', nobrSpan(totalLabel(issue))),
    ]),
    h('p.masthead-date', [
      h('time', { dateTime: issue.published }, nobrSpan(chineseDate(issue.published))),
      '出版',
    ]),
    h('p.masthead-publisher', `主办：${publication.publisher}`),
    ...(pdfHref ? [h('p.masthead-pdf', h('a.pdf-link', { href: pdfHref, type: 'application/pdf' }, '下载 PDF 版'))] : []),
  ];
}

function toc(
  sections: readonly Section[],
  sectionIds: readonly string[],
  anchorOf: (doc: GazetteDocument) => string,
  pageOf: ReadonlyMap<string, number> | undefined,
): Element[] {
  return [
    h('h2#toc-heading.toc-heading', '目录'),
    ...sections.map((section, sectionIndex) => {
      const numbered = section.spec.toc === 'numbered';
      const entries = section.documents.map((doc, index) => {
        const page = pageOf?.get(doc.id);
        return h('li.toc-entry', [
          h('span.toc-marker', numbered ? `${index + 1}.` : '-'),
          h('a.toc-link', { href: `#${anchorOf(doc)}` }, [
            h('span.toc-title', keepLastTogether(doc.meta.title)),
            ...(page === undefined
              ? []
              : [h('span.toc-leader', { ariaHidden: 'true' }), h('span.toc-page', `（${page}）`)]),
          ]),
        ]);
      });
      return h('section.toc-section', [
        h('h3.toc-section-title', h('a', { href: `#${sectionIds[sectionIndex]!}` }, `【${section.spec.name}】`)),
        h(numbered ? 'ol.toc-list' : 'ul.toc-list', entries),
      ]);
    }),
  ];
}

function sectionElement(section: Section, id: string, anchorOf: (doc: GazetteDocument) => string): Element {
  return h('section.gazette-section', { ariaLabelledby: `${id}-title`, id }, [
    h('h2.section-title', { id: `${id}-title` }, `【${section.spec.name}】`),
    ...section.documents.map((doc) => article(doc, anchorOf(doc))),
  ]);
}

function article(doc: GazetteDocument, anchor: string): Element {
  const { meta } = doc;
  const head: ElementContent[] = [h('h2.doc-title', { id: `${anchor}-title` }, nobrPieces(meta.title))];
  if (meta.date) {
    head.push(h('p.doc-date', h('time', { dateTime: meta.date }, ['（', nobrSpan(chineseDate(meta.date)), '）'])));
  }
  if (meta.number) head.push(h('p.doc-number', nobrSpan(meta.number)));
  if (meta.recipients) head.push(h('p.doc-recipients', nobrPieces(`${meta.recipients}：`)));
  return h('article.document', { id: anchor, ariaLabelledby: `${anchor}-title`, dataDocument: doc.id }, [
    h('header.doc-header', head),
    h('div.doc-body', renderBody(doc.body, anchor)),
    h('footer.doc-footer', h('a.back-to-toc', { href: '#toc-heading' }, '返回目录')),
  ]);
}

function colophon(gazette: Gazette): Element[] {
  const { publication, issue } = gazette;
  return [
    h('p', publication.name),
    h('p', [nobrSpan(issueLabel(issue)), nobrSpan(totalLabel(issue))]),
    h('p', [nobrSpan(chineseDate(issue.published)), '出版']),
    h('p', `主办：${publication.publisher}`),
    ...(publication.website ? [h('p', `网址：${publication.website}`)] : []),
  ];
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
  const head = lastChars.slice(0, -2).join('');
  return [...pieces.slice(0, -1), ...(head ? [{ type: 'text' as const, value: head }] : []), nobrSpan(lastChars.slice(-2).join(''))];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
