/** A10: the 机关代字 belongs to the document's issuer, per the registry in documents/gazette.yml. */
import type { Rule } from '../rule.js';
import { splitNumber, suggestNumber } from '../number.js';

export const numberIssuer: Rule = {
  meta: {
    codes: { 'number-issuer': 'error', 'number-code-unknown': 'warning' },
    standard: ['A10'],
    fixable: false,
    description: '机关代字须与发文机关一致',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.text('number');
    // Read the 代字 from the suggested form, so a number with other defects is still matched to its issuer.
    const code = field && splitNumber(suggestNumber(field.value))?.code;
    if (!field || !code) return;
    const issuer = doc.text('issuer')?.value;
    const owner = publication.issuers.find((entry) => entry.codes.includes(code));
    if (!owner) {
      report({ code: 'number-code-unknown', span: field.span, args: { code: code } });
      return;
    }
    if (issuer === undefined || owner.name === issuer) return;
    const own = publication.issuers.find((entry) => entry.name === issuer)?.codes ?? [];
    report({
      code: 'number-issuer',
      span: field.span,
      args: { code: code, owner: owner.name, issuer, codes: own.join('、') },
      ...(own[0] ? { fix: suggestNumber(field.value).replace(code, own[0]) } : {}),
    });
  },
};
