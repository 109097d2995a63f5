/**
 * The Markdown writer: a document (front matter + the document model) as the Markdown source gazette reads, so
 * that reading the written file gives back the same model. Text is escaped wherever Markdown would read it as
 * syntax; tables with merged cells become the small HTML table subset the reader accepts.
 */
import { Document, isCollection, visit } from 'yaml';
import type { Block, Body, Inline, Table, TableCell, TextRun } from '../model/document.js';
import { headerSpans } from '../read/index.js';
import { inlineText } from '../shared/inline-text.js';

/** The front-matter fields `gazette import` writes, in the order they are written. */
export interface FrontMatter {
  title?: string;
  issuer?: string | string[];
  date?: string;
  number?: string;
  category?: string;
  recipients?: string;
  signature?: string[];
  note?: string;
  attachments?: string[];
  cc?: string[];
  printed?: { by: string; date: string };
}

export const FRONT_MATTER_ORDER = ['title', 'issuer', 'date', 'number', 'category', 'recipients', 'signature', 'note', 'attachments', 'cc', 'printed'] as const;

/** The Markdown text of a document at project path `path` (image paths are written relative to it). */
export function writeMarkdown(path: string, frontMatter: FrontMatter, body: Body): string {
  const writer = new Writer(path);
  const parts = [
    writer.sequence([...body.blocks, ...body.enclosure]),
    ...body.attachments.flatMap((attachment) => [
      escapeLineStart(escapeText(attachment.label)),
      ...(attachment.title ? [`## ${writer.inlines(attachment.title, 'heading')}`] : []),
      writer.sequence(attachment.blocks),
    ]),
    ...body.notes.map((note) => writer.footnote(note.number, note.blocks)),
  ].filter((part) => part !== '');
  return `${writeFrontMatter(frontMatter)}\n${parts.length === 0 ? '' : `${parts.join('\n\n')}\n`}`;
}

function writeFrontMatter(frontMatter: FrontMatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_ORDER) if (frontMatter[key] !== undefined) ordered[key] = frontMatter[key];
  if (Object.keys(ordered).length === 0) return '---\n---\n';
  const yaml = new Document(ordered);
  // Lists and 印发 in flow style, as README writes them: issuer: [机关1, 机关2], printed: { by: …, date: … }.
  visit(yaml, (_, node) => {
    if (isCollection(node) && node !== yaml.contents) node.flow = true;
  });
  return `---\n${yaml.toString({ lineWidth: 0 })}---\n`;
}

class Writer {
  constructor(private readonly path: string) {}

  block(block: Block): string {
    switch (block.kind) {
      case 'paragraph':
        return escapeLineStart(this.inlines(block.content, 'text'));
      case 'heading':
        return `${'#'.repeat(block.level + 1)} ${this.inlines(block.content, 'heading')}`;
      case 'list':
        return this.list(block);
      case 'table':
        return isGfmTable(block) ? this.gfmTable(block) : htmlTable(block);
      case 'figure': {
        const src = relativePath(this.path, block.image.path);
        const caption = block.caption ? ` "${inlineText(block.caption).replace(/["\\]/g, '\\$&')}"` : '';
        return `![${escapeText(block.alt)}](${/[\s()<>]/.test(src) ? `<${src}>` : src}${caption})`;
      }
      case 'quote':
        return this.sequence(block.blocks)
          .split('\n')
          .map((line) => (line === '' ? '>' : `> ${line}`))
          .join('\n');
      case 'preformatted': {
        const fence = '`'.repeat(Math.max(3, ...block.lines.map((line) => longestRun(line, '`') + 1)));
        return [fence, ...block.lines, fence].join('\n');
      }
      case 'separator':
        return '***';
    }
  }

  footnote(number: number, blocks: readonly Block[]): string {
    return indentAfterFirst(`[^${number}]: ${this.sequence(blocks)}`, 4);
  }

  /**
   * Blocks separated by blank lines; two lists of the same kind in a row would merge into one, so an empty comment
   * (which the reader removes) keeps them apart.
   */
  sequence(blocks: readonly Block[]): string {
    return blocks
      .map((block, i) => {
        const previous = blocks[i - 1];
        const apart = previous?.kind === 'list' && block.kind === 'list' && previous.ordered === block.ordered;
        return `${apart ? '<!-- -->\n\n' : ''}${this.block(block)}`;
      })
      .join('\n\n');
  }

  private list(list: Extract<Block, { kind: 'list' }>): string {
    return list.items
      .map((item, i) => {
        const marker = list.ordered ? `${list.start + i}. ` : '- ';
        const text = this.sequence(item.blocks);
        return text === '' ? marker.trimEnd() : indentAfterFirst(`${marker}${text}`, marker.length);
      })
      .join('\n');
  }

  private gfmTable(table: Table): string {
    const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    const rows = table.rows.map((r) => expandRow(r.cells).map((cell) => (cell ? this.inlines(cell.content, 'cell') : '')));
    const delimiter = table.align.map((align) => (align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---'));
    return [row(rows[0] ?? []), row(delimiter), ...rows.slice(1).map(row)].join('\n');
  }

  /** Inline content; `context` says what must be escaped besides Markdown's inline syntax. */
  inlines(content: readonly Inline[], context: 'text' | 'heading' | 'cell'): string {
    let out = '';
    // Runs with one link target form one link; marks open and close around runs, innermost last.
    for (let i = 0; i < content.length; ) {
      const inline = content[i]!;
      if (inline.kind === 'break') {
        out += '<br>';
        i++;
        continue;
      }
      if (inline.kind === 'note') {
        out += `[^${inline.number}]`;
        i++;
        continue;
      }
      let j = i;
      const runs: TextRun[] = [];
      while (j < content.length && content[j]!.kind === 'text' && (content[j] as TextRun).href === inline.href) runs.push(content[j++] as TextRun);
      const text = markedRuns(runs, context);
      out += inline.href ? `[${text}](${/[\s()<>]/.test(inline.href) ? `<${inline.href}>` : inline.href})` : text;
      i = j;
    }
    if (context === 'heading') out = out.replace(/#+$/u, (hashes) => `\\${hashes}`);
    return out;
  }
}

type Mark = 'strike' | 'strong' | 'emph';
const MARKS: readonly Mark[] = ['strike', 'strong', 'emph'];
const DELIMITER: Record<Mark, string> = { strike: '~~', strong: '**', emph: '*' };

/**
 * Text runs with their marks. A mark stays open across runs that share it; at a change, the marks above the first
 * one that ends are closed (innermost first) and the new ones opened.
 */
function markedRuns(runs: readonly TextRun[], context: 'text' | 'heading' | 'cell'): string {
  let out = '';
  const open: Mark[] = [];
  for (const run of runs) {
    const wanted = MARKS.filter((mark) => run[mark]);
    let keep = 0;
    while (keep < open.length && wanted.includes(open[keep]!)) keep++;
    while (open.length > keep) out += DELIMITER[open.pop()!];
    for (const mark of wanted) {
      if (!open.includes(mark)) {
        out += DELIMITER[mark];
        open.push(mark);
      }
    }
    out += run.code ? codeSpan(run.text) : escapeText(run.text, context === 'cell');
  }
  while (open.length > 0) out += DELIMITER[open.pop()!];
  return out;
}

function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  // A space pads content that starts or ends with a backtick, or with spaces on both sides (CommonMark strips one).
  const pad = /^`|`$/.test(text) || (/^ .*[^ ].* $/su.test(text) && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Escapes what Markdown would read as syntax inside a line: emphasis, code, links and footnote references, raw
 * HTML, character references, strike-through (GFM reads a single ~ too), and in table cells the pipe. Bare URLs and
 * e-mail addresses would become links (GFM autolinks, found in the text itself, where escapes do not reach): an
 * empty comment, which the reader removes, breaks them.
 */
function escapeText(text: string, inCell = false): string {
  const escaped = text.replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  return (inCell ? escaped.replace(/\|/g, '\\|') : escaped).replace(/(?<=\bwww)(?=\.)|(?<=\b(?:https?|mailto|ftp|xmpp))(?=:)|(?<=[A-Za-z0-9._+-])(?=@[A-Za-z0-9])/giu, '<!---->');
}

/** A paragraph that begins like a block construct (1. # > - + * ``` ---) keeps its first mark as text: 1\. */
function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return /^(?:#|>|[-+*](?=[ \t]|$)|[-=]+[ \t]*$|`{3}|~{3})/.test(line) ? `\\${line}` : line;
}

function indentAfterFirst(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${pad}${line}`))
    .join('\n');
}

/** `documents/2021-4/a.md`, `documents/2021-4/images/a-1.png` → `images/a-1.png`. */
function relativePath(from: string, to: string): string {
  const base = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < base.length && common < target.length - 1 && base[common] === target[common]) common++;
  return [...base.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** A row's cells with the columns a header span covers as empty cells, as GFM writes them. */
function expandRow(cells: readonly TableCell[]): (TableCell | undefined)[] {
  return cells.flatMap((cell) => [cell, ...Array.from({ length: cell.colSpan - 1 }, () => undefined)]);
}

/**
 * Whether a table reads back from GFM unchanged: one header row, no row spans, column spans only in the header and
 * exactly where GFM's convention (an empty header cell continues the one before it) puts them.
 */
function isGfmTable(table: Table): boolean {
  if (table.headerRows !== 1 || table.rows.length === 0 || table.caption) return false;
  const [header, ...rest] = table.rows;
  if (rest.some((row) => row.cells.length !== table.columns || row.cells.some((cell) => cell.colSpan !== 1 || cell.rowSpan !== 1))) return false;
  if (header!.cells.some((cell) => cell.rowSpan !== 1)) return false;
  const texts = expandRow(header!.cells).map((cell) => (cell ? inlineText(cell.content).trim() : ''));
  if (texts.length !== table.columns) return false;
  const spans = headerSpans(texts).filter((span) => span > 0);
  return spans.length === header!.cells.length && spans.every((span, i) => span === header!.cells[i]!.colSpan);
}

/** The HTML table subset gazette reads: table, thead, tbody, tr, th, td with rowspan/colspan; text and <br>. */
function htmlTable(table: Table): string {
  const cell = (tag: 'th' | 'td', c: TableCell): string => {
    const spans = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
    const text = c.content.map((inline) => (inline.kind === 'text' ? escapeHtml(inline.text) : inline.kind === 'break' ? '<br>' : '')).join('');
    return `<${tag}${spans}>${text}</${tag}>`;
  };
  const rows = (from: number, to: number, tag: 'th' | 'td'): string[] => table.rows.slice(from, to).map((row) => `<tr>${row.cells.map((c) => cell(tag, c)).join('')}</tr>`);
  const head = table.headerRows > 0 ? ['<thead>', ...rows(0, table.headerRows, 'th'), '</thead>'] : [];
  const bodyRows = rows(table.headerRows, table.rows.length, 'td');
  return ['<table>', ...head, ...(bodyRows.length > 0 ? ['<tbody>', ...bodyRows, '</tbody>'] : []), '</table>'].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
