/** Parses a Markdown body with remark (GFM) and moves its positions into file coordinates. */
import type { Root } from 'mdast';
import type { Node } from 'unist';

type Processor = { parse(text: string): Root };
let processor: Processor | undefined;

/** Loads unified and remark lazily: `gazette check` never needs them. */
export async function loadMarkdownParser(): Promise<(text: string, line: number, offset: number) => Root> {
  if (!processor) {
    const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-gfm'),
    ]);
    processor = unified().use(remarkParse).use(remarkGfm) as unknown as Processor;
  }
  const parser = processor;
  return (text, line, offset) => shift(parser.parse(text), line - 1, offset);
}

/** The body starts at the beginning of a line, so only lines and offsets move; columns stay. */
function shift<T extends Node>(node: T, lines: number, offset: number): T {
  const position = node.position;
  if (position) {
    position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
    position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shift(child, lines, offset);
  return node;
}
