/** Table layout on its own: which slots keep together, which tables share widths, and odd grids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.js';
import type { Table, TableCell } from '../../src/model/document.js';
import type { TableBlock } from '../../src/paginate/blocks.js';
import type { RowContext } from '../../src/paginate/rows.js';
import { tableLayout, tablesTooWide } from '../../src/paginate/table.js';
import { readHtmlTable } from '../../src/read/html-table.js';
import { htmlTableParser } from '../../src/parse/index.js';
import { parseTheme } from '../../src/theme/index.js';
import { nodeHost, ROOT } from '../support/load-gazette.js';

const theme = parseTheme([{ text: readFileSync(join(ROOT, 'templates/default/theme.yml'), 'utf8'), path: 'templates/default/theme.yml' }]).value!;
const fonts = loadFonts(theme, nodeHost()).value;
const ctx: RowContext = { theme, fonts, left: theme.page.margins.left, width: theme.page.width - theme.page.margins.left - theme.page.margins.right };
const parseTable = await htmlTableParser();
const PAGE = theme.page.height - theme.page.margins.top - theme.page.margins.bottom;

const cell = (text: string): TableCell => ({ content: text === '' ? [] : [{ kind: 'text', text }], colSpan: 1, rowSpan: 1 });
const table = (rows: string[][], headerRows = 0): Table => ({ kind: 'table', rows: rows.map((r) => ({ cells: r.map(cell) })), headerRows, columns: rows[0]!.length, align: rows[0]!.map(() => undefined) });
const block = (t: Table): TableBlock => ({ kind: 'table', table: t, spaceBefore: 0.5 });
/** The x of every vertical rule on the first slot: the column edges. */
const edges = (rows: ReturnType<ReturnType<typeof tableLayout>>): number[] =>
  [...new Set(rows[0]!.boxes(0).flatMap((b) => (b.kind === 'rule' && b.x1 === b.x2 ? [Math.round(b.x1)] : [])))].sort((a, b) => a - b);

describe('width no line needs', () => {
  it('goes to the columns as their text is long: names stay narrow beside the duties', () => {
    const t = block(table([['姓名', '任免职务'], ['张三', '任命为某区人民政府办公室副主任'], ['李四', '免去某街道办事处主任职务']], 1));
    const [left, middle, right] = edges(tableLayout(ctx, [t], PAGE)(t));
    expect((middle! - left!) / (right! - left!)).toBeLessThan(0.3);
  });
});

describe('tables too wide for the type area', () => {
  const wide = (columns: number, figure: string) => block(table([Array.from({ length: columns }, (_, c) => `指标${c + 1}`), Array.from({ length: columns }, () => figure)], 1));

  it('names a table whose widest figures cannot all fit, and not one whose can', () => {
    const fourteen = wide(14, '1234567');
    const six = wide(6, '1234567');
    expect(tablesTooWide(ctx, [six, fourteen])).toEqual([fourteen]);
    // Its figures do break: some column is narrower than 1234567 set whole.
    const figure = (fonts.get(theme.styles.table.font).measure('1234567').width * theme.styles.table.size) / 1000;
    const columns = edges(tableLayout(ctx, [fourteen], PAGE)(fourteen));
    expect(Math.min(...columns.slice(1).map((x, i) => x - columns[i]!))).toBeLessThan(figure);
  });

  it('judges tables of one header together, as they share their widths', () => {
    const header = Array.from({ length: 10 }, (_, c) => `指标${c + 1}`);
    const part = (wide: number) => block(table([header, header.map((_, c) => (c === wide ? '1234567890123456' : '12'))], 1));
    // Each alone fits; together every column must hold some table's widest figure.
    const parts = Array.from({ length: 10 }, (_, c) => part(c));
    expect(tablesTooWide(ctx, [parts[0]!])).toEqual([]);
    expect(tablesTooWide(ctx, parts)).toEqual(parts);
  });
});

describe('table rows', () => {
  it('moves a short row whole, and breaks a tall one only with three lines or more on each side', () => {
    const tall = '公'.repeat(40 * 30);
    const t = block(table([['序号', '内容'], ['1', tall], ['2', '短']], 1));
    const rows = tableLayout(ctx, [t], PAGE)(t);
    const keeps = rows.map((r) => r.keepWithNext);
    // Header slot, then the tall row's slots, then the short row's one slot.
    const tallSlots = rows.length - 2;
    expect(tallSlots * theme.styles.table.leading).toBeGreaterThan(PAGE / 4);
    expect(keeps[0]).toBe(true);
    const own = keeps.slice(1, 1 + tallSlots);
    expect(own.slice(0, 2)).toEqual([true, true]);
    expect(own.slice(-3)).toEqual([true, true, false]);
    expect(own.slice(2, -3).every((k) => !k)).toBe(true);
    expect(keeps.at(-1)).toBe(false);
  });

  it('gives tables of one header the same widths, and header-less tables their own', () => {
    const narrowFirst = table([['甲', '这一列的文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长']]);
    const wideFirst = table([['这一列的文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长', '乙']]);
    const [first, second] = [block(narrowFirst), block(wideFirst)];
    const layout = tableLayout(ctx, [first, second], PAGE);
    const [a, b] = [edges(layout(first)), edges(layout(second))];
    expect(a[1]! - a[0]!).toBeLessThan(b[1]! - b[0]!);
    const headed = (body: string) => table([['姓名', '职务'], ['张三', body]], 1);
    const one = block(headed('局长'));
    const two = block(headed('长宁区养老服务发展中心主任（管理岗位六级职员，相当副处级）'));
    const shared = tableLayout(ctx, [one, two], PAGE);
    expect(edges(shared(one))).toEqual(edges(shared(two)));
  });

  it('sets a table of more columns than fit their padding without running off the measure', () => {
    const wide = block(table([Array.from({ length: 80 }, (_, i) => String(i))]));
    const xs = edges(tableLayout(ctx, [wide], PAGE)(wide));
    expect(xs.at(-1)! - xs[0]!).toBeLessThanOrEqual(Math.round(ctx.width) + 1);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!)).toBe(true);
  });
});

describe('HTML tables read', () => {
  it('clamps a column span that runs past the widest row', () => {
    const t = readHtmlTable(parseTable('<table><tr><td colspan="30">甲</td></tr><tr><td>一</td><td>二</td></tr></table>')!.table, undefined)!;
    expect(t.columns).toBe(2);
    expect(t.rows[0]!.cells[0]!.colSpan).toBe(2);
  });

  it('joins hanzi across a line break and drops the white space around paragraphs in a cell', () => {
    const t = readHtmlTable(parseTable('<table><tr><td>上海市\n长宁区</td><td>\n<p>一</p>\n<p>二</p>\n</td><td>x<br>\ny</td></tr></table>')!.table, undefined)!;
    const cells = t.rows[0]!.cells.map((c) => c.content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '|' : '')).join(''));
    expect(cells).toEqual(['上海市长宁区', '一|二', 'x|y']);
  });
});
