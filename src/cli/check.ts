/** `gazette check`: validate issues, optionally apply safe fixes, report in the chosen format. */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createNodeHost } from '../host/node-host.js';
import { check } from '../pipeline.js';
import { applyFixes } from '../fix/index.js';
import { formatDiagnostics, type Format, type Lang } from '../report/index.js';
import { reportSetup } from './setup.js';
import { useColor, writeFileAtomic, type Io } from './io.js';

export interface CheckOptions {
  issues: string[];
  format: Format;
  fix: boolean;
  lang: Lang;
  root: string;
  maxWarnings?: number;
}

const maxFixPasses = 10;

export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const root = resolve(io.cwd, options.root);
  const host = createNodeHost(root);
  let result = check(host, options.issues);
  const fixed: string[] = [];
  for (let pass = 0; options.fix && !result.setup && pass < maxFixPasses; pass++) {
    const changed = fixFiles(root, host, result.diagnostics);
    if (changed.length === 0) break;
    fixed.push(...changed);
    result = check(host, options.issues);
  }
  if (result.setup) return reportSetup(result.setup, options.lang, io);
  const color = options.format === 'pretty' && useColor(io);
  io.stdout(await formatDiagnostics(options.format, result.diagnostics, { lang: options.lang, color, fixed }));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(options.lang === 'zh' ? `警告数 ${warnings} 超过 --max-warnings ${options.maxWarnings}\n` : `${warnings} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Applies the diagnostics' safe edits file by file; returns one line per change for the report. */
function fixFiles(root: string, host: ReturnType<typeof createNodeHost>, diagnostics: readonly Diagnostic[]): string[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.edit && d.span) byFile.set(d.span.file, [...(byFile.get(d.span.file) ?? []), d]);
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    const bytes = host.readBytes(file);
    const result = bytes && applyFixes(bytes, group);
    if (!result) continue;
    writeFileAtomic(resolve(root, file), result.bytes);
    lines.push(...describeFixes(result.applied));
  }
  return lines;
}

/** One line per changed place, naming every rule the change satisfied. */
function describeFixes(applied: readonly Diagnostic[]): string[] {
  const byPlace = new Map<string, { change: string; codes: string[] }>();
  for (const d of applied) {
    const where = `${d.span!.file}:${d.span!.start.line}:${d.span!.start.column}`;
    const change =
      d.edit?.kind === 'replace' ? `${String(d.args.number ?? d.args.date ?? '')} → ${d.edit.text.replace(/^["']|["']$/g, '')}` : `${d.edit?.kind === 'reencode' ? d.edit.from : ''} → UTF-8`;
    const entry = byPlace.get(where) ?? { change, codes: [] };
    entry.codes.push(d.code);
    byPlace.set(where, entry);
  }
  return [...byPlace].map(([where, { change, codes }]) => `${where}  ${change}  (${codes.join(', ')})`);
}
