/**
 * The package as users get it: `npm pack`, then installed from the tarball with the registry's real dependencies
 * (no dev dependencies, no install scripts) into an empty project, into a global prefix, and read-only. Each
 * install runs init, check, build (and preview) on a new gazette.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.js';
import { wordDocument } from '../support/import-fixtures.js';

const year = new Date().getFullYear();
const issue = `${year}-1`;
let scratch: string;
let tarball: string;

function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function npm(args: readonly string[], cwd: string): string {
  const result = run('npm', ['--no-audit', '--no-fund', ...args], { cwd });
  expect(result.code, `npm ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** A folder holding nothing but a package.json, as `npm init` leaves it. */
function emptyProject(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  return dir;
}

/** init → check → build of a new gazette with the given command, in `dir`. */
function initCheckBuild(gazette: readonly string[], dir: string, options: SpawnSyncOptions = {}): void {
  const [command, ...prefix] = gazette;
  const cli = (...args: string[]) => run(command!, [...prefix, ...args], { cwd: dir, ...options });
  const init = cli('init', '--name', '某某县人民政府公报');
  expect(init.stderr).toBe('');
  expect(init.stdout).toContain('✔ 已创建 某某县人民政府公报');
  expect(cli('check')).toEqual({ code: 0, stdout: '✔ 未发现问题\n', stderr: '' });
  const build = cli('build', issue);
  expect(build.stderr).toBe('');
  expect(build.stdout).toContain(`✔ 已生成 某某县人民政府公报 ${year}年第1期（总第1期）`);
  expect(readFileSync(join(dir, `dist/${issue}/gazette-${issue}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  expect(readFileSync(join(dir, `dist/${issue}/index.html`), 'utf8')).toContain('某某县人民政府公报');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const entries = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gazette-pack-'));
  chmodSync(scratch, 0o755);
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], projectRoot)) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, packed!.filename);
});

afterAll(() => {
  // The read-only installs need their write bits back to be removed.
  run('chmod', ['-R', 'u+w', scratch]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships the bin, the bundle, its code-cache loader and vendor bundles, its data, the templates and the data edition\'s schema, and nothing of the sources', () => {
    const listing = run('tar', ['-tzf', tarball]).stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    expect(listing).toEqual(expect.arrayContaining(['package.json', 'bin/gazette.js', 'build/gazette.cjs', 'build/code-cache.cjs', 'build/vendor-typeset.cjs', 'build/vendor-markdown-parser.cjs', 'build/vendor-html-parser.cjs', 'build/vendor-watcher.cjs', 'build/data/sRGB_IEC61966_2_1.icc', 'templates/default/theme.yml', 'templates/state-council/theme.yml', 'schema/issue.schema.json']));
    expect(listing.filter((path) => /^(src|test|scripts|documents)\/|^build\/cache/.test(path))).toEqual([]);
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json']).stdout) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    // The bundle needs nothing from node_modules at run time but the font files and mammoth (loaded by
    // `gazette import` alone).
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc', '@fontsource/lxgw-wenkai', 'mammoth']);
    // npm would list a prepare, install or postinstall script as an install script awaiting approval.
    expect(Object.keys(manifest.scripts).filter((name) => ['prepare', 'preinstall', 'install', 'postinstall'].includes(name))).toEqual([]);
  });

  it('installed into an empty project, runs init, check, build, import and preview through npx', async () => {
    const app = emptyProject('local');
    npm(['install', '--omit=dev', tarball], app);
    initCheckBuild(['npx', 'gazette'], app);
    // The install folder is writable, so the parse cache lives there.
    expect(entries(join(app, 'node_modules/gazette/build/cache')).length).toBeGreaterThan(0);
    // So does the compiled code, one cache per command and bundle it ran.
    const code = join(app, 'node_modules/gazette/build/cache/code');
    expect(entries(code)).toEqual(expect.arrayContaining(['gazette.init.v8', 'gazette.check.v8', 'gazette.build.v8', 'vendor-typeset.build.v8']));
    // With its parse cache warm, `check` compiles no vendor bundle: no parser, no fonts' shaper.
    rmSync(code, { recursive: true });
    expect(run('npx', ['gazette', 'check'], { cwd: app })).toEqual({ code: 0, stdout: '✔ 未发现问题\n', stderr: '' });
    expect(entries(code)).toEqual(['gazette.check.v8']);
    // The next check runs from that cache: V8 accepts it, so it is not written again.
    const written = statSync(join(code, 'gazette.check.v8'));
    expect(run('npx', ['gazette', 'check'], { cwd: app })).toEqual({ code: 0, stdout: '✔ 未发现问题\n', stderr: '' });
    expect(statSync(join(code, 'gazette.check.v8'))).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
    // Help runs next to nothing of a command: it gets a cache of its own, and a usage error writes none.
    expect(run('npx', ['gazette', 'check', '--help'], { cwd: app }).code).toBe(0);
    expect(run('npx', ['gazette', 'build'], { cwd: app }).code).toBe(2);
    expect(entries(code).sort()).toEqual(['gazette.check-other.v8', 'gazette.check.v8']);
    expect(statSync(join(code, 'gazette.check.v8'))).toMatchObject({ ino: written.ino, mtimeMs: written.mtimeMs });
    // `preview` also keeps V8's own young generation, so its brief runs keep a cache of their own too.
    expect(run('npx', ['gazette', 'preview', '--help'], { cwd: app }).code).toBe(0);
    expect(run('npx', ['gazette', '--version'], { cwd: app }).code).toBe(0);
    expect(entries(code).sort()).toEqual(['gazette.check-other.v8', 'gazette.check.v8', 'gazette.other.v8', 'gazette.preview-other.v8']);

    // Word files are read by mammoth, which the package loads from its dependencies.
    mkdirSync(join(app, 'in'));
    writeFileSync(join(app, 'in/notice.docx'), await wordDocument());
    const imported = run('npx', ['gazette', 'import', 'in/notice.docx', '--issue', issue, '--category', '县政府文件', '--format', 'json'], { cwd: app });
    expect(imported.stderr).toBe('');
    const report = JSON.parse(imported.stdout) as { documents: { file: string }[] };
    expect(report.documents.map((d) => d.file)).toEqual([`documents/${issue}/cf-2021-60.md`]);
    expect(readFileSync(join(app, `documents/${issue}/cf-2021-60.md`), 'utf8')).toContain('<th colspan="2">进度</th>');

    const port = await freePort();
    const preview = spawn(join(app, 'node_modules/.bin/gazette'), ['preview', issue, '--port', String(port)], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000);
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        };
        preview.stdout.on('data', onData);
        preview.stderr.on('data', onData);
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('某某县人民政府公报');
      const pdf = await fetch(new URL(`gazette-${issue}.pdf`, url));
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      preview.kill('SIGTERM');
    }
  });

  it('installed globally into a prefix, runs from the prefix’s bin in any folder', () => {
    const prefix = join(scratch, 'prefix');
    npm(['install', '--global', '--prefix', prefix, tarball], scratch);
    const project = join(scratch, 'global-project');
    mkdirSync(project);
    initCheckBuild([join(prefix, 'bin', 'gazette')], project);
  });

  it('installed read-only, keeps the parse cache in the user’s cache folder, else in the project', () => {
    const app = emptyProject('read-only');
    npm(['install', '--omit=dev', tarball], app);
    const installed = join(app, 'node_modules', 'gazette');
    run('chmod', ['-R', 'a-w', installed]);
    // root writes through missing write bits, so the commands run as an ordinary user (nobody) when the suite is root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const ownFolder = (name: string): string => {
      const dir = join(scratch, name);
      mkdirSync(dir);
      if ('uid' in asUser) chownSync(dir, asUser.uid, asUser.gid);
      return dir;
    };
    const gazette = [process.execPath, join(installed, 'bin', 'gazette.js')];

    const userCache = ownFolder('xdg-cache');
    const withHome = ownFolder('with-home');
    initCheckBuild(gazette, withHome, { ...asUser, env: { XDG_CACHE_HOME: userCache, HOME: withHome } });
    expect(entries(join(userCache, 'gazette')).length).toBeGreaterThan(0);
    expect(entries(join(userCache, 'gazette', 'code'))).toEqual(expect.arrayContaining(['gazette.check.v8', 'gazette.build.v8']));
    expect(entries(join(withHome, '.gazette-cache'))).toEqual([]);

    // No writable home or user cache folder: the project's own .gazette-cache/ (which init's .gitignore lists).
    const homeless = ownFolder('homeless');
    initCheckBuild(gazette, homeless, { ...asUser, env: { XDG_CACHE_HOME: join(installed, 'no-cache'), HOME: installed } });
    expect(entries(join(homeless, '.gazette-cache')).length).toBeGreaterThan(0);
    // Compiled code belongs to the install, never to a project.
    expect(entries(join(homeless, '.gazette-cache'))).not.toContain('code');
    expect(entries(join(installed, 'build', 'cache'))).toEqual([]);

    // Nothing writable at all: the run still works, and says it runs uncached.
    const readOnlyProject = ownFolder('read-only-project');
    cpSync(join(homeless, 'documents'), join(readOnlyProject, 'documents'), { recursive: true });
    run('chmod', ['-R', 'a-w', readOnlyProject]);
    const check = run(gazette[0]!, [gazette[1]!, 'check'], { cwd: readOnlyProject, ...asUser, env: { XDG_CACHE_HOME: join(installed, 'no-cache'), HOME: installed } });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe('✔ 未发现问题\n');
    expect(check.stderr).toMatch(/^提示：缓存文件夹均不可写（.*），本次不缓存解析结果/);
  });
});
