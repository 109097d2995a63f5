/** The annual index's order: the year's issues' documents grouped by section and by issuer, each in print order. */
import type { AnnualEntry, AnnualGroup, AnnualIndex } from '../model/annual.js';
import type { Gazette } from '../model/gazette.js';
import { findIssuer } from '../shared/issuers.js';
import { annualLabel, issueLabel } from '../shared/labels.js';

/** One issue with the pages layout gave each of its documents. */
export interface LaidOutIssue {
  gazette: Gazette;
  documentPages: ReadonlyMap<string, { first: number; last: number }>;
}

/** `issues` are the year's issues, already ordered by number; none when the year has none. */
export function annualIndex(year: number, issues: readonly LaidOutIssue[]): AnnualIndex | undefined {
  const publication = issues[0]?.gazette.publication;
  if (!publication) return undefined;
  const entries: AnnualEntry[] = issues.flatMap(({ gazette, documentPages }) =>
    gazette.sections.flatMap((section) =>
      section.documents.map((document) => {
        const pages = documentPages.get(document.id);
        // Layout places every document's title: a document without pages is a bug, not a user's mistake.
        if (!pages) throw new Error(`document ${document.id} was not laid out`);
        return { document, issue: gazette, issueLabel: issueLabel(publication.labels, gazette.issue), ...pages };
      }),
    ),
  );
  const group = (names: readonly string[], of: (entry: AnnualEntry) => readonly string[]): AnnualGroup[] => {
    const known = [...names, ...entries.flatMap(of).filter((name) => !names.includes(name))];
    return [...new Set(known)].map((name) => ({ name, entries: entries.filter((entry) => of(entry).includes(name)) })).filter((g) => g.entries.length > 0);
  };
  return {
    publication,
    year,
    label: annualLabel(publication.labels, year),
    published: issues.at(-1)!.gazette.issue.published,
    issues: issues.map((issue) => issue.gazette),
    bySection: group(publication.sections.map((section) => section.name), (entry) => [entry.document.meta.category]),
    // A document may name its issuer by an alias gazette.yml gives: it is listed under the registered name.
    byIssuer: group(publication.issuers.map((issuer) => issuer.name), (entry) => entry.document.meta.issuers.map((name) => findIssuer(publication, name)?.name ?? name)),
  };
}
