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
    // The issuer may be written by its registered name or by any alias: each names it.
    const entry = findIssuer(publication, issuer);
    const names = [issuer, ...(entry ? [entry.name, ...entry.aliases] : [])];
    const joint = doc.issuers.length > 1 ? [doc.issuers.join('、')] : [];
    if ([...joint, ...names].some((name) => title.value.startsWith(name))) return;
    // A title that starts with other registered issuers (one, or several joined by 、 in another order) names the
    // wrong bodies; one that starts with 关于 lacks them.
    const registered = publication.issuers.flatMap((e) => [e.name, ...e.aliases]).sort((a, b) => b.length - a.length);
    let other = 0;
    for (;;) {
      const name = registered.find((n) => title.value.startsWith(n, other));
      if (!name) break;
      other += name.length;
      if (title.value[other] !== '、') break;
      other++;
    }
    if (title.value[other - 1] === '、') other--;
    const lead = joint[0] ?? issuer;
    const fix = other > 0 ? `${lead}${title.value.slice(other)}` : /^(关于|印发)/u.test(title.value) ? `${lead}${title.value}` : undefined;
    report({ code: 'title-issuer', span: title.span, args: { issuer: lead }, ...(fix ? { fix } : {}) });
  },
};
