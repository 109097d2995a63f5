import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../../src/model/document.js';
import { alignedName, alignNames } from '../../src/shared/names.js';

const p = (text: string): Block => ({ kind: 'paragraph', content: [{ kind: 'text', text }] });
const texts = (blocks: readonly Block[]): string[] => blocks.map((b) => (b.kind === 'paragraph' && b.content[0]?.kind === 'text' ? b.content[0].text : b.kind));
const cell = (text: string) => ({ content: [{ kind: 'text' as const, text }], colSpan: 1, rowSpan: 1 });
const table = (header: string[], rows: string[][]): Table => ({
  kind: 'table',
  rows: [{ cells: header.map(cell) }, ...rows.map((r) => ({ cells: r.map(cell) }))],
  headerRows: 1,
  columns: header.length,
  align: header.map(() => undefined),
});

describe('alignedName', () => {
  it.each([
    ['周静', '周\u3000静'],
    ['周 静', '周\u3000静'],
    ['施\u3000彧', '施\u3000彧'],
    ['孟庆源', '孟庆源'],
    ['欧阳 修', '欧阳修'],
  ])('%s → %s', (name, aligned) => expect(alignedName(name)).toBe(aligned));
});

describe('alignNames', () => {
  it('aligns a list of three or more name lines, name and post apart by one ideographic space', () => {
    const out = alignNames([p('成员（按姓氏笔画为序）：'), p('马金涛 区投促办副主任'), p('陈崎 区绿化市容局三级调研员'), p('施 彧 区市场监管局副局长'), p('今后，联席会议成员如需调整，由接任领导替补。')]);
    expect(texts(out)).toEqual(['成员（按姓氏笔画为序）：', '马金涛\u3000区投促办副主任', '陈\u3000崎\u3000区绿化市容局三级调研员', '施\u3000彧\u3000区市场监管局副局长', '今后，联席会议成员如需调整，由接任领导替补。']);
  });

  it.each([
    ['two lines are no list', [p('马金涛 区投促办副主任'), p('陈崎 区绿化市容局三级调研员')]],
    ['a label before the name is no list line', [p('召集人：杨元飞 区委常委'), p('第一召集人：倪佳慧 区市场监管局局长'), p('副召集人：谢仁绍 区发展改革委副主任')]],
    ['sentences with spaces are no list', [p('一是 加强领导'), p('二是 完善制度建设'), p('三是 落实责任分工')]],
  ])('leaves text alone when %s', (_case, blocks) => {
    expect(alignNames(blocks)).toEqual(blocks);
  });

  it('aligns the 姓名 column of a table and nothing else in it', () => {
    const [out] = alignNames([table(['姓名', '任命职务'], [['庄 瑛', '长宁区生态环境局副局长'], ['孟庆源', '长宁区行政学院副院长'], ['王骋', '王 骋同志']])]);
    const rows = (out as Table).rows.map((r) => r.cells.map((c) => (c.content[0]?.kind === 'text' ? c.content[0].text : '')));
    expect(rows).toEqual([['姓名', '任命职务'], ['庄\u3000瑛', '长宁区生态环境局副局长'], ['孟庆源', '长宁区行政学院副院长'], ['王\u3000骋', '王 骋同志']]);
  });

  it('leaves tables without a 姓名 column and marked names as they are', () => {
    const plain = table(['序号', '项目'], [['1', '周 静']]);
    expect(alignNames([plain])).toEqual([plain]);
    const marked: Block = { kind: 'paragraph', content: [{ kind: 'text', text: '马金涛 区投促办副主任', strong: true }] };
    expect(alignNames([marked, marked, marked])).toEqual([marked, marked, marked]);
  });
});
