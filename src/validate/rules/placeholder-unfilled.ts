/**
 * A skeleton from `gazette new document` still holds text only the editor can write (（事由）, （主送机关）,
 * （正文）): printed, the gazette would carry it. Each placeholder is named once, where it first stands.
 */
import type { Rule } from '../rule.js';
import { LineIndex } from '../../parse/index.js';
import { PLACEHOLDERS } from '../../shared/placeholders.js';

export const placeholderUnfilled: Rule = {
  meta: { codes: { 'placeholder-unfilled': 'error' }, standard: [], fixable: false, description: '新建文件的待填内容均已填写' },
  scope: 'document',
  check({ doc, report }) {
    const { text, path } = doc.parsed.file;
    let lines: LineIndex | undefined;
    for (const placeholder of Object.values(PLACEHOLDERS)) {
      const start = text.indexOf(placeholder);
      if (start < 0) continue;
      lines ??= new LineIndex(text);
      report({ code: 'placeholder-unfilled', span: { file: path, start: lines.point(start), end: lines.point(start + placeholder.length) }, args: { placeholder } });
    }
  },
};
