/** `gazette preview` as a child process for the browser suite: started on a free port, stopped with SIGINT. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PreviewProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `gazette preview 2021-4` on `root` (with `extra` arguments) and resolves once it says where it serves. */
export function startPreviewCli(root: string, port: number, extra: readonly string[] = []): Promise<PreviewProcess> {
  const child = spawn(process.execPath, ['bin/gazette.js', 'preview', '2021-4', '--port', String(port), '--root', root, ...extra], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gazette preview did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gazette preview exited with ${code}:\n${output}`));
    });
  });
}

/** Stops the preview as a user does (Ctrl+C) and waits for it to exit. */
export async function stopPreviewCli(cli: PreviewProcess | undefined): Promise<void> {
  if (cli?.child.exitCode !== null || !cli) return;
  const exited = new Promise((resolve) => cli.child.once('exit', resolve));
  cli.child.kill('SIGINT');
  await exited;
}
