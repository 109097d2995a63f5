/** Ordering within sections: number series, year, sequence, date, title; `order` pins; 政策解读 follow their target. */
import { describe, expect, it } from 'vitest';
import { loadGazette } from '../../src/pipeline.js';
import { baseFields, documentText, projectHost, type DocFields } from '../support/project.js';

async function orderOf(files: Record<string, DocFields>): Promise<string[][]> {
  const host = projectHost(Object.fromEntries(Object.entries(files).map(([name, fields]) => [`${name}.md`, documentText(fields)])));
  const { gazette, diagnostics } = await loadGazette(host, '2021-4');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return gazette!.sections.map((section) => section.documents.map((doc) => doc.id));
}

const gov = (number: string, extra: DocFields = {}): DocFields => ({ ...baseFields, title: `上海市长宁区人民政府关于${number}的通知`, number, ...extra });

describe('order', () => {
  it('sorts by series in registry order, then year and sequence numerically', async () => {
    expect(
      await orderOf({
        a: gov('长府〔2021〕54号'),
        b: gov('长府〔2021〕9号'),
        c: gov('长府〔2020〕60号', { date: '2020-12-30' }),
        d: gov('长府规〔2021〕1号'),
      }),
    ).toEqual([['c', 'b', 'a', 'd']]);
  });

  it('puts sections in gazette.yml order and omits empty ones', async () => {
    const office = { ...baseFields, issuer: '上海市长宁区人民政府办公室', title: '上海市长宁区人民政府办公室关于某事的通知', number: '长府办〔2021〕1号', category: '区政府办公室文件' };
    const sections = await orderOf({ z: office, y: gov('长府〔2021〕2号') });
    expect(sections).toEqual([['y'], ['z']]);
  });

  it('lets an explicit order win', async () => {
    expect(await orderOf({ a: gov('长府〔2021〕1号'), b: gov('长府〔2021〕2号'), c: gov('长府〔2021〕3号', { order: 1 }) })).toEqual([['c', 'a', 'b']]);
  });

  it('orders 政策解读 by the documents they interpret', async () => {
    const reading = (target: string): DocFields => ({ title: `《${target}》政策解读`, issuer: '上海市长宁区人民政府', category: '政策解读', interprets: target });
    const sections = await orderOf({
      late: gov('长府〔2021〕20号'),
      early: gov('长府〔2021〕3号'),
      'reading-a': reading('长府〔2021〕20号'),
      'reading-b': reading('长府〔2021〕3号'),
    });
    expect(sections).toEqual([['early', 'late'], ['reading-b', 'reading-a']]);
  });
});
