/**
 * The built HTML edition in Debian's chromium, as readers see it: titles broken where the PDF breaks them on a
 * desktop and only between words on a phone, ragged right and scrolling tables on a phone, the 楷体 web font for
 * （一） headings, and page numbers when the page is printed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { wordBoundaries } from '../../src/shared/words.js';
import { pdfTitleLines, readPdf, type PdfReadBack } from '../support/pdf-text.js';
import { projectRoot } from '../support/project.js';
import { artifactPath, openBrowser, type Browser } from './browser.js';

let out: string;
let pdf: PdfReadBack;
let url: string;
let documents: string[];

beforeAll(async () => {
  const result = await compile(createNodeHost(projectRoot, { cache: false }), { issue: '2021-4', draft: false, formats: ['pdf', 'html'] });
  expect(shown(result.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
  out = mkdtempSync(join(tmpdir(), 'gazette-e2e-html-'));
  for (const file of result.files!) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.data);
  }
  pdf = await readPdf(result.files!.find((f) => f.path.endsWith('.pdf'))!.data as Uint8Array);
  url = pathToFileURL(join(out, 'index.html')).href;
  documents = result.gazette!.sections.flatMap((s) => s.documents.map((d) => d.id));
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

/** Each document title's lines as the browser set them: characters grouped by the top of their box. */
async function renderedTitles(browser: Browser): Promise<string[][]> {
  return browser.page.$$eval('h3.doc-title', (titles) =>
    titles.map((title) => {
      const lines: { top: number; text: string }[] = [];
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getClientRects()[0];
          if (!box || text[i]!.trim() === '') continue;
          const line = lines.find((l) => Math.abs(l.top - box.top) < box.height / 2);
          if (line) line.text += text[i];
          else lines.push({ top: box.top, text: text[i]! });
        }
      }
      return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
    }),
  );
}

describe('the HTML edition on a desktop (1280 px)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser(1280, 900);
    await browser.page.goto(url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('breaks every document title where the PDF breaks it', async () => {
    const rendered = await renderedTitles(browser);
    expect(rendered).toHaveLength(documents.length);
    expect(rendered.filter((lines) => lines.length > 1).length).toBeGreaterThanOrEqual(8);
    documents.forEach((id, i) => expect(rendered[i], id).toEqual(pdfTitleLines(pdf, id)));
  });

  it('sets （一） headings in the 楷体 it carries as a web font', async () => {
    const heading = browser.page.locator('h6.level-2').first();
    await expect.poll(() => browser.page.evaluate(() => document.fonts.status)).toBe('loaded');
    const family = await heading.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toMatch(/^"?gazette-kai"?,/);
    const text = (await heading.textContent())!;
    expect(await browser.page.evaluate((sample) => document.fonts.check('16px "gazette-kai"', sample), text)).toBe(true);
    const faces = await browser.page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('gazette-kai')).map((f) => f.status));
    expect(faces).toEqual(['loaded']);
    expect(browser.errors).toEqual([]);
  });
});

describe('the HTML edition on a phone (375 px)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser(375, 800);
    await browser.page.goto(url);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('breaks titles only between words', async () => {
    const rendered = await renderedTitles(browser);
    const split: string[] = [];
    for (const lines of rendered) {
      const title = lines.join('');
      const words = wordBoundaries(title);
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        if (!words.has(at)) split.push(`${title.slice(0, at)}/${title.slice(at)}`);
      }
    }
    expect(rendered.some((lines) => lines.length > 2)).toBe(true);
    expect(split).toEqual([]);
  });

  it('sets 附件 and its number flush left, as the PDF does', async () => {
    const labels = await browser.page.$$eval('.attachment-label', (ps) => ps.map((p) => [getComputedStyle(p).textIndent, getComputedStyle(p).fontWeight]));
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels.map(([indent]) => indent))).toEqual(new Set(['0px']));
  });

  it('sets the text ragged right', async () => {
    const aligns = await browser.page.$$eval('.doc-body > p', (ps) => [...new Set(ps.map((p) => getComputedStyle(p).textAlign))]);
    expect(aligns).toEqual(['start']);
  });

  it('scrolls wide tables sideways with readable columns and the first column in view', async () => {
    const table = browser.page.locator('.table-wrap', { hasText: '一网统管' }).first();
    await table.scrollIntoViewIfNeeded();
    const metrics = await table.evaluate((wrap) => {
      const cells = [...wrap.querySelectorAll('tbody tr:first-child > *')] as HTMLElement[];
      const em = parseFloat(getComputedStyle(wrap.querySelector('td')!).fontSize);
      return {
        overflow: wrap.scrollWidth - wrap.clientWidth,
        narrowest: Math.min(...cells.slice(1).map((c) => c.getBoundingClientRect().width)) / em,
        sticky: getComputedStyle(cells[0]!).position,
        shadow: getComputedStyle(wrap).backgroundImage.includes('radial-gradient'),
      };
    });
    expect(metrics.overflow).toBeGreaterThan(100);
    expect(metrics.narrowest).toBeGreaterThanOrEqual(5);
    expect(metrics.sticky).toBe('sticky');
    expect(metrics.shadow).toBe(true);
    // Scrolled to the right, the first column is still at the left edge of the table's box.
    const kept = await table.evaluate((wrap) => {
      const first = wrap.querySelector('tbody tr:first-child > .first') as HTMLElement;
      const before = first.getBoundingClientRect().left;
      wrap.scrollLeft = wrap.scrollWidth;
      return Math.abs(first.getBoundingClientRect().left - before);
    });
    expect(kept).toBeLessThan(1);
    await browser.page.screenshot({ path: artifactPath('html-phone-table.png') });
  });
});

describe('the HTML edition printed', () => {
  it('numbers its pages and says the TOC numbers are the PDF’s', async () => {
    const browser = await openBrowser(1280, 900);
    try {
      await browser.page.goto(url);
      await browser.page.emulateMedia({ media: 'print' });
      const printed = await readPdf(new Uint8Array(await browser.page.pdf({ format: 'A4', preferCSSPageSize: true })));
      expect(printed.pages.length).toBeGreaterThan(20);
      // pdf.js reads some hanzi of the system's CJK font back as radicals (页 as ⻚): the note is matched around them.
      expect(printed.pages[0]!.text).toMatch(/码为PDF版.码/u);
      printed.pages.forEach((page, i) => expect(page.text, `printed page ${i + 1}`).toContain(`—${i + 1}—`));
    } finally {
      await browser.close();
    }
  });
});
