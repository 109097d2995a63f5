/** Runs the real CLI (bin/gazette.js, compiled) in a child process on temporary project folders. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from './project.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const gazetteBin = join(projectRoot, 'bin', 'gazette.js');

export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [gazetteBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temp project: the bundled gazette.yml and issue 2021-4's issue.yml, plus the given files (root-relative). */
export function tempProject(files: Record<string, string | Uint8Array> = {}, options: { bundledIssue?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-test-'));
  mkdirSync(join(root, 'documents', '2021-4'), { recursive: true });
  cpSync(join(projectRoot, 'documents', 'gazette.yml'), join(root, 'documents', 'gazette.yml'));
  if (options.bundledIssue) cpSync(join(projectRoot, 'documents', '2021-4'), join(root, 'documents', '2021-4'), { recursive: true });
  else cpSync(join(projectRoot, 'documents', '2021-4', 'issue.yml'), join(root, 'documents', '2021-4', 'issue.yml'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
