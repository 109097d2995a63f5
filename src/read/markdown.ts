/**
 * The Markdown reader: mdast (remark + GFM) → the document model, once per document. Every construct either
 * becomes a model node that every edition prints, or a diagnostic naming file and line: nothing is silently
 * dropped, and raw HTML is never published as text (comments are removed; `<br>` is a line break).
 */
import type { Nodes, PhrasingContent, RootContent, Root, Table as MdTable, Definition, FootnoteDefinition, Text as MdText } from 'mdast';
import type { Attachment, Block, CellAlign, Footnote, HeadingLevel, Inline, TableCell, TableRow, TextRun, Body } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileError } from '../host/host.js';
import { LineIndex, type EmbeddedTable } from '../parse/index.js';
import { loadImage } from './images.js';
import { HIDDEN_CONTENT } from '../shared/hidden-html.js';
import { isVoidElement, plainTagArgs } from './plain-tags.js';
import { readHtmlTable } from './html-table.js';
import { brokenTable } from './broken-table.js';
import { withoutInvisible } from '../shared/unicode.js';
import { HTML_COMMENT } from '../shared/comments.js';
import { append } from '../shared/arrays.js';
import { inlineText } from '../shared/inline-text.js';

/** Lists and quotes nested deeper than this are an error; deeper content is read flat (no stack grows with input). */
export const MAX_NESTING = 8;

export interface ReadContext {
  /** Project-relative path of the document. */
  path: string;
  /** The file's text, which the tree's offsets index (to tell an escaped \[^1] from a citation). */
  source: string;
  readFile(path: string): Uint8Array | FileError;
}

const HAN_OR_PUNCT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/**
 * Joins soft line breaks: nothing between two CJK characters, a space otherwise. Invisible characters (removed
 * after this, and reported by `check`) never decide: the text reads the same with them gone.
 */
export function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/gu, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    return HAN_OR_PUNCT.test(before) || HAN_OR_PUNCT.test(after) ? '' : ' ';
  });
}

/**
 * A paragraph or heading that opens an attachment section: 附件, 附件1, 附件 2, 附件一; a numbered one may end with
 * a colon, as typed by many (附件1：), which the label does not keep. A bare 附件： introduces a list, not a section.
 */
const ATTACHMENT_LABEL = /^附件\s*(?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]?)?$/u;

/** The label a line opens an attachment with (附件 2 → 附件2, 附件1： → 附件1), or undefined when it is none. */
export function attachmentLabel(text: string): string | undefined {
  const trimmed = text.trim();
  return ATTACHMENT_LABEL.test(trimmed) ? trimmed.replace(/[\s：:]/gu, '') : undefined;
}

/** A top-level block in reading order; `label` marks the line that opens an attachment (附件1). */
export interface LabelledBlock {
  block: Block;
  label?: string;
}

type Marks = Omit<TextRun, 'kind' | 'text'>;

/** Link targets a reader may follow safely; anything else (javascript:, file:, relative paths) loses its link. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*?-->\s*$/.test(html);
}

function isBreakTag(html: string): boolean {
  return /^\s*<br\s*\/?>\s*$/i.test(html);
}

/** The element an HTML node opens, for the message; a comment's text never shows in it. */
function tagName(html: string): string {
  const bare = html.replace(HTML_COMMENT, '');
  return /^\s*<\/?\s*([A-Za-z][\w-]*)/.exec(bare)?.[1]?.toLowerCase() ?? bare.trim().slice(0, 20);
}

/** A closing tag alone (`</span>`): its opening tag was reported already. */
function isClosingTag(html: string): boolean {
  return /^\s*<\/\s*[A-Za-z][\w-]*\s*>\s*$/.test(html);
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly definitions = new Map<string, Definition>();
  private readonly noteDefinitions = new Map<string, FootnoteDefinition>();
  /** Footnote identifier → number, in order of first reference. */
  private readonly noteNumbers = new Map<string, number>();
  /** Lines of the source, made when a report needs a place inside a text node. */
  private sourceLines?: LineIndex;

  constructor(private readonly context: ReadContext) {}

  span(node: Nodes): Span | undefined {
    const pos = node.position;
    if (!pos) return undefined;
    return {
      file: this.context.path,
      start: { line: pos.start.line, column: pos.start.column, ...(pos.start.offset !== undefined ? { offset: pos.start.offset } : {}) },
      end: { line: pos.end.line, column: pos.end.column, ...(pos.end.offset !== undefined ? { offset: pos.end.offset } : {}) },
    };
  }

  private report(code: string, node: Nodes, args: Record<string, string | number> = {}, severity: 'error' | 'warning' = 'warning'): void {
    const span = this.span(node);
    this.diagnostics.push({ code, severity, ...(span ? { span } : {}), args });
  }

  read(root: Root): Body {
    // Definitions may follow their use: collect them first (iteratively: they live at any depth).
    const stack: Nodes[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'definition') this.definitions.set(node.identifier, node);
      else if (node.type === 'footnoteDefinition') this.noteDefinitions.set(node.identifier, node);
      if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
    }
    const blocks = this.blocks(root.children, 0);
    const notes: Footnote[] = [];
    // Notes are numbered by first reference; reading a note may reference further notes.
    for (let n = 1; n <= this.noteNumbers.size; n++) {
      const id = [...this.noteNumbers].find(([, number]) => number === n)![0];
      const definition = this.noteDefinitions.get(id)!;
      const span = this.span(definition);
      notes.push({ number: n, blocks: this.blocks(definition.children, 1).map((b) => b.block), ...(span ? { span } : {}) });
    }
    for (const [id, definition] of this.noteDefinitions) if (!this.noteNumbers.has(id)) this.report('note-unused', definition, { label: definition.label ?? id });
    return assembleBody(blocks, notes);
  }

  private blocks(nodes: readonly RootContent[], depth: number): { block: Block; label?: string }[] {
    const out: { block: Block; label?: string }[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const embedded = node.type === 'html' ? node.data?.table : undefined;
      if (embedded) {
        const last = Math.min(i + embedded.blocks - 1, nodes.length - 1);
        const table = this.htmlTable(embedded, node, nodes[last]!);
        if (table) {
          out.push({ block: table });
          i = last;
          continue;
        }
      }
      for (const block of this.block(node, depth)) out.push(block);
    }
    return out;
  }

  /**
   * An HTML table the parse stage found, spanning the blocks from `first` to `last`; undefined when it has no cells.
   * What it leaves out is said: elements its cells do not print, text outside it.
   */
  private htmlTable({ table: element, lost }: EmbeddedTable, first: Nodes, last: Nodes): Block | undefined {
    const span = this.span(first);
    // Each tag is named once, where it first occurs.
    const unprinted = new Map<string, { code: string; source?: { lines: number; column: number } }>();
    const table = readHtmlTable(element, span ? { ...span, ...(last.position ? { end: this.span(last)!.end! } : {}) } : undefined, (code, tag, source) => {
      if (!unprinted.has(tag)) unprinted.set(tag, { code, ...(source ? { source } : {}) });
    });
    if (table.columns === 0) return undefined;
    const firstStart = first.position?.start;
    /** A place the parse stage gave inside the table (lines after the first block's first line, column). */
    const inTable = (at: { lines: number; column: number }): Span | undefined =>
      firstStart && { file: this.context.path, start: { line: firstStart.line + at.lines, column: at.column } };
    for (const [tag, { code, source }] of unprinted) {
      const at = source && inTable(source);
      if (at) this.diagnostics.push({ code, severity: 'warning', span: at, args: plainTagArgs(tag) });
      else this.report(code, first, plainTagArgs(tag));
    }
    const lostAt = lost && inTable(lost);
    if (lost && lostAt) {
      const args = { text: lost.text, ...(lost.more > 0 ? { more: lost.more } : {}) };
      this.diagnostics.push({ code: 'html-table-text-lost', severity: 'warning', span: lostAt, args });
    }
    return table;
  }

  private plainText(content: readonly Inline[]): string {
    return inlineText(content).trim();
  }

  private block(node: RootContent, depth: number): LabelledBlock[] {
    const span = this.span(node);
    const at = span ? { span } : {};
    switch (node.type) {
      case 'paragraph': {
        this.brokenTable(node);
        const pieces = this.paragraphPieces(node.children);
        if (depth === 0 && pieces.length === 1 && pieces[0]!.kind === 'paragraph') {
          const label = this.attachmentLabel(pieces[0]!.content, node);
          if (label !== undefined) return [{ block: { ...pieces[0]!, ...at }, label }];
        }
        return pieces.map((block) => ({ block: { ...block, ...(block.span ? {} : at) } }));
      }
      case 'heading': {
        const content = this.inlines(node.children, {});
        if (this.plainText(content) === '') return [];
        const label = depth === 0 ? this.attachmentLabel(content, node) : undefined;
        if (label !== undefined) return [{ block: { kind: 'paragraph', content, ...at }, label }];
        const level: HeadingLevel = node.depth <= 2 ? 1 : node.depth === 3 ? 2 : node.depth === 4 ? 3 : 4;
        return [{ block: { kind: 'heading', level, content, ...at } }];
      }
      case 'thematicBreak':
        return [{ block: { kind: 'separator', ...at } }];
      case 'blockquote':
        if (depth >= MAX_NESTING) return this.tooDeep(node, depth);
        return [{ block: { kind: 'quote', blocks: this.blocks(node.children, depth + 1).map((b) => b.block), ...at } }];
      case 'list': {
        if (depth >= MAX_NESTING) return this.tooDeep(node, depth);
        const items = node.children.map((item) => {
          // A task list's box has no place in a gazette: said, not silently lost.
          if (typeof item.checked === 'boolean') this.report('task-list-unsupported', item, {});
          const itemSpan = this.span(item);
          return { blocks: this.blocks(item.children, depth + 1).map((b) => b.block), ...(itemSpan ? { span: itemSpan } : {}) };
        });
        return [{ block: { kind: 'list', ordered: node.ordered === true, start: node.start ?? 1, items, ...at } }];
      }
      case 'table':
        return [{ block: this.table(node) }];
      case 'code':
        return [{ block: { kind: 'preformatted', lines: withoutInvisible(node.value).split('\n'), ...at } }];
      case 'html':
        if (node.data?.tableUnclosed) this.report('html-table-unclosed', node, {}, 'error');
        else if (!isComment(node.value) && !isBreakTag(node.value) && !isClosingTag(node.value)) this.report('html-unsupported', node, { tag: tagName(node.value) });
        return [];
      case 'definition':
      case 'footnoteDefinition':
        // Read where they are used.
        return [];
      default:
        this.report('markdown-unsupported', node, { node: node.type });
        return [];
    }
  }

  /** Beyond MAX_NESTING: one error, and the content read flat so nothing is lost and no recursion grows. */
  private tooDeep(node: Nodes, depth: number): { block: Block }[] {
    this.report('nesting-too-deep', node, { depth: depth + 1, max: MAX_NESTING }, 'error');
    const out: { block: Block }[] = [];
    const queue: Nodes[] = [node];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (next.type === 'paragraph' || next.type === 'heading') {
        const content = this.inlines(next.children, {});
        const span = this.span(next);
        if (content.length > 0) out.push({ block: { kind: 'paragraph', content, ...(span ? { span } : {}) } });
      } else if ('children' in next) append(queue, next.children as Nodes[]);
    }
    return out;
  }

  /** A paragraph, split around images: an image on its own (or between text) becomes a figure block. */
  private paragraphPieces(children: readonly PhrasingContent[]): Block[] {
    const out: Block[] = [];
    let run: PhrasingContent[] = [];
    const flush = (): void => {
      const content = this.inlines(run, {});
      if (this.plainText(content) !== '' || content.some((c) => c.kind === 'note')) out.push({ kind: 'paragraph', content: trimBreaks(content) });
      run = [];
    };
    for (const child of children) {
      const image = child.type === 'image' ? child : child.type === 'imageReference' ? this.referencedImage(child) : undefined;
      if (!image) {
        run.push(child);
        continue;
      }
      flush();
      const figure = this.figure(child, image.url, image.alt ?? '', image.title ?? undefined);
      if (figure) out.push(figure);
    }
    flush();
    return out;
  }

  private referencedImage(node: Extract<PhrasingContent, { type: 'imageReference' }>): { url: string; alt: string; title?: string | null } | undefined {
    const definition = this.definitions.get(node.identifier);
    if (!definition) return undefined;
    return { url: definition.url, alt: node.alt ?? '', title: definition.title ?? null };
  }

  private figure(node: Nodes, src: string, alt: string, title: string | undefined): Block | undefined {
    const span = this.span(node);
    const { image, diagnostic } = loadImage(this.context.path, src, span, this.context.readFile);
    if (diagnostic) this.diagnostics.push(diagnostic);
    if (!image) return undefined;
    if (alt.trim() === '') this.report('image-alt-missing', node, { src });
    return { kind: 'figure', image, alt: alt.trim(), ...(title ? { caption: [{ kind: 'text', text: title }] } : {}), ...(span ? { span } : {}) };
  }

  private inlines(nodes: readonly PhrasingContent[], marks: Marks): Inline[] {
    const out: Inline[] = [];
    let skipping: string | undefined;
    for (const node of nodes) {
      // Between <script> and </script> (and the like) is code, not text: it is dropped with the tags.
      if (skipping !== undefined) {
        if (node.type === 'html' && new RegExp(`^\\s*</\\s*${skipping}\\b`, 'i').test(node.value)) skipping = undefined;
        continue;
      }
      if (node.type === 'html' && HIDDEN_CONTENT.has(tagName(node.value)) && !/^\s*<\//.test(node.value) && !new RegExp(`</\\s*${tagName(node.value)}\\s*>\\s*$`, 'i').test(node.value)) {
        skipping = tagName(node.value);
      }
      this.inline(node, marks, out);
    }
    return mergeRuns(out);
  }

  private inline(node: PhrasingContent, marks: Marks, out: Inline[]): void {
    switch (node.type) {
      case 'text':
        this.undefinedNotes(node);
        out.push({ kind: 'text', text: withoutInvisible(joinSoftBreaks(node.value)), ...marks });
        return;
      case 'strong':
        for (const child of node.children) this.inline(child, { ...marks, strong: true }, out);
        return;
      case 'emphasis':
        for (const child of node.children) this.inline(child, { ...marks, emph: true }, out);
        return;
      case 'delete':
        for (const child of node.children) this.inline(child, { ...marks, strike: true }, out);
        return;
      case 'inlineCode':
        out.push({ kind: 'text', text: withoutInvisible(node.value), ...marks, code: true });
        return;
      case 'break':
        out.push({ kind: 'break' });
        return;
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? node.url : this.definitions.get(node.identifier)?.url;
        const safe = url !== undefined && SAFE_HREF.test(url);
        if (!safe) this.report('link-unsafe', node, { href: url ?? node.type });
        for (const child of node.children) this.inline(child, safe ? { ...marks, href: url } : marks, out);
        return;
      }
      case 'footnoteReference': {
        if (!this.noteDefinitions.has(node.identifier)) {
          this.report('note-undefined', node, { label: node.label ?? node.identifier }, 'error');
          out.push({ kind: 'text', text: `[^${node.label ?? node.identifier}]`, ...marks });
          return;
        }
        let number = this.noteNumbers.get(node.identifier);
        if (number === undefined) {
          number = this.noteNumbers.size + 1;
          this.noteNumbers.set(node.identifier, number);
        }
        out.push({ kind: 'note', number });
        return;
      }
      case 'image':
      case 'imageReference':
        // Only paragraphs hold figures; elsewhere (a heading, a table cell) the image is shown by its text.
        this.report('image-inline', node, { alt: node.alt ?? '' });
        if (node.alt) out.push({ kind: 'text', text: node.alt, ...marks });
        return;
      case 'html':
        if (isBreakTag(node.value)) out.push({ kind: 'break' });
        else if (!isComment(node.value) && !isClosingTag(node.value)) this.unsupportedInline(node.value, node);
        return;
      default:
        this.report('markdown-unsupported', node, { node: (node as Nodes).type });
    }
  }

  /**
   * A citation of a footnote no definition has stays text for remark ("[^9]"): it would print as typed. It is found in
   * the source of the text, where an escaped \[^9] (text an import kept as text) is told apart.
   */
  private undefinedNotes(node: MdText): void {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || start.offset === undefined || end?.offset === undefined || !node.value.includes('[^')) return;
    const source = this.context.source.slice(start.offset, end.offset);
    for (const match of source.matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) {
      this.sourceLines ??= new LineIndex(this.context.source);
      const { line, column } = this.sourceLines.point(start.offset + match.index);
      this.diagnostics.push({ code: 'note-undefined', severity: 'error', span: { file: this.context.path, start: { line, column } }, args: { label: match[1]! } });
    }
  }

  /** The attachment label a top-level line opens; one typed with a colon (附件1：) is read, and told it has none. */
  private attachmentLabel(content: readonly Inline[], node: Nodes): string | undefined {
    const written = this.plainText(content);
    const label = attachmentLabel(written);
    if (label !== undefined && /[：:]$/u.test(written)) this.report('attachment-label-colon', node, { written, label });
    return label;
  }

  /** A paragraph that was meant as a GFM table and prints as pipes: said at its delimiter row. */
  private brokenTable(node: Nodes): void {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const source = this.context.source.slice(start.offset, end.offset);
    const broken = source.includes('|') ? brokenTable(source) : undefined;
    if (!broken) return;
    const line = source.split('\n')[broken.lines]!;
    const span = { file: this.context.path, start: { line: start.line + broken.lines, column: line.length - line.replace(/^[\s>]*/, '').length + 1 } };
    this.diagnostics.push({ code: 'table-columns-mismatch', severity: 'error', span, args: { header: broken.header, delimiter: broken.delimiter, example: '---|'.repeat(broken.header) } });
  }

  /**
   * An opening tag inside a paragraph. Only the tag goes: the text up to its closing tag prints, plainly, unless
   * the element has no text (<img>) or holds code (<script>), which go as a whole.
   */
  private unsupportedInline(html: string, node: Nodes): void {
    const tag = tagName(html);
    const whole = isVoidElement(tag) || HIDDEN_CONTENT.has(tag) || /\/\s*>\s*$/.test(html);
    if (whole) this.report('html-unsupported', node, { tag });
    else this.report('html-inline-plain', node, plainTagArgs(tag));
  }

  private table(node: MdTable): Block {
    const span = this.span(node);
    const columns = Math.max(0, ...node.children.map((row) => row.children.length));
    const rows: TableRow[] = node.children.map((row, r) => {
      const texts = Array.from({ length: columns }, (_, c) => this.cellContent(row.children[c]?.children ?? []));
      // GFM has no colspan: an empty header cell right after a filled one continues it (进度要求 over 2021年 …).
      const spans = r === 0 ? headerSpans(texts.map((content) => this.plainText(content))) : texts.map(() => 1);
      const cells: TableCell[] = [];
      texts.forEach((content, c) => {
        if (spans[c] === 0) return;
        const source = row.children[c];
        const cellSpan = source ? this.span(source) : undefined;
        cells.push({ content, colSpan: spans[c] ?? 1, rowSpan: 1, ...(cellSpan ? { span: cellSpan } : {}) });
      });
      return { cells };
    });
    const align: (CellAlign | undefined)[] = Array.from({ length: columns }, (_, c) => node.align?.[c] ?? undefined);
    return { kind: 'table', rows, headerRows: rows.length > 0 ? 1 : 0, columns, align, ...(span ? { span } : {}) };
  }

  /** Cell content; literal <p>…</p> pasted into cells marks paragraph boundaries, read as line breaks. */
  private cellContent(nodes: readonly PhrasingContent[]): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (node.type === 'html' && /^\s*<\/?p\s*>\s*$/i.test(node.value)) {
        if (/^\s*<\//.test(node.value)) out.push({ kind: 'break' });
        continue;
      }
      this.inline(node, {}, out);
    }
    return trimBreaks(mergeRuns(out));
  }
}

/**
 * Column spans of a header row: an empty header cell right after a filled one continues it. 0 marks a covered
 * cell.
 */
export function headerSpans(cells: readonly string[]): number[] {
  const spans = cells.map(() => 1);
  let owner = -1;
  cells.forEach((cell, c) => {
    if (cell.trim() === '' && owner >= 0) {
      spans[owner]! += 1;
      spans[c] = 0;
    } else owner = cell.trim() === '' ? -1 : c;
  });
  return spans;
}

const sameMarks = (a: TextRun, b: TextRun): boolean =>
  a.strong === b.strong && a.emph === b.emph && a.strike === b.strike && a.code === b.code && a.href === b.href;

/** Adjacent text runs with the same marks become one; empty runs go. */
export function mergeRuns(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'text' && inline.text === '') continue;
    const last = out.at(-1);
    if (inline.kind === 'text' && last?.kind === 'text' && sameMarks(last, inline)) out[out.length - 1] = { ...last, text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

/** Leading and trailing breaks and blank edges carry nothing: trim them. */
export function trimBreaks(inlines: Inline[]): Inline[] {
  let start = 0;
  let end = inlines.length;
  while (start < end && inlines[start]!.kind === 'break') start++;
  while (end > start && inlines[end - 1]!.kind === 'break') end--;
  const out = inlines.slice(start, end);
  const first = out[0];
  if (first?.kind === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/u, '') };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { ...last, text: last.text.replace(/\s+$/u, '') };
  return out.filter((inline) => inline.kind !== 'text' || inline.text !== '');
}

/**
 * The body from its top-level blocks in reading order: each attachment label opens an attachment whose title is
 * the centred heading right after it; the document's own text ends where the text it issues begins, at the first
 * centred title after some text. Every reader (Markdown, and the importers) assembles its body here.
 */
export function assembleBody(read: readonly LabelledBlock[], notes: Footnote[]): Body {
  const main: Block[] = [];
  const attachments: Attachment[] = [];
  let current: Attachment | undefined;
  for (const { block, label } of read) {
    if (label !== undefined) {
      current = { label, blocks: [], ...(block.span ? { span: block.span } : {}) };
      attachments.push(current);
      continue;
    }
    if (current && current.blocks.length === 0 && current.title === undefined && block.kind === 'heading' && block.level === 1) {
      current.title = block.content;
      continue;
    }
    (current ? current.blocks : main).push(block);
  }
  const issued = main.findIndex((block, i) => i > 0 && block.kind === 'heading' && block.level === 1);
  return { blocks: issued < 0 ? main : main.slice(0, issued), enclosure: issued < 0 ? [] : main.slice(issued), attachments, notes };
}

/** Reads one document body; the diagnostics say what could not be represented. */
export function readMarkdown(root: Root, context: ReadContext): { body: Body; diagnostics: Diagnostic[] } {
  const reader = new Reader(context);
  const body = reader.read(root);
  return { body, diagnostics: reader.diagnostics };
}
