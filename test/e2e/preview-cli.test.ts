/**
 * `gazette preview` as editors use it: the real CLI on a temp copy of documents/, driven through
 * Debian's chromium. Screenshots of the real 2021-4 issue go to test-artifacts/.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, openBrowser, type Browser } from './browser.js';
import { freePort, PROJECT, startPreviewCli, stopPreviewCli, type PreviewProcess } from './preview-process.js';

/** Every Markdown file of the issue is one article. */
const DOCUMENTS = readdirSync(join(PROJECT, 'documents', '2021-4')).filter((name) => name.endsWith('.md')).length;

describe('gazette preview in chromium', () => {
  let root: string;
  let cli: PreviewProcess;
  let browser: Browser;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gazette-e2e-cli-'));
    cpSync(join(PROJECT, 'documents'), join(root, 'documents'), { recursive: true });
    port = await freePort();
    cli = await startPreviewCli(root, port);
    browser = await openBrowser(1280, 900);
  });

  afterAll(async () => {
    await browser?.close();
    await stopPreviewCli(cli);
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the issue on the requested port with the PDF beside it', async () => {
    expect(cli.url).toBe(`http://127.0.0.1:${port}/`);
    const pdf = await fetch(new URL('/gazette-2021-4.pdf', cli.url));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('scrolls to a document when its TOC entry is clicked', async () => {
    const { page } = browser;
    await page.goto(cli.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('article').count()).toBe(DOCUMENTS);
    await page.screenshot({ path: artifactPath('cli-desktop-top.png') });
    await page.locator('#cf-2021-54 table').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('cli-desktop-table.png') });
    await page.locator('article').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('cli-desktop-interpretation.png') });
    const target = await page.locator('.toc-entry a').nth(5).getAttribute('href');
    await page.locator('.toc-entry a').nth(5).click();
    await page.waitForFunction((hash) => location.hash === hash, target);
    await page.waitForFunction((id) => Math.abs(document.getElementById(id)!.getBoundingClientRect().top) < 80, target!.slice(1));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await page.screenshot({ path: artifactPath('cli-desktop-document.png') });
  });

  it('updates the open page when a document is saved, in place or by an atomic rename-over', async () => {
    const { page } = browser;
    const file = join(root, 'documents', '2021-4', 'cfg-2021-51.md');
    const original = readFileSync(file, 'utf8');
    const shows = (text: string) =>
      page.waitForFunction((wanted) => document.getElementById('cf-2021-51')?.textContent?.includes(wanted), text, { timeout: 30_000 });
    // In place, as most editors save.
    writeFileSync(file, original.replace('区政府决定', '区政府研究决定'));
    await shows('区政府研究决定');
    // Then as vim, Emacs and JetBrains save: a temp file renamed over the original, twice (the second save of a
    // replaced file is the one Node's recursive fs.watch missed).
    for (const wording of ['区政府会议决定', '区政府常务会议决定']) {
      const temporary = join(root, 'documents', '2021-4', '.cfg-2021-51.md.swp');
      writeFileSync(temporary, original.replace('区政府决定', wording));
      renameSync(temporary, file);
      await shows(wording);
    }
    writeFileSync(file, original);
    await page.waitForFunction(() => !document.getElementById('cf-2021-51')?.textContent?.includes('区政府常务会议决定'), undefined, { timeout: 30_000 });
  });

  it('shows the same diagnostics as check in an overlay and recovers when fixed', async () => {
    const { page } = browser;
    const file = join(root, 'documents', '2021-4', 'cfg-2021-46.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('长府〔2021〕46号', '长府[2021]46号'));
    const overlay = page.locator('#gazette-overlay');
    await overlay.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await overlay.textContent()) ?? '';
    expect(text).toMatch(/documents\/2021-4\/cfg-2021-46\.md:\d+:\d+/);
    expect(text).toContain('六角括号');
    expect(text).toContain('长府〔2021〕46号');
    // The last good issue is still there under the overlay.
    expect(await page.locator('article').count()).toBe(DOCUMENTS);
    await page.screenshot({ path: artifactPath('cli-desktop-overlay.png') });
    writeFileSync(file, original);
    await overlay.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('fits a 360 px phone screen', async () => {
    const phone = await openBrowser(360, 780);
    try {
      await phone.page.goto(cli.url);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await phone.page.screenshot({ path: artifactPath('cli-phone-top.png') });
      await phone.page.locator('article').nth(4).scrollIntoViewIfNeeded();
      await phone.page.screenshot({ path: artifactPath('cli-phone-document.png') });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('logged no console errors', () => {
    expect(browser.errors).toEqual([]);
  });

  it('explains a taken port', async () => {
    const second = spawn(process.execPath, ['bin/gazette.js', 'preview', '2021-4', '--port', String(port), '--root', root], { cwd: PROJECT });
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toContain(`端口 ${port} 已被占用`);
  });
});
