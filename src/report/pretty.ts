/** Human report: grouped by file, coloured with chalk when enabled, ending with a summary line. */
import type { ReportOptions, ResolvedDiagnostic } from './index.js';
import { printable } from './printable.js';

const summaries = {
  zh: (errors: number, warnings: number, notes: number) =>
    `${errors + warnings === 0 ? '✔ 未发现问题' : `✖ ${errors} 个错误，${warnings} 个警告`}${notes > 0 ? `（另有 ${notes} 条提示）` : ''}`,
  en: (errors: number, warnings: number, notes: number) =>
    `${errors + warnings === 0 ? '✔ no problems' : `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`}${notes > 0 ? ` (and ${plural(notes, 'note')})` : ''}`,
};
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const labels = { zh: { error: '错误', warning: '警告', info: '提示', fix: '修正' }, en: { error: 'error', warning: 'warning', info: 'note', fix: 'fix' } };

export async function formatPretty(diagnostics: readonly ResolvedDiagnostic[], options: ReportOptions): Promise<string> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const label = labels[options.lang];
  const lines: string[] = (options.fixed ?? []).map(
    (f) => `${chalk.green(label.fix)} ${printable(f.file)}:${f.line}:${f.column}  ${printable(f.from)} → ${printable(f.to)}  ${chalk.dim(`(${f.codes.join(', ')})`)}`,
  );
  if (lines.length > 0) lines.push('');
  const byFile = new Map<string, ResolvedDiagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file ?? '', [...(byFile.get(d.file ?? '') ?? []), d]);
  for (const [file, group] of byFile) {
    if (file) lines.push(chalk.underline(printable(file)));
    for (const d of group) {
      const where = d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '';
      const severity = d.severity === 'error' ? chalk.red(label.error) : d.severity === 'warning' ? chalk.yellow(label.warning) : chalk.cyan(label.info);
      lines.push(`  ${chalk.dim(where.padEnd(7))} ${severity}  ${printable(d.message)}  ${chalk.dim(d.code)}`);
      if (d.hint) lines.push(`  ${' '.repeat(7)} ${chalk.cyan(printable(d.hint))}`);
    }
    lines.push('');
  }
  const count = (severity: ResolvedDiagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length;
  const [errors, warnings] = [count('error'), count('warning')];
  const summary = summaries[options.lang](errors, warnings, count('info'));
  lines.push(errors > 0 ? chalk.red.bold(summary) : warnings > 0 ? chalk.yellow.bold(summary) : chalk.green(summary));
  return `${lines.join('\n')}\n`;
}
