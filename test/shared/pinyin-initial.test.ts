import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pinyinInitial } from '../../src/shared/pinyin.js';

/** The rule stated independently: the GBK code of a level-1 hanzi (iconv-lite's encoder) picks the initial. */
const STARTS: ReadonlyArray<readonly [number, string]> = [
  [0xb0a1, 'a'], [0xb0c5, 'b'], [0xb2c1, 'c'], [0xb4ee, 'd'], [0xb6ea, 'e'], [0xb7a2, 'f'],
  [0xb8c1, 'g'], [0xb9fe, 'h'], [0xbbf7, 'j'], [0xbfa6, 'k'], [0xc0ac, 'l'], [0xc2e8, 'm'],
  [0xc4c3, 'n'], [0xc5b6, 'o'], [0xc5be, 'p'], [0xc6da, 'q'], [0xc8bb, 'r'], [0xc8f6, 's'],
  [0xcbfa, 't'], [0xcdda, 'w'], [0xcef4, 'x'], [0xd1b9, 'y'], [0xd4d1, 'z'],
];
function expected(char: string): string | undefined {
  const bytes = iconv.encode(char, 'gb2312');
  if (bytes.length !== 2) return undefined;
  const code = (bytes[0]! << 8) | bytes[1]!;
  if (code < 0xb0a1 || code > 0xd7f9) return undefined;
  return STARTS.filter(([start]) => code >= start).at(-1)?.[1];
}

describe('pinyinInitial', () => {
  it('agrees with the GBK encoder for every BMP character and some beyond', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x20100; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (pinyinInitial(char) !== expected(char)) wrong.push(`U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the initials of the first and last level-1 hanzi and none for level 2 or Latin', () => {
    expect(pinyinInitial('啊')).toBe('a');
    expect(pinyinInitial('座')).toBe('z');
    expect(pinyinInitial('亍')).toBeUndefined();
    expect(pinyinInitial('A')).toBeUndefined();
  });
});
