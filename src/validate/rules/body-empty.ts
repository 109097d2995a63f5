/**
 * A document prints its text: one with front matter only (or only comments below it) would stand in the gazette as
 * a bare title, which is a file saved too early rather than a document.
 */
import type { Rule } from '../rule.js';
import { HTML_COMMENT } from '../../shared/comments.js';
import { withoutInvisible } from '../../shared/unicode.js';

export const bodyEmpty: Rule = {
  meta: { codes: { 'body-empty': 'warning' }, standard: [], fixable: false, description: '文件有正文' },
  scope: 'document',
  check({ doc, report }) {
    const { bodyText, bodyLine, file, fields } = doc.parsed;
    // Without front matter the whole file is the body: that is front-matter-missing's report.
    if (fields.size === 0 || withoutInvisible(bodyText.replace(HTML_COMMENT, '')).trim() !== '') return;
    report({ code: 'body-empty', span: { file: file.path, start: { line: bodyLine, column: 1 } }, args: {} });
  },
};
