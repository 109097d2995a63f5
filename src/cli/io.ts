/** What a command needs from the process, injected so tests can run commands in memory. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, progress). */
  isTTY: boolean;
}

/** Writes via a temporary file in the same folder and a rename, so readers never see a half-written file. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Whether the parse cache is on: GAZETTE_CACHE=0 turns it off (to time or debug a build from scratch). */
export function useCache(io: Io): boolean {
  return io.env.GAZETTE_CACHE !== '0';
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
