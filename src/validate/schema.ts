/** The front-matter fields a document may carry, their kinds, and how a raw YAML value reads as each kind. */
import type { RawField } from '../model/document.js';
import { withoutInvisible } from '../shared/unicode.js';

export type FieldKind = 'text' | 'text-or-list' | 'list' | 'date' | 'integer' | 'printed' | 'document-number';

/** Every field of the public source format (README "Source files" documents each one). */
export const FIELD_KINDS = {
  title: 'text',
  issuer: 'text-or-list',
  date: 'date',
  number: 'document-number',
  category: 'text',
  recipients: 'text',
  signature: 'text-or-list',
  note: 'text',
  attachments: 'list',
  cc: 'text-or-list',
  printed: 'printed',
  interprets: 'document-number',
  order: 'integer',
  index: 'text',
  subject: 'text',
  validity: 'text',
} as const satisfies Record<string, FieldKind>;

export type FieldName = keyof typeof FIELD_KINDS;
export const FIELD_NAMES = Object.keys(FIELD_KINDS) as FieldName[];

/** A non-empty trimmed string as printed (invisible characters removed, `check` reports them), or undefined. */
export function asText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? withoutInvisible(value).trim() : '';
  return text !== '' ? text : undefined;
}

/**
 * A list of non-empty strings: a YAML list of them, or a single string (a one-element list; 抄送 may also be
 * written 甲，乙 as printed). Undefined when the value is anything else.
 */
export function asTextList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return asText(value) === undefined ? undefined : [asText(value)!];
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map(asText);
  return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
}

/** `printed: { by: 印发机关, date: 印发日期 }` with both present as text. */
export function asPrinted(value: unknown): { by: string; date: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const by = asText(record.by);
  const date = typeof record.date === 'string' || typeof record.date === 'number' ? String(record.date).trim() : undefined;
  return by && date ? { by, date } : undefined;
}

/** Whether a present field has the shape its kind asks for (dates are left to the date rules). */
export function hasKind(field: RawField, kind: FieldKind): boolean {
  const { value } = field;
  if (value === null) return true;
  switch (kind) {
    case 'text':
    case 'document-number':
      return typeof value === 'string';
    case 'text-or-list':
      return asTextList(value) !== undefined || value === '';
    case 'list':
      return asTextList(value) !== undefined;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1;
    case 'printed':
      return asPrinted(value) !== undefined;
    case 'date':
      return true;
  }
}
