/**
 * A5-x / A13: a section of 令 (`number: order`) holds 令号, every other numbered section 发文字号. A 令号 in a
 * section of documents, or a 发文字号 in a section of 令, is a misfiled document or a mistyped number.
 */
import type { Rule } from '../rule.js';
import { looksLikeOrder, toAsciiDigits } from '../../shared/number.js';
import { findIssuer } from '../../shared/issuers.js';
import { splitNumber } from '../number.js';

/** A 令号 written with a 发文字号's bracketed year: 国务院令〔2024〕第771号, 国令〔2024〕1号. */
const BRACKETED_ORDER = /^\p{Script=Han}*令([〔[［【(（﹝]([0-9０-９]{4})[〕\]］】)）﹞])第?([0-9０-９]+)号?$/u;

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
      const args = { number: field.value, section: section.name, sections: documentSections.join('、') };
      // Meant as a 令号: the fix names the issuer's 令 with the sequence, and the form that keeps the year.
      const bracketed = BRACKETED_ORDER.exec(field.value.replace(/\s/gu, ''));
      const organ = findIssuer(publication, doc.issuers[0])?.name ?? doc.issuers[0];
      if (bracketed && organ) {
        const [year, sequence] = [toAsciiDigits(bracketed[2]!), toAsciiDigits(bracketed[3]!).replace(/^0+(?=\d)/, '')];
        report({ code: 'number-not-order', span: field.span, args: { ...args, bracketed: bracketed[1]!, withYear: `${organ}令${year}年第${sequence}号` }, fix: `${organ}令第${sequence}号` });
      } else report({ code: 'number-not-order', span: field.span, args });
    }
  },
};
