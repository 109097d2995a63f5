/** B4: 成文日期 is not after the issue's publication date. */
import type { Rule } from '../rule.js';
import { anyDateToIso, chineseDate } from '../../shared/dates.js';

export const dateAfterPublication: Rule = {
  meta: { codes: { 'date-after-publication': 'error' }, standard: ['B4'], fixable: false, description: '成文日期不得晚于出版日期' },
  scope: 'document',
  check({ doc, report }) {
    const field = doc.text('date');
    const date = field && anyDateToIso(field.value);
    const published = doc.issue?.published;
    if (!field || !date || !published || date <= published) return;
    report({ code: 'date-after-publication', span: field.span, args: { date, published, dateZh: chineseDate(date), publishedZh: chineseDate(published) } });
  },
};
