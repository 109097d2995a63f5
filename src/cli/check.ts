/** `gazette check`: validate issues, optionally apply safe fixes, report in the chosen format. */
import { chmodSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { shown, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Host } from '../host/host.js';
import { createNodeHost } from '../host/node-host.js';
import { check } from '../pipeline.js';
import { applyFixes, type FixRecord } from '../fix/index.js';
import { formatDiagnostics, type Format, type Lang } from '../report/index.js';
import { plural } from '../report/pretty.js';
import { setupDiagnostic } from './setup.js';
import { displayPaths, useColor, writeFileAtomic, type Io } from './io.js';

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
  let result = await check(host, options.issues);
  const fixed: FixRecord[] = [];
  for (let pass = 0; options.fix && !result.setup && pass < maxFixPasses; pass++) {
    const changed = fixFiles(root, host, result.diagnostics);
    if (changed.length === 0) break;
    fixed.push(...changed);
    result = await check(host, options.issues);
  }
  const diagnostics = shown(result.setup ? [...result.diagnostics, setupDiagnostic(result.setup)] : result.diagnostics);
  const paths = displayPaths(root, io.cwd);
  const color = options.format === 'pretty' && useColor(io);
  io.stdout(
    await formatDiagnostics(options.format, paths.diagnostics(diagnostics), { lang: options.lang, color, fixed: fixed.map((f) => ({ ...f, file: paths.file(f.file) })) }),
  );
  if (result.setup) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(
      options.lang === 'zh'
        ? `警告数 ${warnings} 超过 --max-warnings ${options.maxWarnings}\n`
        : `${plural(warnings, 'warning')} exceed${warnings === 1 ? 's' : ''} --max-warnings ${options.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

/** Applies the diagnostics' safe edits file by file; returns one record per changed place. */
function fixFiles(root: string, host: Host, diagnostics: readonly Diagnostic[]): FixRecord[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.edit && d.span) byFile.set(d.span.file, [...(byFile.get(d.span.file) ?? []), d]);
  const records: FixRecord[] = [];
  for (const [file, group] of byFile) {
    const bytes = host.readBytes(file);
    const result = bytes && applyFixes(bytes, group);
    if (!result) continue;
    // Fix the file a symlink points to, and keep its permissions.
    const target = realpathSync(resolve(root, file));
    const mode = statSync(target).mode;
    writeFileAtomic(target, result.bytes);
    chmodSync(target, mode);
    records.push(...fixRecords(result.applied));
  }
  return records;
}

/** One record per changed place, naming every rule the change satisfied. */
function fixRecords(applied: readonly Diagnostic[]): FixRecord[] {
  const byPlace = new Map<string, FixRecord>();
  for (const d of applied) {
    const { file, start } = d.span!;
    const key = `${file}:${start.line}:${start.column}`;
    const record = byPlace.get(key) ?? {
      file,
      line: start.line,
      column: start.column,
      from: d.edit?.kind === 'reencode' ? d.edit.from : String(d.args.number ?? d.args.date ?? d.args.char ?? ''),
      to: d.edit?.kind === 'replace' ? d.edit.text.replace(/^["']|["']$/g, '') : 'UTF-8',
      codes: [],
    };
    record.codes.push(d.code);
    byPlace.set(key, record);
  }
  return [...byPlace.values()];
}
