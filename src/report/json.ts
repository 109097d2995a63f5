/** Machine-readable report; the schema is documented in README ("JSON output"). Field order is stable. */
import type { FixRecord } from '../fix/index.js';
import type { ResolvedDiagnostic } from './index.js';

export function formatJson(diagnostics: readonly ResolvedDiagnostic[], fixed: readonly FixRecord[]): string {
  const count = (severity: ResolvedDiagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length;
  const report = {
    version: 1,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    diagnostics: diagnostics.map(jsonDiagnostic),
    fixed: fixed.map((f) => ({ file: f.file, line: f.line, column: f.column, from: f.from, to: f.to, codes: f.codes })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One diagnostic as the JSON reports write it (`check` and `import`). */
export function jsonDiagnostic(d: ResolvedDiagnostic) {
  return {
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint ?? null,
    fix: d.fix ?? null,
  };
}
