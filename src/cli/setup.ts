/** Setup problems (no documents/, unknown issue …) are reported like diagnostics, in the chosen format; they exit 2. */
import type { SetupProblem } from '../load/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The setup problem as a diagnostic, so every reporter (pretty, json, github, the preview overlay) can show it;
 * `root`, the project folder the command looked in, is named where that helps (documents/ not found there).
 */
export function setupDiagnostic(problem: SetupProblem, root?: string): Diagnostic {
  return { code: problem.code, severity: 'error', args: { ...problem.args, ...(root ? { root } : {}) } };
}
