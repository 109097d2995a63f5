/** The annual index (年度总目录): every document of a year's issues, by section and by issuer, with where it is printed. */
import type { GazetteDocument, IsoDate } from './document.js';
import type { Gazette, Publication } from './gazette.js';

export interface AnnualEntry {
  document: GazetteDocument;
  /** The issue it is printed in, and that issue's label (2021年第4期). */
  issue: Gazette;
  issueLabel: string;
  /** Printed body pages of the issue it is on. */
  first: number;
  last: number;
}

export interface AnnualGroup {
  /** A section's name, or an issuing body's. */
  name: string;
  entries: AnnualEntry[];
}

export interface AnnualIndex {
  publication: Publication;
  year: number;
  /** As printed: 2021年度总目录. */
  label: string;
  /** The last issue's publication date: the index's own date (never the clock). */
  published: IsoDate;
  /** The year's issues in order. */
  issues: Gazette[];
  /** By section in gazette.yml's order, each in issue order and then the issue's reading order. */
  bySection: AnnualGroup[];
  /** By issuing body (each issuer of a joint document lists it), in gazette.yml's order, then by first appearance. */
  byIssuer: AnnualGroup[];
}
