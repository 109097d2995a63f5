/** A13: sections that forbid a number (人事任免, 政策解读) have none; sections that require one have one. */
import type { Rule } from '../rule.js';

export const numberSection: Rule = {
  meta: {
    codes: { 'number-forbidden': 'error', 'number-missing': 'error' },
    standard: ['A13'],
    fixable: false,
    description: '栏目要求与发文字号一致',
  },
  scope: 'document',
  check({ doc, report }) {
    const section = doc.section;
    if (!section) return;
    const field = doc.parsed.fields.get('number');
    const present = field !== undefined && field.value !== null && field.value !== '';
    if (section.number === 'forbidden' && present) report({ code: 'number-forbidden', span: field.keySpan, args: { section: section.name, number: String(field.value) } });
    if (section.number === 'required' && !present)
      report({ code: 'number-missing', span: field?.keySpan ?? doc.parsed.frontMatterSpan, args: { section: section.name } });
  },
};
