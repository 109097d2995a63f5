/**
 * D11 (warning): no ASCII , : ; ( ) between Han characters in the body (GB/T 15834 via GB/T 9704 §9). Inline code,
 * raw HTML, link targets, Latin runs, URLs, decimals and times are left alone; `--fix` puts the full-width mark in.
 */
import type { Nodes, Parent } from 'mdast';
import type { Rule } from '../rule.js';
import { LineIndex } from '../../parse/index.js';
import { BOUNDARY, HALFWIDTH_MARK, halfwidthMarks } from '../../shared/punctuation.js';
import { append } from '../../shared/arrays.js';

/** Blocks whose children are inline content: each is judged as one piece of text. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Containers of such blocks; code, HTML and definitions hold no prose. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** Context shown in the hint: a few characters either side. */
const CONTEXT = 4;

export const punctuationHalfwidth: Rule = {
  meta: { codes: { 'punctuation-halfwidth': 'warning' }, standard: ['D11'], fixable: true, description: '中文文字中不用半角逗号、冒号、分号和圆括号' },
  scope: 'document',
  check({ doc, report }) {
    const { mdast, file } = doc.parsed;
    if (!mdast) return;
    let lines: LineIndex | undefined;
    const blocks: Parent[] = [];
    const stack: Nodes[] = [mdast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (TEXT_BLOCKS.has(node.type)) blocks.push(node as Parent);
      else if (CONTAINERS.has(node.type)) append(stack, (node as Parent).children as Nodes[]);
    }
    for (const block of blocks) {
      const { start, end } = block.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined && !HALFWIDTH_MARK.test(file.text.slice(start.offset, end.offset))) continue;
      // The source text of the block's text nodes, in order, with every file offset; anything else separates them.
      let text = '';
      const offsets: number[] = [];
      const collect = (node: Nodes): void => {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (node.type === 'text' && start !== undefined && end !== undefined) {
          for (let at = start; at < end; at++) offsets.push(at);
          text += file.text.slice(start, end);
        } else if ('children' in node) (node.children as Nodes[]).forEach(collect);
        else {
          offsets.push(-1);
          text += BOUNDARY;
        }
      };
      block.children.forEach((child) => collect(child as Nodes));
      // An escaped \( stays as written (the escape would be left in front of a full-width mark), and so does its pair;
      // the ; that ends a character reference (&#x4E00; &amp;) is part of it, not punctuation.
      const judged = text.replace(/\\[,:;()]/g, `\\${BOUNDARY}`).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (ref) => BOUNDARY.repeat(ref.length));
      for (const mark of halfwidthMarks(judged)) {
        const offset = offsets[mark.index]!;
        lines ??= new LineIndex(file.text);
        const context = (from: number, to: number): string => text.slice(Math.max(0, from), to).replaceAll(BOUNDARY, '').replace(/\s+/gu, ' ');
        const before = context(mark.index - CONTEXT, mark.index);
        const after = context(mark.index + 1, mark.index + 1 + CONTEXT);
        report({
          code: 'punctuation-halfwidth',
          span: { file: file.path, start: lines.point(offset), end: lines.point(offset + 1) },
          args: { char: mark.char, fullwidth: mark.fullwidth, context: `${before}${mark.char}${after}` },
          fix: `${before}${mark.fullwidth}${after}`,
          edit: { kind: 'replace', start: offset, end: offset + 1, text: mark.fullwidth },
        });
      }
    }
  },
};
