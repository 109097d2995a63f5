/**
 * HTML tables written inside Markdown (what pandoc and Word converters emit for merged cells) are parsed here, with
 * the Markdown, so the parse cache keeps them too: a run whose bodies all come from the cache never loads the HTML
 * parser. parse5 builds its tree without recursion; the tree kept is hast-shaped, cut at MAX_DEPTH (deeper content
 * becomes its text, as the Markdown guard does), and holds only what the reader uses: elements with where each
 * starts, text, and the `colspan`, `rowspan` and `align` attributes.
 */
import type { Element, ElementContent, ElementData, Properties } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { HIDDEN_WITHOUT_SCRIPTS } from '../shared/hidden-html.js';
import { append } from '../shared/arrays.js';
import { withoutInvisible } from '../shared/unicode.js';

type Parse5Node = DefaultTreeAdapterTypes.Node;
type Parse5Element = DefaultTreeAdapterTypes.Element;

/** A table of raw HTML; with blank lines inside it is several Markdown blocks (and paragraphs between). */
export interface EmbeddedTable {
  /** The `<table>` element. */
  table: Element;
  /** How many sibling blocks the table spans, the block holding it first. */
  blocks: number;
  /**
   * The first piece of content the table's HTML holds outside the table, which no edition prints: text between
   * rows (HTML parsers move it out of the table), text, code or an image after `</table>` with no blank line (the
   * same HTML block), a second table. Its lines after the first block's first line, its column and start, and how
   * many pieces follow it.
   */
  lost?: { lines: number; column: number; text: string; more: number };
}

declare module 'mdast' {
  interface HtmlData {
    /** Set by the parse stage on the block where an HTML table starts. */
    table?: EmbeddedTable;
    /** Set by the parse stage on a block that starts a table no `</table>` after it ends: nothing of it prints. */
    tableUnclosed?: true;
  }
}

declare module 'hast' {
  interface ElementData {
    /**
     * Where the element's start tag is, as EmbeddedTable's `lost` says it: lines after the first line of the block
     * holding the table, and column. Diagnostics about an element of a cell point at it, not at the table's start.
     */
    source?: { lines: number; column: number };
  }
}

/** Element depth under `<table>` beyond which content is kept as plain text. */
const MAX_DEPTH = 64;
const KEPT_ATTRIBUTES: Readonly<Record<string, string>> = { colspan: 'colSpan', rowspan: 'rowSpan', align: 'align' };

/** How much of a lost piece of text its diagnostic quotes, in characters. */
const QUOTED = 30;

const START = /^\s*<table[\s>]/i;
const END = /<\/table\s*>/i;

/**
 * Parses the first `<table>` of an HTML string into the tree the parse stage keeps, with the text outside it: each
 * piece's offset in `html` (of its first non-space character) and its text. `column` is the column `html` starts at
 * in its first line (1 when omitted).
 */
export type HtmlTableParser = (html: string, column?: number) => { table: Element; outside: { offset: number; text: string }[] } | undefined;

/** Whether `text` may hold an HTML table: bodies without one never load the HTML parser. */
export const mayHoldTable = (text: string): boolean => /<table[\s>]/i.test(text);

/** The HTML table parser (parse5 loads on first use). */
export async function htmlTableParser(): Promise<HtmlTableParser> {
  const { parseFragment } = await import('parse5');
  return (html, column = 1) => {
    // As hast-util-from-html and a reader without scripts: <noscript> content is markup, never raw text.
    const fragment = parseFragment(html, { scriptingEnabled: false, sourceCodeLocationInfo: true });
    const table = findTable(fragment);
    return table && { table: toHast(table, column), outside: textOutside(fragment, table, html) };
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
      if (!END.test(source(nodes[last]!))) {
        // No </table> follows: this table and any other opened after it among these blocks print nothing.
        // The blocks after it are still searched within (a list may hold a table of its own).
        for (let k = i; k <= last; k++) {
          const node = nodes[k]!;
          if (node.type === 'html' && START.test(node.value)) node.data = { ...node.data, tableUnclosed: true };
          if (k > i) stack.push({ parent: node, quotes });
        }
        i = last;
        continue;
      }
      if (start === undefined || end === undefined) continue;
      // A table without cells stays plain blocks (so a later `<table` among them may still start one); the blocks a
      // table spans are its own, and parsing each `<table` among them again would make a run of them quadratic.
      const html = blankQuoteMarkers(text, start, end, quotes);
      const parsed = parseTable(html, start - text.lastIndexOf('\n', start - 1));
      if (!parsed || !hasCells(parsed.table)) continue;
      const lost = lostText(text, start, parsed.outside);
      first.data = { ...first.data, table: { table: parsed.table, blocks: last - i + 1, ...(lost ? { lost } : {}) } };
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

/** The first piece of `outside` (offsets from `start` of `text`) placed for the diagnostic, and the count of the rest. */
function lostText(text: string, start: number, outside: readonly { offset: number; text: string }[]): EmbeddedTable['lost'] {
  const first = outside[0];
  if (!first) return undefined;
  // Counted within the table's own source, not with a LineIndex of the body: a body of many tables stays linear.
  const at = start + first.offset;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = first.text.split('\n')[0]!;
  return {
    lines: [...text.slice(start, lineStart).matchAll(/\n/g)].length,
    column: at - lineStart + 1,
    text: [...line].length > QUOTED ? `${[...line].slice(0, QUOTED).join('')}…` : line,
    more: outside.length - 1,
  };
}

/**
 * What `root` holds outside `table` that a reader would miss, in source order: printable text, and code
 * (`<script>`, `<style>`…) or images by their tag. Comments, white space and invisible characters print nothing.
 */
function textOutside(root: DefaultTreeAdapterTypes.DocumentFragment, table: Parse5Element, html: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  const stack: Parse5Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === table) continue;
    // Code and images outside the table are lost content too: named by their tag.
    if (isElement(node) && (HIDDEN_WITHOUT_SCRIPTS.has(node.tagName) || node.tagName === 'img')) {
      out.push({ offset: node.sourceCodeLocation?.startOffset ?? 0, text: `<${node.tagName}>` });
      continue;
    }
    if (node.nodeName === '#text') {
      const text = withoutInvisible((node as DefaultTreeAdapterTypes.TextNode).value).trim();
      const from = node.sourceCodeLocation?.startOffset ?? 0;
      if (text !== '') out.push({ offset: from + (/\S/.exec(html.slice(from, node.sourceCodeLocation?.endOffset ?? html.length))?.index ?? 0), text });
    } else if ('childNodes' in node) append(stack, node.childNodes);
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Whether a kept table holds any cell. */
function hasCells(table: Element): boolean {
  const stack: ElementContent[] = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'td' || node.tagName === 'th') return true;
    append(stack, node.children);
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

/** The kept subtree, built without recursion; `column` is where the parsed HTML starts in its first line. */
function toHast(root: Parse5Element, column: number): Element {
  const element = (node: Parse5Element): Element => {
    const properties: Properties = {};
    for (const { name, value } of node.attrs) {
      const property = KEPT_ATTRIBUTES[name];
      if (property && !(property in properties)) properties[property] = value;
    }
    const at = node.sourceCodeLocation;
    // (hast-util-from-parse5 declares a `position` every ElementData must have; this tree never holds one.)
    const data = at ? { data: { source: { lines: at.startLine - 1, column: at.startLine === 1 ? column + at.startCol - 1 : at.startCol } } as ElementData } : {};
    return { type: 'element', tagName: node.tagName, properties, children: [] as ElementContent[], ...data };
  };
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
