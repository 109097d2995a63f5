/**
 * B1: `date` is a real calendar date. ISO (2021-11-05) is the canonical source form; a date written as printed
 * (2021年11月5日, 2021/8/25) or in Chinese numerals (二〇二一年十一月五日) is accepted as it is (it prints as
 * 2021年11月5日 either way) and `--fix` rewrites it to ISO; ○ typed for 〇 is a look-alike worth a warning
 * (GB/T 15835). 2021-02-30 is an error.
 */
import type { Rule } from '../rule.js';
import { replaceValue } from '../rule.js';
import { chineseNumeralDateParts, chineseNumeralDateToIso, daysInMonth, isRealIsoDate, looseDateToIso } from '../../shared/dates.js';

export const dateValid: Rule = {
  meta: {
    codes: { 'date-format': 'info', 'date-lookalike': 'warning', 'date-invalid': 'error' },
    standard: ['B1', 'B2', 'B3', 'D12'],
    fixable: true,
    description: '成文日期须为真实存在的日期，写作 YYYY-MM-DD',
  },
  scope: 'document',
  check({ doc, report }) {
    const field = doc.parsed.fields.get('date');
    if (!field || field.value === null) return;
    // Aliases, tags and structures are not dates; show them as written.
    const text = (typeof field.value === 'string' || typeof field.value === 'number' ? String(field.value) : field.source).trim();
    if (isRealIsoDate(text)) return;
    const numerals = chineseNumeralDateToIso(text);
    const iso = looseDateToIso(text) ?? numerals?.iso;
    if (iso) {
      const edit = replaceValue(field, iso);
      report({ code: 'date-format', span: field.span, args: { date: text }, fix: iso, ...(edit ? { edit } : {}) });
      if (numerals?.lookalike) report({ code: 'date-lookalike', span: field.span, args: { date: text }, fix: iso, ...(edit ? { edit } : {}) });
      return;
    }
    const example: Record<string, string> = doc.issue?.published ? { example: doc.issue.published } : {};
    // A date with a time of day: the date part is the fix.
    const timed = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text);
    if (timed && isRealIsoDate(timed[1]!)) {
      const edit = replaceValue(field, timed[1]!);
      report({ code: 'date-invalid', span: field.span, args: { date: text, time: text.slice(timed[1]!.length).replace(/^[T ]/, ''), ...example }, fix: timed[1]!, ...(edit ? { edit } : {}) });
      return;
    }
    const monthOnly = /^(\d{4})(?:-|年|\/|\.)(\d{1,2})月?$/u.exec(text);
    if (monthOnly && Number(monthOnly[2]) >= 1 && Number(monthOnly[2]) <= 12) {
      report({ code: 'date-invalid', span: field.span, args: { date: text, year: Number(monthOnly[1]), month: Number(monthOnly[2]), ...example } });
      return;
    }
    const digits = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*$/.exec(text);
    const { year, month, day } = digits ? { year: Number(digits[1]), month: Number(digits[2]), day: Number(digits[3]) } : (chineseNumeralDateParts(text) ?? { year: 0, month: 0, day: 0 });
    // "只有N天" only when the day really is past the month's end.
    const known: Record<string, number> = month >= 1 && month <= 12 && day > daysInMonth(year, month) ? { year, month, days: daysInMonth(year, month) } : {};
    report({ code: 'date-invalid', span: field.span, args: { date: text, ...known, ...example } });
  },
};
