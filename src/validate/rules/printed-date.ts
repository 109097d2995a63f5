/**
 * 版记 (GB/T 9704 §7.4): `printed.date` (印发日期) is a real date, and a document is never printed before it is
 * signed (印发日期 ≥ 成文日期).
 */
import type { Rule } from '../rule.js';
import { anyDateToIso, chineseDate } from '../../shared/dates.js';
import { asPrinted } from '../schema.js';

export const printedDate: Rule = {
  meta: { codes: { 'printed-date-invalid': 'error', 'printed-before-date': 'error' }, standard: ['T17'], fixable: false, description: '印发日期有效且不早于成文日期' },
  scope: 'document',
  check({ doc, report }) {
    const field = doc.parsed.fields.get('printed');
    const printed = field && asPrinted(field.value);
    if (!field || !printed) return;
    const iso = anyDateToIso(printed.date);
    if (!iso) {
      report({ code: 'printed-date-invalid', span: field.span, args: { date: printed.date } });
      return;
    }
    const written = doc.text('date')?.value;
    const date = written && anyDateToIso(written);
    if (date && iso < date) report({ code: 'printed-before-date', span: field.span, args: { printed: chineseDate(iso), date: chineseDate(date) } });
  },
};
