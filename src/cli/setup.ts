/** Setup problems (no documents/, unknown issue …) are reported like diagnostics, in the chosen format; they exit 2. */
import type { SetupProblem } from '../load/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The setup problem as a diagnostic, so every reporter (pretty, json, github, the preview overlay) can show it. */
export function setupDiagnostic(problem: SetupProblem): Diagnostic {
  return { code: problem.code, severity: 'error', args: problem.args };
}
