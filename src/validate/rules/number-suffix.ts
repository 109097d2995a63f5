/** A6: the number ends with a single 号 after the sequence. */
import { defineNumberRule } from './number-rule.js';

export const numberSuffix = defineNumberRule(
  { codes: { 'number-suffix': 'error' }, standard: ['A6'], fixable: false, description: '发文字号以一个“号”字结尾' },
  ({ suffix }) => (suffix === '号' ? undefined : { safe: false, args: suffix ? { suffix } : ({} as Record<string, string>) }),
);
