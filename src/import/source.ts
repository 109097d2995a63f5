/**
 * What the input readers (plain text, web pages, Word) agree on before any 公文 structure is recognised: lines of
 * text with the few hints their format gives (a heading style, centring), blocks that need no recognition (tables,
 * lists, figures), footnotes, and what was dropped or changed on the way.
 */
import type { Block, Footnote, Inline } from '../model/document.js';
import { inlineText } from '../shared/inline-text.js';

/** One line of text: a paragraph of the source, or a line of one split at a line break. */
export interface SourceLine {
  kind: 'line';
  content: Inline[];
  /** The plain text, trimmed: what recognition reads. */
  text: string;
  align?: 'center' | 'right';
  /** Marked as a heading by the source (an HTML heading, a Word heading style). */
  heading?: true;
  /** Marked as the document title by the source (Word's Title style). */
  title?: true;
}

export interface SourceBlock {
  kind: 'block';
  block: Block;
}

export type SourceItem = SourceLine | SourceBlock;

/** Why a change was made; the CLI says it in the user's language. */
export type ChangeReason =
  | 'punctuation'
  | 'range-tilde'
  | 'range-dash'
  | 'entity'
  | 'title-space'
  | 'name-padding'
  | 'joint-signature'
  | 'number-form'
  | 'furniture'
  | 'cell-paragraph'
  | 'masthead'
  | 'page-break';

export interface Change {
  from: string;
  to: string;
  why: ChangeReason;
}

/** A field, or the body, that could not be decided and why. */
export type DoubtReason = 'not-found' | 'not-registered' | 'conflict' | 'ambiguous' | 'guess' | 'square-brackets' | 'image-remote' | 'image-unreadable' | 'image-in-table';

export interface SourceDocument {
  items: SourceItem[];
  /** Notes in order of first reference; the lines cite them by number. */
  notes: Footnote[];
  /** `key：value` pairs found outside the text (a web page's metadata table). */
  metadata: { key: string; value: string }[];
  /** The page's own title (a web page's heading outside the article), when the text itself may lack it. */
  pageTitle?: string;
  changes: Change[];
  /** What the reader could not take over (images it cannot embed), with the offending source. */
  doubts: { why: DoubtReason; detail: string }[];
}

/** Plain text of inline content. */
export const plain = inlineText;

/** A line from inline content (already canonical: merged runs, trimmed edges). */
export function line(content: Inline[], hints: Omit<SourceLine, 'kind' | 'content' | 'text'> = {}): SourceLine {
  return { kind: 'line', content, text: plain(content).trim(), ...hints };
}
