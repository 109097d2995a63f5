/** Front-matter schema: required fields are present and are text; unknown keys are likely typos. */
import type { Rule } from '../rule.js';
import { closest } from '../closest.js';

const knownFields = ['title', 'issuer', 'date', 'number', 'category', 'recipients', 'interprets', 'order'] as const;
// `date` is left to the date rules, which also read numbers and YAML timestamps.
const textFields = ['title', 'issuer', 'number', 'category', 'recipients', 'interprets'];

export const fields: Rule = {
  meta: {
    codes: { 'field-missing': 'error', 'field-type': 'error', 'field-unknown': 'warning' },
    standard: [],
    fixable: false,
    description: '前置元数据字段齐全、类型正确',
  },
  scope: 'document',
  check({ doc, report }) {
    const { fields: present, frontMatterSpan } = doc.parsed;
    const required = ['title', 'issuer', 'category', ...(doc.section?.dated ? ['date'] : [])];
    for (const key of required) {
      const field = present.get(key);
      if (!field || field.value === null || String(field.value).trim() === '')
        report({ code: 'field-missing', span: field?.keySpan ?? frontMatterSpan, args: { field: key } });
    }
    for (const [key, field] of present) {
      if (!(knownFields as readonly string[]).includes(key)) {
        const guess = closest(key, knownFields);
        report({ code: 'field-unknown', span: field.keySpan, args: { field: key, known: knownFields.join(', ') }, ...(guess ? { fix: guess } : {}) });
      } else if (key === 'order') {
        if (typeof field.value !== 'number' || !Number.isInteger(field.value) || field.value < 1)
          report({ code: 'field-type', span: field.span, args: { field: key, value: field.source, expected: 'integer' } });
      } else if (textFields.includes(key) && field.value !== null && typeof field.value !== 'string') {
        report({ code: 'field-type', span: field.span, args: { field: key, value: field.source, expected: key === 'number' || key === 'interprets' ? 'document-number' : 'text' } });
      }
    }
  },
};
