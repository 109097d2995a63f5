/** A 政策解读's `interprets` names the 发文字号 of a document in the same issue. */
import type { Rule } from '../rule.js';
import { closest } from '../closest.js';

export const interpretsResolves: Rule = {
  meta: { codes: { 'interprets-unresolved': 'error' }, standard: ['G4'], fixable: false, description: '政策解读须指向本期文件' },
  scope: 'project',
  check({ documents, targets, report }) {
    for (const doc of documents) {
      const field = doc.text('interprets');
      if (!field || !targets.has(doc.parsed.issueId)) continue;
      const numbers = documents.filter((other) => other.parsed.issueId === doc.parsed.issueId).flatMap((other) => other.text('number')?.value ?? []);
      if (numbers.includes(field.value.trim())) continue;
      const guess = closest(field.value, numbers);
      report({ code: 'interprets-unresolved', span: field.span, args: { number: field.value, numbers: numbers.join('、') }, ...(guess ? { fix: guess } : {}) });
    }
  },
};
