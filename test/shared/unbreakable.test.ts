/** Unbreakable runs (T22): the fast search finds exactly what the pattern finds when tried at every offset. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNBREAKABLE, unbreakableRuns } from '../../src/shared/unbreakable.js';

const everywhere = (text: string): [number, number][] => [...text.matchAll(UNBREAKABLE)].map((m) => [m.index, m.index + m[0].length]);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces of every alternative, and ideographs outside the BMP to shift offsets by two units.
const ALPHABET = ['长', '府', '𠀀', '𪚥', 'A', 'b', '〔', '〕', '(', '）', '[', '］', '2', '0', '1', '9', '年', '月', '日', '号', '—', '–', '-', '~', '～', '.', ',', '%', '‰', '第', '平方米', '万元', ' ', '…', '，'];

describe('unbreakableRuns', () => {
  it.each([
    ['长府〔2021〕46号', [[0, 11]]],
    ['于2021年12月31日前', [[1, 12]]],
    ['𠀀𠀀𠀀𠀀〔2021〕1号', [[0, 16]]],
    ['五个𠀀𠀀𠀀𠀀府〔2021〕1号', [[4, 19]]],
    ['增长46%，共3项', [[2, 5], [7, 9]]],
    ['——和……', [[0, 2], [3, 5]]],
    ['没有数字的句子', []],
  ])('%j', (text, expected) => {
    expect(unbreakableRuns(text)).toEqual(expected);
    expect(everywhere(text)).toEqual(expected);
  });

  it('agrees with the pattern on random texts', () => {
    const next = random(20211231);
    for (let round = 0; round < 5000; round++) {
      const length = Math.floor(next() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(unbreakableRuns(text), text).toEqual(everywhere(text));
    }
  });

  it('agrees with the pattern on every bundled document', () => {
    const folder = join(import.meta.dirname, '../../documents/2021-4');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(unbreakableRuns(text), name).toEqual(everywhere(text));
    }
  });
});
