/**
 * E4: a document appears once per issue; two files with the same title are the same document. Orders share their
 * title (中华人民共和国国务院令): two of them are the same order when their 令号 are the same too.
 */
import type { Rule } from '../rule.js';

export const titleDuplicate: Rule = {
  meta: { codes: { 'document-duplicate': 'error' }, standard: ['E4'], fixable: false, description: '同一期不得重复收录同一文件' },
  scope: 'project',
  check({ documents, targets, report }) {
    const byTitle = new Map<string, (typeof documents)[number][]>();
    for (const doc of documents) {
      const title = doc.text('title')?.value.trim();
      if (!title || !targets.has(doc.parsed.issueId)) continue;
      const order = doc.section?.number === 'order' ? `|${doc.text('number')?.value.trim() ?? ''}` : '';
      const key = `${doc.parsed.issueId}|${title}${order}`;
      byTitle.set(key, [...(byTitle.get(key) ?? []), doc]);
    }
    for (const group of byTitle.values()) {
      for (const doc of group.slice(1)) {
        report({ code: 'document-duplicate', span: doc.text('title')!.span, args: { other: `${group[0]!.parsed.file.path}:${group[0]!.text('title')!.span.start.line}` } });
      }
    }
  },
};
