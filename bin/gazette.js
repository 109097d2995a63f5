#!/usr/bin/env node
// Entry point: loads the compiled CLI (build/gazette.cjs), runs it, and maps an unexpected failure (a bug, not a
// user mistake) to exit 2 with a short message. (A V8 code cache saved under 15 % of `check` in `npm run bench`,
// so the bundle is required as it is.)
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 doubles the young generation up to 2 × 16 MB while a build's laid-out lines survive collections: building
// 2021-4 peaked at 172 MB that way, 146 MB with the young generation left at its first 1 MB, in the same time (a
// 5 MB document takes about 3 % longer). Its size cannot be set once the process runs, but the growth factor is
// read each time it grows. (The shebang cannot pass --max-semi-space-size: busybox's env and npm's Windows shims
// do not split its arguments.) `check` lays nothing out and keeps V8's default: 8 instead of 18 scavenges.
if (process.argv[2] !== 'check') setFlagsFromString('--semi-space-growth-factor=1');

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'gazette.cjs');

if (!existsSync(bundle)) {
  process.stderr.write('gazette: 尚未编译，请先运行 npm install（或 npm run build:ts） / not compiled yet: run npm install\n');
  process.exit(2);
}

try {
  process.exitCode = await createRequire(import.meta.url)(bundle).run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  });
} catch (error) {
  process.stderr.write(`gazette: 内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.GAZETTE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 2;
}
