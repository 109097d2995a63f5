/**
 * The OFD edition, for the bundled issue and the State Council fixture: unzipped, every XML part is well formed,
 * every ID is unique and within MaxUnitID, every reference (pages, fonts, images, outline destinations) resolves
 * to a part or an object, every embedded font maps every character it sets, the same input gives the same bytes,
 * and each page's text is the PDF's page text.
 */
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';
import { readPdf } from '../support/pdf-text.js';
import { DRAFT_MARK } from '../../src/paginate/printed.js';

const gazettes = [
  { name: 'the bundled issue', root: projectRoot, issue: '2021-4' },
  { name: 'the State Council fixture', root: join(projectRoot, 'test/fixtures/state-council'), issue: '2024-1' },
];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['Page', 'Font', 'TextObject', 'PathObject', 'ImageObject', 'OutlineElem', 'MultiMedia', 'Keyword'].includes(name) });
const decoder = new TextDecoder();

/** Every attribute named `name` anywhere in a parsed tree. */
function attributes(node: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) attributes(item, name, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === name && (typeof value === 'string' || typeof value === 'number')) out.push(String(value));
      else attributes(value, name, out);
    }
  }
  return out;
}

describe.each(gazettes)('OFD edition of $name', ({ root, issue }) => {
  it('is a package whose parts and references all resolve, and whose pages say what the PDF says', async () => {
    const host = createNodeHost(root, { cache: false });
    const result = await compile(host, { issue, draft: false, formats: ['pdf', 'ofd'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ofd = result.files!.find((file) => file.path === `gazette-${issue}.ofd`)!.data as Uint8Array;
    const again = (await compile(host, { issue, draft: false, formats: ['ofd'] })).files![0]!.data as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(ofd))).toBe(true);

    const parts = unzipSync(ofd);
    const xml = (path: string) => {
      expect(parts[path], path).toBeDefined();
      const text = decoder.decode(parts[path]);
      expect(XMLValidator.validate(text), path).toBe(true);
      return parser.parse(text) as Record<string, unknown>;
    };
    for (const path of Object.keys(parts).filter((p) => p.endsWith('.xml'))) xml(path);
    const root_ = xml('OFD.xml').OFD as { DocBody: { DocInfo: { DocID: string; Title: string }; DocRoot: string } };
    expect(root_.DocBody.DocInfo.DocID).toMatch(/^[0-9a-f]{32}$/u);
    const docPath = root_.DocBody.DocRoot;
    const base = docPath.slice(0, docPath.lastIndexOf('/') + 1);
    const document = xml(docPath).Document as { CommonData: { MaxUnitID: number; PublicRes: string }; Pages: { Page: { ID: string; BaseLoc: string }[] }; Outlines?: unknown };
    const res = xml(base + document.CommonData.PublicRes).Res as { BaseLoc: string; Fonts: { Font: { ID: string; FontFile: string }[] }; MultiMedias?: { MultiMedia: { ID: string; MediaFile: string }[] } };
    const pages = document.Pages.Page;

    // IDs: unique, positive, none above MaxUnitID.
    const pageXml = pages.map((page) => xml(base + page.BaseLoc));
    const all = [pages, res.Fonts.Font, res.MultiMedias?.MultiMedia ?? [], ...pageXml].flatMap((node) => attributes(node, 'ID')).map(Number);
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...all)).toBeLessThanOrEqual(Number(document.CommonData.MaxUnitID));
    // References: fonts and media files exist, objects name declared fonts and media, outline targets are pages.
    const resBase = `${base}${res.BaseLoc}/`;
    const fontIds = new Set(res.Fonts.Font.map((font) => String(font.ID)));
    for (const font of res.Fonts.Font) expect(parts[resBase + font.FontFile], font.FontFile).toBeDefined();
    for (const media of res.MultiMedias?.MultiMedia ?? []) expect(parts[resBase + media.MediaFile]).toBeDefined();
    const mediaIds = new Set((res.MultiMedias?.MultiMedia ?? []).map((media) => String(media.ID)));
    for (const page of pageXml) {
      for (const font of attributes(page, 'Font')) expect(fontIds.has(font), `font ${font}`).toBe(true);
      for (const media of attributes(page, 'ResourceID')) expect(mediaIds.has(media)).toBe(true);
    }
    const pageIds = new Set(pages.map((page) => String(page.ID)));
    const targets = attributes(document.Outlines, 'PageID');
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(pageIds.has(target)).toBe(true);

    // Each TextObject's characters are in its embedded font's cmap, and every page's text is the PDF page's.
    const embedded = new Map(res.Fonts.Font.map((font) => [String(font.ID), fontkit.create(Buffer.from(parts[resBase + font.FontFile]!)) as fontkit.Font]));
    const pdf = await readPdf(result.files!.find((file) => file.path === `gazette-${issue}.pdf`)!.data as Uint8Array);
    expect(pages.length).toBe(pdf.pages.length);
    pageXml.forEach((page, i) => {
      // The page's root element is a Page too (parsed as a list, like Document.xml's pages).
      type Content = { Content: { Layer: { TextObject?: { Font: string; Boundary: string; TextCode: { '#text': string | number; Y: string } | string }[] } } };
      const objects = ([page.Page].flat()[0] as Content).Content.Layer.TextObject ?? [];
      const text = objects
        .map((object) => {
          const code = typeof object.TextCode === 'object' ? String(object.TextCode['#text']) : String(object.TextCode);
          const font = embedded.get(String(object.Font))!;
          for (const char of code.replace(/\s/gu, '')) expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), `${char} in font ${object.Font}`).toBe(true);
          return code;
        })
        .join('');
      expect(text.replace(/\s/gu, ''), `page ${i + 1}`).toBe(pdf.pages[i]!.text);
      // Where the PDF starts a line, an OFD text object starts at the same place (mm, baseline).
      const starts = objects.map((object) => {
        const [x, y] = object.Boundary.split(' ').map(Number);
        return { x: x!, baseline: y! + Number(typeof object.TextCode === 'object' ? object.TextCode.Y : 0) };
      });
      for (const item of pdf.pages[i]!.items) {
        const at = { x: (item.x * 25.4) / 72, baseline: (item.y * 25.4) / 72 };
        expect(starts.some((start) => Math.abs(start.x - at.x) < 0.01 && Math.abs(start.baseline - at.baseline) < 0.01), `page ${i + 1}: ${item.str}`).toBe(true);
      }
    });
  }, 120_000);
});

describe('OFD edition of a draft', () => {
  it('turns the 草稿 mark about its start as the PDF does', async () => {
    const result = await compile(createNodeHost(join(projectRoot, 'test/fixtures/layout'), { cache: false }), { issue: '2021-4', draft: true, formats: ['ofd'] });
    const parts = unzipSync(result.files![0]!.data as Uint8Array);
    const page = decoder.decode(parts['Doc_0/Pages/Page_2/Content.xml']);
    const mark = /<ofd:TextObject [^>]*CTM="([^"]+)"[^>]*>(?:<ofd:FillColor [^>]*\/>)?<ofd:TextCode X="([^"]+)" Y="([^"]+)"[^>]*>([^<]+)</u.exec(page);
    expect(mark, 'a turned text object').not.toBeNull();
    expect(mark![4]).toBe(DRAFT_MARK);
    const [a, b, c, d, e, f] = mark![1]!.split(' ').map(Number) as [number, number, number, number, number, number];
    const [x, y] = [Number(mark![2]), Number(mark![3])];
    // A rotation (45° counter-clockwise on the page, y down) that leaves the text's start where layout put it.
    expect(Math.abs(a - Math.SQRT1_2)).toBeLessThan(1e-3);
    expect(Math.abs(b + Math.SQRT1_2)).toBeLessThan(1e-3);
    expect(Math.abs(c - Math.SQRT1_2)).toBeLessThan(1e-3);
    expect(Math.abs(d - Math.SQRT1_2)).toBeLessThan(1e-3);
    expect(Math.abs(a * x + c * y + e - x)).toBeLessThan(0.01);
    expect(Math.abs(b * x + d * y + f - y)).toBeLessThan(0.01);
  }, 60_000);
});

