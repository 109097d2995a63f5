/** Publication, issue and section data: everything about one gazette is data from documents/gazette.yml. */
import type { GazetteDocument, IsoDate } from './document.js';
import type { Span } from './source.js';

/**
 * Which number a section's documents carry: a 发文字号 (`required`, `optional`), none (`forbidden`), or a 令号
 * (`order`, for sections that hold 令 such as 省政府令).
 */
export type NumberPolicy = 'required' | 'forbidden' | 'optional' | 'order';

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
  /**
   * Whether documents must carry a signature (署名): a 令 prints its signer's office and name (GB/T 9704 §10.2),
   * so sections of 令 default to true, others to false.
   */
  signed: boolean;
  toc: TocMarker;
}

/** One issuing body: its name, other names it goes by, and its 机关代字 series. */
export interface IssuerSpec {
  name: string;
  /** Other names of the same body, e.g. 中华人民共和国国务院 for 国务院 (titles, 令号). */
  aliases: string[];
  /** 机关代字 in series order, e.g. [长府, 长府规]. */
  codes: string[];
}

/** How the publication names its issues and sections; `{placeholders}` are filled per issue. */
export interface Labels {
  /** e.g. `{year}年第{number}期` or `{year}年第{number}号`. */
  issue: string;
  /** e.g. `总第{total}期` or `总号：{total}`; printed in （） beside the issue label. */
  total: string;
  /** e.g. `【{name}】` or `{name}`. */
  section: string;
  /** The annual index's name, e.g. `{year}年度总目录`. */
  annual: string;
}

/** A per-rule severity override from gazette.yml `rules:` (like ESLint's rule config). */
export interface RuleSetting {
  code: string;
  severity: 'off' | 'warning' | 'error';
  span: Span;
}

/** Publication-level settings, `documents/gazette.yml`. */
export interface Publication {
  name: string;
  publisher: string;
  website?: string;
  sections: SectionSpec[];
  issuers: IssuerSpec[];
  labels: Labels;
  /** 文种 accepted by the title rule on top of the statutory ones (e.g. 答复, 复函). */
  doctypes: string[];
  rules: RuleSetting[];
  /** Lines of the 版权页 after the issue data, in the order gazette.yml gives them. */
  colophon: ColophonItem[];
  /** Template folder name under templates/ (default `default`). */
  template?: string;
  /** Where gazette.yml keys are, for diagnostics about them. */
  spans: ReadonlyMap<string, Span>;
}

/** One line of the 版权页: `编辑出版：…`. */
export interface ColophonItem {
  label: string;
  value: string;
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
