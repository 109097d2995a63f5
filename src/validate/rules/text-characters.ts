/**
 * Characters that look right and print wrong: invisible ones (zero-width spaces and joiners, a BOM inside the
 * text, variation selectors, bidi controls, control characters), which both editions drop, and look-alikes (⻓ for
 * 长, a Kangxi radical for its ideograph, ○ for the numeral 〇 between Chinese numerals). Each has a safe fix.
 */
import type { Rule } from '../rule.js';
import { LineIndex } from '../../parse/index.js';
import { INVISIBLE, LOOKALIKE, lookalikeOf } from '../../shared/unicode.js';

/** Enough to see the pattern; a file pasted full of them needs one clean-up, not a thousand lines. */
const MAX_REPORTS = 50;
const NUMERAL = '〇一二三四五六七八九十';
/** ○ (a look-alike only between numerals) and the characters `lookalikeOf` maps. */
const CANDIDATE = new RegExp(`○|${LOOKALIKE.source}`, 'gu');

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const textCharacters: Rule = {
  meta: {
    codes: { 'text-invisible': 'warning', 'text-lookalike': 'warning' },
    standard: ['T29', 'D12'],
    fixable: true,
    description: '不含不可见字符和形近字符',
  },
  scope: 'document',
  check({ doc, report }) {
    const { text, path } = doc.parsed.file;
    // A date's ○ is the date rule's (its fix rewrites the whole date).
    const date = doc.parsed.fields.get('date')?.span;
    const inDate = (offset: number): boolean => date?.start.offset !== undefined && date.end?.offset !== undefined && offset >= date.start.offset && offset < date.end.offset;
    let lines: LineIndex | undefined;
    let reported = 0;
    const at = (start: number, end: number) => {
      lines ??= new LineIndex(text);
      return { file: path, start: lines.point(start), end: lines.point(end) };
    };
    for (const match of text.matchAll(INVISIBLE)) {
      if (reported++ >= MAX_REPORTS) return;
      const start = match.index;
      const end = start + match[0].length;
      report({ code: 'text-invisible', span: at(start, end), args: { codePoint: codePoint(match[0]) }, edit: { kind: 'replace', start, end, text: '' } });
    }
    for (const match of text.matchAll(CANDIDATE)) {
      const char = match[0];
      const i = match.index;
      const numeral = char === '○' && !inDate(i) && (NUMERAL.includes(text[i - 1] ?? '') || NUMERAL.includes(text[i + 1] ?? ''));
      const fix = char === '○' ? (numeral ? '〇' : undefined) : lookalikeOf(char);
      if (fix === undefined) continue;
      if (reported++ >= MAX_REPORTS) return;
      report({ code: 'text-lookalike', span: at(i, i + char.length), args: { char, codePoint: codePoint(char), fix }, fix, edit: { kind: 'replace', start: i, end: i + char.length, text: fix } });
    }
  },
};
