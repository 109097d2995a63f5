/** C2 (warning): a 公文 title begins with its issuer (标题由发文机关名称、事由和文种组成). */
import type { Rule } from '../rule.js';

export const titleIssuer: Rule = {
  meta: { codes: { 'title-issuer': 'warning' }, standard: ['C2'], fixable: false, description: '公文标题以发文机关名称开头' },
  scope: 'document',
  check({ doc, publication, report }) {
    const title = doc.text('title');
    const issuer = doc.text('issuer')?.value;
    if (!title || !issuer || !doc.section?.official || title.value.startsWith(issuer)) return;
    // A title that starts with another registered issuer names the wrong body; one that starts with 关于 lacks it.
    const other = publication.issuers.map((entry) => entry.name).filter((name) => title.value.startsWith(name)).sort((a, b) => b.length - a.length)[0];
    const fix = other ? `${issuer}${title.value.slice(other.length)}` : /^(关于|印发)/u.test(title.value) ? `${issuer}${title.value}` : undefined;
    report({ code: 'title-issuer', span: title.span, args: { issuer }, ...(fix ? { fix } : {}) });
  },
};
