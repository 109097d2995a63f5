/**
 * The document model → a flat list of typographic blocks (lines of text to break, tables, figures, the closing
 * block, the 版记), before any measuring. This is the only place that decides how each model node is set.
 */
import type { Block as ModelBlock, Body, GazetteDocument, Inline, Table, TableCell } from '../model/document.js';
import type { Gazette } from '../model/gazette.js';
import type { ImageAsset } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { StructNode } from '../model/layout.js';
import type { ClosingItem, HeadItem, StyleName, Theme } from '../theme/index.js';
import { chineseDate } from '../shared/dates.js';
import { sectionLabel } from '../shared/labels.js';
import { alignNames } from '../shared/names.js';
import { noteMark } from '../shared/notes.js';
import { headNumber } from '../shared/titles.js';
import { isBareArticle, isDivisionHeading } from '../shared/articles.js';
import { HeadingLevels, structNode } from './structure.js';
import { append } from '../shared/arrays.js';

/** A target for TOC links and outline items, placed at the top of the block that carries it. */
export interface Anchor {
  /** `sec-N` for a section, `doc-<id>` for a document: the named destination of TOC links and outline items. */
  name: string;
}

/** Marks on a stretch of a text block's text: another face, a note mark, a strike-through, a link. */
export interface InlineSpan {
  /** UTF-16 offsets in the block's text. */
  start: number;
  end: number;
  /** Font key that replaces the style's font (bold, 楷体). */
  font?: string;
  /** A footnote mark: set smaller and raised. */
  noteMark?: true;
  strike?: true;
  href?: string;
  /** A link's own structure element, in its block's. */
  tag?: StructNode;
}

/** A footnote cited by a block, set at the foot of the page where it is first cited (or after the document). */
export interface CitedNote {
  /** UTF-16 offset of the mark in the citing block's text. */
  at: number;
  blocks: TextBlock[];
}

/** What every block may say about where it comes from. */
interface BlockBase {
  /** Id of the document the block belongs to; absent for section headings. */
  owner?: string;
  /** The structure element its content goes into (a table's or a figure's own element). */
  tag?: StructNode;
}

export interface TextBlock extends BlockBase {
  kind: 'text';
  style: StyleName;
  /** Text; `\n` marks a hard line break. */
  text: string;
  spans: InlineSpan[];
  align: 'justify' | 'center' | 'left';
  /** First-line indent in em. */
  indent: number;
  /** Indent of the other lines in em (回行: 0 for body text, the marker's width under a list or 附件说明). */
  hang: number;
  /** Space kept free on both sides in em (quotes). */
  inset: number;
  /** Space above, in multiples of the body leading; dropped at a page top. */
  spaceBefore: number;
  keepWithNext: boolean;
  /** Start a new page (an attachment under attachmentNewPage). */
  breakBefore?: boolean;
  /** The first block of a section or a document. */
  opens?: boolean;
  /** Its first line stays on the page of the line after it, even when that line is the next block's (第X章 …). */
  leads?: boolean;
  span?: Span;
  anchor?: Anchor;
  notes: CitedNote[];
  /**
   * The model object (a document, a title heading, an attachment) whose title this block sets: layout records
   * where it broke the lines, so that the HTML edition breaks the title at the same places.
   */
  titleOf?: object;
}

export interface TableBlock extends BlockBase {
  kind: 'table';
  table: Table;
  /** The notes each cell cites first, set at the foot of the page the cell's line is on. */
  notes?: ReadonlyMap<TableCell, CitedNote[]>;
  spaceBefore: number;
  span?: Span;
}

export interface FigureBlock extends BlockBase {
  kind: 'figure';
  image: ImageAsset;
  caption?: TextBlock;
  spaceBefore: number;
  span?: Span;
}

export interface SeparatorBlock extends BlockBase {
  kind: 'separator';
  spaceBefore: number;
}

/** 署名 and 成文日期, placed by the rules of GB/T 9704 §7.3.5.2 (right space two em, the date two em further right). */
export interface ClosingBlock extends BlockBase {
  kind: 'closing';
  signatures: string[];
  date?: string;
  spaceBefore: number;
  span?: Span;
}

/** 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 between rules. */
export interface RecordBlock extends BlockBase {
  kind: 'record';
  cc: readonly string[];
  printed?: { by: string; date: string };
  spaceBefore: number;
  span?: Span;
}

export type Block = TextBlock | TableBlock | FigureBlock | SeparatorBlock | ClosingBlock | RecordBlock;

/** Text and marks of model inlines; notes become marks ①② whose content is returned beside. */
interface Flattened {
  text: string;
  spans: InlineSpan[];
  notes: { at: number; number: number }[];
}

function flatten(content: readonly Inline[], theme: Theme): Flattened {
  let text = '';
  const spans: InlineSpan[] = [];
  const notes: Flattened['notes'] = [];
  for (const inline of content) {
    const start = text.length;
    if (inline.kind === 'break') {
      text += '\n';
      continue;
    }
    if (inline.kind === 'note') {
      text += noteMark(inline.number);
      spans.push({ start, end: text.length, noteMark: true });
      notes.push({ at: start, number: inline.number });
      continue;
    }
    text += inline.text;
    const font = inline.strong ? theme.inline.strong : inline.emph ? theme.inline.emph : undefined;
    if (font || inline.strike || inline.href) {
      spans.push({ start, end: text.length, ...(font ? { font } : {}), ...(inline.strike ? { strike: true as const } : {}), ...(inline.href ? { href: inline.href } : {}) });
    }
  }
  return { text, spans, notes };
}

/** The spans, each link given a Link element in the block's element `tag`. */
export function linkTags(spans: InlineSpan[], tag: StructNode | undefined): InlineSpan[] {
  return tag ? spans.map((s) => (s.href ? { ...s, tag: structNode('Link', tag) } : s)) : spans;
}

function text(style: StyleName, value: string, align: TextBlock['align'], indent: number, extra: Partial<TextBlock> = {}): TextBlock {
  return { kind: 'text', style, text: value, spans: [], align, indent, hang: 0, inset: 0, spaceBefore: 0, keepWithNext: false, notes: [], ...extra };
}

const HEADING_STYLE: Record<number, StyleName> = { 2: 'heading1', 3: 'heading2', 4: 'heading3' };


/** Reads the blocks of one document; notes cited in them are set by `noteBlocks`. */
class DocumentSetter {
  readonly out: Block[] = [];
  /** True while setting a note's own text: marks inside a note cite nothing further (a note may cite itself). */
  private inNote = false;
  /** Notes already set: a note cited twice prints once, where it is first cited. */
  private readonly cited = new Set<number>();
  /** Notes first cited inside the note being set: they follow it. */
  private readonly nested: number[] = [];
  /** Levels of the headings under the document's title (H2; its section's heading is H1). */
  private headings = new HeadingLevels(2);

  constructor(
    private readonly theme: Theme,
    private readonly body: Body,
    /** The structure element of the document, or of the attachment being set. */
    private sect: StructNode,
  ) {}

  /** From here on blocks go into an attachment's own element, its headings under its title. */
  attachment(sect: StructNode): void {
    this.sect = sect;
    this.headings = new HeadingLevels(2);
  }

  /** The note's content, first paragraph led by its mark. */
  noteBlocks(number: number): TextBlock[] {
    const note = this.body.notes.find((n) => n.number === number);
    const blocks: TextBlock[] = [];
    const mark = `${noteMark(number)}\u2002`;
    const tag = structNode('Note', this.sect);
    this.inNote = true;
    for (const block of note?.blocks ?? []) blocks.push(...this.inlineBlocks(block, 0, 'footnote', tag));
    this.inNote = false;
    const first = blocks[0];
    if (first) {
      blocks[0] = { ...first, text: mark + first.text, spans: first.spans.map((s) => ({ ...s, start: s.start + mark.length, end: s.end + mark.length })), indent: 0, hang: 1.5 };
    } else blocks.push(text('footnote', mark, 'left', 0, { tag: structNode('P', tag) }));
    return blocks.map((b) => ({ ...b, spaceBefore: 0, keepWithNext: false }));
  }

  /**
   * The notes first cited by these marks, each with its content; a note first cited inside another note is set
   * right after that one, cited at the same place.
   */
  private citedNotes(marks: Flattened['notes']): CitedNote[] {
    if (this.inNote) {
      for (const { number } of marks) if (!this.cited.has(number)) this.nested.push(number);
      return [];
    }
    const notes: CitedNote[] = [];
    for (const { at, number } of marks) {
      const waiting = [number];
      for (let next = waiting.shift(); next !== undefined; next = waiting.shift() ?? this.nested.shift()) {
        if (this.cited.has(next)) continue;
        this.cited.add(next);
        notes.push({ at, blocks: this.noteBlocks(next) });
      }
    }
    return notes;
  }

  /** A text block from inline content, with its cited notes attached. */
  private withNotes(block: TextBlock, flattened: Flattened): TextBlock {
    const notes = this.citedNotes(flattened.notes);
    return { ...block, text: flattened.text, spans: linkTags(flattened.spans, block.tag), notes };
  }

  /** The centred title of something that is not a heading block (an attachment). */
  title(content: Inline[], of: object, span: Span | undefined): void {
    const tag = structNode(this.headings.next(0), this.sect);
    this.out.push(this.withNotes(text('subtitle', '', 'center', 0, { spaceBefore: 0.5, keepWithNext: true, titleOf: of, tag, ...(span ? { span } : {}) }), flatten(content, this.theme)));
  }

  /** Text blocks for a model block that holds only text (inside notes, lists and quotes). */
  private inlineBlocks(block: ModelBlock, level: number, style: StyleName, parent: StructNode): TextBlock[] {
    const out: Block[] = [];
    this.block(block, level, out, style, 0, parent);
    return out.filter((b): b is TextBlock => b.kind === 'text');
  }

  /** Sets a model block into `out`, its structure under `parent` (the document's, unless inside a list, quote or note). */
  block(block: ModelBlock, level: number, out: Block[] = this.out, style: StyleName = 'body', inset = 0, parent: StructNode = this.sect): void {
    const span = block.span ? { span: block.span } : {};
    switch (block.kind) {
      case 'paragraph': {
        const flat = flatten(block.content, this.theme);
        if (flat.text.trim() === '' && flat.notes.length === 0) return;
        // 第X章 and a bare 第X条 written as paragraphs are headings that must not end a page (背题); an article with
        // its text is a paragraph like any other: whole on one line it may end a page, as a run of such lines kept
        // together would carry half a page over.
        const division = style === 'body' && isDivisionHeading(flat.text);
        const leads = division || isBareArticle(flat.text) ? { leads: true } : {};
        const [align, indent] = division ? (['center', 0] as const) : (['justify', style === 'footnote' ? 0 : 2 + level * 2] as const);
        out.push(this.withNotes(text(style, '', align, indent, { hang: division ? 0 : level * 2, inset, tag: structNode('P', parent), ...leads, ...span }), flat));
        return;
      }
      case 'heading': {
        const flat = flatten(block.content, this.theme);
        const tag = structNode(this.headings.next(block.level), parent);
        if (block.level === 1) out.push(this.withNotes(text('subtitle', '', 'center', 0, { spaceBefore: 0.5, keepWithNext: true, inset, titleOf: block, tag, ...span }), flat));
        else if (isDivisionHeading(flat.text)) out.push(this.withNotes(text(HEADING_STYLE[block.level] ?? 'heading3', '', 'center', 0, { keepWithNext: true, inset, tag, ...span }), flat));
        else out.push(this.withNotes(text(HEADING_STYLE[block.level] ?? 'heading3', '', 'justify', 2, { keepWithNext: true, inset, tag, ...span }), flat));
        return;
      }
      case 'list': {
        const list = structNode('L', parent);
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${block.start + i}.` : '·';
          const [first, ...rest] = item.blocks;
          const lead = first?.kind === 'paragraph' ? flatten(first.content, this.theme) : undefined;
          const itemSpan = item.span ?? block.span;
          const flat: Flattened = lead
            ? { text: marker + lead.text, spans: lead.spans.map((s) => ({ ...s, start: s.start + marker.length, end: s.end + marker.length })), notes: lead.notes.map((n) => ({ ...n, at: n.at + marker.length })) }
            : { text: marker, spans: [], notes: [] };
          const body = structNode('LBody', structNode('LI', list));
          out.push(this.withNotes(text(style, '', 'justify', 2 + level * 2, { hang: level * 2, inset, tag: structNode('P', body), ...(itemSpan ? { span: itemSpan } : {}) }), flat));
          for (const child of lead ? rest : item.blocks) this.block(child, level + 1, out, style, inset, body);
        });
        return;
      }
      case 'quote': {
        const quote = structNode('BlockQuote', parent);
        for (const child of block.blocks) this.block(child, level, out, style, inset + 2, quote);
        return;
      }
      case 'preformatted': {
        // One paragraph, set line by line as written.
        const tag = structNode('P', parent);
        for (const line of block.lines) out.push(text(style, line.trim() === '' ? '\u3000' : line, 'left', inset, { inset, tag, ...span }));
        return;
      }
      case 'separator':
        out.push({ kind: 'separator', spaceBefore: 0.5 });
        return;
      case 'table': {
        const tag = structNode('Table', parent);
        // A table's title stands above it (表题在表上), kept with it; a figure's stands below.
        if (block.caption) out.push(this.withNotes(text('caption', '', 'center', 0, { spaceBefore: 0.5, keepWithNext: true, tag: structNode('Caption', tag), ...span }), flatten(block.caption, this.theme)));
        const notes = new Map(block.rows.flatMap((row) => row.cells).map((cell) => [cell, this.citedNotes(flatten(cell.content, this.theme).notes)]));
        out.push({ kind: 'table', table: block, spaceBefore: block.caption ? 0.25 : 0.5, tag, notes, ...span });
        return;
      }
      case 'figure': {
        const captionText = block.caption ? flatten(block.caption, this.theme) : undefined;
        // A figure without alt text is described by its caption (check warns about the missing alt).
        const alt = block.alt.trim() || captionText?.text;
        const tag = structNode('Figure', parent, alt ? { alt } : {});
        const caption = captionText ? this.withNotes(text('caption', '', 'center', 0, { tag: structNode('Caption', tag), ...span }), captionText) : undefined;
        out.push({ kind: 'figure', image: block.image, ...(caption ? { caption } : {}), spaceBefore: 0.5, tag, ...span });
        return;
      }
    }
  }
}

/** 附件说明 (GB/T 9704 §7.3.4): 附件：1.名称, later numbers under the first, wrapped names under the name. */
function attachmentList(names: readonly string[], span: Span | undefined, sect: StructNode): TextBlock[] {
  const lead = '附件：';
  const at = { tag: structNode('P', sect), ...(span ? { span } : {}) };
  if (names.length === 1) return [text('body', `${lead}${names[0]}`, 'justify', 2, { hang: 2 + lead.length, spaceBefore: 1, ...at })];
  return names.map((name, i) => {
    const number = `${i + 1}.`;
    // ASCII digits and the period take about half an em each.
    const numberEm = number.length / 2;
    return text('body', `${i === 0 ? lead : ''}${number}${name}`, 'justify', i === 0 ? 2 : 2 + lead.length, { hang: 2 + lead.length + numberEm, spaceBefore: i === 0 ? 1 : 0, ...at });
  });
}

/** The head block (title, date, number, recipients) in the theme's order. */
function headBlocks(doc: GazetteDocument, headOrder: readonly HeadItem[], first: boolean, sect: StructNode): TextBlock[] {
  const head: TextBlock[] = [];
  for (const item of headOrder) {
    const at = { tag: structNode(item === 'title' ? 'H2' : 'P', sect), ...(doc.fieldSpans.get(item) ? { span: doc.fieldSpans.get(item)! } : {}) };
    if (item === 'title') head.push(text('title', doc.meta.title, 'center', 0, { anchor: { name: `doc-${doc.id}` }, titleOf: doc, ...at }));
    else if (item === 'date' && doc.meta.date) head.push(text('head', `（${chineseDate(doc.meta.date)}）`, 'center', 0, at));
    else if (item === 'number' && doc.meta.number) head.push(text('head', headNumber(doc.meta)!, 'center', 0, at));
    else if (item === 'recipients' && doc.meta.recipients) head.push(text('head', `${doc.meta.recipients}：`, 'justify', 0, { spaceBefore: 0.5, ...at }));
  }
  head.forEach((b, i) => {
    b.keepWithNext = true;
    if (i === 0) b.spaceBefore = first ? 0.5 : 1.5;
    else if (b.spaceBefore === 0 && head[i - 1]?.style === 'title') b.spaceBefore = 0.25;
  });
  return head;
}

/** What follows the text, in the theme's closing order; items the document lacks print nothing. */
function closingBlocks(doc: GazetteDocument, order: readonly ClosingItem[], sect: StructNode): Block[] {
  const out: Block[] = [];
  const { meta } = doc;
  let closing: ClosingBlock | undefined;
  for (const item of order) {
    if (item === 'attachments' && meta.attachments.length > 0) out.push(...attachmentList(meta.attachments, doc.fieldSpans.get('attachments'), sect));
    if ((item === 'signature' && meta.signature.length > 0) || (item === 'date' && meta.date)) {
      if (!closing) {
        const span = doc.fieldSpans.get('signature') ?? doc.fieldSpans.get('date');
        closing = { kind: 'closing', signatures: [], spaceBefore: 1, tag: structNode('P', sect), ...(span ? { span } : {}) };
        out.push(closing);
      }
      if (item === 'signature') closing.signatures.push(...meta.signature);
      else closing.date = chineseDate(meta.date!);
    }
    if (item === 'note' && meta.note) {
      const span = doc.fieldSpans.get('note');
      out.push(text('body', `（${meta.note}）`, 'justify', 2, { tag: structNode('P', sect), ...(span ? { span } : {}) }));
    }
  }
  return out;
}

/** Every block of one document: head, text, closing, the text it issues, attachments, 版记 (and endnotes). */
function documentBlocks(doc: GazetteDocument, theme: Theme, first: boolean, sect: StructNode): Block[] {
  const out: Block[] = [...headBlocks(doc, theme.headOrder, first, sect)];
  const setter = new DocumentSetter(theme, doc.body, sect);
  const bodyStart = setter.out.length;
  for (const block of alignNames(doc.body.blocks)) setter.block(block, 0);
  // The body follows the recipients line directly, and the title or number after half a line.
  const firstBody = setter.out[bodyStart];
  const endsWithRecipients = theme.headOrder.at(-1) === 'recipients' && doc.meta.recipients !== undefined;
  if (firstBody && !endsWithRecipients && firstBody.spaceBefore === 0) firstBody.spaceBefore = 0.5;
  setter.out.push(...closingBlocks(doc, theme.closingOrder, sect));
  for (const block of alignNames(doc.body.enclosure)) setter.block(block, 0);
  for (const attachment of doc.body.attachments) {
    const span = attachment.span ? { span: attachment.span } : {};
    const own = structNode('Sect', sect);
    setter.attachment(own);
    setter.out.push(text('attachmentLabel', attachment.label, 'left', 0, { spaceBefore: 1.5, keepWithNext: true, tag: structNode('P', own), ...(theme.attachmentNewPage ? { breakBefore: true } : {}), ...span }));
    if (attachment.title) setter.title(attachment.title, attachment, attachment.span);
    for (const block of alignNames(attachment.blocks)) setter.block(block, 0);
  }
  if (theme.record && (doc.meta.cc.length > 0 || doc.meta.printed)) {
    const span = doc.fieldSpans.get('cc') ?? doc.fieldSpans.get('printed');
    setter.out.push({ kind: 'record', cc: doc.meta.cc, ...(doc.meta.printed ? { printed: doc.meta.printed } : {}), spaceBefore: 1, tag: structNode('P', sect), ...(span ? { span } : {}) });
  }
  return [...out, ...(theme.footnotes === 'end' ? moveNotesToEnd(setter.out, sect) : setter.out)];
}

/**
 * Endnotes: the notes cited anywhere in the document are set after its text under 注释, and the citing blocks
 * keep only their marks.
 */
function moveNotesToEnd(blocks: Block[], sect: StructNode): Block[] {
  const notes = blocks.flatMap((b) => (b.kind === 'text' ? b.notes : b.kind === 'table' ? [...(b.notes?.values() ?? [])].flat() : []));
  if (notes.length === 0) return blocks;
  const stripped = blocks.map((b) => (b.kind === 'text' && b.notes.length > 0 ? { ...b, notes: [] } : b.kind === 'table' && b.notes ? { ...b, notes: new Map() } : b));
  const heading = text('footnote', '注释：', 'left', 0, { spaceBefore: 1, keepWithNext: true, tag: structNode('P', sect) });
  return [...stripped, heading, ...notes.flatMap((note) => note.blocks)];
}

/** Every block of the issue body, section by section. */
export function gazetteBlocks(gazette: Gazette, theme: Theme): Block[] {
  const out: Block[] = [];
  gazette.sections.forEach((section, s) => {
    const part = structNode('Part');
    out.push(
      text('section', sectionLabel(gazette.publication.labels, section.spec.name), 'center', 0, {
        spaceBefore: s === 0 ? 0 : 1,
        keepWithNext: true,
        anchor: { name: `sec-${s + 1}` },
        opens: true,
        tag: structNode('H1', part),
      }),
    );
    section.documents.forEach((doc, d) => {
      const blocks = documentBlocks(doc, theme, d === 0, structNode('Sect', part));
      if (blocks[0]?.kind === 'text') blocks[0].opens = true;
      for (const block of blocks) block.owner = doc.id;
      append(out, blocks);
    });
  });
  return out;
}
