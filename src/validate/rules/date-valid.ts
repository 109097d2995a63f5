/** B1: `date` is a real ISO calendar date; a Chinese-form or unpadded date is fixed to ISO, 2021-02-30 is an error. */
import type { Rule } from '../rule.js';
import { replaceValue } from '../rule.js';
import { daysInMonth, isRealIsoDate, looseDateToIso } from '../dates.js';

export const dateValid: Rule = {
  meta: {
    codes: { 'date-format': 'error', 'date-invalid': 'error' },
    standard: ['B1', 'B2'],
    fixable: true,
    description: '成文日期须为真实存在的 YYYY-MM-DD 日期',
  },
  scope: 'document',
  check({ doc, report }) {
    const field = doc.parsed.fields.get('date');
    if (!field || field.value === null) return;
    const text = String(field.value).trim();
    if (isRealIsoDate(text)) return;
    const iso = looseDateToIso(text);
    if (iso) {
      const edit = replaceValue(field, iso);
      report({ code: 'date-format', span: field.span, args: { date: text }, fix: iso, ...(edit ? { edit } : {}) });
      return;
    }
    const parts = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/.exec(text);
    const [year, month] = [Number(parts?.[1]), Number(parts?.[2])];
    const known: Record<string, number> = parts && month >= 1 && month <= 12 ? { year, month, days: daysInMonth(year, month) } : {};
    report({ code: 'date-invalid', span: field.span, args: { date: text, ...known } });
  },
};
