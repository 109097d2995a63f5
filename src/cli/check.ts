/** `gazette check`: validate issues, optionally apply safe fixes, report in the chosen format. */
import { chmodSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shown, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isFileError, type Host } from '../host/host.js';
import { overlayHost } from '../host/overlay-host.js';
import { check } from '../pipeline.js';
import { applyFixes, type FixRecord } from '../fix/index.js';
import { decode } from '../parse/index.js';
import { formatDiagnostics, type Format, type Lang } from '../report/index.js';
import { plural } from '../report/pretty.js';
import { setupDiagnostic } from './setup.js';
import { displayPaths, openProject, useColor, writeFileAtomic, type Io } from './io.js';

export interface CheckOptions {
  issues: string[];
  format: Format;
  fix: boolean;
  lang: Lang;
  root: string;
  maxWarnings?: number;
}

const maxFixPasses = 10;

/** A fix that could not be written: the file is as it was, and the problems are reported as found. */
const FIX_FAILED: Record<Lang, (file: string, reason: string) => string> = {
  zh: (file, reason) => `✖ 无法写入对 ${file} 的修正（${reason}），该文件未改动：请检查它和所在文件夹的写入权限\n`,
  en: (file, reason) => `✖ Cannot write the fixes to ${file} (${reason}); the file is unchanged: check its and its folder's write permission\n`,
};

export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const root = resolve(io.cwd, options.root);
  const host = openProject(root, io, options.lang);
  let result = await check(host, options.issues);
  const fixed: FixRecord[] = [];
  const unwritable = new Map<string, string>();
  for (let pass = 0; options.fix && !result.setup && pass < maxFixPasses; pass++) {
    const changed = await fixFiles(root, host, options.issues, result.diagnostics, unwritable);
    if (changed.length === 0) break;
    fixed.push(...changed);
    result = await check(host, options.issues);
  }
  // A note (a form check accepts and --fix rewrites) is reported too, but is no problem: it counts for nothing.
  const reported = result.setup ? [...result.diagnostics, setupDiagnostic(result.setup, root)] : result.diagnostics;
  const diagnostics = shown(reported);
  const paths = displayPaths(root, io.cwd);
  const color = options.format === 'pretty' && useColor(io);
  io.stdout(
    await formatDiagnostics(options.format, paths.diagnostics(reported), { lang: options.lang, color, notes: true, fixed: fixed.map((f) => ({ ...f, file: paths.file(f.file) })) }),
  );
  for (const [file, reason] of unwritable) io.stderr(FIX_FAILED[options.lang](paths.file(file), reason));
  if (result.setup) return 2;
  if (unwritable.size > 0) return 2;
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

/**
 * Applies the diagnostics' safe edits, each real file once (a file reached by a symlink or a hard link too is the
 * same file: its diagnostics carry the same offsets, applied twice they would corrupt it). A fix is written only
 * if checking the fixed file finds nothing it did not find before; otherwise the file stays as it is.
 */
async function fixFiles(root: string, host: Host, issues: readonly string[], diagnostics: readonly Diagnostic[], unwritable: Map<string, string>): Promise<FixRecord[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.edit && d.span) byFile.set(d.span.file, [...(byFile.get(d.span.file) ?? []), d]);
  const records: FixRecord[] = [];
  const done = new Set<string>();
  for (const [file, group] of byFile) {
    const target = realpathSync(resolve(root, file));
    const stat = statSync(target);
    const identity = `${stat.dev}:${stat.ino}`;
    if (done.has(identity) || unwritable.has(file)) continue;
    done.add(identity);
    const bytes = host.readFile(file);
    const result = !isFileError(bytes) && applyFixes(bytes, group);
    if (!result) continue;
    const before = new Set(diagnostics.filter((d) => d.span?.file === file).map(signature));
    const trial = await check(overlayHost(host, new Map([[file, result.bytes]])), issues);
    if (trial.diagnostics.some((d) => d.span?.file === file && !before.has(signature(d)))) continue;
    // A file with hard links is rewritten in place, so that every name keeps showing the same (fixed) file; any
    // other file is replaced atomically, so that a crash never leaves half a document.
    try {
      if (stat.nlink > 1) writeFileSync(target, result.bytes);
      else {
        writeFileAtomic(target, result.bytes);
        chmodSync(target, stat.mode);
      }
    } catch (error) {
      unwritable.set(file, (error as NodeJS.ErrnoException).code ?? String(error));
      continue;
    }
    const decoded = decode(bytes);
    records.push(...fixRecords(result.applied, 'error' in decoded ? '' : decoded.text));
  }
  return records;
}

/** What a diagnostic says, without where: a fix moves text, so positions change while the findings stay. */
function signature(d: Diagnostic): string {
  return `${d.code}|${JSON.stringify(d.args)}`;
}

/** One record per changed place, naming every rule the change satisfied; `text` is the file before the fix. */
function fixRecords(applied: readonly Diagnostic[], text: string): FixRecord[] {
  const byPlace = new Map<string, FixRecord>();
  for (const d of applied) {
    const { file, start } = d.span!;
    const key = `${file}:${start.line}:${start.column}`;
    const record = byPlace.get(key) ?? {
      file,
      line: start.line,
      column: start.column,
      from: d.edit?.kind === 'reencode' ? d.edit.from : text.slice(d.edit!.start, d.edit!.end).replace(/^["']|["']$/g, ''),
      to: d.edit?.kind === 'replace' ? d.edit.text.replace(/^["']|["']$/g, '') : 'UTF-8',
      codes: [],
    };
    record.codes.push(d.code);
    byPlace.set(key, record);
  }
  return [...byPlace.values()];
}
