/** The only module that sequences the stages: load → parse → validate → order → paginate → render. */
import type { Host } from './host/host.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/sink.js';
import { loadProject, type Project, type SetupProblem } from './load/index.js';
import { validate } from './validate/index.js';

export interface CheckResult {
  setup?: SetupProblem;
  diagnostics: Diagnostic[];
  project?: Project;
}

/** Validates the given issues (all when empty) without parsing Markdown bodies: the fast CI gate. */
export function check(host: Host, issues: readonly string[]): CheckResult {
  const loaded = loadProject(host, issues);
  if ('setup' in loaded) return { setup: loaded.setup, diagnostics: sortDiagnostics(loaded.diagnostics) };
  const targets = new Set(issues.length > 0 ? issues : loaded.project.issues.map((issue) => issue.id));
  const validated = validate(loaded.project, targets);
  return { project: loaded.project, diagnostics: sortDiagnostics([...loaded.diagnostics, ...validated.diagnostics]) };
}

export { hasErrors };
