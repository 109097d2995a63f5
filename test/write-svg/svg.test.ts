/**
 * The page edition: one SVG per page from the PDF's layout. Per page the SVG says what the PDF says (pdf.js's text),
 * carries the PDF's labels, and points each line back at the source line it was written on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { shown } from '../../src/diagnostics/diagnostic.js';
import { projectRoot } from '../support/project.js';
import { readPdf, stripSpaces } from '../support/pdf-text.js';

const GAZETTES = [
  { name: 'the bundled issue', root: projectRoot, issue: '2021-4' },
  { name: 'the every-construct fixture', root: join(projectRoot, 'test/fixtures/constructs'), issue: '2024-2' },
  { name: 'the State Council-style gazette', root: join(projectRoot, 'test/fixtures/state-council'), issue: '2024-1' },
];

const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

interface Manifest {
  faces: { family: string; file: string }[];
  pages: { file: string; label: string; kind: string; digest: string; anchors: { name: string }[] }[];
}

describe.each(GAZETTES)('the SVG pages of $name', ({ root, issue }) => {
  it('say on every page what the PDF says there, with its labels, and point lines at their source', async () => {
    const result = await compile(createNodeHost(root, { cache: false }), { issue, draft: true, formats: ['pdf', 'svg'] });
    expect(shown(result.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    const files = new Map(result.files!.map((file) => [file.path, file.data]));
    const pdf = await readPdf(files.get(`gazette-${issue}.pdf`) as Uint8Array);
    const manifest = JSON.parse(files.get('pages/pages.json') as string) as Manifest;
    expect(manifest.pages.length).toBe(pdf.pages.length);
    expect(manifest.pages.map((page) => page.label)).toEqual(pdf.labels);
    const sources = new Map<string, string[]>();
    manifest.pages.forEach((entry, i) => {
      const svg = files.get(`pages/${entry.file}`) as string;
      expect(entry.digest).toBe(createHash('sha256').update(svg).digest('hex').slice(0, 16));
      const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
      expect(stripSpaces(texts.map((m) => decode(m[2]!)).join('')), `page ${entry.label}`).toBe(pdf.pages[i]!.text);
      for (const [, attributes, text] of texts) {
        const src = /data-src="([^"]+):(\d+)"/.exec(attributes!);
        if (!src) continue;
        const lines = sources.get(src[1]!) ?? readFileSync(join(root, src[1]!), 'utf8').split('\n');
        sources.set(src[1]!, lines);
        const line = lines[Number(src[2]) - 1];
        expect(line, `${src[1]}:${src[2]}`).toBeDefined();
      }
      // Every document's anchor is listed on the page the PDF puts it.
      for (const anchor of entry.anchors) expect(pdf.destinations.get(anchor.name), anchor.name).toBe(i);
    });
    // Every family the pages set text in is a face of the manifest, whose file is in the edition.
    const used = new Set([...files.entries()].filter(([path]) => /pages\/\d+\.svg$/.test(path)).flatMap(([, svg]) => [...(svg as string).matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]!)));
    expect([...used].filter((family) => !manifest.faces.some((face) => face.family === family))).toEqual([]);
    for (const face of manifest.faces) expect(files.get(`pages/${face.file}`), face.file).toBeInstanceOf(Uint8Array);
    // Body text names its source.
    const titled = [...files.entries()].filter(([path]) => /pages\/\d+\.svg$/.test(path)).flatMap(([, svg]) => [...(svg as string).matchAll(/data-src="([^"]+):(\d+)"/g)]);
    expect(titled.length).toBeGreaterThan(50);
  }, 60_000);
});

describe('a line of the page edition', () => {
  it('points at the Markdown line of its paragraph', async () => {
    const root = join(projectRoot, 'test/fixtures/constructs');
    const result = await compile(createNodeHost(root, { cache: false }), { issue: '2024-2', draft: false, formats: ['svg'] });
    const svgs = result.files!.filter((f) => /pages\/\d+\.svg$/.test(f.path)).map((f) => f.data as string).join('\n');
    const path = 'documents/2024-2/sf-2024-7.md';
    const lines = readFileSync(join(root, path), 'utf8').split('\n');
    for (const sample of ['到2025年，', '子任务甲。', '引用的上级文件原文', '建设平台', '任务清单的说明文字']) {
      const match = new RegExp(`<text [^>]*data-src="${path}:(\\d+)"[^>]*>[^<]*${sample}`).exec(svgs);
      expect(match, sample).not.toBeNull();
      expect(lines[Number(match![1]) - 1], sample).toContain(sample);
    }
  });
});

describe('loose lines in the page edition', () => {
  it('are marked where a justified line is spaced beyond the theme’s goal, and only there', async () => {
    const { overlayHost } = await import('../../src/host/overlay-host.js');
    const root = join(projectRoot, 'test/fixtures/constructs');
    const theme = readFileSync(join(projectRoot, 'templates/default/theme.yml'), 'utf8');
    const svgs = async (goal: string): Promise<string> => {
      const host = overlayHost(createNodeHost(root, { cache: false }), new Map([['templates/default/theme.yml', new TextEncoder().encode(theme.replace(/^maxLetterSpacing: .*$/m, `maxLetterSpacing: ${goal}`))]]));
      const result = await compile(host, { issue: '2024-2', draft: false, formats: ['svg'] });
      return result.files!.filter((f) => /pages\/\d+\.svg$/.test(f.path)).map((f) => f.data as string).join('\n');
    };
    const strict = await svgs('0.001');
    const loose = [...strict.matchAll(/<text [^>]*data-loose="true"[^>]*>/g)];
    expect(loose.length).toBeGreaterThan(3);
    for (const [tag] of loose) {
      expect(tag).toContain('data-role="justified"');
      expect(Number(/letter-spacing="([\d.]+)"/.exec(tag)![1])).toBeGreaterThan(0.001 * Number(/font-size="([\d.]+)"/.exec(tag)![1]));
    }
    expect(await svgs('0.5')).not.toContain('data-loose');
  });
});
