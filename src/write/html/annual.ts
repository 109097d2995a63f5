/**
 * The annual index's web page: the same two listings as its PDF, each title a link to the document in its issue's
 * web edition, with where it is printed.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { AnnualGroup, AnnualIndex } from '../../model/annual.js';
import { ISSUER_INDEX_HEADING, sectionLabel } from '../../shared/labels.js';
import { listedTitle } from '../../shared/titles.js';
import { documentAnchors, type HtmlTemplate } from './index.js';
import { nobrPieces } from './text.js';

export interface AnnualHtmlInput {
  template: HtmlTemplate;
  /** Each issue's web edition relative to this page, e.g. `../2021-4/index.html`. */
  issueHref(issueId: string): string;
  /** Where the index's PDF is, relative to this page. */
  pdfHref: string;
  /** The text of each entry's reference, as the PDF prints it. */
  reference(entry: AnnualGroup['entries'][number]): string;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderAnnualHtml(index: AnnualIndex, input: AnnualHtmlInput): string {
  const { publication } = index;
  const anchors = new Map(index.issues.map((issue) => [issue, documentAnchors(issue)]));
  const part = (id: string, heading: string, groups: readonly AnnualGroup[], name: (group: AnnualGroup) => string): Element =>
    h('section.annual-part', { ariaLabelledby: `${id}-title`, id }, [
      h('h2.section-title', { id: `${id}-title` }, heading),
      ...groups.map((group) =>
        h('section.annual-group', [
          h('h3.annual-group-title', name(group)),
          h(
            'ol.annual-entries',
            group.entries.map((entry) =>
              h('li', [
                h('a', { href: `${input.issueHref(entry.issue.issue.id)}#${anchors.get(entry.issue)!.get(entry.document)!}` }, nobrPieces(listedTitle(entry.document.meta))),
                ' ',
                h('span.annual-reference', input.reference(entry)),
              ]),
            ),
          ),
        ]),
      ),
    ]);
  const slots: Record<string, string> = {
    title: escapeText(`${publication.name} ${index.label}`),
    banner: '',
    masthead: toHtml([
      h('h1.masthead-name', publication.name),
      h('p.masthead-issue', index.label),
      h('p.masthead-publisher', `主办：${publication.publisher}`),
      h('p.masthead-pdf', h('a.pdf-link', { href: input.pdfHref, type: 'application/pdf' }, '下载 PDF 版')),
    ]),
    toc: toHtml([h('h2#toc-heading.toc-heading', '目录'), h('ul', [h('li', h('a', { href: '#by-section' }, index.label)), h('li', h('a', { href: '#by-issuer' }, ISSUER_INDEX_HEADING))])]),
    documents: toHtml([
      part('by-section', index.label, index.bySection, (group) => sectionLabel(publication.labels, group.name)),
      part('by-issuer', ISSUER_INDEX_HEADING, index.byIssuer, (group) => group.name),
    ]),
    colophon: '',
  };
  return input.template.page.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => slots[name] ?? whole);
}
