/**
 * C1: in 公文 sections the title ends with a 文种: the 15 of 条例 第八条 (决议、决定、命令（令）、公报 …) plus the
 * ones gazette.yml `doctypes` adds for this gazette (答复, 复函 …).
 */
import type { Rule } from '../rule.js';
import { doctypes } from '../../shared/doctypes.js';

export const titleDoctype: Rule = {
  meta: { codes: { 'title-doctype': 'error' }, standard: ['C1'], fixable: false, description: '公文标题以文种结尾' },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.text('title');
    if (!field || !doc.section?.official) return;
    const types = doctypes(publication.doctypes);
    const title = field.value.trim();
    const type = types.find((t) => title.endsWith(t));
    // 文种重叠: "请示报告", "意见通知" — two types stacked without 的 between them.
    const rest = type ? title.slice(0, -type.length) : '';
    const stacked = type && types.find((t) => t !== '令' && rest.endsWith(t) && !types.includes(`${t}${type}`));
    const listed = types.join('、');
    if (stacked) {
      report({ code: 'title-doctype', span: field.span, args: { title, types: listed, double: `${stacked}${type}` } });
      return;
    }
    if (type) return;
    const trailing = /[。；，.;,]$/u.test(title) ? title.slice(0, -1) : undefined;
    report({
      code: 'title-doctype',
      span: field.span,
      args: { title, types: listed },
      ...(trailing && types.some((t) => trailing.endsWith(t)) ? { fix: trailing } : {}),
    });
  },
};
