/** The shape of a validation rule: metadata beside a check that only reads and reports. */
import type { ParsedDocument, RawField } from '../model/document.js';
import type { IssueMeta, Publication, SectionSpec } from '../model/gazette.js';
import type { Span } from '../model/source.js';
import type { Diagnostic, MessageArgs, Severity, TextEdit } from '../diagnostics/diagnostic.js';
import type { Project } from '../load/index.js';
import { looksLikeOrder } from '../shared/number.js';
import { splitNumber } from './number.js';

export interface RuleMeta {
  /** Diagnostic codes this rule emits, with their severity. */
  codes: Readonly<Record<string, Severity>>;
  /** Rule IDs in shared/reference/standards-zh.md (A1…E5). */
  standard: readonly string[];
  /** Whether some of its reports carry a safe edit for `check --fix`. */
  fixable: boolean;
  description: string;
}

/** What a rule may say about one problem; severity comes from the rule's metadata. */
export interface Report {
  code: string;
  span?: Span;
  args?: MessageArgs;
  fix?: string;
  edit?: TextEdit;
}

/** A document with its section and issue, as the rules see it. */
export interface DocumentView {
  parsed: ParsedDocument;
  /** The field when it is a non-empty string, else undefined (schema checks report the rest). */
  text(key: string): (RawField & { value: string }) | undefined;
  /** A text-or-list field as a list of non-empty strings (a single string is a one-element list). */
  list(key: string): string[] | undefined;
  /** The issuing bodies: `issuer` as a list; the first is the 主办机关. */
  issuers: string[];
  section?: SectionSpec;
  issue?: IssueMeta;
}

export interface DocumentContext {
  doc: DocumentView;
  publication: Publication;
  report(report: Report): void;
}

export interface ProjectContext {
  project: Project;
  /** Documents of every issue (uniqueness spans issues). */
  documents: readonly DocumentView[];
  /** Issue ids whose problems are reported. */
  targets: ReadonlySet<string>;
  report(report: Report): void;
}

export type Rule =
  | { meta: RuleMeta; scope: 'document'; check(context: DocumentContext): void }
  | { meta: RuleMeta; scope: 'project'; check(context: ProjectContext): void };

/** Stamps severity from the rule's metadata, so rules never decide severity themselves. */
export function toDiagnostic(rule: Rule, report: Report): Diagnostic {
  const severity = rule.meta.codes[report.code];
  if (!severity) throw new Error(`rule reported undeclared code ${report.code}`);
  return {
    code: report.code,
    severity,
    ...(report.span ? { span: report.span } : {}),
    args: report.args ?? {},
    ...(report.fix !== undefined ? { fix: report.fix } : {}),
    ...(report.edit ? { edit: report.edit } : {}),
  };
}

/** An edit that replaces a scalar field's value, keeping the quotes it was written with. */
export function replaceValue(field: RawField, value: string): TextEdit | undefined {
  const start = field.span.start.offset;
  const end = field.span.end?.offset;
  // Block scalars (| and >) span several lines and their indicators; a human rewrites those.
  if (start === undefined || end === undefined || /^[|>]/.test(field.source)) return undefined;
  const quote = field.source[0] === '"' || field.source[0] === "'" ? field.source[0] : '';
  return { kind: 'replace', start, end, text: `${quote}${value}${quote}` };
}

/**
 * The `number` field when it is to be read as a 发文字号 (A1–A12): not in a section of 令, and not written as a
 * 令号 (that mix-up is number-kind's report).
 */
export function documentNumberField(doc: DocumentView): (RawField & { value: string }) | undefined {
  const field = doc.text('number');
  return field && doc.section?.number !== 'order' && !looksLikeOrder(field.value) ? field : undefined;
}

/** The `number` field when it is to be read as a 令号: in a section of 令 and not written as a 发文字号. */
export function orderNumberField(doc: DocumentView): (RawField & { value: string }) | undefined {
  const field = doc.text('number');
  return field && doc.section?.number === 'order' && splitNumber(field.value) === undefined ? field : undefined;
}
