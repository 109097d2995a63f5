/** E3: `category` names a section of documents/gazette.yml. */
import type { Rule } from '../rule.js';
import { closest } from '../closest.js';

export const categoryKnown: Rule = {
  meta: { codes: { 'category-unknown': 'error' }, standard: ['E3'], fixable: false, description: '栏目须在 gazette.yml 中定义' },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = doc.text('category');
    if (!field || doc.section) return;
    const names = publication.sections.map((section) => section.name);
    const guess = closest(field.value, names);
    report({ code: 'category-unknown', span: field.span, args: { category: field.value, sections: names.join('、') }, ...(guess ? { fix: guess } : {}) });
  },
};
