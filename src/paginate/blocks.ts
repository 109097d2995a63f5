/** Documents → a flat list of typographic blocks (paragraphs, headings, tables), before any measuring. */
import type { AlignType, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import type { GazetteDocument } from '../model/document.js';
import type { Gazette } from '../model/gazette.js';
import type { Span } from '../model/source.js';
import type { HeadItem, StyleName } from '../theme/index.js';
import { chineseDate } from '../shared/dates.js';

/** A target for TOC links and outline items, placed at the top of the block that carries it. */
export interface Anchor {
  /** `sec-N` for a section, `doc-<id>` for a document: the named destination of TOC links and outline items. */
  name: string;
}

export interface TextBlock {
  kind: 'text';
  style: StyleName;
  /** Text; `\n` marks a hard line break. */
  text: string;
  align: 'justify' | 'center' | 'left';
  /** First-line indent in em. */
  indent: number;
  /** Space above, in multiples of the body leading; dropped at a page top. */
  spaceBefore: number;
  keepWithNext: boolean;
  span?: Span;
  anchor?: Anchor;
}

export interface TableBlock {
  kind: 'table';
  header: string[];
  rows: string[][];
  /** Source position of each cell, header row first (for glyph diagnostics). */
  cellSpans: (Span | undefined)[][];
  align: AlignType[];
  spaceBefore: number;
  span?: Span;
}

export type Block = TextBlock | TableBlock;

/** Gives a mdast node's position as a Span in the document's file. */
export function nodeSpan(doc: GazetteDocument, node: Nodes): Span | undefined {
  const pos = node.position;
  if (!pos) return undefined;
  return {
    file: doc.file.path,
    start: { line: pos.start.line, column: pos.start.column, ...(pos.start.offset !== undefined ? { offset: pos.start.offset } : {}) },
    end: { line: pos.end.line, column: pos.end.column, ...(pos.end.offset !== undefined ? { offset: pos.end.offset } : {}) },
  };
}

const HAN_OR_PUNCT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/** Joins soft line breaks: nothing between two CJK characters, a space otherwise. */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/gu, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return HAN_OR_PUNCT.test(before) || HAN_OR_PUNCT.test(after) ? '' : ' ';
  });
}

/** Inline content → plain text; hard breaks (and `<br>`) become `\n`, other HTML tags vanish. */
function inlineText(nodes: readonly (PhrasingContent | RootContent)[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += joinSoftBreaks(node.value);
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += /^<br\s*\/?>$/iu.test(node.value.trim()) ? '\n' : node.value.replace(/<[^>]*>/gu, '');
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      default:
        if ('children' in node) out += inlineText(node.children as PhrasingContent[]);
    }
  }
  return out;
}

function cellText(nodes: readonly PhrasingContent[]): string {
  // Cells sometimes carry literal <p>…</p> from the source: a paragraph boundary becomes a line break.
  const raw = nodes
    .map((n) => (n.type === 'html' && /^<\/p>$/iu.test(n.value.trim()) ? '\n' : inlineText([n])))
    .join('');
  return raw
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join('\n');
}

function tableBlock(doc: GazetteDocument, table: Table): TableBlock {
  const [head, ...rest] = table.children;
  const width = Math.max(...table.children.map((r) => r.children.length));
  const rowTexts = (cells: readonly { children: PhrasingContent[] }[]): string[] =>
    Array.from({ length: width }, (_v, i) => cellText(cells[i]?.children ?? []));
  const span = nodeSpan(doc, table);
  return {
    kind: 'table',
    header: rowTexts(head?.children ?? []),
    rows: rest.map((r) => rowTexts(r.children)),
    cellSpans: table.children.map((r) => Array.from({ length: width }, (_v, i) => {
      const cell = r.children[i];
      return cell ? nodeSpan(doc, cell) : undefined;
    })),
    align: Array.from({ length: width }, (_v, i) => table.align?.[i] ?? null),
    spaceBefore: 0.5,
    ...(span ? { span } : {}),
  };
}

const HEADING_STYLE: Record<number, StyleName> = { 3: 'heading1', 4: 'heading2', 5: 'heading3', 6: 'heading3' };

function text(
  style: StyleName,
  value: string,
  align: TextBlock['align'],
  indent: number,
  extra: Partial<TextBlock> = {},
): TextBlock {
  return { kind: 'text', style, text: value, align, indent, spaceBefore: 0, keepWithNext: false, ...extra };
}

function withSpan(block: TextBlock, span: Span | undefined): TextBlock {
  return span ? { ...block, span } : block;
}

function bodyBlocks(doc: GazetteDocument, nodes: readonly RootContent[], out: Block[]): void {
  for (const node of nodes) {
    const span = nodeSpan(doc, node);
    switch (node.type) {
      case 'paragraph': {
        const value = inlineText(node.children).trim();
        if (value) out.push(withSpan(text('body', value, 'justify', 2), span));
        break;
      }
      case 'heading': {
        const value = inlineText(node.children).trim();
        if (!value) break;
        if (node.depth <= 2) {
          out.push(withSpan(text('subtitle', value, 'center', 0, { spaceBefore: 0.5, keepWithNext: true }), span));
        } else {
          out.push(withSpan(text(HEADING_STYLE[node.depth] ?? 'heading3', value, 'justify', 2, { keepWithNext: true }), span));
        }
        break;
      }
      case 'table':
        out.push(tableBlock(doc, node));
        break;
      case 'list': {
        let n = node.start ?? 1;
        for (const item of node.children) {
          const marker = node.ordered ? `${n++}.` : '·';
          const [first, ...others] = item.children;
          const lead = first?.type === 'paragraph' ? inlineText(first.children).trim() : '';
          out.push(withSpan(text('body', `${marker}${lead}`, 'justify', 2), nodeSpan(doc, item)));
          bodyBlocks(doc, first?.type === 'paragraph' ? others : item.children, out);
        }
        break;
      }
      case 'blockquote':
        bodyBlocks(doc, node.children, out);
        break;
      case 'code':
        for (const line of node.value.split('\n')) if (line.trim()) out.push(withSpan(text('body', line, 'left', 0), span));
        break;
      case 'html': {
        const value = node.value.replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]*>/gu, '').trim();
        if (value) out.push(withSpan(text('body', value, 'justify', 2), span));
        break;
      }
      default:
        break;
    }
  }
}

/** Every block of the issue body, section by section. */
export function gazetteBlocks(gazette: Gazette, headOrder: readonly HeadItem[]): Block[] {
  const out: Block[] = [];
  gazette.sections.forEach((section, s) => {
    const name = section.spec.name;
    out.push(
      text('section', `【${name}】`, 'center', 0, {
        spaceBefore: s === 0 ? 0 : 1,
        keepWithNext: true,
        anchor: { name: `sec-${s + 1}` },
      }),
    );
    section.documents.forEach((doc, d) => {
      const head: TextBlock[] = [];
      for (const item of headOrder) {
        const span = doc.fieldSpans.get(item);
        if (item === 'title') {
          head.push(
            withSpan(
              text('title', doc.meta.title, 'center', 0, {
                anchor: { name: `doc-${doc.id}` },
              }),
              span,
            ),
          );
        } else if (item === 'date' && doc.meta.date) {
          head.push(withSpan(text('head', `（${chineseDate(doc.meta.date)}）`, 'center', 0), span));
        } else if (item === 'number' && doc.meta.number) {
          head.push(withSpan(text('head', doc.meta.number, 'center', 0), span));
        } else if (item === 'recipients' && doc.meta.recipients) {
          const r = doc.meta.recipients;
          head.push(withSpan(text('head', `${r}：`, 'justify', 0, { spaceBefore: 0.5 }), span));
        }
      }
      head.forEach((b, i) => {
        b.keepWithNext = true;
        if (i === 0) b.spaceBefore = d === 0 ? 0.5 : 1.5;
        else if (b.spaceBefore === 0 && head[i - 1]?.style === 'title') b.spaceBefore = 0.25;
      });
      const endsWithRecipients = headOrder.at(-1) === 'recipients' && doc.meta.recipients !== undefined;
      out.push(...head);
      const before = out.length;
      bodyBlocks(doc, doc.body.children, out);
      // The body follows the recipients line directly, and the title or number after half a line.
      const first = out[before];
      if (first && !endsWithRecipients && first.spaceBefore === 0) first.spaceBefore = 0.5;
    });
  });
  return out;
}
