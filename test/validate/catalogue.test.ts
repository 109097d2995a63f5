/** Every code a rule can emit has a message in both languages; rules declare the standards they implement. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.js';
import { catalogue, describe as describeCode } from '../../src/diagnostics/codes.js';
import { rules } from '../../src/validate/index.js';

describe('message catalogue', () => {
  const codes = Object.values(rules).flatMap((rule) => Object.keys(rule.meta.codes));
  it.each(codes)('%s has Chinese and English text', (code) => {
    expect(catalogue[code]?.zh.message).toBeTruthy();
    expect(catalogue[code]?.en.message).toBeTruthy();
  });
  it('covers every code the source emits anywhere (layout, fonts, themes, setup)', () => {
    const files = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const emitted = new Set(files.flatMap((f) => [...readFileSync(join(projectRoot, 'src', f), 'utf8').matchAll(/code: '([a-z0-9-]+)'/g)].map((m) => m[1]!)));
    expect(emitted.size).toBeGreaterThan(40);
    expect([...emitted].filter((code) => !catalogue[code])).toEqual([]);
  });

  it('chooses the first alternative whose placeholders are known', () => {
    expect(describeCode('date-invalid', { date: '2021-02-30', year: 2021, month: 2, days: 28 }, undefined, 'zh').message).toBe('成文日期“2021-02-30”不存在：2021年2月只有28天');
    expect(describeCode('date-invalid', { date: '2021-13-01' }, undefined, 'zh').message).toBe('成文日期“2021-13-01”不是真实存在的日期');
    expect(describeCode('category-unknown', { category: 'x', sections: 'A、B' }, undefined, 'en').hint).toBe('sections: A, B; or add it to sections in gazette.yml');
  });
});
