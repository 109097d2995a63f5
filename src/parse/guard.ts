/**
 * Keeps hostile nesting away from the Markdown parser and from every recursive walk of its tree. micromark takes
 * time that grows with the cube of container depth (1,000 nested list levels: about a minute), and a tree
 * thousands of levels deep overflows the stack of anything that walks it recursively (JSON, positions, readers).
 *
 * Before parsing, container prefixes deeper than MAX_CONTAINERS on a line are made literal text, keeping every
 * UTF-16 offset (so positions stay true); after parsing, subtrees deeper than MAX_TREE_DEPTH become their text.
 * NUL characters, which the parser would turn into a visible U+FFFD, become an invisible character instead.
 * The reader reports any nesting beyond its own, much lower, limit as `nesting-too-deep`.
 */
import type { Nodes, Root } from 'mdast';

/** Containers (quotes, list items) a line may open before its markers stop counting as syntax. */
export const MAX_CONTAINERS = 16;
/** Depth of the parsed tree beyond which content is kept as plain text. */
const MAX_TREE_DEPTH = 64;

/** Same-length literal stand-ins: full-width forms are text to micromark, and one UTF-16 unit each like the ASCII. */
const LITERAL: Readonly<Record<string, string>> = { '>': '＞', '-': '－', '*': '＊', '+': '＋', ' ': '\u3000', '\t': '\u3000', '.': '．', ')': '）' };

/** One line: neutralise what follows the first MAX_CONTAINERS container openers of its prefix. */
function guardLine(line: string): string {
  let containers = 0;
  let i = 0;
  let column = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      column += c === '\t' ? 4 - (column % 4) : 1;
      i++;
      // Deep indentation is how nested lists nest: every two columns count as a level.
      if (column > 2 * MAX_CONTAINERS) break;
      continue;
    }
    const marker = c === '>' ? 1 : /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i))?.[0].length;
    if (!marker) return line;
    containers++;
    if (containers > MAX_CONTAINERS) break;
    i += marker;
    column += marker;
  }
  if (i >= line.length) return line;
  // From here on the prefix is text: replace its syntax characters one for one.
  let rest = '';
  for (let k = i; k < line.length; k++) {
    const c = line[k]!;
    if (!(c in LITERAL) && !/[0-9]/.test(c)) {
      rest += line.slice(k);
      break;
    }
    rest += LITERAL[c] ?? c;
  }
  return line.slice(0, i) + rest;
}

/** Emphasis, strike and link delimiters a block may hold; micromark resolves them in time quadratic in their number. */
export const MAX_DELIMITERS = 256;
const DELIMITER = /[*_~[\]]/g;
const DELIMITER_LITERAL: Readonly<Record<string, string>> = { '*': '＊', _: '＿', '~': '～', '[': '［', ']': '］' };

/**
 * The Markdown made safe to parse, the same length: over-deep container prefixes, and the delimiters of a block
 * past MAX_DELIMITERS, become literal full-width text. No real document reaches either limit.
 */
export function guardNesting(source: string): string {
  // CommonMark turns NUL into U+FFFD, which no font draws; an invisible stand-in of the same length is dropped by
  // the reader (and reported by check) instead.
  const text = source.includes('\u0000') ? source.replaceAll('\u0000', '\u200b') : source;
  const deep = /^[ \t>*+\-0-9.)]{32,}/m.test(text);
  const crowded = (text.match(DELIMITER)?.length ?? 0) > MAX_DELIMITERS;
  if (!deep && !crowded) return text;
  let inBlock = 0;
  return text
    .split('\n')
    .map((raw) => {
      const line = deep ? guardLine(raw) : raw;
      if (line.trim() === '') {
        inBlock = 0;
        return line;
      }
      if (!crowded) return line;
      return line.replace(DELIMITER, (c) => (++inBlock > MAX_DELIMITERS ? DELIMITER_LITERAL[c]! : c));
    })
    .join('\n');
}

/** Plain text of a subtree, without recursion. */
function textOf(node: Nodes): string {
  let out = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if ('value' in next && typeof next.value === 'string') out += next.value;
    if ('children' in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
  }
  return out;
}

/** Replaces every node at MAX_TREE_DEPTH by a text node (inside a paragraph where a block was), iteratively. */
export function limitDepth(root: Root): Root {
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (depth + 1 < MAX_TREE_DEPTH) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      const text = { type: 'text', value: textOf(child), ...(child.position ? { position: child.position } : {}) } as const;
      const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type === 'link';
      children[i] = (phrasing ? text : { type: 'paragraph', children: [text], ...(child.position ? { position: child.position } : {}) }) as Nodes;
    }
  }
  return root;
}
