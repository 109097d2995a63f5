/** Every code a rule can emit has a message in both languages; rules declare the standards they implement. */
import { describe, expect, it } from 'vitest';
import { catalogue, describe as describeCode } from '../../src/diagnostics/codes.js';
import { rules } from '../../src/validate/index.js';

describe('message catalogue', () => {
  const codes = Object.values(rules).flatMap((rule) => Object.keys(rule.meta.codes));
  it.each(codes)('%s has Chinese and English text', (code) => {
    expect(catalogue[code]?.zh.message).toBeTruthy();
    expect(catalogue[code]?.en.message).toBeTruthy();
  });
  it('chooses the first alternative whose placeholders are known', () => {
    expect(describeCode('date-invalid', { date: '2021-02-30', year: 2021, month: 2, days: 28 }, undefined, 'zh').message).toBe('成文日期“2021-02-30”不存在：2021年2月只有28天');
    expect(describeCode('date-invalid', { date: '2021-13-01' }, undefined, 'zh').message).toBe('成文日期“2021-13-01”不是 YYYY-MM-DD 格式的真实日期');
    expect(describeCode('category-unknown', { category: 'x', sections: 'A、B' }, undefined, 'en').hint).toBe('sections: A, B; or add it to sections in gazette.yml');
  });
});
