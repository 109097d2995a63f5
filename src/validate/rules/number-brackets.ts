/** A2: the year is enclosed in 六角括号 〔〕 (U+3014/U+3015), not look-alikes such as [] 【】 () ﹝﹞. */
import { defineNumberRule } from './number-rule.js';

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const numberBrackets = defineNumberRule(
  { codes: { 'number-brackets': 'error' }, standard: ['A2'], fixable: true, description: '年份须用六角括号〔〕' },
  ({ open, close }) => {
    if (open === '〔' && close === '〕') return undefined;
    const wrong = [open, close].filter((c, i) => c !== '〔〕'[i]);
    return { safe: true, args: { char: wrong.join(' '), codepoint: wrong.map(codePoint).join(' ') } };
  },
);
