/** B1: `date` is a real ISO calendar date; a Chinese-form or unpadded date is fixed to ISO, 2021-02-30 is an error. */
import type { Rule } from '../rule.js';
import { replaceValue } from '../rule.js';
import { daysInMonth, isRealIsoDate, looseDateToIso } from '../../shared/dates.js';

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
    // Aliases, tags and structures are not dates; show them as written.
    const text = (typeof field.value === 'string' || typeof field.value === 'number' ? String(field.value) : field.source).trim();
    if (isRealIsoDate(text)) return;
    const iso = looseDateToIso(text);
    if (iso) {
      const edit = replaceValue(field, iso);
      report({ code: 'date-format', span: field.span, args: { date: text }, fix: iso, ...(edit ? { edit } : {}) });
      return;
    }
    const parts = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/.exec(text);
    const [year, month, day] = [Number(parts?.[1]), Number(parts?.[2]), Number(parts?.[3])];
    // "只有N天" only when the day really is past the month's end.
    const known: Record<string, number> = parts && month >= 1 && month <= 12 && day > daysInMonth(year, month) ? { year, month, days: daysInMonth(year, month) } : {};
    report({ code: 'date-invalid', span: field.span, args: { date: text, ...known } });
  },
};
