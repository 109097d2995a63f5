/**
 * `gazette build --all` on a synthetic archive: the same bytes as building each issue alone, whether in this
 * thread, in worker threads, in shards or incrementally; every issue in exactly one shard; unchanged issues skipped.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/archive/index.js';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.js';
import { runCli } from '../support/cli.js';
import { projectRoot } from '../support/project.js';

/** Issues of the small layout fixture (three documents, six pages): enough for shards, quick to build. */
const ISSUES = 4;
let template: string;
let ids: string[];
const made: string[] = [];

/** A copy of the synthetic archive, built or not. */
function archive(): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-archive-'));
  cpSync(join(template, 'documents'), join(root, 'documents'), { recursive: true });
  made.push(root);
  return root;
}

async function inProcess(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: root, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Every output file of an archive build, by path, without the markers (they hold digests and file lists). */
function outputs(root: string): Map<string, Buffer> {
  const dist = join(root, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== '.gazette-output');
  return new Map(files.map((entry) => [join(entry.parentPath, entry.name).slice(dist.length + 1), readFileSync(join(entry.parentPath, entry.name))]));
}

const builtIssues = (stdout: string): string[] => [...stdout.matchAll(/^✔ (\S+)/gmu)].map((m) => m[1]!).sort();
const skippedIssues = (stdout: string): string[] => [...stdout.matchAll(/^· (\S+)/gmu)].map((m) => m[1]!).sort();

beforeAll(() => {
  template = mkdtempSync(join(tmpdir(), 'gazette-archive-template-'));
  ids = writeSyntheticArchive(template, ISSUES, join(projectRoot, 'test/fixtures/layout/documents')).sort();
});

afterAll(() => {
  for (const root of [template, ...made]) rmSync(root, { recursive: true, force: true });
});

describe('gazette build --all', () => {
  let full: Map<string, Buffer>;

  beforeAll(async () => {
    const root = archive();
    const result = await inProcess(root, 'build', '--all', '--jobs', '1');
    expect(result.code, result.stderr).toBe(0);
    expect(builtIssues(result.stdout)).toEqual(ids);
    full = outputs(root);
  });

  it('writes the same bytes as building each issue on its own', async () => {
    const root = archive();
    for (const id of ids) expect((await inProcess(root, 'build', id)).code).toBe(0);
    expect(outputs(root)).toEqual(full);
    expect([...full.keys()].filter((path) => path.endsWith('.pdf'))).toHaveLength(ISSUES);
  });

  it('writes the same bytes from worker threads', () => {
    const root = archive();
    const result = runCli(['build', '--all', '--jobs', '2'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(builtIssues(result.stdout)).toEqual(ids);
    expect(outputs(root)).toEqual(full);
  });

  it('builds every issue in exactly one shard, and the shards together build the archive', async () => {
    for (const n of [1, 2, 3, 7]) {
      const owners = ids.map((id) => Array.from({ length: n }, (_, i) => i + 1).filter((i) => shardOf(id, n) === i));
      for (const owner of owners) expect(owner).toHaveLength(1);
    }
    const root = archive();
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const result = await inProcess(root, 'build', '--all', '--shard', `${i}/3`, '--jobs', '1');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`第 ${i}/3 份`);
      seen.push(...builtIssues(result.stdout));
    }
    expect(seen.sort()).toEqual(ids);
    expect(outputs(root)).toEqual(full);
  });

  it('skips unchanged issues, rebuilds a changed one to the bytes of a full build', async () => {
    const root = archive();
    expect((await inProcess(root, 'build', '--all', '--jobs', '1')).code).toBe(0);
    const again = await inProcess(root, 'build', '--all', '--jobs', '1');
    expect(builtIssues(again.stdout)).toEqual([]);
    expect(skippedIssues(again.stdout)).toEqual(ids);

    // One document's text changes: only its issue is built again.
    const [changed] = ids;
    const file = join(root, 'documents', changed!, 'list-54.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n本名录自公布之日起施行。\n`);
    const partial = await inProcess(root, 'build', '--all', '--jobs', '1');
    expect(builtIssues(partial.stdout)).toEqual([changed]);
    expect(skippedIssues(partial.stdout)).toEqual(ids.filter((id) => id !== changed));

    // gazette.yml is an input of every issue.
    const yml = join(root, 'documents', 'gazette.yml');
    writeFileSync(yml, `${readFileSync(yml, 'utf8')}\ncolophon:\n  印刷: 示例印刷厂\n`);
    expect(builtIssues((await inProcess(root, 'build', '--all', '--jobs', '1')).stdout)).toEqual(ids);

    // The incremental result is what a clean build of the same sources gives.
    const clean = archive();
    cpSync(join(root, 'documents'), join(clean, 'documents'), { recursive: true, force: true });
    expect((await inProcess(clean, 'build', '--all', '--jobs', '1')).code).toBe(0);
    expect(outputs(root)).toEqual(outputs(clean));
  });

  it('rebuilds an issue whose output was deleted or edited since it was written, though its inputs are unchanged', async () => {
    const root = archive();
    expect((await inProcess(root, 'build', '--all', '--jobs', '1')).code).toBe(0);
    const built = outputs(root);
    const [deleted, edited] = ids;
    rmSync(join(root, 'dist', deleted!, `gazette-${deleted}.pdf`));
    writeFileSync(join(root, 'dist', edited!, 'index.html'), `${readFileSync(join(root, 'dist', edited!, 'index.html'), 'utf8')}<!-- edited -->`);
    const again = await inProcess(root, 'build', '--all', '--jobs', '1');
    expect(builtIssues(again.stdout)).toEqual([deleted, edited].sort());
    expect(skippedIssues(again.stdout)).toEqual(ids.filter((id) => id !== deleted && id !== edited));
    expect(outputs(root)).toEqual(built);
  });

  it('refuses an issue with errors and builds the others, exit 1', async () => {
    const root = archive();
    const [broken] = ids;
    const file = join(root, 'documents', broken!, 'list-54.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^number: (\S+)〔2021〕(\d+)号$/mu, 'number: $1[2021]$2号'));
    const result = await inProcess(root, 'build', '--all', '--jobs', '1');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^✖ ${broken}  \\d+ 个错误，未生成`, 'mu'));
    expect(builtIssues(result.stdout)).toEqual(ids.filter((id) => id !== broken));
    expect(result.stderr).toContain(`documents/${broken}/list-54.md`);
  });

  it('is a usage error without an issue or --all, or with --shard alone', async () => {
    const root = archive();
    expect((await inProcess(root, 'build')).code).toBe(2);
    expect((await inProcess(root, 'build', ids[0]!, '--all')).code).toBe(2);
    expect((await inProcess(root, 'build', '--shard', '1/2')).code).toBe(2);
    expect((await inProcess(root, 'build', '--all', '--shard', '3/2')).code).toBe(2);
  });
});
