// Page-view repaint latency: the preview of a copy of the bundled issue is opened in Debian's chromium on its page
// view; a paragraph of one document is saved again and again, and each time the time from the save to the moment
// the changed pages are in place (the page view's paintedAt) is measured. Skipped without /usr/bin/chromium.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview } from './preview-process.js';

export const CHROMIUM = '/usr/bin/chromium';

export async function pageViewLatency({ bin, root, issue, document, saves }) {
  if (!existsSync(CHROMIUM)) return undefined;
  const { chromium } = await import('playwright-core');
  const { child, url, project } = await startPreview({ bin, root, issue });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('__gazette/pages', url).href);
    await page.waitForFunction(() => Number(document.body.dataset.version ?? '0') > 0, null, { timeout: 60_000 });
    const path = join(project, 'documents', issue, document);
    const original = readFileSync(path, 'utf8');
    const samples = [];
    for (let i = 0; i < saves; i++) {
      const seen = Number(await page.evaluate(() => document.body.dataset.version));
      const text = i % 2 === 0 ? original.replace(/。\n/u, `。第${i}次保存时加入的一句话。\n`) : original;
      const saved = Date.now();
      writeFileSync(path, text);
      await page.waitForFunction((v) => Number(document.body.dataset.version) > v, seen, { timeout: 10_000 });
      samples.push(Number(await page.evaluate(() => document.body.dataset.paintedAt)) - saved);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], samples };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(project, { recursive: true, force: true });
  }
}
