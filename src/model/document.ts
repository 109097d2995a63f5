/** Documents between stages: parsed front matter and Markdown body. */
import type { Root } from 'mdast';
import type { SourceFile, Span } from './source.js';

/** An ISO calendar date string, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Validated front matter of one document. */
export interface DocumentMeta {
  title: string;
  issuer: string;
  /** 成文日期; absent only in sections that are not dated (人事任免, 政策解读). */
  date?: IsoDate;
  /** 发文字号, e.g. 长府〔2021〕46号; absent in sections without numbers. */
  number?: string;
  /** Section name, e.g. 区政府文件. */
  category: string;
  /** 主送机关, printed flush left under the number, e.g. 区政府各委、办、局，各街道办事处，新泾镇政府 (without the final colon). */
  recipients?: string;
  /** For a 政策解读: the 发文字号 of the document it explains. */
  interprets?: string;
  /** Explicit position within the section (1-based); wins over the computed order. */
  order?: number;
}

/** A raw front-matter field: its value as YAML produced it, the raw source text, and where it sits. */
export interface RawField {
  /** Scalar value as a string exactly as written (unquoted), or a structured value for lists/maps. */
  value: unknown;
  /** Source text of the value as written in the file. */
  source: string;
  span: Span;
  keySpan: Span;
}

/** A document after parsing: front matter fields with positions, and the Markdown body in file coordinates. */
export interface ParsedDocument {
  /** Stable id: the file name without `.md` (ASCII by convention). */
  id: string;
  file: SourceFile;
  /** The issue folder name, e.g. `2021-4`. */
  issueId: string;
  fields: ReadonlyMap<string, RawField>;
  /** Span of the whole front-matter block, or of the file start when it is missing. */
  frontMatterSpan: Span;
  /** Markdown body, positions in file coordinates; absent when the body was not parsed (check-only runs). */
  body?: Root;
  /** Body text (everything after the front matter). */
  bodyText: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
}

/** A validated document. */
export interface GazetteDocument {
  id: string;
  issueId: string;
  meta: DocumentMeta;
  file: SourceFile;
  body: Root;
  /** Spans of front-matter fields, for diagnostics raised by later stages (e.g. a missing glyph in the title). */
  fieldSpans: ReadonlyMap<string, Span>;
}
