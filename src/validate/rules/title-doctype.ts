/** C1: in 公文 sections the title ends with a 文种 (条例 第八条: 决议、决定、命令（令）、公报 …). */
import type { Rule } from '../rule.js';

const documentTypes = ['决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;

export const titleDoctype: Rule = {
  meta: { codes: { 'title-doctype': 'error' }, standard: ['C1'], fixable: false, description: '公文标题以文种结尾' },
  scope: 'document',
  check({ doc, report }) {
    const field = doc.text('title');
    if (!field || !doc.section?.official) return;
    const title = field.value.trim();
    const type = documentTypes.find((t) => title.endsWith(t));
    // 文种重叠: "请示报告", "意见通知" — two types stacked without 的 between them.
    const stacked = type && documentTypes.find((t) => t !== '令' && title.slice(0, -type.length).endsWith(t));
    if (stacked) {
      report({ code: 'title-doctype', span: field.span, args: { title, types: documentTypes.join('、'), double: `${stacked}${type}` } });
      return;
    }
    if (type) return;
    const trailing = /[。；，.;,]$/u.test(title) ? title.slice(0, -1) : undefined;
    report({
      code: 'title-doctype',
      span: field.span,
      args: { title, types: documentTypes.join('、') },
      ...(trailing && documentTypes.some((type) => trailing.endsWith(type)) ? { fix: trailing } : {}),
    });
  },
};
