// The preview's build: the HTML edition at once, the PDF written from the same layout when first asked for, with
// the bytes `gazette build --draft` writes.
import { describe, expect, it } from 'vitest';
import { previewBuild } from '../../src/cli/preview.js';
import { createNodeHost } from '../../src/host/node-host.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';

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
