/**
 * Examples shown in hints, built from the project being checked: its own 代字, issuers and issue year, never a
 * bundled gazette's. Each example passes the rules it illustrates.
 */
import type { Publication } from '../model/gazette.js';
import { anyDateToIso } from '../shared/dates.js';
import { findIssuer } from '../shared/issuers.js';
import type { DocumentView } from './rule.js';

/** The year a document's number most likely carries: its date's year, else its issue's year. */
function documentYear(doc: DocumentView): number | undefined {
  const written = doc.text('date')?.value;
  const iso = written && anyDateToIso(written);
  return iso ? Number(iso.slice(0, 4)) : doc.issue?.year;
}

/** A 发文字号 in this project's form for this document, e.g. 国发〔2023〕1号 for a 国务院 document of 2023. */
export function exampleNumber(publication: Publication, doc: DocumentView): string {
  const own = findIssuer(publication, doc.issuers[0])?.codes[0];
  const code = own ?? publication.issuers.find((issuer) => issuer.codes.length > 0)?.codes[0] ?? '代字';
  return `${code}〔${documentYear(doc) ?? 'YYYY'}〕1号`;
}

/** A 令号 in this project's form for this document's issuer, e.g. 上海市人民政府令第1号. */
export function exampleOrder(publication: Publication, doc: DocumentView): string {
  const issuer = findIssuer(publication, doc.issuers[0])?.name ?? doc.issuers[0] ?? publication.issuers[0]?.name ?? '机关';
  return `${issuer}令第1号`;
}
