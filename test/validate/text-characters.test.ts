/** T29/D12 text-lookalike: radicals and ○ typed for the characters they resemble, found where they stand. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { baseFields, documentText, projectHost } from '../support/project.js';

async function lookalikes(body: string) {
  const text = documentText(baseFields, body);
  const result = await check(projectHost({ 'doc.md': text }), ['2021-4']);
  const offset = text.length - body.length;
  return result.diagnostics
    .filter((d) => d.code === 'text-lookalike')
    .map((d) => {
      const edit = d.edit as { start: number; end: number; text: string };
      return [edit.start - offset, text.slice(edit.start, edit.end), edit.text];
    });
}

describe('text-lookalike', () => {
  it.each([
    ['a CJK radical', '⻓宁区', [[0, '⻓', '长']]],
    ['a Kangxi radical, mapped by compatibility', '第⼀条', [[1, '⼀', '一']]],
    ['the last Kangxi radical', '⿕', [[0, '⿕', '龠']]],
    ['○ between numerals', '二○二一年', [[1, '○', '〇']]],
    ['○ after a numeral', '十○', [[1, '○', '〇']]],
    ['an offset past an ideograph outside the BMP', '𠀀⻓', [[2, '⻓', '长']]],
    ['several in one text', '⻓宁⻔，二○', [[0, '⻓', '长'], [2, '⻔', '门'], [5, '○', '〇']]],
  ])('reports %s', async (_, body, expected) => {
    expect(await lookalikes(body)).toEqual(expected);
  });

  it.each([
    ['○ as a mark', '○ 选项一'],
    ['○ beside other characters', '甲○乙'],
    ['the ideographs themselves', '长宁区一〇'],
    ['a character just past the Kangxi block', '\u2fd6'],
  ])('leaves %s alone', async (_, body) => {
    expect(await lookalikes(body)).toEqual([]);
  });
});
