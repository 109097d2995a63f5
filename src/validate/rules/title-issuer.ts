/**
 * C2 (warning): a 公文 title begins with its issuer (标题由发文机关名称、事由和文种组成). A joint document's title may
 * name all issuers (机关1、机关2…) or only the 主办机关; any registered alias of the issuer counts as its name.
 */
import type { Rule } from '../rule.js';
import { findIssuer } from '../../shared/issuers.js';

export const titleIssuer: Rule = {
  meta: { codes: { 'title-issuer': 'warning' }, standard: ['C2'], fixable: false, description: '公文标题以发文机关名称开头' },
  scope: 'document',
  check({ doc, publication, report }) {
    const title = doc.text('title');
    const issuer = doc.issuers[0];
    if (!title || !issuer || !doc.section?.official) return;
    const names = [issuer, ...(findIssuer(publication, issuer)?.aliases ?? [])];
    const joint = doc.issuers.length > 1 ? [doc.issuers.join('、')] : [];
    if ([...joint, ...names].some((name) => title.value.startsWith(name))) return;
    // A title that starts with another registered issuer names the wrong body; one that starts with 关于 lacks it.
    const other = publication.issuers
      .flatMap((entry) => [entry.name, ...entry.aliases])
      .filter((name) => title.value.startsWith(name))
      .sort((a, b) => b.length - a.length)[0];
    const lead = joint[0] ?? issuer;
    const fix = other ? `${lead}${title.value.slice(other.length)}` : /^(关于|印发)/u.test(title.value) ? `${lead}${title.value}` : undefined;
    report({ code: 'title-issuer', span: title.span, args: { issuer: lead }, ...(fix ? { fix } : {}) });
  },
};
