/** D11 punctuation-halfwidth: ASCII , : ; ( ) in the Chinese text of a body, found where they are and fixed safely. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { halfwidthMarks } from '../../src/shared/punctuation.js';
import { baseFields, documentText, projectHost } from '../support/project.js';
import { runCli, tempProject } from '../support/cli.js';

async function reported(body: string) {
  const result = await check(projectHost({ 'doc.md': documentText(baseFields, body) }), ['2021-4']);
  return result.diagnostics.filter((d) => d.code === 'punctuation-halfwidth');
}

/** The body with every reported mark replaced by its edit. */
async function fixedBody(body: string): Promise<string> {
  const text = documentText(baseFields, body);
  const edits = (await reported(body)).map((d) => d.edit as { start: number; end: number; text: string }).sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out.slice(text.length - body.length);
}

describe('punctuation-halfwidth', () => {
  it.each([
    ['经研究,同意。', '经研究，同意。'],
    ['组成人员如下:', '组成人员如下：'],
    ['一是建设;二是管理。', '一是建设；二是管理。'],
    ['传统医药(1项)', '传统医药（1项）'],
    ['(共计4项)', '（共计4项）'],
    ['(1) 《中华人民共和国环境保护法》', '（1） 《中华人民共和国环境保护法》'],
    ['(即专用回收箱),逐步实现', '（即专用回收箱），逐步实现'],
    ['（2021年12月14日)', '（2021年12月14日）'],
    ['2021年,3月', '2021年，3月'],
    ['电话:12345678', '电话：12345678'],
    ['“跑冒滴漏”,着力推进', '“跑冒滴漏”，着力推进'],
    ['**加粗**,其后', '**加粗**，其后'],
    ['| 序号 | 内容 |\n| --- | --- |\n| 1 | 设施布点,提高 |', '| 序号 | 内容 |\n| --- | --- |\n| 1 | 设施布点，提高 |'],
    ['### 一、总体要求(试行)', '### 一、总体要求（试行）'],
    ['- 第一,第二', '- 第一，第二'],
  ])('%j → %j', async (body, expected) => {
    expect(await fixedBody(body)).toBe(expected);
  });

  it.each([
    ['Latin text', 'Hello, world (again); see: below'],
    ['Latin beside Han', '使用 Python, Java 和 C(x) 编写'],
    ['a URL', '网址 https://www.shcn.gov.cn/a(b) 可查'],
    ['decimals and thousands', '共3,500人，增长1.5%'],
    ['times', '上午9:30至11:00'],
    ['inline code', '运行 `gazette check,fix` 即可'],
    ['an escaped bracket', '见\\(甲)'],
    ['a code block', '```\n甲,乙\n```'],
    ['an unmatched bracket', '甲乙(丙'],
    ['full-width marks', '经研究，同意（试行）：如下；'],
    ['character references', '甲&#x4E00;乙&#20108;丙&amp;丁'],
  ])('leaves %s alone', async (_, body) => {
    expect(await reported(body)).toEqual([]);
  });

  it('points at the character, says what to write, and is a warning', async () => {
    const [d] = await reported('第一段。\n\n经研究,同意。\n');
    expect(d).toMatchObject({
      severity: 'warning',
      span: { file: 'documents/2021-4/doc.md', start: { line: 10, column: 4 }, end: { line: 10, column: 5 } },
      args: { char: ',', fullwidth: '，', context: '经研究,同意。' },
      fix: '经研究，同意。',
    });
  });

  it('finds marks in a string as the importer sees it, not across a boundary', () => {
    expect(halfwidthMarks('甲,乙(丙)').map((m) => [m.index, m.fullwidth])).toEqual([[1, '，'], [3, '（'], [5, '）']]);
    expect(halfwidthMarks('甲\u0000,乙')).toEqual([]);
    expect(halfwidthMarks('(甲\u0000)')).toEqual([]);
  });

  it('counts offsets in UTF-16 units past an ideograph outside the BMP', () => {
    // 𠀀 is two code units: the comma after the brackets is still judged beside the full-width ）.
    expect(halfwidthMarks('𠀀(中文),经研究').map((m) => [m.index, m.fullwidth])).toEqual([[2, '（'], [5, '）'], [6, '，']]);
  });

  it.each([
    ['𠀀,经研究', [[2, '，']]],
    ['经研究,𠀀', [[3, '，']]],
    ['𠀀(1)', [[2, '（'], [4, '）']]],
    ['甲 𠀀 :12', [[5, '：']]],
  ])('judges an ideograph outside the BMP beside a mark as Han: %j', (text, expected) => {
    expect(halfwidthMarks(text).map((m) => [m.index, m.fullwidth])).toEqual(expected);
  });

  it('is fixed by gazette check --fix, which names each change', () => {
    const root = tempProject({ 'documents/2021-4/a.md': documentText(baseFields, '经研究,同意(试行)。\n') });
    const before = runCli(['check'], root);
    expect(before.stdout).toContain('中文文字中用了半角“,”，应为全角“，”');
    expect(before.code).toBe(0);
    const fixed = runCli(['check', '--fix'], root);
    expect(fixed.stdout).toMatch(/修正 documents\/2021-4\/a\.md:8:4 {2}, → ，/);
    expect(fixed.stdout).toContain('未发现问题');
    expect(readFileSync(join(root, 'documents/2021-4/a.md'), 'utf8')).toBe(documentText(baseFields, '经研究，同意（试行）。\n'));
  });
});
