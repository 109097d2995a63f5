#!/usr/bin/env node
// Benchmark: median wall time (including Node start-up) and peak RSS of `gazette check` and `gazette build`
// on the bundled issue. Targets: check ≤ 0.25 s; build ≤ 0.7 s and ≤ 200 MB. The build is timed twice: as an
// editor rebuilds (parsed Markdown cached from the previous run) and from scratch (GAZETTE_CACHE=0).
// Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 9;
const scratch = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
const probe = join(root, 'scripts', 'rss-probe.js');

function measure(name, args, target, env = {}) {
  const command = [join(root, 'bin', 'gazette.js'), ...args];
  const options = { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' } };
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
  delete options.env.GAZETTE_RSS_FILE;
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const peak = Math.max(...rss);
  const verdict = median <= target.ms && (target.mb === undefined || peak <= target.mb) ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(24)} median ${(median / 1000).toFixed(3)} s  (min ${(sorted[0] / 1000).toFixed(3)}, max ${(sorted.at(-1) / 1000).toFixed(3)})  ` +
      `peak RSS ${peak.toFixed(0)} MB  target ≤ ${target.ms / 1000} s${target.mb ? `, ≤ ${target.mb} MB` : ''}  ${verdict}`,
  );
}

console.log(`gazette benchmark: ${runs} runs each, Node ${process.version}`);
measure('check 2021-4', ['check', '2021-4'], { ms: 250 });
measure('build 2021-4 (pdf+html)', ['build', '2021-4', '--out', join(scratch, 'out')], { ms: 700, mb: 200 });
measure('build, no parse cache', ['build', '2021-4', '--out', join(scratch, 'out')], { ms: 700, mb: 200 }, { GAZETTE_CACHE: '0' });
rmSync(scratch, { recursive: true, force: true });
