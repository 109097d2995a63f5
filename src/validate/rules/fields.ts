/** Front-matter schema: required fields are present and have their kind; unknown keys are likely typos. */
import type { Rule } from '../rule.js';
import { closest } from '../closest.js';
import { FIELD_KINDS, FIELD_NAMES, hasKind } from '../schema.js';

export const fields: Rule = {
  meta: {
    codes: { 'field-missing': 'error', 'signature-missing': 'error', 'field-type': 'error', 'field-unknown': 'warning' },
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
    const signature = present.get('signature');
    if (doc.section?.signed && (doc.list('signature') ?? []).length === 0) {
      report({ code: 'signature-missing', span: signature?.keySpan ?? frontMatterSpan, args: { section: doc.section.name, ...(doc.section.number === 'order' ? { orders: doc.section.name } : {}) } });
    }
    for (const [key, field] of present) {
      const kind = FIELD_KINDS[key as keyof typeof FIELD_KINDS];
      if (kind === undefined) {
        const guess = closest(key, FIELD_NAMES);
        report({ code: 'field-unknown', span: field.keySpan, args: { field: key, known: FIELD_NAMES.join(', ') }, ...(guess ? { fix: guess } : {}) });
      } else if (!hasKind(field, kind)) {
        // YAML reads 12345 or true as a number or a boolean: quoted, they are the text they look like.
        const textual = kind === 'text' || kind === 'text-or-list' || kind === 'document-number';
        const quote: Record<string, string> = textual && (typeof field.value === 'number' || typeof field.value === 'boolean') ? { quoted: `"${field.source}"` } : {};
        report({ code: 'field-type', span: field.span, args: { field: key, value: field.source, expected: kind, ...quote } });
      }
    }
  },
};
