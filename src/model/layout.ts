/** The laid-out issue: every page with positioned boxes. The PDF writer draws it and decides nothing. */
import type { ImageAsset } from './document.js';
import type { Span } from './source.js';

/** What every box may say about where it comes from. */
export interface Origin {
  /** Id of the document whose content the box sets; absent for the issue's own (cover, TOC, running heads, folios). */
  document?: string;
  /** Part of every page's furniture (running head and its rule, folio, draft mark), not of its text. */
  furniture?: true;
  /** Documents that share the box (the rule above a page's footnotes, when notes of several are there). */
  shared?: readonly string[];
  /**
   * The structure element of the tagged PDF whose content a text or image box is, or which a link belongs to.
   * Text without one is an artifact: page furniture, a TOC leader, a table header repeated on a later page.
   */
  tag?: StructNode;
  /** Where in the source the box's content was written (its block's span), for a way back from a page to it. */
  source?: Span;
}

/** Standard structure types (ISO 32000-1 §14.8.4) the layout uses. */
export type StructType =
  | 'Part'
  | 'Sect'
  | 'Div'
  | 'BlockQuote'
  | 'TOC'
  | 'TOCI'
  | 'Note'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'Lbl'
  | 'L'
  | 'LI'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Caption'
  | 'Figure'
  | 'Link';

/**
 * A node of the logical structure; nodes without a parent are children of the Document. Boxes point at
 * nodes, and a writer makes an element of each node the first time its content is drawn, so the structure's order
 * is the reading order of the pages.
 */
export interface StructNode {
  type: StructType;
  parent?: StructNode;
  /** Alternate description (a figure's alt text). */
  alt?: string;
  /** Table cells: the header's direction and the cell's spans. */
  scope?: 'Column' | 'Row';
  rowSpan?: number;
  colSpan?: number;
}

/** A run of text on one line. Coordinates in points, origin at the page's top-left, y down. */
export interface TextBox extends Origin {
  kind: 'text';
  text: string;
  /** Font key from the theme (`theme.fonts`). */
  font: string;
  size: number;
  /** Left edge of the first glyph. */
  x: number;
  /** Baseline. */
  y: number;
  /** Extra space after every glyph (pdfkit `characterSpacing`, PDF `Tc`). */
  characterSpacing: number;
  /** Drawn width: natural advance, less the adjustments, plus characterSpacing × (glyphs − 1). */
  width: number;
  /**
   * Advances shortened inside the line (tight punctuation pairs such as 。”): after the character at UTF-16
   * offset `after` in `text`, the next glyph moves `amount` points left.
   */
  adjustments?: readonly { after: number; amount: number }[];
  /** `#rrggbb`; black when absent. */
  color?: string;
  /** Degrees, counter-clockwise, around (x, y). */
  rotation?: number;
  /** What the line is, for tests and tagging: a justified body line, a paragraph's last line, and so on. */
  role: TextRole;
}

export type TextRole =
  | 'justified'
  | 'last'
  | 'centered'
  | 'left'
  | 'cell'
  | 'note-mark'
  | 'footnote'
  | 'toc'
  | 'folio'
  | 'running-head'
  | 'masthead'
  | 'draft'
  | 'proof';

/** A straight line. */
export interface RuleBox extends Origin {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
  color?: string;
}

/** A clickable area that jumps to a named destination in the issue, or opens a web address. */
export interface LinkBox extends Origin {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Named destination (TOC entries) … */
  destination?: string;
  /** … or an http(s)/mailto address (links in the text). */
  uri?: string;
  /** What the link says (its text), for readers that announce links. */
  contents: string;
}

/** An image scaled into its box; (x, y) is the top-left corner. */
export interface ImageBox extends Origin {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  image: ImageAsset;
}

/** A named destination (target of TOC links and outline items); `y` is the top of the view. */
export interface AnchorBox extends Origin {
  kind: 'anchor';
  name: string;
  y: number;
}

export type Box = TextBox | RuleBox | LinkBox | AnchorBox | ImageBox;

/**
 * `blank` pads the issue to an even page count; `back` is a last page that holds only the 版权页; `proof` lists a
 * proof's notes after the issue (`build --draft --proof`).
 */
export type PageKind = 'cover' | 'toc' | 'body' | 'blank' | 'back' | 'proof';

export interface Page {
  kind: PageKind;
  /** Printed page label (`i`, `ii` for front matter, `1`, `2` for body pages). */
  label: string;
  /** Body folio number (1-based); absent on the cover and TOC. */
  folio?: number;
  boxes: Box[];
}

export interface TocEntry {
  documentId: string;
  section: string;
  /** `1.` for numbered sections, `-` for bulleted ones. */
  label: string;
  title: string;
  /** Printed body page number where the document starts. */
  page: number;
  /** Named destination of the document's title. */
  destination: string;
}

export interface OutlineDocument {
  title: string;
  destination: string;
  /** 0-based index into `pages`. */
  pageIndex: number;
  /** Top of the destination's view on that page (the anchor's y). */
  top: number;
}

export interface OutlineSection extends OutlineDocument {
  documents: OutlineDocument[];
}

/** One range of PDF page labels starting at `pageIndex`. */
export interface PageLabelRange {
  pageIndex: number;
  style: 'decimal' | 'roman';
  start: number;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  lang: string;
  /** Fixed from the publication date (00:00 UTC), never the clock. */
  creationDate: Date;
}

export interface PagedGazette {
  /** Page size in points. */
  width: number;
  height: number;
  pages: Page[];
  toc: TocEntry[];
  /** Document id → printed body page number where it starts. */
  pageOf: ReadonlyMap<string, number>;
  outline: OutlineSection[];
  pageLabels: PageLabelRange[];
  metadata: PdfMetadata;
  draft: boolean;
  /** Write the logical structure (a tagged PDF, PDF/UA-1): the theme's choice. */
  tagged: boolean;
  /**
   * Where each title broke into lines: the document, title heading or attachment of the model → offsets into its
   * title's text (without hard breaks) at which a new line starts. Other editions break at the same places.
   */
  titleBreaks: ReadonlyMap<object, readonly number[]>;
  /** Document id → the printed body pages its content is on, first to last. */
  documentPages: ReadonlyMap<string, { first: number; last: number }>;
}
