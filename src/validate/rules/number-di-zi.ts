/** A5: no 第 and no 字 in the number (发文顺序号不加“第”字). Orders (令) are not 发文字号 and do not come here. */
import { defineNumberRule } from './number-rule.js';

export const numberDiZi = defineNumberRule(
  { codes: { 'number-di-zi': 'error' }, standard: ['A5'], fixable: false, description: '发文字号不加“第”“字”' },
  ({ code, infix }) => {
    const found = [...new Set([...(code.endsWith('字') ? ['字'] : []), ...[...infix].filter((c) => c === '第' || c === '字')])];
    return found.length > 0 ? { safe: false, args: { chars: found.join('、') } } : undefined;
  },
);
