/** What a command needs from the process, injected so tests can run commands in memory. */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/codes.js';
import type { Host } from '../host/host.js';
import { cacheFolders } from '../host/cache-folders.js';
import { createNodeHost } from '../host/node-host.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
  /** The terminal's width in columns, when stdout is one: help text wraps to it (80 otherwise). */
  columns?: number;
}

/** Writes via a temporary file in the same folder and a rename, so readers never see a half-written file. */
/** Folders whose stale temporary files this process has cleared. */
const cleared = new Set<string>();

export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  // Temporary copies killed runs left in the folder go first (each folder looked at once per process).
  const prefix = `.${basename(path)}.`;
  const folder = dirname(path);
  for (const name of cleared.has(folder) ? [] : readdirSync(folder)) {
    const pid = /^\..+\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid && !running(Number(pid))) rmSync(join(folder, name), { force: true });
  }
  cleared.add(folder);
  const temporary = join(dirname(path), `${prefix}${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The file that marks a folder as gazette's output: its files may be replaced as a whole. */
export const OUTPUT_MARKER = '.gazette-output';

/** Whether the process `pid` still runs (a build writing its own staging folder now). */
function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears what killed runs of the same output left behind: their staging folders go; a retired folder goes too,
 * unless a run was killed between its two renames and the retired set is the only one left, which then returns.
 * Folders of a run still going on are left to it.
 */
function clearLeftovers(dir: string): void {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(prefix) ? /\.(staging|old)-(\d+)$/.exec(name) : null;
    if (!match || running(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(dir)) renameSync(path, dir);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** What earlier versions of gazette wrote into an output folder before it was marked. */
const EARLIER_OUTPUT = /^(?:index\.html|style\.css|assets|gazette-[^/]+\.pdf)$/;

/** Whether `dir` may be replaced by an output set: missing, empty, or written by gazette before. */
export function ownsOutput(dir: string): boolean {
  if (!existsSync(dir)) return true;
  try {
    const names = readdirSync(dir);
    return names.includes(OUTPUT_MARKER) || names.every((name) => EARLIER_OUTPUT.test(name));
  } catch {
    return false;
  }
}

/**
 * Writes a whole output set (an issue's PDF, HTML, stylesheet and images) so that readers see the old set or the
 * new one, never a mix: everything goes into a staging folder beside `dir`, which then takes its place by
 * renames. What a killed run left behind is cleared first (see clearLeftovers).
 */
export function writeOutputSet(dir: string, files: readonly { path: string; data: Uint8Array | string }[], digest?: string): void {
  clearLeftovers(dir);
  const staging = join(dirname(dir), `.${basename(dir)}.staging-${process.pid}`);
  const retired = join(dirname(dir), `.${basename(dir)}.old-${process.pid}`);
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.data);
    }
    // With the inputs' digest, each file's own: `build --all` skips the set only while every file is as written.
    const sums = digest ? { sha256: Object.fromEntries(files.map((file) => [file.path, sha256(file.data)])) } : {};
    writeFileSync(join(staging, OUTPUT_MARKER), `${JSON.stringify({ files: files.map((file) => file.path), ...(digest ? { digest } : {}), ...sums })}\n`);
    if (existsSync(dir)) renameSync(dir, retired);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(dir)) renameSync(retired, dir);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/**
 * The digest of the inputs an output folder was built from (`build --all` skips an issue whose inputs match), or
 * undefined when any of its files is missing or no longer what was written (deleted, edited, a half copy).
 */
export function outputDigest(dir: string): string | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, OUTPUT_MARKER), 'utf8')) as { digest?: unknown; files?: unknown; sha256?: Record<string, unknown> };
    if (typeof marker.digest !== 'string' || !marker.sha256 || !Array.isArray(marker.files)) return undefined;
    const sums = marker.sha256;
    // Every listed file, and only files inside the folder: a marker edited by hand never makes us read elsewhere.
    if (marker.files.length !== Object.keys(sums).length) return undefined;
    for (const path of marker.files) {
      if (typeof path !== 'string' || path.split('/').some((part) => part === '..' || part === '') || isAbsolute(path)) return undefined;
      const file = join(dir, path);
      if (!lstatSync(file).isFile() || sha256(readFileSync(file)) !== sums[path]) return undefined;
    }
    return marker.digest;
  } catch {
    return undefined;
  }
}

/** Whether the parse cache is on: GAZETTE_CACHE=0 turns it off (to time or debug a build from scratch). */
function useCache(io: Io): boolean {
  return io.env.GAZETTE_CACHE !== '0';
}

/**
 * The project's files, with the parse cache unless GAZETTE_CACHE=0. When no cache folder is writable the run goes
 * on uncached, and says so: a cache that is silently off only shows as slow builds.
 */
export function openProject(root: string, io: Io, lang: Lang): Host {
  const host = createNodeHost(root, { cache: useCache(io), env: io.env });
  if (useCache(io) && !host.cache) {
    const folders = cacheFolders(root, io.env);
    io.stderr(
      lang === 'zh'
        ? `提示：缓存文件夹均不可写（${folders.join('、')}），本次不缓存解析结果；可设置 XDG_CACHE_HOME 指向可写的文件夹\n`
        : `note: no cache folder is writable (${folders.join(', ')}); running without the parse cache (set XDG_CACHE_HOME to a writable folder)\n`,
    );
  }
  return host;
}

/** Whether to colour output: a TTY, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/**
 * Diagnostics name files relative to the project root; users (and GitHub annotations) need them relative to
 * where the command runs, which differs under --root.
 */
export function displayPaths(root: string, cwd: string): { file(path: string): string; diagnostics(list: readonly Diagnostic[]): Diagnostic[] } {
  const file = (path: string): string => (root === cwd ? path : relative(cwd, resolve(root, path)).split(sep).join('/'));
  return {
    file,
    diagnostics: (list) => list.map((d) => (d.span ? { ...d, span: { ...d.span, file: file(d.span.file) } } : d)),
  };
}
