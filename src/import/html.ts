/**
 * HTML: a saved government web page, or what mammoth makes of a Word file. The article is the innermost element
 * holding most of the page's Chinese text; navigation, share buttons, scripts, 字号：大 中 小, 打印/关闭 and the like are
 * dropped; paragraphs, headings, lists, tables (with merged cells), images and footnotes are kept.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Block, Footnote, ImageAsset, Inline, Table, TableCell, TableRow, TextRun } from '../model/document.js';
import { imageInfo, joinSoftBreaks, mergeRuns, trimBreaks } from '../read/index.js';
import { metadataLabel, metadataLine } from './metadata.js';
import { line, plain, type Change, type SourceDocument, type SourceItem, type SourceLine } from './source.js';

export interface HtmlOptions {
  /** The bytes of an image the page names by a relative path; undefined when there is none. */
  image(src: string): Uint8Array | undefined;
}

/** Elements that never hold the article's text. */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'input', 'select', 'textarea', 'nav', 'aside', 'link', 'meta']);
/** class or id words of page furniture. */
const FURNITURE_NAME = /^(?:.*[-_])?(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|jiathis|toolbar|tools|print|fontsize|sidebar)(?:[-_].*)?$/iu;
/** A line made only of page controls: 字号：大 中 小, 【打印】【关闭】, 分享到：, 扫一扫在手机打开当前页 … */
const CONTROL = String.raw`(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|收藏本页|收藏|分享到|分享|扫一扫在手机打开当前页|扫一扫|(?:字号|字体)\s*[:：]?(?:\s*[【[(（]?\s*[大中小]\s*[】\])）]?)+)`;
const FURNITURE_LINE = new RegExp(String.raw`^(?:\s*[【[(（]?\s*${CONTROL}\s*[】\])）]?\s*[:：|｜/]?)+\s*$`, 'u');
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'center', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'figure', 'figcaption', 'address', 'li', 'tbody', 'thead', 'tr']);
const HEADINGS = /^h[1-6]$/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
const HAN = /\p{Script=Han}/gu;

type Marks = Omit<TextRun, 'kind' | 'text'>;
/** Inline content as read, with the places a line ends (<br>) and images stand. */
type Piece = Inline | { kind: 'line-end' } | { kind: 'image'; element: Element };

const classes = (element: Element): string[] => {
  // hast keeps class as a list of names.
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

const hanCount = (node: Root | RootContent): number => textOf(node).match(HAN)?.length ?? 0;

function isFurniture(element: Element): boolean {
  if (DROPPED.has(element.tagName)) return true;
  const names = [...classes(element), ...(typeof element.properties.id === 'string' ? [element.properties.id] : [])];
  return names.some((name) => FURNITURE_NAME.test(name));
}

/** Removes page furniture in place; <header> and <footer> go unless they belong to an article. */
function stripFurniture(node: Root | Element, inArticle = false): void {
  node.children = (node.children as RootContent[]).filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    if (isFurniture(child) || (!inArticle && (child.tagName === 'header' || child.tagName === 'footer'))) return false;
    stripFurniture(child, inArticle || child.tagName === 'article' || child.tagName === 'main');
    return true;
  }) as typeof node.children;
}

/** Elements that hold text, not other blocks: the article is never one of them, nor inside one. */
const TEXT_HOLDERS = /^(?:p|h[1-6]|li|dt|dd|pre|blockquote|figcaption|address|a|span|font|strong|b|em|i|u|sup|sub|label)$/;
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * The innermost element that holds most (70 %) of the Chinese text of its parent, from <body> down. A layout table
 * is entered down to the cell that holds the text; a data table (no cell holds most of it) is not.
 */
function articleRoot(tree: Root): Root | Element {
  const path: (Root | Element)[] = [find(tree, (e) => e.tagName === 'body') ?? tree];
  for (;;) {
    const current = path.at(-1)!;
    const total = hanCount(current);
    const child = (current.children as RootContent[]).find((c): c is Element => c.type === 'element' && total > 0 && hanCount(c) >= 0.7 * total);
    if (!child || TEXT_HOLDERS.test(child.tagName)) break;
    path.push(child);
  }
  while (path.length > 1 && TABLE_PARTS.has((path.at(-1) as Element).tagName)) path.pop();
  return path.at(-1)!;
}

function find(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

function alignOf(element: Element): 'center' | 'right' | undefined {
  const style = typeof element.properties.style === 'string' ? element.properties.style : '';
  const align = String(element.properties.align ?? /text-align\s*:\s*(\w+)/i.exec(style)?.[1] ?? '').toLowerCase();
  const names = classes(element);
  if (align === 'center' || element.tagName === 'center' || names.includes('center')) return 'center';
  if (align === 'right' || names.includes('right')) return 'right';
  return undefined;
}

/** HTML white space: a line break goes between Chinese characters (as in Markdown), other runs become one space. */
function collapse(text: string): string {
  return joinSoftBreaks(text.replace(/\u00a0/g, ' ').replace(/\s*\n\s*/gu, '\n')).replace(/[ \t\r\f]+/g, ' ');
}

/**
 * Canonical line content: marked runs keep no space at their edges (Markdown could not mark it), spaces do not
 * double across runs, and the line has no blank edges.
 */
function tidy(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of content) {
    if (inline.kind !== 'text' || inline.code || !(inline.strong || inline.emph || inline.strike)) {
      out.push(inline);
      continue;
    }
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(inline.text)!;
    const bare = (text: string): Inline => ({ kind: 'text', text, ...(inline.href ? { href: inline.href } : {}) });
    out.push(...(lead ? [bare(lead)] : []), ...(core ? [{ ...inline, text: core }] : []), ...(trail ? [bare(trail)] : []));
  }
  const merged = mergeRuns(out);
  merged.forEach((inline, i) => {
    const previous = merged[i - 1];
    if (inline.kind === 'text' && previous?.kind === 'text' && previous.text.endsWith(' ')) merged[i] = { ...inline, text: inline.text.replace(/^ +/, '') };
  });
  return trimBreaks(mergeRuns(merged));
}

class HtmlReader {
  readonly changes: Change[] = [];
  readonly doubts: SourceDocument['doubts'] = [];
  /** Footnote targets by the id (or anchor name) references point at. */
  private readonly noteTargets = new Map<string, Element>();
  private readonly noteNumbers = new Map<Element, number>();

  constructor(
    private readonly options: HtmlOptions,
    private readonly byId: ReadonlyMap<string, Element>,
  ) {}

  /** Finds footnotes (a reference whose target links back to it, as Word and mammoth write them) and takes them out. */
  collectNotes(root: Root | Element): void {
    const anchors: Element[] = [];
    const walk = (node: Root | Element): void => {
      for (const child of node.children as RootContent[]) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) anchors.push(child);
        walk(child);
      }
    };
    walk(root);
    for (const anchor of anchors) {
      const target = this.byId.get(String(anchor.properties.href).slice(1));
      const own = [anchor.properties.id, anchor.properties.name].filter((v): v is string => typeof v === 'string');
      if (!target || own.length === 0) continue;
      const block = this.blockOf(target, root);
      const back = find(block, (e) => e.tagName === 'a' && typeof e.properties.href === 'string' && own.includes(e.properties.href.slice(1)));
      if (back) this.noteTargets.set(String(anchor.properties.href).slice(1), block);
    }
    if (this.noteTargets.size > 0) removeAll(root, new Set(this.noteTargets.values()));
  }

  /** The block a note target is (an <li>, <p> or <div> itself, or the block around a named anchor). */
  private blockOf(target: Element, root: Root | Element): Element {
    if (target.tagName !== 'a') return target;
    return ancestors(root, target).reverse().find((e) => e.tagName === 'p' || e.tagName === 'div' || e.tagName === 'li') ?? target;
  }

  notes(): Footnote[] {
    const notes: Footnote[] = [];
    // Numbered by first reference; reading a note may cite further notes.
    for (let n = 1; n <= this.noteNumbers.size; n++) {
      const element = [...this.noteNumbers].find(([, number]) => number === n)![0];
      removeBacklinks(element);
      notes.push({ number: n, blocks: toBlocks(this.items(element.children, undefined)) });
    }
    return notes;
  }

  /** The block-level reading of some nodes. */
  items(nodes: readonly (RootContent | ElementContent)[], align: 'center' | 'right' | undefined): SourceItem[] {
    const out: SourceItem[] = [];
    let inline: (RootContent | ElementContent)[] = [];
    const flush = (): void => {
      if (inline.length > 0) out.push(...this.lines(inline, { ...(align ? { align } : {}) }));
      inline = [];
    };
    for (const node of nodes) {
      if (node.type !== 'element' || !BLOCKS.has(node.tagName)) {
        inline.push(node);
        continue;
      }
      flush();
      out.push(...this.block(node, alignOf(node) ?? align));
    }
    flush();
    return out;
  }

  private block(element: Element, align: 'center' | 'right' | undefined): SourceItem[] {
    const tag = element.tagName;
    const hints = { ...(align ? { align } : {}), ...(HEADINGS.test(tag) ? { heading: true as const } : {}), ...(classes(element).includes('title') ? { title: true as const } : {}) };
    if (tag === 'p' || HEADINGS.test(tag) || tag === 'dt' || tag === 'figcaption' || tag === 'address') return this.lines(element.children, hints);
    if (tag === 'hr') return [{ kind: 'block', block: { kind: 'separator' } }];
    if (tag === 'pre') return [{ kind: 'block', block: { kind: 'preformatted', lines: textOf(element).replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n') } }];
    if (tag === 'blockquote') return [{ kind: 'block', block: { kind: 'quote', blocks: toBlocks(this.items(element.children, undefined)) } }];
    if (tag === 'ul' || tag === 'ol') {
      const items = element.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
      if (items.length === 0) return [];
      const start = Number(element.properties.start ?? 1);
      return [{ kind: 'block', block: { kind: 'list', ordered: tag === 'ol', start: Number.isInteger(start) ? start : 1, items: items.map((li) => ({ blocks: toBlocks(this.items(li.children, undefined)) })) } }];
    }
    if (tag === 'table') return this.table(element);
    return this.items(element.children, align);
  }

  /** Inline content as lines: a <br> ends a line, an image stands as a figure between them. */
  private lines(nodes: readonly (RootContent | ElementContent)[], hints: Omit<SourceLine, 'kind' | 'content' | 'text'>): SourceItem[] {
    const pieces: Piece[] = [];
    for (const node of nodes) this.inline(node, {}, pieces);
    const out: SourceItem[] = [];
    let current: Inline[] = [];
    const flush = (): void => {
      const content = tidy(current);
      current = [];
      if (content.length === 0 || (plain(content).trim() === '' && !content.some((c) => c.kind === 'note'))) return;
      const text = plain(content).trim();
      if (FURNITURE_LINE.test(text)) {
        this.changes.push({ from: text, to: '', why: 'furniture' });
        return;
      }
      out.push(line(content, hints));
    };
    for (const piece of pieces) {
      if (piece.kind === 'line-end') flush();
      else if (piece.kind === 'image') {
        flush();
        const figure = this.figure(piece.element);
        if (figure) out.push({ kind: 'block', block: figure });
      } else current.push(piece);
    }
    flush();
    return out;
  }

  private inline(node: RootContent | ElementContent, marks: Marks, out: Piece[]): void {
    if (node.type === 'text') {
      out.push({ kind: 'text', text: collapse(node.value), ...marks });
      return;
    }
    if (node.type !== 'element' || DROPPED.has(node.tagName)) return;
    const tag = node.tagName;
    const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (tag === 'a' && href?.startsWith('#')) {
      const target = this.noteTargets.get(href.slice(1));
      if (target) {
        let number = this.noteNumbers.get(target);
        if (number === undefined) this.noteNumbers.set(target, (number = this.noteNumbers.size + 1));
        out.push({ kind: 'note', number });
        return;
      }
    }
    if (tag === 'br') return void out.push({ kind: 'line-end' });
    if (tag === 'img') return void out.push({ kind: 'image', element: node });
    if (BLOCKS.has(tag)) out.push({ kind: 'line-end' });
    const style = typeof node.properties.style === 'string' ? node.properties.style : '';
    const next: Marks = {
      ...marks,
      ...(tag === 'strong' || tag === 'b' || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style) ? { strong: true as const } : {}),
      ...(tag === 'em' || tag === 'i' ? { emph: true as const } : {}),
      ...(tag === 's' || tag === 'strike' || tag === 'del' ? { strike: true as const } : {}),
      ...(tag === 'a' && href && SAFE_HREF.test(href) ? { href } : {}),
    };
    if (tag === 'code' || tag === 'kbd' || tag === 'samp' || tag === 'tt') {
      out.push({ kind: 'text', text: textOf(node), ...next, code: true });
      return;
    }
    for (const child of node.children) this.inline(child, next, out);
    if (BLOCKS.has(tag)) out.push({ kind: 'line-end' });
  }

  private figure(element: Element): Block | undefined {
    const src = typeof element.properties.src === 'string' ? element.properties.src : '';
    const data = /^data:image\/[\w+.-]+;base64,(.*)$/isu.exec(src);
    if (!data && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
      this.doubts.push({ why: 'image-remote', detail: src });
      return undefined;
    }
    const bytes = data ? Uint8Array.from(atob(data[1]!.replace(/\s/g, '')), (c) => c.charCodeAt(0)) : this.options.image(src);
    const info = bytes && imageInfo(bytes);
    if (!bytes || !info) {
      this.doubts.push({ why: 'image-unreadable', detail: data ? 'data:' : src });
      return undefined;
    }
    // The path is decided once the document has its name.
    const image: ImageAsset = { path: '', ...info, bytes, outputName: '' };
    const alt = String(element.properties.alt ?? '').trim();
    const title = String(element.properties.title ?? '').trim();
    return { kind: 'figure', image, alt, ...(title ? { caption: [{ kind: 'text', text: title }] } : {}) };
  }

  /** A table; one whose cells are labels and values of page metadata becomes `标签：值` lines. */
  private table(element: Element): SourceItem[] {
    const rows = tableRows(element);
    const cells = rows.flatMap((row) => row.cells);
    const labels = cells.filter((cell) => metadataLabel(textOf(cell.element).replace(/[：:]\s*$/u, '').trim()) !== undefined || metadataLine(textOf(cell.element)) !== undefined);
    if (labels.length >= 2) return metadataPairs(rows).map(([key, value]) => line([{ kind: 'text', text: `${key}：${value}` }]));
    const columns = gridWidth(rows);
    // A one-column table is page layout around the text, not a table of the document.
    if (columns <= 1) return rows.flatMap((row) => row.cells.flatMap((cell) => this.items(cell.element.children, alignOf(cell.element))));
    const headerRows = rows.findIndex((row) => !row.header);
    const model: TableRow[] = rows.map((row) => ({
      cells: row.cells.map((cell): TableCell => ({ content: this.cellContent(cell.element), colSpan: cell.colSpan, rowSpan: cell.rowSpan })),
    }));
    const table: Table = { kind: 'table', rows: model, headerRows: headerRows < 0 ? rows.length : headerRows, columns, align: Array.from({ length: columns }, () => undefined) };
    return [{ kind: 'block', block: table }];
  }

  /** A cell's lines joined by line breaks. */
  private cellContent(element: Element): Inline[] {
    const lines = this.items(element.children, undefined);
    const content: Inline[] = [];
    for (const item of lines) {
      if (item.kind !== 'line') {
        // Only text fits in a cell (as the Markdown reader also says): an image there is reported, not dropped silently.
        if (item.block.kind === 'figure') this.doubts.push({ why: 'image-in-table', detail: item.block.alt || '?' });
        continue;
      }
      if (content.length > 0) content.push({ kind: 'break' });
      content.push(...item.content);
    }
    return trimBreaks(mergeRuns(content));
  }
}

interface HtmlCell {
  element: Element;
  colSpan: number;
  rowSpan: number;
}

function tableRows(table: Element): { cells: HtmlCell[]; header: boolean }[] {
  const rows: { cells: HtmlCell[]; header: boolean }[] = [];
  const walk = (node: Element, inHead: boolean): void => {
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      if (child.tagName === 'tr') {
        const cells = child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
        const span = (value: unknown): number => Math.max(1, Math.min(1000, Number.parseInt(String(value ?? 1), 10) || 1));
        if (cells.length > 0) rows.push({ cells: cells.map((c) => ({ element: c, colSpan: span(c.properties.colSpan), rowSpan: span(c.properties.rowSpan) })), header: inHead || cells.every((c) => c.tagName === 'th') });
      } else walk(child, inHead || child.tagName === 'thead');
    }
  };
  walk(table, false);
  // Header rows lead the table; a th row further down is an ordinary row.
  let leading = true;
  return rows.map((row) => {
    leading &&= row.header;
    return { ...row, header: leading };
  });
}

/** Columns of the grid the cells cover, counting cells that rows above reach into. */
function gridWidth(rows: readonly { cells: HtmlCell[] }[]): number {
  const taken: number[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.cells) {
      while ((taken[column] ?? -1) >= r) column++;
      for (let c = column; c < column + cell.colSpan; c++) taken[c] = r + cell.rowSpan - 1;
      column += cell.colSpan;
    }
    width = Math.max(width, column, taken.length);
  });
  return width;
}

/** Label/value pairs of a metadata table: a label cell and the cell after it, or `标签：值` in one cell. */
function metadataPairs(rows: readonly { cells: HtmlCell[] }[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const row of rows) {
    const texts = row.cells.map((cell) => collapse(textOf(cell.element)).trim());
    for (let i = 0; i < texts.length; i++) {
      const whole = metadataLine(texts[i]!);
      if (whole && whole.value !== '') pairs.push([whole.key, whole.value]);
      else if (metadataLabel(texts[i]!.replace(/[：:]\s*$/u, '')) !== undefined && texts[i + 1] !== undefined) pairs.push([texts[i]!.replace(/[：:]\s*$/u, '').trim(), texts[++i]!]);
    }
  }
  return pairs;
}

/** Lines become paragraphs: inside lists, quotes, cells and notes no 公文 structure is recognised. */
function toBlocks(items: readonly SourceItem[]): Block[] {
  return items.map((item) => (item.kind === 'block' ? item.block : { kind: 'paragraph', content: item.content }));
}

function ancestors(root: Root | Element, target: Element): Element[] {
  const path: Element[] = [];
  const walk = (node: Root | Element): boolean => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      path.push(child);
      if (child === target || walk(child)) return true;
      path.pop();
    }
    return false;
  };
  walk(root);
  return path;
}

function removeAll(node: Root | Element, doomed: ReadonlySet<Element>): void {
  node.children = (node.children as RootContent[]).filter((child) => !(child.type === 'element' && doomed.has(child))) as typeof node.children;
  for (const child of node.children as RootContent[]) if (child.type === 'element') removeAll(child, doomed);
  // A list left empty (mammoth's list of footnotes) goes too.
  node.children = (node.children as RootContent[]).filter((child) => !(child.type === 'element' && (child.tagName === 'ol' || child.tagName === 'ul') && !child.children.some((c) => c.type === 'element'))) as typeof node.children;
}

/** A note's own back-links (↑, [1]) are no part of its text. */
function removeBacklinks(node: Element): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')));
  for (const child of node.children) if (child.type === 'element') removeBacklinks(child);
}

/** Page metadata outside the article: table cells and short lines of the form 标签：值. */
function outsideMetadata(tree: Root, article: Root | Element): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element' || child === article) continue;
      if (child.tagName === 'table') {
        for (const [key, value] of metadataPairs(tableRows(child))) out.push({ key, value });
        continue;
      }
      // A metadata line is short and holds no blocks; anything bigger is searched inside.
      const line = collapse(textOf(child)).trim();
      const leaf = line.length <= 80 && !child.children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName));
      const meta = leaf ? metadataLine(line) : undefined;
      if (meta) out.push({ key: meta.key, value: meta.value });
      else walk(child);
    }
  };
  walk(tree);
  return out;
}

export function readHtml(html: string, options: HtmlOptions): SourceDocument {
  const tree = fromHtml(html);
  const titleElement = find(tree, (e) => e.tagName === 'title');
  stripFurniture(tree);
  const byId = new Map<string, Element>();
  const index = (node: Root | Element): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      for (const key of [child.properties.id, child.tagName === 'a' ? child.properties.name : undefined]) if (typeof key === 'string' && !byId.has(key)) byId.set(key, child);
      index(child);
    }
  };
  index(tree);
  const reader = new HtmlReader(options, byId);
  reader.collectNotes(tree);
  const article = articleRoot(tree);
  const items = reader.items(article.children, article.type === 'element' ? alignOf(article) : undefined);
  // The page's heading (or its <title>) stands in for a title the article itself lacks.
  const heading = article.type === 'root' ? undefined : find(tree, (e) => e.tagName === 'h1' && !ancestors(tree, e).includes(article as Element));
  const pageTitle = collapse(textOf(heading ?? titleElement ?? { type: 'text', value: '' })).trim();
  return {
    items,
    notes: reader.notes(),
    metadata: article.type === 'root' ? [] : outsideMetadata(tree, article),
    ...(pageTitle ? { pageTitle } : {}),
    changes: reader.changes,
    doubts: reader.doubts,
  };
}
