/** Reporters: pure functions from diagnostics to text, chosen by name. */
import { shown, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FixRecord } from '../fix/index.js';
import { describe, type Lang } from '../diagnostics/codes.js';
import { formatPretty } from './pretty.js';
import { formatJson } from './json.js';

export { jsonDiagnostic } from './json.js';
import { formatGithub } from './github.js';

export type { Lang } from '../diagnostics/codes.js';

/** A diagnostic with its text resolved in one language: the shape every reporter (and the preview overlay) uses. */
export interface ResolvedDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
  fix?: string;
}

/** One diagnostic in one language. */
export function resolve(diagnostic: Diagnostic, lang: Lang): ResolvedDiagnostic {
  const text = describe(diagnostic.code, diagnostic.args, diagnostic.fix, lang);
  const { span } = diagnostic;
  return {
    ...(span ? { file: span.file, line: span.start.line, column: span.start.column } : {}),
    ...(span?.end ? { endLine: span.end.line, endColumn: span.end.column } : {}),
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: text.message,
    ...(text.hint ? { hint: text.hint } : {}),
    ...(diagnostic.fix !== undefined ? { fix: diagnostic.fix } : {}),
  };
}

/** A diagnostic (a loose line too) as a note of a proof: where, what, and what to do. */
export function proofNote(diagnostic: Diagnostic, lang: Lang): string {
  const text = describe(diagnostic.code, diagnostic.args, diagnostic.fix, lang);
  const where = diagnostic.span ? `${diagnostic.span.file}:${diagnostic.span.start.line}\u3000` : '';
  return `${where}${text.message}${text.hint ? (lang === 'zh' ? `（${text.hint}）` : ` (${text.hint})`) : ''}`;
}

export interface ReportOptions {
  lang: Lang;
  color: boolean;
  /** What --fix changed, reported before the problems. */
  fixed?: readonly FixRecord[];
  /** Report `info` diagnostics too (`check`: a form it accepts and `--fix` rewrites); other commands report problems only. */
  notes?: boolean;
}

export type Format = 'pretty' | 'json' | 'github';
export const formats: readonly Format[] = ['pretty', 'json', 'github'];

export function formatDiagnostics(format: Format, diagnostics: readonly Diagnostic[], options: ReportOptions): Promise<string> {
  const resolved = (options.notes ? diagnostics : shown(diagnostics)).map((d) => resolve(d, options.lang));
  switch (format) {
    case 'json':
      return Promise.resolve(formatJson(resolved, options.fixed ?? []));
    case 'github':
      return Promise.resolve(formatGithub(resolved, options.fixed ?? []));
    case 'pretty':
      return formatPretty(resolved, options);
  }
}
