/**
 * The bodies of a joint document are listed one by one (issuer: [主办机关, 机关2]): written as one name joined by
 * 、 or spaces, they would pass for one unknown body in the title, the 发文字号 and the signature checks. Such a
 * name is read as the bodies it names, and said, with the list as the fix.
 */
import type { Rule } from '../rule.js';
import { splitJointIssuers } from '../../shared/issuers.js';

/** Characters a flow sequence item cannot hold unquoted. */
const YAML_SPECIAL = /[[\]{},:#&*!|>'"%@`]/u;

export const issuerJoined: Rule = {
  meta: { codes: { 'issuer-joined': 'warning' }, standard: [], fixable: true, description: '联合发文的发文机关逐个列出' },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.text('issuer');
    const parts = field && splitJointIssuers(publication, field.value);
    if (!field || !parts) return;
    const list = `[${parts.join(', ')}]`;
    const start = field.span.start.offset;
    const end = field.span.end?.offset;
    const editable = start !== undefined && end !== undefined && !/^[|>]/.test(field.source) && !parts.some((part) => YAML_SPECIAL.test(part));
    report({ code: 'issuer-joined', span: field.span, args: { issuer: field.value, count: parts.length }, fix: list, ...(editable ? { edit: { kind: 'replace', start, end, text: list } } : {}) });
  },
};
