/**
 * The preview's page view as a proofreader uses it: the real CLI (`gazette preview --editor vscode`) on a temp copy
 * of the bundled issue, in Debian's chromium. Screenshots go to test-artifacts/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, openBrowser, type Browser } from './browser.js';
import { readPdf } from '../support/pdf-text.js';
import { unusedCharacters } from '../support/unused-chars.js';
import { unwrapWoff } from '../../src/shared/woff.js';
import { freePort, PROJECT, startPreviewCli, stopPreviewCli, type PreviewProcess } from './preview-process.js';


describe('the page view of gazette preview', () => {
  let root: string;
  let cli: PreviewProcess;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gazette-e2e-pages-'));
    cpSync(join(PROJECT, 'documents'), join(root, 'documents'), { recursive: true });
    cli = await startPreviewCli(root, await freePort(), ['--editor', 'vscode']);
    browser = await openBrowser(1280, 900);
  });

  afterAll(async () => {
    await browser?.close();
    await stopPreviewCli(cli);
    rmSync(root, { recursive: true, force: true });
  });

  const version = async (): Promise<number> => Number(await browser.page.evaluate(() => document.body.dataset.version ?? '0'));

  it('shows every page of the PDF with its folio, and is the view the preview opens next time', async () => {
    const { page } = browser;
    await page.goto(cli.url);
    await page.click('#gazette-to-pages');
    await page.waitForFunction(() => Number(document.body.dataset.version ?? '0') > 0);
    const pdf = await readPdf(new Uint8Array(await (await fetch(new URL('/gazette-2021-4.pdf', cli.url))).arrayBuffer()));
    const labels = await page.$$eval('.gz-page', (pages) => pages.map((p) => (p as HTMLElement).dataset.label));
    expect(labels).toEqual(pdf.labels);
    // The folio printed on each body page is the PDF's.
    const folios = await page.$$eval('.gz-page', (pages) => pages.map((p) => p.querySelector('text[data-role="folio"]')?.textContent ?? null));
    pdf.pages.forEach((p, i) => {
      const printed = /—\s*(\d+)\s*—/.exec(p.items.map((item) => item.str).join(' '))?.[1];
      expect(folios[i]?.replace(/\D/g, '') || undefined, `page ${i + 1}`).toBe(printed);
    });
    await page.screenshot({ path: artifactPath('page-view.png') });
    // The choice is remembered: the preview's address opens the page view again.
    await page.goto(cli.url);
    await page.waitForURL(/__gazette\/pages/);
    // Every page of the build is in place once the view says which build it shows.
    await page.waitForFunction(() => Number(document.body.dataset.version ?? '0') > 0);
  });

  it('zooms, sets two pages side by side, and jumps to a document from its list', async () => {
    const { page } = browser;
    const width = async (): Promise<number> => page.$eval('#gz-page-3', (p) => p.getBoundingClientRect().width);
    const before = await width();
    await page.click('#gz-zoom-in');
    expect(Math.abs((await width()) - before * 1.25)).toBeLessThan(2);
    await page.click('#gz-zoom-out');
    await page.click('#gz-spread');
    const tops = await page.$$eval('#gz-page-3, #gz-page-4', (pages) => pages.map((p) => Math.round(p.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
    await page.click('#gz-spread');
    // The list holds every document of the outline; choosing one brings its page to the top of the window.
    const options = await page.$$eval('#gz-jump option', (list) => list.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBe(13);
    await page.selectOption('#gz-jump', options[5]!);
    const target = Number(options[5]!.split(':')[0]);
    await page.waitForFunction((i) => Math.abs(document.getElementById(`gz-page-${i + 1}`)!.getBoundingClientRect().top) < 1200, target);
  });

  it('reports the file and line of a clicked line, and its editor address', async () => {
    const { page } = browser;
    // Lines of running text, titles and headings (a cell of an HTML table points at its table).
    const sampled = await page.$$eval('#gz-pages text[data-src]:not([data-role="cell"])', (texts) => {
      const step = Math.max(1, Math.floor(texts.length / 10));
      return texts.filter((_, i) => i % step === 0).slice(0, 10).map((t) => ({ src: t.getAttribute('data-src')!, text: t.textContent ?? '', index: texts.indexOf(t) }));
    });
    expect(sampled.length).toBe(10);
    expect(new Set(sampled.map((s) => s.src.split(':')[0])).size).toBeGreaterThan(3);
    for (const sample of sampled) {
      await page.evaluate((i) => {
        const text = document.querySelectorAll('#gz-pages text[data-src]:not([data-role="cell"])')[i]!;
        text.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }, sample.index);
      expect(await page.textContent('#gz-source')).toBe(sample.src);
      const [file, line] = [sample.src.slice(0, sample.src.lastIndexOf(':')), Number(sample.src.slice(sample.src.lastIndexOf(':') + 1))];
      const source = readFileSync(join(root, file), 'utf8').split('\n')[line - 1]!;
      // The line's first characters are in the Markdown line it names (a table row, a paragraph, a title).
      const lead = sample.text.replace(/\s/g, '').slice(0, 2);
      expect(source.replace(/[\s\\*_~]/g, ''), `${sample.src}: ${sample.text}`).toContain(lead);
      expect(await page.getAttribute('#gz-source', 'data-editor-url')).toBe(`vscode://file/${encodeURI(join(root, file))}:${line}`);
    }
  });

  it('after a save repaints only the pages from the changed paragraph on, keeping the scroll position, and marks a diagnostic on its page', async () => {
    const { page } = browser;
    // Read the fifth body page; the change is further on.
    await page.evaluate(() => document.getElementById('gz-page-12')!.scrollIntoView());
    const scrolled = await page.evaluate(() => window.scrollY);
    const before = await version();
    const file = join(root, 'documents/2021-4/cfg-2021-46.md');
    const text = readFileSync(file, 'utf8');
    // A half-width comma (a warning) in a paragraph of the first document's later pages.
    const changed = text.replace('深入打造“长来赛、宁健康”长宁全民健身赛事品牌', '深入打造“长来赛、宁健康”长宁全民健身赛事品牌,');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    await page.waitForFunction((v) => Number(document.body.dataset.version ?? '0') > v, before, { timeout: 30_000 });
    const marked = await page.$$eval('.gz-page', (pages) => pages.map((p) => ((p as HTMLElement).dataset.changed ? true : false)));
    const labels = await page.$$eval('.gz-page', (pages) => pages.map((p) => (p as HTMLElement).dataset.label));
    const first = marked.indexOf(true);
    expect(first).toBeGreaterThan(2);
    // Nothing before the paragraph's page changed; the pages after it may have, as the text moved.
    expect(marked.slice(0, first).every((m) => !m)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    const marks = await page.$$eval('.gz-mark', (dots) => dots.map((d) => ({ code: d.getAttribute('data-code'), page: (d.closest('.gz-page') as HTMLElement).dataset.label })));
    const comma = marks.find((m) => m.code === 'punctuation-halfwidth');
    expect(comma).toBeDefined();
    const paragraphPage = await page.$$eval('#gz-pages text[data-src]', (texts) => (texts.find((t) => (t.textContent ?? '').includes('宁健康'))!.closest('.gz-page') as HTMLElement).dataset.label);
    expect(comma!.page).toBe(paragraphPage);
    // The changed lines light up for a moment: the paragraph's are among them, and nothing on an unchanged page.
    const lit = await page.$$eval('#gz-pages text.gz-new', (texts) => texts.map((t) => ({ text: t.textContent ?? '', page: (t.closest('.gz-page') as HTMLElement).dataset.label })));
    expect(lit.some((l) => l.text.includes('宁健康') || l.text.includes('品牌,'))).toBe(true);
    const unchanged = new Set(marked.flatMap((m, i) => (m ? [] : [labels[i]])));
    expect(lit.filter((l) => unchanged.has(l.page))).toEqual([]);
    await page.screenshot({ path: artifactPath('page-view-after-save.png') });
  });

  it('loads again only the face that a character new to the session changed, and keeps one face per family', async () => {
    const { page } = browser;
    const loadedFaces = async (): Promise<string[]> => page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')).sort());
    const families = ((await (await fetch(new URL('/pages/pages.json', cli.url))).json()) as { faces: { family: string }[] }).faces.map((f) => f.family).sort();
    expect(families).toContain('gazette-page-serif');
    expect(await loadedFaces()).toEqual(families);
    const file = join(root, 'documents/2021-4/cfg-2021-46.md');
    const text = readFileSync(file, 'utf8');
    const [char] = unusedCharacters(join(root, 'documents/2021-4'));
    expect(char, 'a character the issue does not use').toBeDefined();
    const errors = browser.errors.length;
    const fonts: string[] = [];
    const onRequest = (request: { url(): string }): void => void (/\.woff$/.test(request.url()) && fonts.push(new URL(request.url()).pathname));
    page.on('request', onRequest);
    const before = await version();
    writeFileSync(file, text.replace(/。\n/u, `。本句加入一个${char}字。\n`));
    await page.waitForFunction((v) => Number(document.body.dataset.version ?? '0') > v, before, { timeout: 30_000 });
    page.off('request', onRequest);
    const manifest = (await (await fetch(new URL('/pages/pages.json', cli.url))).json()) as { faces: { family: string; file: string }[] };
    const face = manifest.faces.find((f) => f.family === 'gazette-page-serif')!;
    expect(fonts).toEqual([`/pages/${face.file}`]);
    const woff = new Uint8Array(await (await fetch(new URL(`/pages/${face.file}`, cli.url))).arrayBuffer());
    expect((fontkit.create(Buffer.from(unwrapWoff(woff)!)) as fontkit.Font).hasGlyphForCodePoint(char!.codePointAt(0)!)).toBe(true);
    expect(await loadedFaces()).toEqual(families);
    expect(await page.$$eval('#gz-pages text', (texts, c) => texts.some((t) => (t.textContent ?? '').includes(c)), char!)).toBe(true);
    expect(browser.errors.slice(errors)).toEqual([]);
  });

  it('keeps the face in use when a changed face fails to load, says which, and still shows the new pages', async () => {
    const { page } = browser;
    const file = join(root, 'documents/2021-4/cfg-2021-46.md');
    const text = readFileSync(file, 'utf8');
    const [char] = unusedCharacters(join(root, 'documents/2021-4'));
    expect(char).toBeDefined();
    // The server's face arrives broken, as a sanitiser that rejects it would see it.
    await page.route('**/pages/fonts/*.woff', (route) => route.fulfill({ status: 200, contentType: 'font/woff', body: 'not a font' }));
    try {
      const before = await version();
      writeFileSync(file, text.replace(/。\n/u, `。另加一个${char}字。\n`));
      await page.waitForFunction((v) => Number(document.body.dataset.version ?? '0') > v, before, { timeout: 30_000 });
    } finally {
      await page.unroute('**/pages/fonts/*.woff');
    }
    expect(await page.textContent('#gz-source')).toMatch(/^fonts\/serif-[0-9a-f]+\.woff: /);
    expect(await page.$$eval('#gz-pages text', (texts, c) => texts.some((t) => (t.textContent ?? '').includes(c)), char!)).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'gazette-page-serif').map((f) => f.status))).toEqual(['loaded']);
  });
});
