/**
 * The preview in a real browser, served in-process by startPreview with the CLI's own build, on a copy of a
 * gazette unlike the bundled one (test/fixtures/state-council; preview-cli.test.ts runs `gazette preview` on
 * 2021-4).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { previewBuild } from '../../src/cli/preview.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { artifactPath, openBrowser, type Browser } from './browser.js';

const SOURCE = fileURLToPath(new URL('../fixtures/state-council/', import.meta.url));

describe('preview in chromium (in-process server)', () => {
  let root: string;
  let folder: string;
  let preview: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gazette-e2e-'));
    cpSync(SOURCE, root, { recursive: true });
    folder = join(root, 'documents', '2024-1');
    preview = await startPreview({
      port: 0,
      build: previewBuild(createNodeHost(root, { cache: false }), { issue: '2024-1', lang: 'zh' }),
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
    const entry = page.locator('.toc-entry a[href="#zrzf-2024-3"]');
    await entry.click();
    await page.waitForFunction(() => location.hash === '#zrzf-2024-3');
    await page.waitForFunction(() => {
      const top = document.getElementById('zrzf-2024-3')!.getBoundingClientRect().top;
      return Math.abs(top) < 80;
    });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    // Joint signatures one per line, right-aligned two em from the text's edge, the date two em further right.
    const closing = await page.evaluate(() => {
      const article = document.getElementById('zrzf-2024-3')!;
      const box = (el: Element) => el.getBoundingClientRect();
      const [first, second] = [...article.querySelectorAll('.doc-signature')].map(box);
      const date = box(article.querySelector('.doc-closing-date time')!);
      const text = box(article.querySelector('.doc-body')!);
      const em = parseFloat(getComputedStyle(article.querySelector('.doc-body p')!).fontSize);
      return { first: first!, second: second!, date, right: text.right, em };
    });
    expect(closing.second.top).toBeGreaterThan(closing.first.top);
    expect(Math.abs(closing.first.left - closing.second.left)).toBeLessThan(1);
    expect(Math.abs(closing.date.right - (closing.right - 2 * closing.em))).toBeLessThan(2);
    await page.screenshot({ path: artifactPath('fixture-desktop-document.png') });
  });

  it('updates the open page when a file is saved', async () => {
    const { page } = browser;
    const file = join(folder, 'cyh-2023-56.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: (.*)的答复$/m, 'title: $1（修订稿）的答复'));
    await page.waitForFunction(() => document.querySelector('#cyh-2023-56 h3.doc-title')?.textContent?.includes('（修订稿）'), undefined, { timeout: 10_000 });
    expect(await page.locator('.toc-entry a[href="#cyh-2023-56"]').textContent()).toContain('（修订稿）');
  });

  it('shows the overlay for a broken file and clears it when fixed', async () => {
    const { page } = browser;
    const file = join(folder, 'order-770.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('中华人民共和国国务院令第770号', '中华人民共和国国务院令770号'));
    const overlay = page.locator('#gazette-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await overlay.textContent();
    expect(text).toMatch(/documents\/2024-1\/order-770\.md:4:\d+/);
    expect(text).toContain('缺少“第”字');
    expect(text).toContain('中华人民共和国国务院令第770号');
    // The last good page is still there under the overlay.
    expect(await page.locator('article#order-770').count()).toBe(1);
    await page.screenshot({ path: artifactPath('fixture-desktop-overlay.png') });
    writeFileSync(file, original);
    await overlay.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('article#order-770').count()).toBe(1);
  });

  it('fits a 360 px phone screen', async () => {
    const phone = await openBrowser(360, 780);
    try {
      await phone.page.goto(preview.url);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.page.screenshot({ path: artifactPath('fixture-phone-top.png') });
      await phone.page.locator('#gbf-2024-2').scrollIntoViewIfNeeded();
      await phone.page.screenshot({ path: artifactPath('fixture-phone-document.png') });
      await phone.page.locator('article[data-document="renmian"] table').first().scrollIntoViewIfNeeded();
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
