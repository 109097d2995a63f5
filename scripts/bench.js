#!/usr/bin/env node
// Benchmark: median wall time (including Node start-up) and peak RSS of `gazette check` and `gazette build`
// on the bundled issue. Targets: check ≤ 0.25 s; build ≤ 0.7 s and ≤ 200 MB. The build is timed twice: as an
// editor rebuilds (parsed Markdown cached from the previous run) and from scratch (GAZETTE_CACHE=0).
// Then the same commands from the packed tarball installed as users install it (npm install --omit=dev), with
// the tarball's size and the install's, and `check` loaded by a plain require instead of the code-cache loader.
// Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 9;
const scratch = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
const probe = join(root, 'scripts', 'rss-probe.js');

/** Times `node <command>` in `cwd`; returns the median in ms. */
function measure(name, command, cwd, target, env = {}) {
  const options = { cwd, env: { ...process.env, ...env, NO_COLOR: '1' } };
  const run = (nodeArgs = []) => {
    const result = spawnSync(process.execPath, [...nodeArgs, ...command], options);
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
  };
  run(); // warm the file cache (and, for builds, the parse cache)
  // Wall time of exactly `node bin/gazette.js …`; peak RSS from separate runs with the probe, whose loader costs time.
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const rss = [];
  for (let i = 0; i < 3; i++) {
    const rssFile = join(scratch, `rss-${i}`);
    options.env.GAZETTE_RSS_FILE = rssFile;
    run(['--import', probe]);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const peak = Math.max(...rss);
  const verdict = median <= target.ms && (target.mb === undefined || peak <= target.mb) ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(34)} median ${(median / 1000).toFixed(3)} s  (min ${(sorted[0] / 1000).toFixed(3)}, max ${(sorted.at(-1) / 1000).toFixed(3)})  ` +
      `peak RSS ${peak.toFixed(0)} MB  target ≤ ${target.ms / 1000} s${target.mb ? `, ≤ ${target.mb} MB` : ''}  ${verdict}`,
  );
  return median;
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const bytes = (dir) => readdirSync(dir, { recursive: true }).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

console.log(`gazette benchmark: ${runs} runs each, Node ${process.version}`);
const bin = join(root, 'bin', 'gazette.js');
const out = join(scratch, 'out');
measure('check 2021-4', [bin, 'check', '2021-4'], root, { ms: 250 });
measure('build 2021-4 (pdf+html)', [bin, 'build', '2021-4', '--out', out], root, { ms: 700, mb: 200 });
measure('build, no parse cache', [bin, 'build', '2021-4', '--out', out], root, { ms: 700, mb: 200 }, { GAZETTE_CACHE: '0' });

// The tarball as published (prepack builds it), installed into an empty project holding the bundled issue.
const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], root));
const app = join(scratch, 'app');
mkdirSync(app);
writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
npm(['install', '--omit=dev', '--no-audit', '--no-fund', join(scratch, packed.filename)], app);
cpSync(join(root, 'documents'), join(app, 'documents'), { recursive: true });
console.log(`tarball ${packed.filename}: ${mb(packed.size)}, ${packed.entryCount} files; production install ${mb(bytes(join(app, 'node_modules')))}`);
const installed = join(app, 'node_modules', 'gazette');
measure('installed: check 2021-4', [join(installed, 'bin', 'gazette.js'), 'check', '2021-4'], app, { ms: 250 });
measure('installed: build 2021-4', [join(installed, 'bin', 'gazette.js'), 'build', '2021-4'], app, { ms: 700, mb: 200 });
// The alternative to bin/'s loader: the bundle required as it is, compiled from source on every run. The two are
// timed in alternation, so drift in the machine's speed affects both alike.
const plainBin = join(app, 'plain-require.mjs');
writeFileSync(
  plainBin,
  `import { createRequire } from 'node:module';
const { run } = createRequire(import.meta.url)(${JSON.stringify(join(installed, 'build', 'gazette.cjs'))});
process.exitCode = await run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env, isTTY: false });
`,
);
const loaders = { 'code cache (bin/)': join(installed, 'bin', 'gazette.js'), 'plain require': plainBin };
const samples = Object.fromEntries(Object.keys(loaders).map((name) => [name, []]));
for (let i = 0; i <= runs; i++) {
  for (const [name, script] of Object.entries(loaders)) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [script, 'check', '2021-4'], { cwd: app, env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    if (i > 0) samples[name].push(Number(process.hrtime.bigint() - started) / 1e6); // run 0 warms up
  }
}
const medianOf = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const [withCache, without] = Object.values(samples).map(medianOf);
console.log(`installed check by loader, alternating: code cache ${(withCache / 1000).toFixed(3)} s, plain require ${(without / 1000).toFixed(3)} s`);
console.log(`code cache saves ${(((without - withCache) / without) * 100).toFixed(0)} % of installed check wall time (kept when ≥ 15 %)`);
rmSync(scratch, { recursive: true, force: true });
