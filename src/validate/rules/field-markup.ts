/**
 * Front matter is plain text: a tag or an entity pasted from a web page (<b>, &nbsp;, &amp;) prints as typed in the
 * PDF and reads as typed in the HTML, where the editor meant bold or a character.
 */
import type { Rule } from '../rule.js';
import { FIELD_KINDS } from '../schema.js';

const MARKUP = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/u;

export const fieldMarkup: Rule = {
  meta: { codes: { 'field-markup': 'warning' }, standard: [], fixable: false, description: '前置元数据中不含 HTML 标签和字符实体' },
  scope: 'document',
  check({ doc, report }) {
    for (const [key, field] of doc.parsed.fields) {
      const kind = FIELD_KINDS[key as keyof typeof FIELD_KINDS];
      if (kind !== 'text' && kind !== 'text-or-list' && kind !== 'list') continue;
      const values = typeof field.value === 'string' ? [field.value] : Array.isArray(field.value) ? field.value.filter((v): v is string => typeof v === 'string') : [];
      const markup = values.map((value) => MARKUP.exec(value)?.[0]).find((found) => found !== undefined);
      if (markup !== undefined) report({ code: 'field-markup', span: field.span, args: { field: key, markup } });
    }
  },
};
