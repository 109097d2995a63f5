/**
 * Orders and deduplicates diagnostics so every report lists them the same way: by file, line, column, code. Paths
 * and codes compare by code unit, never by the process locale, so the order is the same on every machine.
 */
import type { Diagnostic } from './diagnostic.js';

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.code}|${d.span?.file}|${d.span?.start.line}|${d.span?.start.column}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compare(a.span?.file ?? '', b.span?.file ?? '') ||
      (a.span?.start.line ?? 0) - (b.span?.start.line ?? 0) ||
      (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0) ||
      compare(a.code, b.code),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
