/**
 * E1/E2: issue numbers and running totals agree across issues; the publication year is the issue year or the next,
 * and no issue appears before the one it follows.
 */
import type { Rule } from '../rule.js';

export const issueSequence: Rule = {
  meta: {
    codes: { 'issue-total': 'error', 'issue-duplicate': 'error', 'issue-published-year': 'warning', 'issue-published-order': 'warning', 'issue-folder-name': 'warning' },
    standard: ['E1', 'E2'],
    fixable: false,
    description: '期号、总期号与出版日期一致',
  },
  scope: 'project',
  check({ project, targets, report }) {
    const issues = project.issues.flatMap((issue) => (issue.file ? [issue.file] : [])).sort((a, b) => a.meta.year - b.meta.year || a.meta.number - b.meta.number);
    issues.forEach((file, index) => {
      if (!targets.has(file.meta.id)) return;
      const { meta } = file;
      if (meta.id !== `${meta.year}-${meta.number}`)
        report({ code: 'issue-folder-name', span: file.spans.get('number'), args: { folder: meta.id, expected: `${meta.year}-${meta.number}` } });
      const publishedYear = Number(meta.published.slice(0, 4));
      // The year's last issue is often published early the next year (2021-4 appeared on 2022-01-04).
      if (publishedYear !== meta.year && publishedYear !== meta.year + 1)
        report({ code: 'issue-published-year', span: file.spans.get('published'), args: { year: meta.year, published: meta.published } });
      const previous = issues[index - 1];
      if (!previous) return;
      if (previous.meta.year === meta.year && previous.meta.number === meta.number) {
        report({ code: 'issue-duplicate', span: file.spans.get('number'), args: { issue: `${meta.year}-${meta.number}`, other: previous.path } });
        return;
      }
      if (meta.published < previous.meta.published)
        report({ code: 'issue-published-order', span: file.spans.get('published'), args: { published: meta.published, previous: previous.meta.id, previousPublished: previous.meta.published } });
      const sameYearNext = previous.meta.year === meta.year && previous.meta.number + 1 === meta.number;
      const nextYearFirst = previous.meta.year + 1 === meta.year && meta.number === 1;
      const expected = previous.meta.total + 1;
      if ((sameYearNext || nextYearFirst) ? meta.total !== expected : meta.total <= previous.meta.total)
        report({
          code: 'issue-total',
          span: file.spans.get('total'),
          args: { total: meta.total, previous: previous.meta.id, previousTotal: previous.meta.total, expected: sameYearNext || nextYearFirst ? String(expected) : `> ${previous.meta.total}` },
          ...(sameYearNext || nextYearFirst ? { fix: String(expected) } : {}),
        });
    });
  },
};
