// Preview rebuild latency: a preview of a copy of the bundled issue is started; one document is saved again and
// again (alternating two versions of a paragraph), and each time the time from the save to the page's reload
// event is measured. The watcher's own delay and the preview's debounce are inside the figure.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startPreview } from './preview-process.js';

/** Resolves with the median and the samples (ms) of `saves` saves of one document of `issue`, and the time to open the PDF after them. */
export async function previewLatency({ bin, root, issue, document, saves }) {
  const { child, url, project } = await startPreview({ bin, root, issue });
  try {
    const events = [];
    let waiting;
    await new Promise((resolve, reject) => {
      request(new URL('__gazette/events', url), (response) => {
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          for (const _ of chunk.matchAll(/^event: build$/gm)) {
            events.push(performance.now());
            waiting?.();
          }
          resolve();
        });
      })
        .on('error', reject)
        .end();
    });
    const path = join(project, 'documents', issue, document);
    const original = readFileSync(path, 'utf8');
    const samples = [];
    for (let i = 0; i < saves; i++) {
      const seen = events.length;
      const text = i % 2 === 0 ? original.replace(/。\n/u, `。第${i}次保存时加入的一句话。\n`) : original;
      const event = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reload event within 10 s of save ${i + 1}`)), 10_000);
        waiting = () => events.length > seen && (clearTimeout(timer), resolve());
      });
      const saved = performance.now();
      writeFileSync(path, text);
      await event;
      samples.push(events[seen] - saved);
      // Let the watcher settle before the next save, as between an editor's saves.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    // The PDF is written from the last build's layout when it is first asked for.
    const asked = performance.now();
    const pdf = await fetch(new URL(`gazette-${issue}.pdf`, url));
    if (!pdf.ok) throw new Error(`the preview's PDF: HTTP ${pdf.status}`);
    await pdf.arrayBuffer();
    return { median: sorted[Math.floor(sorted.length / 2)], samples, pdfMs: performance.now() - asked };
  } finally {
    child.kill('SIGTERM');
    rmSync(project, { recursive: true, force: true });
  }
}
