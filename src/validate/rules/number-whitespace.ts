/** A7: no whitespace anywhere in the number (ASCII space, U+3000, NBSP, tab). */
import { defineNumberRule } from './number-rule.js';

export const numberWhitespace = defineNumberRule(
  { codes: { 'number-whitespace': 'error' }, standard: ['A7'], fixable: true, description: '发文字号中不得有空格' },
  ({ raw }) => (/\s/u.test(raw) ? { safe: true } : undefined),
);
