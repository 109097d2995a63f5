/** Publication, issue and section data. */
import type { GazetteDocument, IsoDate } from './document.js';

/** Whether a section's documents carry a 发文字号. */
export type NumberPolicy = 'required' | 'forbidden' | 'optional';

/** How a section's TOC entries are marked: `1.` numbering or a `-` bullet. */
export type TocMarker = 'numbered' | 'bullet';

/** One section of the gazette, from `documents/gazette.yml`. */
export interface SectionSpec {
  name: string;
  number: NumberPolicy;
  /** Whether documents print and require a 成文日期. */
  dated: boolean;
  /** Whether titles must end with a 文种 (C1) and start with the issuer (C2). */
  official: boolean;
  toc: TocMarker;
}

/** One issuing body and its 机关代字 series. */
export interface IssuerSpec {
  name: string;
  /** 机关代字 in series order, e.g. [长府, 长府规]. */
  codes: string[];
}

/** Publication-level settings, `documents/gazette.yml`. */
export interface Publication {
  name: string;
  publisher: string;
  website?: string;
  sections: SectionSpec[];
  issuers: IssuerSpec[];
}

/** Issue metadata, `documents/<issue>/issue.yml`. */
export interface IssueMeta {
  /** Folder name, e.g. `2021-4`. */
  id: string;
  year: number;
  number: number;
  total: number;
  published: IsoDate;
}

/** A section with its ordered documents. */
export interface Section {
  spec: SectionSpec;
  documents: GazetteDocument[];
}

/** An ordered issue, ready for layout. Empty sections are omitted. */
export interface Gazette {
  publication: Publication;
  issue: IssueMeta;
  sections: Section[];
}
