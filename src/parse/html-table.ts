/**
 * HTML tables written inside Markdown (what pandoc and Word converters emit for merged cells) are parsed here, with
 * the Markdown, so the parse cache keeps them too: a run whose bodies all come from the cache never loads the HTML
 * parser. parse5 builds its tree without recursion; the tree kept is hast-shaped, cut at MAX_DEPTH (deeper content
 * becomes its text, as the Markdown guard does), and holds only what the reader uses: elements, text, and the
 * `colspan`, `rowspan` and `align` attributes.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Parse5Node = DefaultTreeAdapterTypes.Node;
type Parse5Element = DefaultTreeAdapterTypes.Element;

/** A table of raw HTML; with blank lines inside it is several Markdown blocks (and paragraphs between). */
export interface EmbeddedTable {
  /** The `<table>` element. */
  table: Element;
  /** How many sibling blocks the table spans, the block holding it first. */
  blocks: number;
  /**
   * Where text after `</table>` in the table's last block starts (no blank line between: the same HTML block, which
   * is not read as Markdown): lines after that block's first line, the column, and the start of that text.
   */
  trailing?: { lines: number; column: number; text: string };
}

declare module 'mdast' {
  interface HtmlData {
    /** Set by the parse stage on the block where an HTML table starts. */
    table?: EmbeddedTable;
  }
}

/** Element depth under `<table>` beyond which content is kept as plain text. */
const MAX_DEPTH = 64;
const KEPT_ATTRIBUTES: Readonly<Record<string, string>> = { colspan: 'colSpan', rowspan: 'rowSpan', align: 'align' };

/** How much of the text after a table its diagnostic quotes, in characters. */
const TRAILING_QUOTE = 30;

const START = /^\s*<table[\s>]/i;
const END = /<\/table\s*>/i;

/** Parses the first `<table>` of an HTML string into the tree the parse stage keeps, and where it ends in `html`. */
export type HtmlTableParser = (html: string) => { table: Element; end: number } | undefined;

/** Whether `text` may hold an HTML table: bodies without one never load the HTML parser. */
export const mayHoldTable = (text: string): boolean => /<table[\s>]/i.test(text);

/** The HTML table parser (parse5 loads on first use). */
export async function htmlTableParser(): Promise<HtmlTableParser> {
  const { parseFragment } = await import('parse5');
  return (html) => {
    // As hast-util-from-html and a reader without scripts: <noscript> content is markup, never raw text.
    const table = findTable(parseFragment(html, { scriptingEnabled: false, sourceCodeLocationInfo: true }));
    return table && { table: toHast(table), end: table.sourceCodeLocation?.endOffset ?? html.length };
  };
}

/**
 * Finds every HTML table of `tree` (at any depth: in lists and quotes too) and stores it, parsed, on the block where
 * it starts. `text` is the source the tree's offsets point into.
 */
export function parseEmbeddedTables(tree: Root, text: string, parseTable: HtmlTableParser): void {
  const source = (node: Nodes): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? ('value' in node ? String(node.value) : '') : text.slice(start, end);
  };
  // Each node with the number of block quotes around it: their `>` markers start its lines.
  const stack: { parent: Nodes; quotes: number }[] = [{ parent: tree, quotes: 0 }];
  while (stack.length > 0) {
    const { parent, quotes: outer } = stack.pop()!;
    if (!('children' in parent)) continue;
    const quotes = outer + (parent.type === 'blockquote' ? 1 : 0);
    const nodes = parent.children as Nodes[];
    for (let i = 0; i < nodes.length; i++) {
      const first = nodes[i]!;
      stack.push({ parent: first, quotes });
      if (first.type !== 'html' || !START.test(first.value)) continue;
      let last = i;
      while (last < nodes.length - 1 && !END.test(source(nodes[last]!))) last++;
      const start = first.position?.start.offset;
      const end = nodes[last]!.position?.end.offset;
      if (!END.test(source(nodes[last]!)) || start === undefined || end === undefined) continue;
      // A table without cells stays plain blocks (so a later `<table` among them may still start one); the blocks a
      // table spans are its own, and parsing each `<table` among them again would make a run of them quadratic.
      const html = blankQuoteMarkers(text, start, end, quotes);
      const parsed = parseTable(html);
      if (!parsed || !hasCells(parsed.table)) continue;
      const trailing = trailingText(text, html, start, parsed.end, nodes[last]!);
      first.data = { ...first.data, table: { table: parsed.table, blocks: last - i + 1, ...(trailing ? { trailing } : {}) } };
      i = last;
    }
  }
}

/**
 * `text` from `start` to `end`, its lines' `>` markers of `quotes` block quotes blanked: they are Markdown, not the
 * table's text. The length stays, so offsets into it are offsets into `text` from `start`.
 */
function blankQuoteMarkers(text: string, start: number, end: number, quotes: number): string {
  if (quotes === 0) return text.slice(start, end);
  const out: string[] = [];
  let markers = 0;
  for (let at = start; at < end; at++) {
    const char = text[at]!;
    if (char === '\n') markers = quotes;
    else if (char === '>' && markers > 0) {
      markers--;
      out.push(' ');
      continue;
    } else if (char !== ' ' && char !== '\t') markers = 0;
    out.push(char);
  }
  return out.join('');
}

/**
 * Where text follows the table in `html` (the source from `start`, quote markers blanked; the table ends at
 * `tableEnd` of it), relative to the first line of `block`, the last block the table spans; undefined when only
 * white space does.
 */
function trailingText(text: string, html: string, start: number, tableEnd: number, block: Nodes): EmbeddedTable['trailing'] {
  const after = /\S/.exec(html.slice(tableEnd));
  if (!after) return undefined;
  const at = start + tableEnd + after.index;
  const end = start + html.length;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const blockStart = block.position?.start.offset ?? 0;
  const line = text.slice(at, end).split('\n')[0]!.trim();
  return {
    lines: [...text.slice(blockStart, lineStart).matchAll(/\n/g)].length,
    column: at - lineStart + 1,
    text: [...line].length > TRAILING_QUOTE ? `${[...line].slice(0, TRAILING_QUOTE).join('')}…` : line,
  };
}

/** Whether a kept table holds any cell. */
function hasCells(table: Element): boolean {
  const stack: ElementContent[] = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'td' || node.tagName === 'th') return true;
    stack.push(...node.children);
  }
  return false;
}

const isElement = (node: Parse5Node): node is Parse5Element => 'tagName' in node;

/** The first `<table>` element, breadth first (as the reader looked for it). */
function findTable(root: DefaultTreeAdapterTypes.DocumentFragment): Parse5Element | undefined {
  const queue: Parse5Node[] = [root];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    if (!('childNodes' in node)) continue;
    for (const child of node.childNodes) {
      if (isElement(child) && child.tagName === 'table') return child;
      queue.push(child);
    }
  }
  return undefined;
}

/** The kept subtree, built without recursion. */
function toHast(root: Parse5Element): Element {
  const out = element(root);
  const stack: { from: Parse5Element; to: Element; depth: number }[] = [{ from: root, to: out, depth: 0 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    for (const child of from.childNodes) {
      if (child.nodeName === '#text') to.children.push({ type: 'text', value: (child as DefaultTreeAdapterTypes.TextNode).value });
      else if (isElement(child) && depth + 1 >= MAX_DEPTH) to.children.push({ type: 'text', value: textOf(child) });
      else if (isElement(child)) {
        const next = element(child);
        to.children.push(next);
        stack.push({ from: child, to: next, depth: depth + 1 });
      }
    }
  }
  return out;
}

function element(node: Parse5Element): Element {
  const properties: Properties = {};
  for (const { name, value } of node.attrs) {
    const property = KEPT_ATTRIBUTES[name];
    if (property && !(property in properties)) properties[property] = value;
  }
  return { type: 'element', tagName: node.tagName, properties, children: [] as ElementContent[] };
}

/** Text of a subtree in document order, without recursion. */
function textOf(node: Parse5Element): string {
  let out = '';
  const stack: Parse5Node[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.nodeName === '#text') out += (next as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in next) for (let i = next.childNodes.length - 1; i >= 0; i--) stack.push(next.childNodes[i]!);
  }
  return out;
}
