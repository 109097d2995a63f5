/** Issue and section labels from gazette.yml templates, and the Chinese numerals they may use. */
import { describe, expect, it } from 'vitest';
import { countInChinese, issueLabel, issueTitle, sectionLabel, totalLabel, yearInChinese } from '../../src/shared/labels.js';
import { makePublication } from '../write-html/fixture.js';

const issue = { id: '2023-12', year: 2023, number: 12, total: 1805, published: '2023-12-30' };

describe('labels', () => {
  it.each([
    [1, '一'], [4, '四'], [10, '十'], [12, '十二'], [20, '二十'], [36, '三十六'], [100, '一百'], [105, '一百零五'], [1805, '一千八百零五'],
  ])('counts %i as %s', (n, text) => expect(countInChinese(n)).toBe(text));

  it('writes years digit by digit with 〇', () => expect(yearInChinese(2001)).toBe('二〇〇一'));

  it('fills the gazette’s own templates', () => {
    const labels = { issue: '{yearCn}年第{numberCn}期', total: '总号：{total}', section: '{name}' };
    expect(issueLabel(labels, issue)).toBe('二〇二三年第十二期');
    expect(totalLabel(labels, issue)).toBe('（总号：1805）');
    expect(sectionLabel(labels, '国务院文件')).toBe('国务院文件');
    expect(issueTitle(makePublication({ name: '某公报', labels }), issue)).toBe('某公报 二〇二三年第十二期（总号：1805）');
  });
});
