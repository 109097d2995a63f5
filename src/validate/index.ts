/** Validate stage: runs every rule over the loaded project and returns typed documents for the target issues. */
import type { DocumentMeta, GazetteDocument, ParsedDocument } from '../model/document.js';
import type { Publication } from '../model/gazette.js';
import type { Span } from '../model/source.js';
import type { Diagnostic, Outcome, Severity } from '../diagnostics/diagnostic.js';
import type { Project } from '../load/index.js';
import { anyDateToIso } from '../shared/dates.js';
import { looksLikeOrder } from '../shared/number.js';
import { splitJointIssuers } from '../shared/issuers.js';
import { toDiagnostic, type DocumentView, type Rule } from './rule.js';
import { rules } from './rules/index.js';
import { asPrinted, asText, asTextList } from './schema.js';
import { closest } from './closest.js';
import type { BuildMemo } from '../shared/build-memo.js';
import { append } from '../shared/arrays.js';

export { rules } from './rules/index.js';
export type { Rule, RuleMeta } from './rule.js';
export { FIELD_KINDS, FIELD_NAMES } from './schema.js';
export { safeNormalizeNumber, splitNumber } from './number.js';

/** Every code a validation rule can emit, with its default severity. */
export function ruleCodes(): Map<string, Severity> {
  return new Map(Object.values(rules as Record<string, Rule>).flatMap((rule) => Object.entries(rule.meta.codes)));
}

/**
 * Applies gazette.yml `rules:` overrides (`off` drops a code, `warning`/`error` restate its severity) and reports
 * override names that are no rule's code, with the closest code as the hint.
 */
function applyOverrides(diagnostics: readonly Diagnostic[], publication: Publication): Diagnostic[] {
  const known = ruleCodes();
  const overrides = new Map(publication.rules.filter((setting) => known.has(setting.code)).map((setting) => [setting.code, setting.severity]));
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const severity = overrides.get(diagnostic.code);
    if (severity === 'off') continue;
    out.push(severity ? { ...diagnostic, severity } : diagnostic);
  }
  for (const setting of publication.rules) {
    if (known.has(setting.code)) continue;
    const guess = closest(setting.code, [...known.keys()]);
    out.push({ code: 'rule-unknown', severity: 'error', span: setting.span, args: { rule: setting.code }, ...(guess ? { fix: guess } : {}) });
  }
  return out;
}

/** Validates the whole project, reporting only on `targets` (project rules still see every issue). */
export function validate(project: Project, targets: ReadonlySet<string>, memo?: BuildMemo): Outcome<Map<string, GazetteDocument[]>> {
  const diagnostics: Diagnostic[] = [];
  const views = project.issues.flatMap((issue) => issue.documents.map((parsed) => view(parsed, project, issue.file?.meta)));
  const all: Rule[] = Object.values(rules);
  const collect = (rule: Rule, into: Diagnostic[]) => (r: Parameters<Parameters<Rule['check']>[0]['report']>[0]): void => void into.push(toDiagnostic(rule, r));
  for (const rule of all) if (rule.scope === 'project') rule.check({ project, documents: views, targets, report: collect(rule, diagnostics) });
  // A document rule sees the document, its issue's issue.yml and gazette.yml: an unchanged document in an unchanged
  // issue and gazette has the same findings as in the last build.
  const context = memo ? JSON.stringify(project.publication) : '';
  for (const doc of views) {
    if (!targets.has(doc.parsed.issueId)) continue;
    const check = (): Diagnostic[] => {
      const found: Diagnostic[] = [];
      for (const rule of all) if (rule.scope !== 'project') rule.check({ doc, publication: project.publication, report: collect(rule, found) });
      return found;
    };
    append(diagnostics, memo ? memo.get(`rules\u0000${context}\u0000${JSON.stringify(doc.issue ?? null)}\u0000${doc.parsed.file.path}\u0000${doc.parsed.file.text}`, check) : check());
  }
  const documents = new Map<string, GazetteDocument[]>();
  for (const doc of views) {
    if (!targets.has(doc.parsed.issueId)) continue;
    const typed = toDocument(doc);
    if (typed) documents.set(doc.parsed.issueId, [...(documents.get(doc.parsed.issueId) ?? []), typed]);
  }
  return { value: documents, diagnostics: applyOverrides(diagnostics, project.publication) };
}

/** The issuing bodies; a joint document's written as one name is read as the bodies it names (issuer-joined says so). */
function issuersOf(written: string[], project: Project): string[] {
  return (written.length === 1 && splitJointIssuers(project.publication, written[0]!)) || written;
}

function view(parsed: ParsedDocument, project: Project, issue: DocumentView['issue']): DocumentView {
  const category = parsed.fields.get('category')?.value;
  const section = project.publication.sections.find((s) => s.name === (typeof category === 'string' ? category.trim() : ''));
  const list = (key: string): string[] | undefined => asTextList(parsed.fields.get(key)?.value);
  return {
    parsed,
    text(key) {
      const field = parsed.fields.get(key);
      return field && typeof field.value === 'string' && field.value.trim() !== '' ? (field as typeof field & { value: string }) : undefined;
    },
    list,
    issuers: issuersOf(list('issuer') ?? [], project),
    ...(section ? { section } : {}),
    ...(issue ? { issue } : {}),
  };
}

/** The typed document, when the fields the later stages need are usable (errors are reported by the rules). */
function toDocument(doc: DocumentView): GazetteDocument | undefined {
  const field = (key: string): unknown => doc.parsed.fields.get(key)?.value;
  const text = (key: string): string | undefined => asText(field(key));
  const [title, category] = [text('title'), text('category')];
  if (!title || doc.issuers.length === 0 || !category || !doc.parsed.body) return undefined;
  const order = field('order');
  const number = text('number');
  const date = text('date') ?? (typeof field('date') === 'number' ? String(field('date')) : undefined);
  const printed = asPrinted(field('printed'));
  const printedDate = printed && anyDateToIso(printed.date);
  // Whether a date is printed is the section's decision, taken here once for every writer.
  const optional = {
    date: doc.section?.dated === false || date === undefined ? undefined : anyDateToIso(date),
    number,
    numberKind: number === undefined ? undefined : doc.section?.number === 'order' || looksLikeOrder(number) ? ('order' as const) : ('document' as const),
    recipients: text('recipients')?.replace(/[：:]$/u, ''),
    note: text('note')?.replace(/^[（(](.*)[）)]$/u, '$1'),
    interprets: text('interprets'),
    index: text('index'),
    subject: text('subject'),
    validity: text('validity'),
    printed: printed && printedDate ? { by: printed.by, date: printedDate } : undefined,
  };
  const meta: DocumentMeta = {
    title,
    issuers: doc.issuers,
    category,
    signature: doc.list('signature') ?? [],
    attachments: doc.list('attachments') ?? [],
    cc: doc.list('cc') ?? [],
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...(typeof order === 'number' ? { order } : {}),
  };
  const fieldSpans = new Map<string, Span>([...doc.parsed.fields].map(([key, f]) => [key, f.span]));
  return { id: doc.parsed.id, issueId: doc.parsed.issueId, meta, file: doc.parsed.file, body: doc.parsed.body, fieldSpans };
}
