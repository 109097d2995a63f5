#!/usr/bin/env node
// Entry point: loads the compiled CLI (build/gazette.cjs) with its V8 code cache, runs it, and maps an unexpected
// failure (a bug, not a user mistake) to exit 2 with a short message.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'gazette.cjs');
const cacheFile = `${bundle}.cache`;

if (!existsSync(bundle)) {
  process.stderr.write('gazette: 尚未编译，请先运行 npm install（或 npm run build:ts） / not compiled yet: run npm install\n');
  process.exit(2);
}

// A cache from another Node or V8 version is rejected by V8 and the bundle simply compiles as usual.
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

try {
  process.exitCode = await module.exports.run(process.argv.slice(2), {
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
// Written after the work, so the cache covers every function it compiled: by scripts/build.js's training run, and
// by the first run under a Node whose V8 rejects the shipped cache (when the install folder is writable).
if (process.env.GAZETTE_WRITE_CODE_CACHE || !cachedData || script.cachedDataRejected) {
  try {
    writeFileSync(cacheFile, script.createCachedData());
  } catch {
    // A read-only install runs uncached: only start-up is slower.
  }
}
