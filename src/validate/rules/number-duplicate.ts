/**
 * A11: (代字, year, sequence) is unique within the issue and across every issue under documents/; so is a 令号
 * (机关, year, sequence).
 */
import type { Rule } from '../rule.js';
import { numberKey, orderKey } from '../../shared/number.js';
import { findIssuer } from '../../shared/issuers.js';

export const numberDuplicate: Rule = {
  meta: { codes: { 'number-duplicate': 'error' }, standard: ['A11', 'E4'], fixable: false, description: '发文字号、令号不得重复' },
  scope: 'project',
  check({ project, documents, targets, report }) {
    const seen = new Map<string, (typeof documents)[number][]>();
    for (const doc of documents) {
      const number = doc.text('number')?.value ?? '';
      const key = numberKey(number);
      const order = orderKey(number);
      // An order's body may be written by any of its names (国务院令, 中华人民共和国国务院令): both are one series.
      const organ = order && (findIssuer(project.publication, order.organ)?.name ?? order.organ);
      const id = key ? `n|${key.code}|${key.year}|${key.sequence}` : order ? `o|${organ}|${order.year}|${order.sequence}` : undefined;
      if (id) seen.set(id, [...(seen.get(id) ?? []), doc]);
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
