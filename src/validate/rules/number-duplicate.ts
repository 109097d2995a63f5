/** A11: (代字, year, sequence) is unique within the issue and across every issue under documents/. */
import type { Rule } from '../rule.js';
import { numberKey } from '../../shared/number.js';

export const numberDuplicate: Rule = {
  meta: { codes: { 'number-duplicate': 'error' }, standard: ['A11', 'E4'], fixable: false, description: '发文字号不得重复' },
  scope: 'project',
  check({ documents, targets, report }) {
    const seen = new Map<string, (typeof documents)[number][]>();
    for (const doc of documents) {
      const key = numberKey(doc.text('number')?.value ?? '');
      if (!key) continue;
      const id = `${key.code}|${key.year}|${key.sequence}`;
      seen.set(id, [...(seen.get(id) ?? []), doc]);
    }
    for (const group of seen.values()) {
      if (group.length < 2) continue;
      for (const doc of group) {
        if (!targets.has(doc.parsed.issueId)) continue;
        const field = doc.text('number')!;
        const others = group.filter((other) => other !== doc).map((other) => `${other.parsed.file.path}:${other.text('number')!.span.start.line}`);
        report({ code: 'number-duplicate', span: field.span, args: { number: field.value, others: others.join(', ') } });
      }
    }
  },
};
