#!/usr/bin/env node
// Entry point: runs the compiled CLI; an unexpected failure (a bug, not a user mistake) exits 2 with a short message.
import { run } from '../build/cli/program.js';

try {
  process.exitCode = await run(process.argv.slice(2), {
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
