/**
 * Names in lists and 姓名 columns are aligned as print does it: a two-character name is spread over three
 * characters with an ideographic space (周　静 beside 孟庆源), and a name list sets one ideographic space
 * between the name and the post. Both editions apply this to the same model blocks, so their text agrees.
 */
import type { Block, Inline, Table, TableCell } from '../model/document.js';
import { tableGrid } from './table-grid.js';

const HAN = String.raw`\p{Script=Han}`;
/** A name (2–3 hanzi, perhaps spaced out by hand) as a whole cell. */
const NAME = new RegExp(String.raw`^${HAN}(?:[ \u3000]?${HAN}){1,2}$`, 'u');
/** A line of a name list: the name, a space, the post (马金涛 区投促办副主任, 施 彧 区市场监管局副局长). */
const NAME_LINE = new RegExp(String.raw`^(${HAN}(?:[ \u3000]?${HAN}){1,2})[ \u3000]+(\S.*)$`, 'u');
/** What reads as a name but is not: ordinals and function words (一是 加强领导, 其次 …). */
const NOT_A_NAME = /^[一二三四五六七八九十第其首再另]|[是的和及或与要]/u;
/** A run of at least this many such paragraphs is a name list (one alone is just a sentence with a space). */
const LIST_RUN = 3;
const HEADER = '姓名';

/** 周 静 → 周　静; 孟庆源 stays. */
export function alignedName(name: string): string {
  const chars = [...name.replace(/[ \u3000]/gu, '')];
  return chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : chars.join('');
}

/** The text of content that is one plain run, or undefined (marks, links or notes are left as they are). */
function plainText(content: readonly Inline[]): string | undefined {
  const [only, ...rest] = content;
  return rest.length === 0 && only?.kind === 'text' && !only.strong && !only.emph && !only.strike && !only.code && !only.href ? only.text : undefined;
}

function alignTable(table: Table): Table {
  const grid = tableGrid(table);
  const nameColumns = new Set<number>();
  for (const row of grid.slice(0, table.headerRows)) {
    for (const placed of row) if (placed.colSpan === 1 && (plainText(placed.cell.content) ?? '').replace(/\s/gu, '') === HEADER) nameColumns.add(placed.column);
  }
  if (nameColumns.size === 0) return table;
  const aligned = new Map<TableCell, TableCell>();
  for (const row of grid.slice(table.headerRows)) {
    for (const placed of row) {
      const text = plainText(placed.cell.content);
      if (!nameColumns.has(placed.column) || text === undefined || !NAME.test(text.trim())) continue;
      aligned.set(placed.cell, { ...placed.cell, content: [{ kind: 'text', text: alignedName(text.trim()) }] });
    }
  }
  return { ...table, rows: table.rows.map((row) => ({ cells: row.cells.map((cell) => aligned.get(cell) ?? cell) })) };
}

/** The blocks with their name lists and 姓名 columns aligned; everything else is returned as it was. */
export function alignNames(blocks: readonly Block[]): Block[] {
  const out: Block[] = blocks.map((block) => {
    switch (block.kind) {
      case 'table':
        return alignTable(block);
      case 'list':
        return { ...block, items: block.items.map((item) => ({ ...item, blocks: alignNames(item.blocks) })) };
      case 'quote':
        return { ...block, blocks: alignNames(block.blocks) };
      default:
        return block;
    }
  });
  const isNameLine = (block: Block | undefined): boolean => {
    const match = block?.kind === 'paragraph' ? NAME_LINE.exec(plainText(block.content) ?? '') : null;
    return match !== null && !NOT_A_NAME.test(match[1]!);
  };
  for (let i = 0; i < out.length; ) {
    let j = i;
    while (isNameLine(out[j])) j++;
    if (j - i >= LIST_RUN) {
      for (let k = i; k < j; k++) {
        const block = out[k] as Extract<Block, { kind: 'paragraph' }>;
        const [, name, post] = NAME_LINE.exec(plainText(block.content)!)!;
        out[k] = { ...block, content: [{ kind: 'text', text: `${alignedName(name!)}\u3000${post}` }] };
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
