/** One document's Markdown body → sanitized hast, with 公文 heading levels and unbreakable runs. */
import { headerSpans } from '../../shared/table.js';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading, Html, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { wrapUnbreakable } from './text.js';

/**
 * Markdown heading depth → HTML element under the document's h2 title. `#`/`##` is an embedded
 * title (e.g. the 实施方案 attached to a 通知), then the 一、/（一）/1. levels of GB/T 9704.
 */
const HEADINGS: Record<number, { tagName: string; className: string }> = {
  1: { tagName: 'h3', className: 'embedded-title' },
  2: { tagName: 'h3', className: 'embedded-title' },
  3: { tagName: 'h4', className: 'level-1' },
  4: { tagName: 'h5', className: 'level-2' },
  5: { tagName: 'h6', className: 'level-3' },
  6: { tagName: 'h6', className: 'level-3' },
};

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

const headingClasses = [...new Set(Object.values(HEADINGS).map((h) => h.className))];

/**
 * GitHub's schema with three changes: ids are not re-prefixed (remark-rehype already prefixes
 * footnote ids per document, and raw HTML never reaches this point), more tags are stripped with
 * their content, and heading classes are kept. Remote images are removed after sanitizing.
 */
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  strip: [...(defaultSchema.strip ?? []), 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  attributes: {
    ...defaultSchema.attributes,
    h3: [['className', ...headingClasses, 'footnote-label']],
    h4: [['className', ...headingClasses]],
    h5: [['className', ...headingClasses]],
    h6: [['className', ...headingClasses]],
  },
};

/** Renders a document body. `idPrefix` keeps generated ids (footnotes) unique across the issue. */
export function renderBody(body: MdastRoot, idPrefix: string): ElementContent[] {
  const processor = unified()
    .use(remarkRehype, {
      clobberPrefix: `${idPrefix}-`,
      footnoteLabel: '注释',
      footnoteLabelTagName: 'h3',
      footnoteLabelProperties: { className: ['footnote-label'] },
      footnoteBackLabel: '返回正文',
      handlers: {
        // Raw HTML is shown as the text the author typed, never interpreted.
        html(_state, node: Html, parent) {
          const text = { type: 'text' as const, value: node.value };
          if (parent && FLOW_PARENTS.has(parent.type)) {
            return { type: 'element', tagName: 'p', properties: {}, children: [text] };
          }
          return text;
        },
        heading(state, node: Heading) {
          const level = HEADINGS[node.depth] ?? HEADINGS[6]!;
          const element: Element = {
            type: 'element',
            tagName: level.tagName,
            properties: { className: [level.className] },
            children: state.all(node),
          };
          state.patch(node, element);
          return state.applyData(node, element);
        },
      },
    })
    .use(rehypeSanitize, schema);
  const tree = processor.runSync(body) as HastRoot;
  replaceBlockedImages(tree);
  prefixFootnoteLabel(tree, `${idPrefix}-footnote-label`);
  wrapTables(tree);
  spanHeaderCells(tree);
  markShortCells(tree);
  wrapUnbreakable(tree);
  return tree.children.filter((child): child is ElementContent => child.type !== 'doctype');
}

/** A URL that stays on the same site: no scheme and not protocol-relative. */
function isLocalUrl(url: string): boolean {
  if (url.startsWith('//') || url.startsWith('\\')) return false;
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  const stop = url.search(/[/?#]/);
  return stop > -1 && stop < colon;
}

/**
 * Nothing may be fetched from the network: an image without a safe local source (removed by the
 * sanitizer, remote, or protocol-relative) is replaced by its alt text.
 */
function replaceBlockedImages(parent: HastRoot | Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    const src = child.properties.src;
    if (child.tagName === 'img' && (typeof src !== 'string' || !isLocalUrl(src))) {
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
      return { type: 'text', value: alt };
    }
    replaceBlockedImages(child);
    return child;
  }) as typeof parent.children;
}

/** remark-rehype gives every document's footnote heading the same fixed id; make it the document's own. */
function prefixFootnoteLabel(parent: HastRoot | Element, id: string): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const { properties } = child;
    if (properties.id === 'footnote-label') properties.id = id;
    const described = properties.ariaDescribedBy;
    if (described !== undefined && described !== null) {
      const refs = Array.isArray(described) ? described.map(String) : String(described).split(/\s+/);
      properties.ariaDescribedBy = refs.map((ref) => (ref === 'footnote-label' ? id : ref));
    }
    prefixFootnoteLabel(child, id);
  }
}

/** Table cells at most this many characters long are kept on one line. */
const SHORT_CELL = 6;

function textContent(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textContent(child) : '')).join('');
}

function markShortCells(parent: HastRoot | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if ((child.tagName === 'td' || child.tagName === 'th') && [...textContent(child).trim()].length <= SHORT_CELL) {
      child.properties.className = ['short'];
    }
    markShortCells(child);
  }
}

/** Empty header cells continue the filled one before them, as in the PDF (see headerSpans). */
function spanHeaderCells(parent: HastRoot | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'thead') {
      for (const row of child.children) {
        if (row.type !== 'element' || row.tagName !== 'tr') continue;
        const cells = row.children.filter((cell): cell is Element => cell.type === 'element' && cell.tagName === 'th');
        const spans = headerSpans(cells.map(textContent));
        cells.forEach((cell, c) => {
          if ((spans[c] ?? 1) > 1) cell.properties.colSpan = spans[c];
        });
        row.children = row.children.filter((cell) => cell.type !== 'element' || spans[cells.indexOf(cell as Element)] !== 0);
      }
    } else spanHeaderCells(child);
  }
}

/** Wide tables scroll inside their own box on narrow screens instead of widening the page. */
function wrapTables(parent: HastRoot | Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'table') {
      return { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [child] };
    }
    wrapTables(child);
    return child;
  }) as typeof parent.children;
}
