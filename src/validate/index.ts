/** Validate stage: runs every rule over the loaded project and returns typed documents for the target issues. */
import type { DocumentMeta, GazetteDocument, ParsedDocument } from '../model/document.js';
import type { Span } from '../model/source.js';
import type { Diagnostic, Outcome } from '../diagnostics/diagnostic.js';
import type { Project } from '../load/index.js';
import { toDiagnostic, type DocumentView, type Rule } from './rule.js';
import { rules } from './rules/index.js';

export { rules } from './rules/index.js';
export type { Rule, RuleMeta } from './rule.js';

/** Validates the whole project, reporting only on `targets` (project rules still see every issue). */
export function validate(project: Project, targets: ReadonlySet<string>): Outcome<Map<string, GazetteDocument[]>> {
  const diagnostics: Diagnostic[] = [];
  const views = project.issues.flatMap((issue) => issue.documents.map((parsed) => view(parsed, project, issue.file?.meta)));
  const all: Rule[] = Object.values(rules);
  for (const rule of all) {
    const report = (r: Parameters<Parameters<Rule['check']>[0]['report']>[0]): void => void diagnostics.push(toDiagnostic(rule, r));
    if (rule.scope === 'project') rule.check({ project, documents: views, targets, report });
    else for (const doc of views) if (targets.has(doc.parsed.issueId)) rule.check({ doc, publication: project.publication, report });
  }
  const documents = new Map<string, GazetteDocument[]>();
  for (const doc of views) {
    if (!targets.has(doc.parsed.issueId)) continue;
    const typed = toDocument(doc);
    if (typed) documents.set(doc.parsed.issueId, [...(documents.get(doc.parsed.issueId) ?? []), typed]);
  }
  return { value: documents, diagnostics };
}

function view(parsed: ParsedDocument, project: Project, issue: DocumentView['issue']): DocumentView {
  const category = parsed.fields.get('category')?.value;
  const section = project.publication.sections.find((s) => s.name === (typeof category === 'string' ? category.trim() : ''));
  return {
    parsed,
    text(key) {
      const field = parsed.fields.get(key);
      return field && typeof field.value === 'string' && field.value.trim() !== '' ? (field as typeof field & { value: string }) : undefined;
    },
    ...(section ? { section } : {}),
    ...(issue ? { issue } : {}),
  };
}

/** The typed document, when the fields the later stages need are usable (errors are reported by the rules). */
function toDocument(doc: DocumentView): GazetteDocument | undefined {
  const text = (key: string): string | undefined => doc.text(key)?.value.trim();
  const [title, issuer, category] = [text('title'), text('issuer'), text('category')];
  if (!title || !issuer || !category || !doc.parsed.body) return undefined;
  const order = doc.parsed.fields.get('order')?.value;
  // Whether a date is printed is the section's decision, taken here once for every renderer.
  const optional = {
    date: doc.section?.dated === false ? undefined : text('date'),
    number: text('number'),
    recipients: text('recipients')?.replace(/[：:]$/u, ''),
    interprets: text('interprets'),
  };
  const meta: DocumentMeta = {
    title,
    issuer,
    category,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...(typeof order === 'number' ? { order } : {}),
  };
  const fieldSpans = new Map<string, Span>([...doc.parsed.fields].map(([key, field]) => [key, field.span]));
  return { id: doc.parsed.id, issueId: doc.parsed.issueId, meta, file: doc.parsed.file, body: doc.parsed.body, fieldSpans };
}
