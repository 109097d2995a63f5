/**
 * A13: sections that forbid a number (人事任免, 政策解读) have none; sections that require one (a 发文字号, or a 令号
 * in a section of 令) have one.
 */
import type { Rule } from '../rule.js';
import { exampleNumber, exampleOrder } from '../examples.js';

export const numberSection: Rule = {
  meta: {
    codes: { 'number-forbidden': 'error', 'number-missing': 'error', 'order-missing': 'error' },
    standard: ['A13'],
    fixable: false,
    description: '栏目要求与发文字号一致',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const section = doc.section;
    if (!section) return;
    const field = doc.parsed.fields.get('number');
    const present = field !== undefined && field.value !== null && field.value !== '';
    if (section.number === 'forbidden' && present) report({ code: 'number-forbidden', span: field.keySpan, args: { section: section.name, number: String(field.value) } });
    if ((section.number === 'required' || section.number === 'order') && !present) {
      const example = section.number === 'order' ? exampleOrder(publication, doc) : exampleNumber(publication, doc);
      report({ code: section.number === 'order' ? 'order-missing' : 'number-missing', span: field?.keySpan ?? doc.parsed.frontMatterSpan, args: { section: section.name, example } });
    }
  },
};
