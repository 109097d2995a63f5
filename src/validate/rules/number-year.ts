/** A3: the year is written in full, four digits (年份应标全称). */
import { defineNumberRule } from './number-rule.js';

export const numberYear = defineNumberRule(
  { codes: { 'number-year': 'error' }, standard: ['A3'], fixable: false, description: '年份须为四位全称' },
  ({ year }) => (/^[0-9０-９]{4}$/.test(year) ? undefined : { safe: false, args: { year } }),
);
