/**
 * The per-document editions, as a gazette office's website lists them: `docs/<id>.pdf` and `docs/<id>.html` for
 * every document. The PDF is the document's pages of the issue, cut from the same layout: its boxes, the running
 * head and folios (its page labels are the folios it has in the issue), nothing of its neighbours on a shared
 * page; its outline and metadata name the document. The HTML page is the document alone with the issue's
 * masthead and stylesheet and a link back to it in the issue.
 */
import type { GazetteDocument } from '../../model/document.js';
import type { Gazette } from '../../model/gazette.js';
import type { PagedGazette } from '../../model/layout.js';
import { issueLabel } from '../../shared/labels.js';
import { listedTitle } from '../../shared/titles.js';
import { renderDocumentPage } from '../html/index.js';
import { renderPdf } from '../pdf/index.js';
import type { OutputFile, Writer } from '../index.js';

/** The issue's layout narrowed to one document's pages and boxes. */
export function documentLayout(gazette: Gazette, paged: PagedGazette, doc: GazetteDocument): PagedGazette {
  const range = paged.documentPages.get(doc.id);
  // Layout places every document's title: a document without pages is a bug, not a user's mistake.
  if (!range) throw new Error(`document ${doc.id} was not laid out`);
  const destination = `doc-${doc.id}`;
  const pages = paged.pages
    .filter((page) => page.folio !== undefined && page.folio >= range.first && page.folio <= range.last)
    .map((page) => ({
      ...page,
      boxes: page.boxes.filter((box) => box.document === doc.id || box.furniture || box.shared?.includes(doc.id) || (box.kind === 'anchor' && box.name === destination)),
    }));
  const anchor = pages[0]?.boxes.find((box) => box.kind === 'anchor' && box.name === destination);
  const { publication, issue } = gazette;
  return {
    ...paged,
    pages,
    toc: [],
    pageOf: new Map([[doc.id, range.first]]),
    documentPages: new Map([[doc.id, range]]),
    outline: [{ title: listedTitle(doc.meta), destination, pageIndex: 0, top: anchor?.kind === 'anchor' ? anchor.y : 0, documents: [] }],
    pageLabels: [{ pageIndex: 0, style: 'decimal', start: range.first }],
    metadata: {
      ...paged.metadata,
      title: listedTitle(doc.meta),
      author: doc.meta.issuers.join('、'),
      subject: `${publication.name} ${issueLabel(publication.labels, issue)}`,
      keywords: [doc.meta.number, doc.meta.date, doc.meta.category].filter((value) => value !== undefined).join(', '),
    },
  };
}

export const docsWriter: Writer = {
  name: 'docs',
  needs: ['html'],
  async write({ gazette, paged, fonts, theme, template, draft }) {
    const page = template('html/page.html');
    const css = template('html/style.css');
    // The pipeline checks the template files before layout; a missing one here is a bug, not a user mistake.
    if (page === undefined || css === undefined) throw new Error('HTML template files were not checked before writing');
    const files: OutputFile[] = [];
    for (const doc of gazette.sections.flatMap((section) => section.documents)) {
      files.push({ path: `docs/${doc.id}.pdf`, data: await renderPdf(documentLayout(gazette, paged, doc), fonts) });
      const html = renderDocumentPage(gazette, doc, {
        template: { page, css },
        theme,
        draft,
        titleBreaks: paged.titleBreaks,
        pdfHref: `${encodeURIComponent(doc.id)}.pdf`,
        root: '../',
        issueHref: '../index.html',
        ...(paged.documentPages.get(doc.id) ? { pages: paged.documentPages.get(doc.id)! } : {}),
      });
      files.push({ path: `docs/${doc.id}.html`, data: html });
    }
    return files;
  },
};
