/** A4: no leading zero in the sequence (不编虚位: 1 不编为 01). */
import { defineNumberRule } from './number-rule.js';

export const numberLeadingZero = defineNumberRule(
  { codes: { 'number-leading-zero': 'error' }, standard: ['A4'], fixable: true, description: '发文顺序号不编虚位' },
  ({ sequence }) => (sequence.length > 1 && /^[0０]/.test(sequence) ? { safe: /[1-9１-９]/.test(sequence), args: { sequence } } : undefined),
);
