/** A1: the number has the shape 代字〔年份〕序号号 at all. */
import { documentNumberField, type Rule } from '../rule.js';
import { splitNumber } from '../number.js';
import { exampleNumber } from '../examples.js';

export const numberFormat: Rule = {
  meta: { codes: { 'number-format': 'error' }, standard: ['A1'], fixable: false, description: '发文字号须为“代字〔年份〕序号号”' },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = documentNumberField(doc);
    if (!field) return;
    const parts = splitNumber(field.value);
    // A sequence of zeros has no correct form to fix towards: numbering starts at 1.
    if (!parts || parts.code === '' || /^[0０]+$/.test(parts.sequence)) report({ code: 'number-format', span: field.span, args: { number: field.value, example: exampleNumber(publication, doc) } });
  },
};
