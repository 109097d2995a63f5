// `gazette preview` of a copy of the project's documents, for the benchmarks that time it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts the preview of `issue` on a copy of `root`'s documents; resolves with the process, its URL and the copy. */
export async function startPreview({ bin, root, issue }) {
  const project = mkdtempSync(join(tmpdir(), 'gazette-bench-preview-'));
  cpSync(join(root, 'documents'), join(project, 'documents'), { recursive: true });
  const child = spawn(process.execPath, [bin, 'preview', issue, '--port', '0'], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`preview exited ${code}`)));
  });
  return { child, url, project };
}
