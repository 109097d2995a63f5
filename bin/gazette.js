#!/usr/bin/env node
// Entry point: loads the compiled CLI (build/gazette.cjs), runs it, and maps an unexpected failure (a bug, not a
// user mistake) to exit 2 with a short message. The bundles load through build/code-cache.cjs, which keeps their
// compiled code between runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 doubles the young generation up to 2 × 16 MB while a build's laid-out lines survive collections: building
// 2021-4 peaked at 172 MB that way, 146 MB with the young generation left at its first 1 MB, in the same time (a
// 5 MB document takes about 3 % longer). Its size cannot be set once the process runs, but the growth factor is
// read each time it grows. (The shebang cannot pass --max-semi-space-size: busybox's env and npm's Windows shims
// do not split its arguments.) `check` lays nothing out and keeps V8's default: 8 instead of 18 scavenges. So does
// `preview`, which builds again on every save for as long as it runs and whose memory is not a goal: its rebuilds
// collect garbage less often (page view save to repaint 0.26-0.27 s instead of 0.31-0.32 s, `npm run bench`).
const command = process.argv[2] ?? '';
const defaultYoungGeneration = command === 'check' || command === 'preview';
if (!defaultYoungGeneration) setFlagsFromString('--semi-space-growth-factor=1');

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const bundle = join(build, 'gazette.cjs');
const loaderBundle = join(build, 'code-cache.cjs');

if (!existsSync(bundle) || !existsSync(loaderBundle)) {
  process.stderr.write('gazette: 尚未编译，请先运行 npm install（或 npm run build:ts） / not compiled yet: run npm install\n');
  process.exit(2);
}

try {
  const { codeCacheFolder, createBundleLoader } = createRequire(import.meta.url)(loaderBundle);
  // One code cache per kind of run, as each runs different code. Help and version text run next to nothing of a
  // command, and `build --all` lays out in worker threads: their caches would serve the next plain run badly.
  const args = process.argv.slice(2);
  const brief = !/^[a-z]+$/.test(command) || args.some((arg) => ['-h', '--help', '-V', '--version'].includes(arg));
  // `check` and `preview` run under other V8 flags than the rest (their young generation, above): their brief runs
  // keep their own.
  const variant = brief ? (defaultYoungGeneration ? `${command}-other` : 'other') : args.includes('--all') ? `${command}-all` : command;
  const loader = createBundleLoader(codeCacheFolder(process.env), variant);
  process.exitCode = await loader.load(bundle).run(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
  });
  // A run that failed or found problems may have stopped early (a build with errors lays nothing out).
  if (process.exitCode === 0) loader.save();
} catch (error) {
  process.stderr.write(`gazette: 内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.GAZETTE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 2;
}
