/**
 * T14 (GB/T 9704 7.3.5.1): a joint document is signed by every issuing body, in the order of the issuers; a 令 is
 * signed with the signer's office and name (§10.2), which a bare name of two or three characters lacks.
 */
import type { Rule } from '../rule.js';
import { findIssuer } from '../../shared/issuers.js';

/** Two or three characters and no space: a bare personal name, or an office alone (省长, 总理, 主席). */
const ONE_WORD = /^\p{Script=Han}{2,3}$/u;
const OFFICE = /(?:长|主席|总理|主任|书记)$/u;

export const signatureJoint: Rule = {
  meta: {
    codes: { 'signature-count': 'warning', 'signature-sequence': 'warning', 'order-signer': 'warning' },
    standard: ['T14'],
    fixable: false,
    description: '联合发文各机关按顺序署名；令署签发人职务和姓名',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.parsed.fields.get('signature');
    const signatures = doc.list('signature') ?? [];
    if (!field || signatures.length === 0) return;
    const { issuers } = doc;
    const registered = (name: string): string | undefined => findIssuer(publication, name)?.name;
    // Signatures that name bodies can be compared with the issuers; those of persons only by their count.
    const bodies = signatures.every((name) => registered(name) !== undefined);
    const list = `[${issuers.join(', ')}]`;
    if (issuers.length > 1 && signatures.length !== issuers.length) {
      report({ code: 'signature-count', span: field.span, args: { issuers: issuers.length, signatures: signatures.length, names: issuers.join('、') }, ...(bodies ? { fix: list } : {}) });
    } else if (bodies && issuers.length > 1) {
      const order = signatures.map(registered);
      const expected = issuers.map(registered);
      if (order.join('\u0000') !== expected.join('\u0000') && [...order].sort().join('\u0000') === [...expected].sort().join('\u0000'))
        report({ code: 'signature-sequence', span: field.span, args: { names: issuers.join('、') }, fix: list });
    }
    if (doc.section?.number === 'order') {
      // A registered body signs as itself; a word of two or three characters is a name or an office without the other.
      const bare = signatures.map((name) => name.trim()).find((name) => ONE_WORD.test(name) && registered(name) === undefined);
      if (bare !== undefined) report({ code: 'order-signer', span: field.span, args: OFFICE.test(bare) ? { office: bare } : { name: bare } });
    }
  },
};
