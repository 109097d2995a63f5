#!/usr/bin/env node
// Entry point: runs the compiled CLI; an unexpected failure (a bug, not a user mistake) exits 2 with a short message.
let run;
try {
  ({ run } = await import('../build/program.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('gazette: 尚未编译，请先运行 npm install（或 npm run build:ts） / not compiled yet: run npm install\n');
  process.exit(2);
}

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
