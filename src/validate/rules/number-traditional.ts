/** A9: simplified characters only: 號 規 辦 發 … are a Big5-conversion artefact. */
import { defineNumberRule } from './number-rule.js';
import { traditionalToSimplified } from '../number.js';

export const numberTraditional = defineNumberRule(
  { codes: { 'number-traditional': 'error' }, standard: ['A9'], fixable: false, description: '发文字号使用简体字' },
  ({ raw }) => {
    const found = [...new Set([...raw].filter((c) => c in traditionalToSimplified))];
    return found.length > 0 ? { safe: false, args: { chars: found.join('') } } : undefined;
  },
);
