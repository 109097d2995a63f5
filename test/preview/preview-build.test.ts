// The preview's build: the HTML edition at once, the PDF written from the same layout when first asked for, with
// the bytes `gazette build --draft` writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { previewBuild } from '../../src/cli/preview.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { overlayHost } from '../../src/host/overlay-host.js';
import { unwrapWoff } from '../../src/shared/woff.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';
import { unusedCharacters } from '../support/unused-chars.js';

describe('preview build', () => {
  it('defers the PDF until it is asked for, then serves what a draft build writes', async () => {
    const host = createNodeHost(projectRoot, { cache: false });
    const build = await previewBuild(host, { issue: '2021-4', lang: 'zh' })();
    const pdf = build.files?.get('gazette-2021-4.pdf');
    expect(typeof pdf).toBe('function');
    expect(typeof build.files?.get('index.html')).toBe('string');
    const draft = await compile(host, { issue: '2021-4', draft: true, formats: ['pdf', 'html'] });
    const expected = draft.files!.find((file) => file.path === 'gazette-2021-4.pdf')!.data;
    const served = await (pdf as () => Promise<Uint8Array>)();
    expect(Buffer.from(served).equals(Buffer.from(expected))).toBe(true);
    // Asked again, the same file, not a second rendering.
    expect(await (pdf as () => Promise<Uint8Array>)()).toBe(served);
    expect(build.files?.get('index.html')).toBe(draft.files!.find((file) => file.path === 'index.html')!.data);
  }, 60_000);
});

describe('preview page view faces', () => {
  it('keep the characters of the session, so a face changes only for a character new to it', async () => {
    const doc = 'documents/2021-4/cfg-2021-46.md';
    const original = readFileSync(join(projectRoot, doc), 'utf8');
    const [first, second] = unusedCharacters(join(projectRoot, 'documents/2021-4'));
    expect(second, 'two characters the issue does not use').toBeDefined();
    const edits = new Map<string, Uint8Array>();
    const host = overlayHost(createNodeHost(projectRoot, { cache: false }), edits);
    const build = previewBuild(host, { issue: '2021-4', lang: 'zh' });
    const withSentence = (char: string): void => void edits.set(doc, new TextEncoder().encode(original.replace(/。\n/u, `。本句加入一个${char}字。\n`)));
    const pages = async (): Promise<{ files: ReadonlyMap<string, string | Uint8Array>; serif: fontkit.Font }> => {
      const files = await (await build()).lazy!.files();
      const face = [...files.keys()].filter((path) => /^pages\/fonts\/serif-/.test(path));
      expect(face).toHaveLength(1);
      return { files, serif: fontkit.create(Buffer.from(unwrapWoff(files.get(face[0]!) as Uint8Array)!)) as fontkit.Font };
    };
    const has = (font: fontkit.Font, char: string): boolean => font.hasGlyphForCodePoint(char.codePointAt(0)!);

    withSentence(first!);
    const added = await pages();
    expect(has(added.serif, first!)).toBe(true);
    // The sentence deleted again: the pages are a fresh build's, the faces those the page view already holds.
    edits.clear();
    const deleted = await pages();
    const fresh = new Map((await compile(host, { issue: '2021-4', draft: true, formats: ['svg'] })).files!.map((file) => [file.path, file.data]));
    for (const [path, data] of fresh) if (path.endsWith('.svg')) expect(deleted.files.get(path), path).toBe(data);
    expect(fresh.get('pages/fonts.css')).not.toBe(added.files.get('pages/fonts.css'));
    expect(deleted.files.get('pages/fonts.css')).toBe(added.files.get('pages/fonts.css'));
    expect(has(deleted.serif, first!)).toBe(true);
    // A character new to the session makes the face again, with every character seen before.
    withSentence(second!);
    const grown = await pages();
    expect(grown.files.get('pages/fonts.css')).not.toBe(added.files.get('pages/fonts.css'));
    expect(has(grown.serif, second!) && has(grown.serif, first!)).toBe(true);
  }, 120_000);
});
