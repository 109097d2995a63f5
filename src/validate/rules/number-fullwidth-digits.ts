/** A8: digits are ASCII (half-width), not ０–９. */
import { defineNumberRule } from './number-rule.js';

export const numberFullwidthDigits = defineNumberRule(
  { codes: { 'number-fullwidth-digits': 'warning' }, standard: ['A8'], fixable: true, description: '发文字号使用半角阿拉伯数字' },
  ({ raw }) => (/[０-９]/.test(raw) ? { safe: true } : undefined),
);
