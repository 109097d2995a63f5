/**
 * The preview in a real browser, served in-process by startPreview with a small build over a copy
 * of real 2021-4 documents (see preview-cli.test.ts for the same checks through `gazette preview`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { artifactPath, openBrowser, type Browser } from './browser.js';
import { fixtureBuild } from './fixture-build.js';

const SOURCE = fileURLToPath(new URL('../../documents/2021-4/', import.meta.url));
const FILES = ['cfg-2021-46.md', 'cfg-2021-51.md', 'cfb-2021-20.md', 'personnel-2021-q4.md'];

describe('preview in chromium (in-process server)', () => {
  let root: string;
  let folder: string;
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gazette-e2e-'));
    folder = join(root, 'documents', '2021-4');
    mkdirSync(folder, { recursive: true });
    for (const name of FILES) copyFileSync(join(SOURCE, name), join(folder, name));
    preview = await startPreview({
      port: 0,
      build: fixtureBuild(folder, 'documents/2021-4'),
      watch: { root, folders: ['documents'] },
      log: () => {},
    });
    browser = await openBrowser(1280, 900);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('scrolls to a document when its TOC entry is clicked', async () => {
    const { page } = browser;
    await page.goto(preview.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.screenshot({ path: artifactPath('fixture-desktop-top.png') });
    const entry = page.locator('.toc-entry a[href="#cfb-2021-20"]');
    await entry.click();
    await page.waitForFunction(() => location.hash === '#cfb-2021-20');
    await page.waitForFunction(() => {
      const top = document.getElementById('cfb-2021-20')!.getBoundingClientRect().top;
      return Math.abs(top) < 80;
    });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await page.screenshot({ path: artifactPath('fixture-desktop-document.png') });
  });

  it('updates the open page when a file is saved', async () => {
    const { page } = browser;
    const file = join(folder, 'cfg-2021-51.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: (.*)$/m, 'title: $1（已修订）'));
    await page.waitForFunction(() => document.querySelector('#cf-2021-51 h2')?.textContent?.includes('（已修订）'), undefined, { timeout: 10_000 });
    expect(await page.locator('.toc-entry a[href="#cf-2021-51"]').textContent()).toContain('（已修订）');
  });

  it('shows the overlay for a broken file and clears it when fixed', async () => {
    const { page } = browser;
    const file = join(folder, 'cfg-2021-46.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: /m, 'title: [未闭合 '));
    const overlay = page.locator('#gazette-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await overlay.textContent();
    expect(text).toContain('documents/2021-4/cfg-2021-46.md:');
    expect(text).toContain('前置元数据不是有效的 YAML。');
    // The last good page is still there under the overlay.
    expect(await page.locator('article#cf-2021-46').count()).toBe(1);
    await page.screenshot({ path: artifactPath('fixture-desktop-overlay.png') });
    writeFileSync(file, original);
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('article#cf-2021-46').count()).toBe(1);
  });

  it('fits a 360 px phone screen', async () => {
    const phone = await openBrowser(360, 780);
    try {
      await phone.page.goto(preview.url);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.page.screenshot({ path: artifactPath('fixture-phone-top.png') });
      await phone.page.locator('#cfb-2021-20').scrollIntoViewIfNeeded();
      await phone.page.screenshot({ path: artifactPath('fixture-phone-document.png') });
      await phone.page.locator('article[data-document="personnel-2021-q4"] table').first().scrollIntoViewIfNeeded();
      await phone.page.screenshot({ path: artifactPath('fixture-phone-table.png') });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('logged no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
