#!/usr/bin/env node
// Benchmark: median wall time (including Node start-up) and peak RSS of `gazette check` and `gazette build`
// on the bundled issue. Targets: check ≤ 0.25 s; build ≤ 0.7 s and ≤ 200 MB. Usage: npm run bench [-- --runs N]
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

function measure(name, args, target) {
  const times = [];
  const rss = [];
  spawnSync(process.execPath, [join(root, 'bin', 'gazette.js'), ...args], { cwd: root }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const rssFile = join(scratch, `rss-${i}`);
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', probe, join(root, 'bin', 'gazette.js'), ...args], {
      cwd: root,
      env: { ...process.env, GAZETTE_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const peak = Math.max(...rss);
  const verdict = median <= target.ms && (target.mb === undefined || peak <= target.mb) ? 'ok' : 'OVER TARGET';
  console.log(
    `${name.padEnd(22)} median ${(median / 1000).toFixed(3)} s  (min ${(sorted[0] / 1000).toFixed(3)}, max ${(sorted.at(-1) / 1000).toFixed(3)})  ` +
      `peak RSS ${peak.toFixed(0)} MB  target ≤ ${target.ms / 1000} s${target.mb ? `, ≤ ${target.mb} MB` : ''}  ${verdict}`,
  );
}

console.log(`gazette benchmark: ${runs} runs each, Node ${process.version}`);
measure('check 2021-4', ['check', '2021-4'], { ms: 250 });
measure('build 2021-4 (pdf+html)', ['build', '2021-4', '--out', join(scratch, 'out')], { ms: 700, mb: 200 });
rmSync(scratch, { recursive: true, force: true });
