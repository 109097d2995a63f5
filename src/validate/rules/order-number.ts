/**
 * 令号 (GB/T 9704 §10.2; A5-x): 机关令第N号 or 机关令YYYY年第N号. The 机关 is the issuer or one of its aliases; 第 and
 * 号 are present; ASCII digits, no leading zero, no spaces. Whitespace, full-width digits and leading zeros are
 * fixed by `--fix`; the rest needs a person.
 */
import { orderNumberField, replaceValue, type Rule } from '../rule.js';
import { canonicalOrder, splitOrder, toAsciiDigits } from '../../shared/number.js';
import { exampleOrder } from '../examples.js';
import { findIssuer } from '../../shared/issuers.js';

export const orderNumber: Rule = {
  meta: {
    codes: {
      'order-format': 'error',
      'order-issuer': 'error',
      'order-di': 'error',
      'order-suffix': 'error',
      'order-whitespace': 'error',
      'order-fullwidth-digits': 'warning',
      'order-leading-zero': 'error',
    },
    standard: ['A5-x', 'A4', 'A6', 'A7', 'A8'],
    fixable: true,
    description: '令号须为“机关令第N号”或“机关令YYYY年第N号”',
  },
  scope: 'document',
  check({ doc, publication, report }) {
    const field = orderNumberField(doc);
    if (!field) return;
    const parts = splitOrder(field.value);
    const example = exampleOrder(publication, doc);
    if (!parts || parts.organ === '') {
      report({ code: 'order-format', span: field.span, args: { number: field.value, example } });
      return;
    }
    const sequence = toAsciiDigits(parts.sequence).replace(/^0+(?=\d)/, '');
    const year = toAsciiDigits(parts.year);
    const safe = `${parts.organ}令${year ? `${year}年` : ''}${parts.hasDi ? '第' : ''}${sequence}${parts.suffix}`;
    const suggestion = `${parts.organ}令${year ? `${year}年` : ''}第${sequence}号`;
    const fix = canonicalOrder.test(suggestion) ? { fix: suggestion } : {};
    const withEdit = (code: string, args: Record<string, string> = {}): void => {
      const edit = safe !== field.value ? replaceValue(field, safe) : undefined;
      report({ code, span: field.span, args: { number: field.value, ...args }, ...fix, ...(edit ? { edit } : {}) });
    };
    if (/\s/u.test(field.value)) withEdit('order-whitespace');
    if (/[０-９]/u.test(field.value)) withEdit('order-fullwidth-digits');
    if (parts.sequence.length > 1 && /^[0０]/u.test(parts.sequence) && /[1-9１-９]/u.test(parts.sequence)) withEdit('order-leading-zero', { sequence: parts.sequence });
    if (!parts.hasDi) report({ code: 'order-di', span: field.span, args: { number: field.value }, ...fix });
    if (parts.suffix !== '号') report({ code: 'order-suffix', span: field.span, args: { number: field.value, suffix: parts.suffix }, ...fix });
    if (year !== '' && !/^[0-9]{4}$/.test(year)) report({ code: 'order-format', span: field.span, args: { number: field.value, example } });
    const issuer = findIssuer(publication, doc.issuers[0]);
    const names = issuer ? [issuer.name, ...issuer.aliases] : doc.issuers.slice(0, 1);
    if (names.length > 0 && !names.includes(parts.organ)) {
      const named = findIssuer(publication, parts.organ);
      report({
        code: 'order-issuer',
        span: field.span,
        args: { organ: parts.organ, issuer: doc.issuers[0] ?? '', names: names.join('、'), ...(named ? { owner: named.name } : {}) },
        fix: suggestion.replace(parts.organ, names[0]!),
      });
    }
  },
};
