/**
 * The per-document pages and the annual index's page in Debian's chromium, as a reader of the office's website
 * opens them from disk: the issue's stylesheet and 楷体 web font apply (no unstyled page, no failed request), the
 * links back into the issue land on the document's article, and the PDF links point at files that exist.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { writeSyntheticArchive } from '../../scripts/synthetic-archive.js';
import { projectRoot } from '../support/project.js';
import { openBrowser, type Browser } from './browser.js';

let out: string;
let browser: Browser;
const failed: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'gazette-e2e-pages-'));
  const result = await compile(createNodeHost(projectRoot, { cache: false }), { issue: '2021-4', draft: false, formats: ['pdf', 'docs'] });
  for (const file of result.files!) {
    mkdirSync(dirname(join(out, '2021-4', file.path)), { recursive: true });
    writeFileSync(join(out, '2021-4', file.path), file.data);
  }
  browser = await openBrowser(1280, 900);
  browser.page.on('requestfailed', (request) => failed.push(request.url()));
});

afterAll(async () => {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
});

describe('a per-document page', () => {
  it('is styled by the issue’s stylesheet, sets its headings in the 楷体 web font, and links back to its article', async () => {
    const { page } = browser;
    await page.goto(pathToFileURL(join(out, '2021-4/docs/cfg-2021-46.html')).href);
    await expect.poll(() => page.evaluate(() => document.fonts.status)).toBe('loaded');
    // The stylesheet one folder up applies: the title is centred, as the template says.
    expect(await page.locator('h3.doc-title').evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
    expect(await page.locator('h6.level-2').first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"?gazette-kai"?,/);
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('gazette-kai')).map((f) => f.status))).toEqual(['loaded']);
    expect(await page.locator('article').count()).toBe(1);
    const pdf = await page.locator('a.pdf-link').getAttribute('href');
    expect(existsSync(join(out, '2021-4/docs', decodeURIComponent(pdf!)))).toBe(true);
    // Back to the issue: the browser lands on the document's own article there.
    await page.locator('.doc-issue-link a').click();
    await page.waitForURL(/index\.html#/u);
    const hash = new URL(page.url()).hash.slice(1);
    expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
    expect(await page.locator(`[id="${hash}"] h3.doc-title`).textContent()).toContain('全民健身实施计划');
    expect(failed).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});

describe('the annual index page', () => {
  it('links every title to its article in the issue’s web edition', async () => {
    const root = join(out, 'archive');
    mkdirSync(root);
    writeSyntheticArchive(root, 2, join(projectRoot, 'test/fixtures/layout/documents'));
    let stderr = '';
    const io: Io = { stdout: () => {}, stderr: (text) => void (stderr += text), cwd: root, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };
    expect(await run(['build', '--all'], io), stderr).toBe(0);
    expect(await run(['index', '2022'], io), stderr).toBe(0);
    const { page } = browser;
    await page.goto(pathToFileURL(join(root, 'dist/index-2022/index.html')).href);
    const links = await page.locator('ol.annual-entries a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(4);
    for (const link of links) {
      const url = new URL(link);
      await page.goto(link);
      expect(await page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), link).toBe(1);
      expect(existsSync(fileURLToPath(url))).toBe(true);
    }
    expect(failed).toEqual([]);
  });
});
