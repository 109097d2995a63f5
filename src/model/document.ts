/**
 * Documents between stages: parsed front matter, and the document model (IR) every edition is written from.
 * Readers turn source syntax (Markdown today) into the IR once; layout and every writer read only the IR, never
 * the source syntax, so the editions cannot disagree about what a document says (Pandoc's AST role).
 */
import type { Root } from 'mdast';
import type { SourceFile, Span } from './source.js';

/** An ISO calendar date string, `YYYY-MM-DD`. */
export type IsoDate = string;

/** What kind of number a document carries: a 发文字号 (代字〔年〕N号) or a 令号 (机关令第N号). */
export type NumberKind = 'document' | 'order';

/** Validated front matter of one document. */
export interface DocumentMeta {
  title: string;
  /** The issuing bodies; the first is the 主办机关 whose 代字 the number carries (联合行文 lists several). */
  issuers: readonly string[];
  /** 成文日期; absent only in sections that are not dated (人事任免, 政策解读). */
  date?: IsoDate;
  /** 发文字号 (长府〔2021〕46号) or 令号 (上海市人民政府令第17号); absent in sections without numbers. */
  number?: string;
  numberKind?: NumberKind;
  /** Section name, e.g. 区政府文件. */
  category: string;
  /** 主送机关, e.g. 区政府各委、办、局，各街道办事处，新泾镇政府 (without the final colon). */
  recipients?: string;
  /** 署名: issuing bodies (one line each) or, for a 令, `职务　姓名`. */
  signature: readonly string[];
  /** 附注 without its parentheses, e.g. 此件公开发布. */
  note?: string;
  /** 附件说明: the names of the attachments, in order. */
  attachments: readonly string[];
  /** 抄送机关 (版记). */
  cc: readonly string[];
  /** 印发机关 and 印发日期 (版记). */
  printed?: { by: string; date: IsoDate };
  /** For a 政策解读: the number of the document it explains. */
  interprets?: string;
  /** Explicit position within the section (1-based); wins over the computed order. */
  order?: number;
  /** 政府信息公开 data for the portal, passed through to the data edition: 索引号, 主题分类, 有效性. */
  index?: string;
  subject?: string;
  validity?: string;
}

/** A raw front-matter field: its value as YAML produced it, the raw source text, and where it sits. */
export interface RawField {
  /** Scalar value as a string exactly as written (unquoted), or a structured value for lists/maps. */
  value: unknown;
  /** Source text of the value as written in the file. */
  source: string;
  span: Span;
  keySpan: Span;
  /** Spans of the items of a list value, in order. */
  itemSpans?: readonly Span[];
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
  /** Markdown syntax tree, positions in file coordinates; absent until the body is parsed. */
  mdast?: Root;
  /** The document model of the body; absent until it is read. */
  body?: Body;
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
  body: Body;
  /** Spans of front-matter fields, for diagnostics raised by later stages (e.g. a missing glyph in the title). */
  fieldSpans: ReadonlyMap<string, Span>;
}

// ─── The document model (IR) ────────────────────────────────────────────────────────────────────────────────

/** A run of text with its marks. Marks nest freely; a writer draws each run with all of them. */
export interface TextRun {
  kind: 'text';
  text: string;
  strong?: true;
  emph?: true;
  strike?: true;
  /** Inline code: set like the surrounding text (gazettes have no monospace), kept for the HTML `<code>`. */
  code?: true;
  /** Target of a link (http, https or mailto only; readers drop anything else with a diagnostic). */
  href?: string;
}

/** A forced line break (Markdown hard break or `<br>`). */
export interface LineBreak {
  kind: 'break';
}

/** A footnote reference; `number` is its place in the document's note list (1-based). */
export interface NoteRef {
  kind: 'note';
  number: number;
}

export type Inline = TextRun | LineBreak | NoteRef;

/** Heading levels: 1 a centred title inside the body (an attached 方案's title), 2 一、, 3 （一）, 4 1. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Paragraph {
  kind: 'paragraph';
  content: Inline[];
  span?: Span;
}

export interface Heading {
  kind: 'heading';
  level: HeadingLevel;
  content: Inline[];
  span?: Span;
}

export interface ListItem {
  blocks: Block[];
  span?: Span;
}

export interface List {
  kind: 'list';
  ordered: boolean;
  /** Number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
  span?: Span;
}

export type CellAlign = 'left' | 'center' | 'right';

export interface TableCell {
  content: Inline[];
  /** Columns and rows this cell covers (1 when it covers only its own). */
  colSpan: number;
  rowSpan: number;
  span?: Span;
}

export interface TableRow {
  /** Cells in order; columns covered by a span from the left or from above have no cell here. */
  cells: TableCell[];
}

export interface Table {
  kind: 'table';
  /** Header rows first (repeated on every page the table continues on), then body rows. */
  rows: TableRow[];
  headerRows: number;
  /** Number of grid columns. */
  columns: number;
  /** Alignment per grid column; undefined where the source gives none. */
  align: (CellAlign | undefined)[];
  caption?: Inline[];
  span?: Span;
}

/** An image file of the project, ready to embed. */
export interface ImageAsset {
  /** Project-relative path of the source file, e.g. documents/2021-4/images/map.png. */
  path: string;
  type: 'png' | 'jpeg';
  /** Intrinsic size in pixels. */
  width: number;
  height: number;
  bytes: Uint8Array;
  /** Stable output name (content hash), e.g. map-3fa9c2d1.png. */
  outputName: string;
}

export interface Figure {
  kind: 'figure';
  image: ImageAsset;
  /** Text for readers who cannot see the image (HTML alt, tagged PDF Alt). */
  alt: string;
  /** Printed under the image (from the Markdown image title). */
  caption?: Inline[];
  span?: Span;
}

export interface Quote {
  kind: 'quote';
  blocks: Block[];
  span?: Span;
}

/** A preformatted block: lines kept as written. */
export interface Preformatted {
  kind: 'preformatted';
  lines: string[];
  span?: Span;
}

/** A thematic break (Markdown `---` between paragraphs). */
export interface Separator {
  kind: 'separator';
  span?: Span;
}

export type Block = Paragraph | Heading | List | Table | Figure | Quote | Preformatted | Separator;

/** An attachment section (附件): its label as printed (附件1), its title, and its text (GB/T 9704 §7.3.7). */
export interface Attachment {
  label: string;
  /** The centred title following the label, when there is one. */
  title?: Inline[];
  blocks: Block[];
  span?: Span;
}

export interface Footnote {
  number: number;
  blocks: Block[];
  span?: Span;
}

/**
 * The body of a document: its own text; the text it issues (印发 or 公布: an attached 方案 or a regulation after a
 * 令, starting at its centred title), which prints after the closing block; its labelled attachments (附件N);
 * and its notes, cited from any of them.
 */
export interface Body {
  blocks: Block[];
  enclosure: Block[];
  attachments: Attachment[];
  notes: Footnote[];
}
