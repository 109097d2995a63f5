/** Reads `documents/<issue>/issue.yml` (E1/E2 inputs) with positioned diagnostics. */
import { LineIndex, readYamlMap } from '../parse/index.js';
import type { IssueMeta } from '../model/gazette.js';
import type { Span } from '../model/source.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import { isRealIsoDate } from '../shared/dates.js';

/** The issue metadata plus the spans of its fields, for issue-level rules. */
export interface IssueFile {
  meta: IssueMeta;
  path: string;
  spans: ReadonlyMap<string, Span>;
}

export function readIssueMeta(id: string, path: string, text: string): Outcome<IssueFile | undefined> {
  const read = readYamlMap(path, text, 0, new LineIndex(text));
  if (!read.value) return { value: undefined, diagnostics: read.diagnostics };
  const { fields } = read.value;
  const diagnostics: Diagnostic[] = [];
  const fileStart: Span = { file: path, start: { line: 1, column: 1 } };
  const integer = (key: string): number => {
    const field = fields.get(key);
    if (!field) diagnostics.push({ code: 'issue-field-missing', severity: 'error', span: fileStart, args: { file: path, field: key } });
    else if (typeof field.value !== 'number' || !Number.isInteger(field.value) || field.value < 1)
      diagnostics.push({ code: 'issue-invalid', severity: 'error', span: field.span, args: { field: key, value: field.source, expected: 'integer' } });
    else return field.value;
    return 0;
  };
  const year = integer('year');
  const number = integer('number');
  const total = integer('total');
  const published = fields.get('published');
  if (!published) diagnostics.push({ code: 'issue-field-missing', severity: 'error', span: fileStart, args: { file: path, field: 'published' } });
  else if (typeof published.value !== 'string' || !isRealIsoDate(published.value))
    diagnostics.push({ code: 'issue-invalid', severity: 'error', span: published.span, args: { field: 'published', value: published.source, expected: 'date' } });
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  const spans = new Map([...fields].map(([key, field]) => [key, field.span]));
  return { value: { meta: { id, year, number, total, published: published!.value as string }, path, spans }, diagnostics };
}
