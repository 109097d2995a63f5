/** The diagnostic record every stage emits instead of throwing on user mistakes. */
import type { Span } from '../model/source.js';

/**
 * `info` marks a safe normalisation that only `check --fix` acts on (a date written 2021年11月5日 becomes
 * 2021-11-05): the input is accepted as it is, so reporters never show it.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Arguments interpolated into a catalogue message, e.g. `{ char: '[' }`. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * A problem in the user's input. `code` is stable (see codes.ts); the text is produced by the
 * catalogue from `code` and `args` in the reporter's language, so the core stays language-neutral.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Where the problem is; absent only for problems with no file (e.g. an empty issue folder). */
  span?: Span;
  args: MessageArgs;
  /** A concrete replacement value when one exists (e.g. 长府〔2021〕46号), shown in the hint. */
  fix?: string;
  /** A safe, unambiguous edit that `check --fix` may apply (like ESLint's fixer); absent when a human must decide. */
  edit?: TextEdit;
}

/** Replace `[start, end)` (UTF-16 offsets into the decoded text) with `text`, or re-encode the whole file as UTF-8. */
export type TextEdit = { kind: 'replace'; start: number; end: number; text: string } | { kind: 'reencode'; from: string };

/** A value plus every diagnostic found while producing it. */
export interface Outcome<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** The diagnostics a person is shown: errors and warnings. */
export function shown(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity !== 'info');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
