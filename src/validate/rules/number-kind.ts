/**
 * A5-x / A13: a section of 令 (`number: order`) holds 令号, every other numbered section 发文字号. A 令号 in a
 * section of documents, or a 发文字号 in a section of 令, is a misfiled document or a mistyped number.
 */
import type { Rule } from '../rule.js';
import { looksLikeOrder } from '../../shared/number.js';
import { splitNumber } from '../number.js';

export const numberKind: Rule = {
  meta: {
    codes: { 'number-order-misplaced': 'error', 'number-not-order': 'error' },
    standard: ['A5-x', 'A13'],
    fixable: false,
    description: '令号只出现在“令”栏目，发文字号不出现在“令”栏目',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.text('number');
    const section = doc.section;
    if (!field || !section) return;
    const orderSections = publication.sections.filter((s) => s.number === 'order').map((s) => s.name);
    if (section.number !== 'order' && looksLikeOrder(field.value)) {
      report({ code: 'number-order-misplaced', span: field.span, args: { number: field.value, section: section.name, sections: orderSections.join('、') } });
    } else if (section.number === 'order' && splitNumber(field.value) !== undefined) {
      const documentSections = publication.sections.filter((s) => s.number === 'required' || s.number === 'optional').map((s) => s.name);
      report({ code: 'number-not-order', span: field.span, args: { number: field.value, section: section.name, sections: documentSections.join('、') } });
    }
  },
};
