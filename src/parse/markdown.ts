/** Parses Markdown bodies with remark (GFM), through the host's cache, and moves positions into file coordinates. */
import type { BuildMemo } from '../shared/build-memo.js';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { ParsedDocument } from '../model/document.js';
import type { DerivedCache } from '../host/host.js';
import { guardNesting, limitDepth } from './guard.js';
import { htmlTableParser, mayHoldTable, parseEmbeddedTables } from './html-table.js';
import { append } from '../shared/arrays.js';

type Processor = { parse(text: string): Root };
let processor: Processor | undefined;

/**
 * Cached trees are remark's output for the body alone, with its HTML tables parsed; the namespace changes if that
 * shape ever changes.
 */
const cacheNamespace = 'mdast:remark-gfm-cjk:html-tables:v10';

/** unified and remark load lazily: runs whose bodies all come from the cache never need them. */
export async function markdownProcessor(): Promise<Processor> {
  if (!processor) {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkCjk }, { default: remarkCjkStrike }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
      import('remark-cjk-friendly'),
      import('remark-cjk-friendly-gfm-strikethrough'),
    ]);
    // CommonMark does not close **加粗。** before a Han character (the flanking rules assume spaces between
    // words); the CJK-friendly extensions make emphasis and strike-through work in Chinese text.
    processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjk).use(remarkCjkStrike) as unknown as Processor;
  }
  return processor;
}

/**
 * Returns the documents with their Markdown bodies parsed, in file coordinates. A body already parsed in an earlier
 * run comes from `cache` (micromark is the slowest step of a build); the result is the same tree either way.
 */
export async function parseBodies(documents: readonly ParsedDocument[], cache?: DerivedCache, memo?: BuildMemo): Promise<ParsedDocument[]> {
  return Promise.all(
    documents.map(async (doc) => {
      const offset = doc.file.text.length - doc.bodyText.length;
      const parse = (): Promise<Root> => parseBody(doc, offset, cache);
      const mdast = await (memo ? memo.get(`mdast\u0000${doc.bodyLine}\u0000${offset}\u0000${doc.bodyText}`, parse) : parse());
      return { ...doc, mdast };
    }),
  );
}

/** The body's tree with file positions, from the parse cache when it has this body. */
async function parseBody(doc: ParsedDocument, offset: number, cache?: DerivedCache): Promise<Root> {
  const cached = cache?.read(cacheNamespace, doc.bodyText);
  let tree: Root | undefined;
  if (cached !== undefined) {
    try {
      tree = JSON.parse(cached) as Root;
    } catch {
      tree = undefined;
    }
  }
  if (!tree) {
    tree = limitDepth((await markdownProcessor()).parse(guardNesting(doc.bodyText)));
    if (mayHoldTable(doc.bodyText)) parseEmbeddedTables(tree, doc.bodyText, await htmlTableParser());
    cache?.write(cacheNamespace, doc.bodyText, JSON.stringify(tree));
  }
  return shift(tree, doc.bodyLine - 1, offset);
}

/** The body starts at the beginning of a line, so only lines and offsets move; columns stay. */
function shift<T extends Node>(root: T, lines: number, offset: number): T {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
      position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
    }
    const children = (node as { children?: Node[] }).children;
    if (children) append(stack, children);
  }
  return root;
}
