/**
 * The document model → hast, for the HTML edition. It mirrors paginate/blocks.ts construct for construct (the
 * same heading levels, list marks, note marks, closing block), so both editions carry the same text; the model
 * holds no raw HTML, so nothing here needs sanitising: hast-util-to-html escapes every text.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Block, Body, GazetteDocument, Inline, Table } from '../../model/document.js';
import type { ClosingItem, Theme } from '../../theme/index.js';
import { chineseDate } from '../../shared/dates.js';
import { noteMark } from '../../shared/notes.js';
import { isDivisionHeading } from '../../shared/articles.js';
import { nobrPieces, nobrSpan } from './text.js';
import { titleContent } from './title.js';
import { centredColumns, tableGrid } from '../../shared/table-grid.js';
import { inlineText } from '../../shared/inline-text.js';

/**
 * Heading level of the model → element, nested under the section (h2) and the document's title (h3); the fourth
 * level has no h7 and is a paragraph with the heading role at aria-level 7.
 */
const HEADINGS = {
  1: { tagName: 'h4', className: 'embedded-title' },
  2: { tagName: 'h5', className: 'level-1' },
  3: { tagName: 'h6', className: 'level-2' },
} as const;

/** Table cells at most this many characters long are kept on one line. */
const SHORT_CELL = 6;

/** Ids and links of one document's notes; `anchor` keeps them unique across the issue. */
export class DocumentWriter {
  constructor(
    private readonly anchor: string,
    private readonly assetPath: (name: string) => string,
    private readonly titleBreaks?: ReadonlyMap<object, readonly number[]>,
  ) {}

  noteId(number: number): string {
    return `${this.anchor}-note-${number}`;
  }

  private noteRefId(number: number): string {
    return `${this.anchor}-noteref-${number}`;
  }

  inlines(content: readonly Inline[]): ElementContent[] {
    const out: ElementContent[] = [];
    const cited = new Set<number>();
    for (const inline of content) {
      if (inline.kind === 'break') {
        out.push(h('br'));
        continue;
      }
      if (inline.kind === 'note') {
        const first = !cited.has(inline.number);
        cited.add(inline.number);
        out.push(h('sup.note-ref', h('a', { href: `#${this.noteId(inline.number)}`, ...(first ? { id: this.noteRefId(inline.number) } : {}), role: 'doc-noteref' }, noteMark(inline.number))));
        continue;
      }
      let node: ElementContent[] = inline.code ? [h('code', inline.text)] : nobrPieces(inline.text);
      if (inline.strike) node = [h('del', node)];
      if (inline.emph) node = [h('em', node)];
      if (inline.strong) node = [h('strong', node)];
      if (inline.href) node = [h('a', { href: inline.href, rel: 'noopener noreferrer' }, node)];
      out.push(...node);
    }
    return out;
  }

  blocks(blocks: readonly Block[]): ElementContent[] {
    return blocks.flatMap((block) => this.block(block));
  }

  private block(block: Block): ElementContent[] {
    switch (block.kind) {
      case 'paragraph':
        return [h(isDivisionHeading(inlineText(block.content)) ? 'p.division' : 'p', this.inlines(block.content))];
      case 'heading': {
        const content = this.inlines(block.content);
        // 第X章 and its kin are centred, as the PDF sets them.
        const division = block.level > 1 && isDivisionHeading(inlineText(block.content)) ? '.division' : '';
        if (block.level === 4) return [h(`p.level-3${division}`, { role: 'heading', ariaLevel: '7' }, content)];
        const { tagName, className } = HEADINGS[block.level];
        return [h(`${tagName}.${className}${division}`, block.level === 1 ? titleContent(content, this.titleBreaks?.get(block)) : content)];
      }
      case 'list': {
        const items = block.items.map((item, i) => {
          const marker = h('span.list-marker', block.ordered ? `${block.start + i}.` : '·');
          const [first, ...rest] = item.blocks;
          if (first?.kind === 'paragraph') return h('li', [h('p', [marker, ...this.inlines(first.content)]), ...this.blocks(rest)]);
          return h('li', [h('p', [marker]), ...this.blocks(item.blocks)]);
        });
        return [h(block.ordered ? 'ol.list' : 'ul.list', block.ordered && block.start !== 1 ? { start: block.start } : {}, items)];
      }
      case 'quote':
        return [h('blockquote', this.blocks(block.blocks))];
      case 'preformatted':
        return [h('pre', block.lines.join('\n'))];
      case 'separator':
        return [h('hr')];
      case 'table':
        return [this.table(block)];
      case 'figure': {
        const { image } = block;
        return [
          h('figure', [
            h('img', { src: this.assetPath(image.outputName), alt: block.alt, width: image.width, height: image.height, loading: 'lazy', decoding: 'async' }),
            ...(block.caption ? [h('figcaption', this.inlines(block.caption))] : []),
          ]),
        ];
      }
    }
  }

  private table(table: Table): Element {
    // Cells of the first grid column are marked (on a phone they stay in view while the table scrolls), and so
    // are those of the columns the PDF centres.
    const grid = tableGrid(table);
    const centred = centredColumns(table);
    const row = (r: number, header: boolean): Element =>
      h(
        'tr',
        grid[r]!.map(({ cell, column }) => {
          const text = cell.content.map((c) => (c.kind === 'text' ? c.text : '')).join('');
          const spans = { ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}), ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}) };
          const classes = [...([...text.trim()].length <= SHORT_CELL ? ['short'] : []), ...(column === 0 ? ['first'] : []), ...(centred[column] && cell.colSpan === 1 ? ['centred'] : [])];
          return h(header ? 'th' : 'td', { ...spans, ...(classes.length > 0 ? { className: classes } : {}), ...(header ? { scope: cell.colSpan > 1 ? 'colgroup' : 'col' } : {}) }, this.inlines(cell.content));
        }),
      );
    const head = table.rows.slice(0, table.headerRows).map((_, r) => row(r, true));
    const body = table.rows.slice(table.headerRows).map((_, r) => row(table.headerRows + r, false));
    return h('div.table-wrap', [
      h('table', [...(table.caption ? [h('caption', this.inlines(table.caption))] : []), ...(head.length > 0 ? [h('thead', head)] : []), h('tbody', body)]),
    ]);
  }

  /** The notes after the text: the HTML has no pages, so page-bottom notes and endnotes both come here. */
  notes(body: Body): Element[] {
    if (body.notes.length === 0) return [];
    return [
      h('aside.doc-notes.doc-text', { role: 'doc-endnotes', ariaLabel: '注释' }, [
        h('p.doc-notes-title', '注释：'),
        h(
          'ol.doc-notes-list',
          body.notes.map((note) => {
            const mark = h('span.note-mark', `${noteMark(note.number)}\u2002`);
            const back = h('a.note-back', { href: `#${this.noteRefId(note.number)}`, ariaLabel: '返回正文', role: 'doc-backlink' }, '↩');
            const [first, ...rest] = note.blocks;
            const lead = first?.kind === 'paragraph' ? h('p', [mark, ...this.inlines(first.content), ' ', back]) : h('p', [mark, back]);
            return h('li', { id: this.noteId(note.number) }, [lead, ...this.blocks(first?.kind === 'paragraph' ? rest : note.blocks)]);
          }),
        ),
      ]),
    ];
  }
}

/** 附件说明: 附件：1.名称 with later numbers under the first. */
function attachmentList(names: readonly string[]): Element {
  if (names.length === 1) return h('div.doc-attachments', h('p', nobrPieces(`附件：${names[0]}`)));
  return h(
    'div.doc-attachments',
    names.map((name, i) => h('p', i === 0 ? [h('span.doc-attachments-lead', '附件：'), ...nobrPieces(`${i + 1}.${name}`)] : nobrPieces(`${i + 1}.${name}`))),
  );
}

/** What follows the text, in the theme's closing order, as the PDF sets it. */
export function closing(doc: GazetteDocument, order: readonly ClosingItem[]): Element[] {
  const { meta } = doc;
  const out: Element[] = [];
  let block: Element | undefined;
  for (const item of order) {
    if (item === 'attachments' && meta.attachments.length > 0) out.push(attachmentList(meta.attachments));
    if ((item === 'signature' && meta.signature.length > 0) || (item === 'date' && meta.date)) {
      if (!block) {
        block = h('div.doc-closing', []);
        out.push(block);
      }
      if (item === 'signature') for (const signature of meta.signature) block.children.push(h('p.doc-signature', signature));
      else block.children.push(h('p.doc-closing-date', h('time', { dateTime: meta.date }, nobrSpan(chineseDate(meta.date!)))));
    }
    if (item === 'note' && meta.note) out.push(h('p.doc-note', `（${meta.note}）`));
  }
  return out;
}

/** The 版记, when the theme prints one (GB/T 9704 §7.4). */
export function record(doc: GazetteDocument, theme: Pick<Theme, 'record'>): Element[] {
  const { cc, printed } = doc.meta;
  if (!theme.record || (cc.length === 0 && !printed)) return [];
  return [
    h('footer.doc-record', [
      ...(cc.length > 0 ? [h('p.doc-record-cc', `抄送：${cc.join('，')}。`)] : []),
      ...(printed
        ? [h('p.doc-record-printed', [h('span', printed.by), h('span', [h('time', { dateTime: printed.date }, nobrSpan(chineseDate(printed.date))), '印发'])])]
        : []),
    ]),
  ];
}
