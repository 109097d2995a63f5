/**
 * A5: no 第 and no 字 after the year (发文顺序号不加“第”字): 〔1992〕字第36号, 〔2021〕第46号. A 代字 may itself end
 * in 字 (…办规字〔2023〕2号 is local practice). Orders (令) are not 发文字号 and do not come here.
 */
import { defineNumberRule } from './number-rule.js';

export const numberDiZi = defineNumberRule(
  { codes: { 'number-di-zi': 'error' }, standard: ['A5'], fixable: false, description: '发文字号年份后不加“第”“字”' },
  ({ infix }) => {
    const found = [...new Set([...infix].filter((c) => c === '第' || c === '字'))];
    return found.length > 0 ? { safe: false, args: { chars: found.join('、') } } : undefined;
  },
);
