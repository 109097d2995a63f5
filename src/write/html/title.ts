/**
 * A title as the PDF breaks it: `<br class="pdf-break">` where layout started a new line, `<wbr>` between words.
 * The CSS keeps words whole (`word-break: keep-all`), so a narrow screen, which drops the PDF's breaks, still
 * breaks a title only between words (GB/T 9704 §7.3.1).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { wordBoundaries } from '../../shared/words.js';

function plainText(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? plainText(node.children) : '')).join('');
}

const isNobr = (node: Element): boolean => Array.isArray(node.properties.className) && node.properties.className.includes('nobr');

/** `children` with the breaks inserted; `breaks` are offsets into their text, ignored when they do not fit it. */
export function titleContent(children: readonly ElementContent[], breaks: readonly number[] = []): ElementContent[] {
  const text = plainText(children);
  const words = wordBoundaries(text);
  const lines = new Set(breaks.every((at) => at > 0 && at < text.length) ? breaks : []);
  let offset = 0;
  const breakAt = (at: number): Element[] => (lines.has(at) ? [h('br.pdf-break'), h('wbr')] : [h('wbr')]);
  const walk = (nodes: readonly ElementContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (node.type === 'element') {
        // Unbreakable runs (a 发文字号, a date) stay whole: the PDF never breaks inside them either; a break may
        // come before one.
        if (isNobr(node)) {
          const before = offset > 0 && (lines.has(offset) || words.has(offset)) ? breakAt(offset) : [];
          offset += plainText(node.children).length;
          return [...before, node];
        }
        return [{ ...node, children: walk(node.children) }];
      }
      if (node.type !== 'text') return [node];
      const out: ElementContent[] = [];
      let from = 0;
      for (let k = 0; k < node.value.length; k++) {
        const at = offset + k;
        if (at === 0 || !(lines.has(at) || words.has(at))) continue;
        if (k > from) out.push({ type: 'text', value: node.value.slice(from, k) });
        out.push(...breakAt(at));
        from = k;
      }
      if (from < node.value.length) out.push({ type: 'text', value: node.value.slice(from) });
      offset += node.value.length;
      return out;
    });
  return walk(children);
}
