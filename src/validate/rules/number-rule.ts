/** Shared wiring for the per-aspect 发文字号 rules (A2–A9): find the field, split it, report with fix and edit. */
import type { MessageArgs } from '../../diagnostics/diagnostic.js';
import { documentNumberField, replaceValue, type Rule, type RuleMeta } from '../rule.js';
import { canonicalNumber } from '../../shared/number.js';
import { codeOwner } from '../../shared/issuers.js';
import { safeNormalizeNumber, splitNumber, suggestNumber, traditionalToSimplified, type NumberParts } from '../number.js';

/** A number every format rule accepts: the canonical shape, in simplified characters. */
function isWellFormed(number: string): boolean {
  return canonicalNumber.test(number) && ![...number].some((c) => c in traditionalToSimplified);
}

export interface NumberFinding {
  args?: MessageArgs;
  /** Whether `check --fix` may apply the safe normalisation for this finding. */
  safe: boolean;
}

/** A document rule over the `number` field; `detect` returns a finding when its aspect is wrong. */
export function defineNumberRule(meta: RuleMeta, detect: (parts: NumberParts) => NumberFinding | undefined): Rule {
  const code = Object.keys(meta.codes)[0]!;
  return {
    meta,
    scope: 'document',
    check({ doc, publication, report }) {
      const field = documentNumberField(doc);
      const parts = field && splitNumber(field.value);
      if (!field || !parts) return;
      const finding = detect(parts);
      if (!finding) return;
      // `--fix` rewrites the number only when that makes it right: brackets around a four-digit year, spaces,
      // digits and zeros. A number with other defects (traditional characters, pinyin, 第) is left to a person.
      // An order's number written with brackets (财政部令（2021）3号) is no 发文字号 to normalise, unless the gazette
      // registers that 代字.
      const orderLike = parts.code.endsWith('令') && !codeOwner(publication, parts.code);
      const normalized = safeNormalizeNumber(field.value);
      const edit = !orderLike && finding.safe && normalized !== field.value && isWellFormed(normalized) ? replaceValue(field, normalized) : undefined;
      // Suggest only a number that would pass every format rule; otherwise the hint explains instead.
      const suggestion = suggestNumber(field.value);
      const fix = !orderLike && isWellFormed(suggestion) ? { fix: suggestion } : {};
      report({ code, span: field.span, args: { number: field.value, ...finding.args }, ...fix, ...(edit ? { edit } : {}) });
    },
  };
}
