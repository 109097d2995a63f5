/** ASCII names from Chinese: pinyin initials of common hanzi and the slug of a 发文字号 (长府〔2021〕46号 → cf-2021-46), for HTML anchors and the files `gazette import` writes. */
import { numberKey } from './number.js';

/**
 * GB2312 level-1 hanzi are sorted by pinyin, so the code of a character tells its initial letter.
 * Each entry is the first code of a letter's range; the table ends at the last level-1 code.
 */
const INITIAL_STARTS: ReadonlyArray<readonly [number, string]> = [
  [0xb0a1, 'a'], [0xb0c5, 'b'], [0xb2c1, 'c'], [0xb4ee, 'd'], [0xb6ea, 'e'], [0xb7a2, 'f'],
  [0xb8c1, 'g'], [0xb9fe, 'h'], [0xbbf7, 'j'], [0xbfa6, 'k'], [0xc0ac, 'l'], [0xc2e8, 'm'],
  [0xc4c3, 'n'], [0xc5b6, 'o'], [0xc5be, 'p'], [0xc6da, 'q'], [0xc8bb, 'r'], [0xc8f6, 's'],
  [0xcbfa, 't'], [0xcdda, 'w'], [0xcef4, 'x'], [0xd1b9, 'y'], [0xd4d1, 'z'],
];
const LEVEL1_END = 0xd7f9;

/**
 * The characters of every GBK double-byte code whose lead byte is one of GB2312 level 1 (0xB0–0xD7), in code
 * order (190 trail bytes per lead: 0x40–0xFE without 0x7F). Decoded natively on first use, which costs far
 * less than loading an encoder's tables.
 */
let level1Rows: string | undefined;
const TRAILS = 0xfe - 0x40;

function gbkCode(char: string): number | undefined {
  if (level1Rows === undefined) {
    const bytes: number[] = [];
    for (let lead = 0xb0; lead <= 0xd7; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) bytes.push(lead, trail);
    }
    level1Rows = new TextDecoder('gbk').decode(Uint8Array.from(bytes));
  }
  // GBK decodes to the BMP only: one UTF-16 unit per code.
  const at = char.length === 1 ? level1Rows.indexOf(char) : -1;
  if (at < 0) return undefined;
  const trail = 0x40 + (at % TRAILS);
  return ((0xb0 + Math.floor(at / TRAILS)) << 8) | (trail >= 0x7f ? trail + 1 : trail);
}

/** Pinyin initial of a common hanzi, or undefined when it is outside GB2312 level 1. */
export function pinyinInitial(char: string): string | undefined {
  const code = gbkCode(char);
  if (code === undefined || code < INITIAL_STARTS[0]![0] || code > LEVEL1_END) return undefined;
  let letter: string | undefined;
  for (const [start, initial] of INITIAL_STARTS) {
    if (code >= start) letter = initial;
    else break;
  }
  return letter;
}

/** ASCII slug of a 发文字号, or undefined when the number does not have the standard shape. */
export function numberSlug(number: string): string | undefined {
  const key = numberKey(number.trim());
  if (!key) return undefined;
  let initials = '';
  for (const char of key.code) {
    const initial = pinyinInitial(char);
    if (!initial) return undefined;
    initials += initial;
  }
  return `${initials}-${key.year}-${key.sequence}`;
}
