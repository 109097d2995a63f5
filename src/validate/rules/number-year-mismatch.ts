/** A12 (warning): the number's year usually equals the 成文日期 year; late-December documents may differ. */
import { documentNumberField, type Rule } from '../rule.js';
import { numberKey } from '../../shared/number.js';
import { anyDateToIso } from '../../shared/dates.js';

export const numberYearMismatch: Rule = {
  meta: { codes: { 'number-year-mismatch': 'warning' }, standard: ['A12'], fixable: false, description: '文号年份与成文日期年份一致' },
  scope: 'document',
  check({ doc, report }) {
    const field = documentNumberField(doc);
    const key = field && numberKey(field.value);
    const written = doc.text('date')?.value;
    const date = written && anyDateToIso(written);
    if (!field || !key || !date) return;
    const year = Number(date.slice(0, 4));
    if (year !== key.year) report({ code: 'number-year-mismatch', span: field.span, args: { year: key.year, dateYear: year, date } });
  },
};
