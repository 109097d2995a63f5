// The compiled CLI in a child process that runs one command per message, so a test can stop a run that hangs
// (an in-process run stuck in a loop can never be timed out).
import { createRequire } from 'node:module';

const { run } = createRequire(import.meta.url)(process.argv[2]);

process.on('message', async ({ id, argv, cwd }) => {
  let output = '';
  const write = (text) => void (output += text);
  let code;
  try {
    code = await run(argv, { stdout: write, stderr: write, cwd, env: { NO_COLOR: '1' }, isTTY: false });
  } catch (error) {
    code = -1;
    output += `internal error: ${error instanceof Error ? error.stack : String(error)}`;
  }
  process.send({ id, code, output });
});
