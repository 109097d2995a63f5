/**
 * A10: the 机关代字 belongs to the document's issuer, per the registry in documents/gazette.yml. In a joint
 * document (联合行文) the number is the 主办机关's: the first issuer listed.
 */
import { documentNumberField, type Rule } from '../rule.js';
import { splitNumber, suggestNumber } from '../number.js';
import { codeOwner, findIssuer } from '../../shared/issuers.js';

export const numberIssuer: Rule = {
  meta: {
    codes: { 'number-issuer': 'error', 'number-code-unknown': 'warning' },
    standard: ['A10'],
    fixable: false,
    description: '机关代字须与发文机关（联合行文为主办机关）一致',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = documentNumberField(doc);
    // Read the 代字 from the suggested form, so a number with other defects is still matched to its issuer.
    const code = field && splitNumber(suggestNumber(field.value))?.code;
    if (!field || !code) return;
    const issuer = doc.issuers[0];
    const owner = codeOwner(publication, code);
    if (!owner) {
      report({ code: 'number-code-unknown', span: field.span, args: { code, issuer: issuer ?? '' } });
      return;
    }
    const registered = findIssuer(publication, issuer);
    if (issuer === undefined || registered === owner) return;
    const own = registered?.codes ?? [];
    report({
      code: 'number-issuer',
      span: field.span,
      args: { code, owner: owner.name, issuer, codes: own.join('、') },
      ...(own[0] ? { fix: suggestNumber(field.value).replace(code, own[0]) } : {}),
    });
  },
};
