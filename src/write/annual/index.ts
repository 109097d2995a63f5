/**
 * The annual index's files: `index-<year>.pdf` from its layout (the PDF writer, as for an issue) and `index.html`
 * with the template's stylesheet, each title linking to the document in its issue's web edition beside it.
 */
import type { FontSet } from '../../fonts/index.js';
import type { AnnualIndex } from '../../model/annual.js';
import type { PagedGazette } from '../../model/layout.js';
import { renderAnnualHtml, type HtmlTemplate } from '../html/index.js';
import { renderPdf } from '../pdf/index.js';
import type { OutputFile } from '../index.js';

export interface AnnualInput {
  index: AnnualIndex;
  paged: PagedGazette;
  fonts: FontSet;
  template: HtmlTemplate;
  /** What follows each title's leader, as the layout printed it. */
  reference(entry: AnnualIndex['bySection'][number]['entries'][number]): string;
  /** Each issue's web edition from the index's folder; default: beside it, `../<issue>/index.html`. */
  issueHref?: (issue: string) => string;
}

export async function writeAnnual({ index, paged, fonts, template, reference, issueHref }: AnnualInput): Promise<OutputFile[]> {
  const pdf = `index-${index.year}.pdf`;
  return [
    { path: pdf, data: await renderPdf(paged, fonts) },
    // The index sits in dist/index-<year>/, beside the issues' folders.
    { path: 'index.html', data: renderAnnualHtml(index, { template, issueHref: issueHref ?? ((id) => `../${encodeURIComponent(id)}/index.html`), pdfHref: pdf, reference }) },
    { path: 'style.css', data: template.css },
  ];
}
