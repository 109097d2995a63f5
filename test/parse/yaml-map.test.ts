/** YAML slips in front matter and gazette.yml, told as an editor would fix them, at the place to fix. */
import { describe, expect, it } from 'vitest';
import { describe as describeCode } from '../../src/diagnostics/codes.js';
import { LineIndex, readYamlMap } from '../../src/parse/index.js';

const problems = (text: string) =>
  readYamlMap('doc.md', text, 0, new LineIndex(text)).diagnostics.map((d) => ({ at: [d.span?.start.line, d.span?.start.column], ...describeCode(d.code, d.args, d.fix, 'zh') }));

describe('YAML syntax errors', () => {
  it.each([
    ['title: 甲\nrecipients: [各市财政局\ncategory: 乙\n', [2, 13], '['],
    ['name: [浙江\n', [1, 7], '['],
    ['title: 甲\nprinted: { by: 办公厅, date: 2024-01-05\n', [2, 10], '{'],
    ['issuer: [甲, [乙]\n', [1, 9], '['],
  ])('points an unclosed bracket in %j at where it opens', (text, at, bracket) => {
    const hint = bracket === '['
      ? '这里开始的“[”没有闭合：在同一行列表的末尾补上“]”，如 [甲, 乙]；或改为每行一项的“- 甲”'
      : '这里开始的“{”没有闭合：在同一行的末尾补上“}”，如 { by: 印发机关, date: YYYY-MM-DD }';
    expect(problems(text)).toEqual([{ at, message: 'YAML 语法错误：括号没有闭合', hint }]);
  });

  it.each([
    ['title: 甲\ncategory: 乙\ntitle: 丙\n', 'title', [3, 1]],
    ['title: 甲\n"category": 乙\n"category": 丙\n', 'category', [3, 1]],
  ])('names a key written twice in %j', (text, key, at) => {
    expect(problems(text)).toEqual([{ at, message: `YAML 语法错误：字段 ${key} 出现了两次`, hint: `删去其中一个 ${key}，保留正确的值` }]);
  });

  it('keeps the general hint for other slips', () => {
    expect(problems('title: 甲\n\tcategory: 乙\n')[0]!.hint).toBe('检查缩进、冒号后的空格和引号是否成对');
  });
});
