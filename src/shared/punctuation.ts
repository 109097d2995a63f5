/**
 * ASCII , : ; ( ) typed in Chinese text, where GB/T 15834 wants the full-width marks (standards D11): found the same
 * way by `check` (the punctuation-halfwidth rule) and by `gazette import`, which corrects them.
 */
import { isLowSurrogate } from './unicode.js';

/** One ASCII mark to replace: its index in the text and the full-width form. */
export interface HalfwidthMark {
  index: number;
  char: string;
  fullwidth: string;
}

/** Separates pieces of text that are not neighbours (inline code, a line break): no mark is judged across it. */
export const BOUNDARY = '\u0000';

const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };
/** Any of the ASCII marks `halfwidthMarks` may report: a text without one has nothing to judge. */
export const HALFWIDTH_MARK = new RegExp(`[${Object.keys(FULLWIDTH).join('')}]`);

/** Han characters and Chinese punctuation (、。《》“” …, the full-width forms); not ASCII letters or digits. */
const CHINESE = /[\p{Script=Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018-\u201d\u2026]/u;
const SPACE = /[ \t\n\u00a0\u3000]/u;
const DIGIT = /[0-9]/;

/**
 * The nearest character before (step −1) or after (step +1) `index`, skipping spaces; '' at the edge. A whole code
 * point: half of an ideograph outside the BMP is no Han character.
 */
function neighbour(text: string, index: number, step: 1 | -1): string {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    if (SPACE.test(text[i]!)) continue;
    const start = step === -1 && i > 0 && isLowSurrogate(text.charCodeAt(i)) ? i - 1 : i;
    return String.fromCodePoint(text.codePointAt(start)!);
  }
  return '';
}

const chinese = (char: string): boolean => char !== '' && CHINESE.test(char);

/**
 * The ASCII marks of `text` that stand in Chinese text. A pair of round brackets counts when it encloses Chinese
 * text or follows it (传统医药(1项) · 第(2)款 · (1) 《…》 at the start), not in Latin text (f(x) · C(x) 编写); an
 * unmatched bracket is left alone. A comma, colon or semicolon counts when one neighbour is Chinese (a bracket just
 * found counts) and the other Chinese, a digit or the end (经研究,同意 · 电话:12345 · 如下:), never between digits
 * (3,500 · 10:30) or next to Latin letters (Hello, 世界 · https://).
 */
export function halfwidthMarks(text: string): HalfwidthMark[] {
  const marks: HalfwidthMark[] = [];
  const openers: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '(' || char === '（') openers.push(i);
    else if (char === BOUNDARY) openers.length = 0;
    else if (char === ')' || char === '）') {
      const open = openers.pop();
      if (open === undefined || (text[open] === '（' && char === '）')) continue;
      const before = neighbour(text, open, -1);
      if (!CHINESE.test(text.slice(open + 1, i)) && !chinese(before) && !(before === '' && chinese(neighbour(text, i, 1)))) continue;
      if (text[open] === '(') marks.push({ index: open, char: '(', fullwidth: '（' });
      if (char === ')') marks.push({ index: i, char: ')', fullwidth: '）' });
    }
  }
  // Neighbours are judged with those brackets already full-width: 回收箱),逐步 has a comma after Chinese text.
  // Indices are UTF-16 offsets, so the text is cut into code units, not characters (an ideograph outside the BMP
  // is two of them).
  let fixed = text;
  if (marks.length > 0) {
    const units = text.split('');
    for (const mark of marks) units[mark.index] = mark.fullwidth;
    fixed = units.join('');
  }
  // The other side may also be a digit, or the edge of the text (组成人员如下:).
  const fits = (c: string): boolean => c === '' || chinese(c) || DIGIT.test(c);
  for (let i = 0; i < fixed.length; i++) {
    const char = fixed[i]!;
    if (char !== ',' && char !== ':' && char !== ';') continue;
    const before = neighbour(fixed, i, -1);
    const after = neighbour(fixed, i, 1);
    if ((chinese(before) && fits(after)) || (chinese(after) && fits(before))) marks.push({ index: i, char, fullwidth: FULLWIDTH[char]! });
  }
  return marks.sort((a, b) => a.index - b.index);
}
