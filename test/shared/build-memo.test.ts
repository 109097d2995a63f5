// The layout memo of the preview: a rebuild that reuses earlier lines and table widths must write exactly what a
// fresh build writes, after edits of every kind (a paragraph, a table cell, the theme) and edits undone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeHost } from '../../src/host/node-host.js';
import { overlayHost } from '../../src/host/overlay-host.js';
import type { Host } from '../../src/host/host.js';
import { BuildMemo } from '../../src/shared/build-memo.js';
import { compile } from '../../src/pipeline.js';
import { projectRoot } from '../support/project.js';

const issue = '2021-4';
const base = createNodeHost(projectRoot, { cache: false });
const source = (path: string): string => readFileSync(join(projectRoot, path), 'utf8');
const encoder = new TextEncoder();

/** A memo that counts the values it had to compute: what a build could not reuse. */
class CountingMemo extends BuildMemo {
  computed = 0;
  override get<T>(key: string, compute: () => T, fresh?: (value: T) => boolean): T {
    return super.get(
      key,
      () => {
        this.computed++;
        return compute();
      },
      fresh,
    );
  }
}

/** The bundled project with some files replaced. */
function edited(files: Record<string, string>): Host {
  return overlayHost(base, new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)])));
}

async function editions(host: Host, memo?: BuildMemo): Promise<{ files: Map<string, string | Uint8Array>; diagnostics: string }> {
  const result = await compile(host, { issue, draft: true, formats: ['pdf', 'html'], ...(memo ? { memo } : {}) });
  expect(result.files, JSON.stringify(result.diagnostics.slice(0, 3))).toBeDefined();
  return { files: new Map(result.files!.map((file) => [file.path, file.data])), diagnostics: JSON.stringify(result.diagnostics) };
}

const paragraphDoc = `documents/${issue}/cfg-2021-46.md`;
const tableDoc = `documents/${issue}/cfg-2021-54.md`;
const theme = 'templates/default/theme.yml';

describe('layout memo', () => {
  it('rebuilds after each edit with the same bytes as a fresh build, and reuses what did not change', async () => {
    const paragraph = source(paragraphDoc);
    const table = source(tableDoc);
    const cell = /\| *([^|\n]*[\u4e00-\u9fff]{4}[^|\n]*?) *\|/u.exec(table.slice(table.indexOf('| ---')))?.[1];
    expect(cell, 'a table cell with text to edit').toBeDefined();
    const steps: Record<string, string>[] = [
      {},
      // A sentence more in one paragraph: that paragraph and every page after it move.
      { [paragraphDoc]: paragraph.replace(/。\n/u, '。本句为测试增加的文字，使段落多出一行以上的内容，后面的页面随之移动。\n') },
      // A rule's finding appears in one document, and moves down a line when a line is added above it.
      { [paragraphDoc]: paragraph.replace(/〔(\d{4})〕/u, '[$1]') },
      { [paragraphDoc]: paragraph.replace(/〔(\d{4})〕/u, '[$1]').replace(/^---\n/u, '---\n# 注释行\n') },
      // A table cell grows: the table's column widths are computed again.
      { [tableDoc]: table.replace(cell!, `${cell!}（增加的单元格文字）`) },
      // The theme's body size changes: nothing laid out before may be reused.
      { [theme]: source(theme).replace(/(\bbody:\s*\{[^}]*size:\s*)[\d.]+/u, '$112.5') },
      // Back to the original: lines from two builds ago are laid out afresh or come from the memo, never stale.
      {},
    ];
    const counting = new CountingMemo();
    const computedPerStep: number[] = [];
    for (const files of steps) {
      const host = edited(files);
      counting.computed = 0;
      const reused = await editions(host, counting);
      computedPerStep.push(counting.computed);
      const fresh = await editions(host);
      expect(reused.diagnostics).toBe(fresh.diagnostics);
      expect([...reused.files.keys()]).toEqual([...fresh.files.keys()]);
      for (const [path, data] of fresh.files) expect(Buffer.from(reused.files.get(path)!).equals(Buffer.from(data)), `${path} after ${Object.keys(files).join(', ') || 'no edit'}`).toBe(true);
    }
    const [first, paragraphEdit, finding, movedFinding, tableEdit, themeEdit] = computedPerStep as [number, number, number, number, number, number];
    expect(JSON.parse((await editions(edited(steps[2]!))).diagnostics).some((d: { span?: { file: string } }) => d.span?.file === paragraphDoc), 'the edit makes a finding').toBe(true);
    expect(finding).toBeLessThan(first / 20);
    expect(movedFinding).toBeLessThan(first / 20);
    // A one-paragraph edit lays out a handful of blocks, not the issue; a theme change lays out everything again.
    expect(paragraphEdit).toBeGreaterThan(0);
    expect(paragraphEdit).toBeLessThan(first / 20);
    expect(tableEdit).toBeGreaterThan(0);
    expect(themeEdit).toBeGreaterThan(first / 2);
  }, 120_000);

  it('reuses layout with a project font read again on every build, and across a build that stopped before layout', async () => {
    const kai = base.readAsset('npm:@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff') as Uint8Array;
    const withFont = source(theme).replace(/^(\s*kai:\s*).*$/mu, '$1fonts/kai.woff');
    expect(withFont).toContain('fonts/kai.woff');
    // Every build reads the project's font file anew, as from disk: equal bytes, another buffer.
    const host = (themeText: string): Host => ({ ...edited({ [theme]: themeText }), readAsset: (ref) => (ref === 'fonts/kai.woff' ? new Uint8Array(kai) : base.readAsset(ref)) });
    const counting = new CountingMemo();
    const build = async (themeText: string): Promise<number> => {
      counting.computed = 0;
      await compile(host(themeText), { issue, draft: true, formats: ['html'], memo: counting });
      return counting.computed;
    };
    const first = await build(withFont);
    expect(first).toBeGreaterThan(100);
    expect(await build(withFont)).toBe(0);
    // A theme that does not parse stops the build before layout; the next good build still reuses everything.
    const broken = await compile(host(`${withFont}\nstyles: [\n`), { issue, draft: true, formats: ['html'], memo: counting });
    expect(broken.files).toBeUndefined();
    expect(await build(withFont)).toBe(0);
  }, 120_000);

  it('cuts the faces of a build’s deferred pages from its own fonts, though the next build bound others', async () => {
    const kai = (weight: number): Uint8Array => new Uint8Array(base.readAsset(`npm:@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-${weight}-normal.woff`) as Uint8Array);
    const withFont = source(theme).replace(/^(\s*kai:\s*).*$/mu, '$1fonts/kai.woff');
    const host = (weight: number): Host => ({ ...edited({ [theme]: withFont }), readAsset: (ref) => (ref === 'fonts/kai.woff' ? kai(weight) : base.readAsset(ref)) });
    const memo = new BuildMemo();
    const build = (weight: number) => compile(host(weight), { issue, draft: true, formats: ['pdf'], defer: ['svg'], memo });
    const kaiFace = (files: { path: string; data: string | Uint8Array }[]): Buffer => Buffer.from(files.find((file) => /^pages\/fonts\/kai-/.test(file.path))!.data as Uint8Array);
    const first = await build(500);
    const second = await build(300);
    // The page view asks for the first build's pages only after the second build ran.
    const late = kaiFace(await first.later!.svg!());
    const served = kaiFace(await second.later!.svg!());
    const fresh = kaiFace((await compile(host(300), { issue, draft: true, formats: ['svg'] })).files!);
    expect(late.equals(fresh)).toBe(false);
    expect(served.equals(fresh)).toBe(true);
  }, 120_000);

  it('reads a document again when an image it shows changed, though its text did not', async () => {
    const root = join(projectRoot, 'test/fixtures/constructs');
    const fixture = createNodeHost(root, { cache: false });
    const image = 'documents/2024-2/area.png';
    // Another PNG of the project stands in for the edited figure.
    const other = new Uint8Array(readFileSync(join(projectRoot, 'docs/make-up/before-toc.png')));
    const withImage = (bytes?: Uint8Array): Host => (bytes ? overlayHost(fixture, new Map([[image, bytes]])) : fixture);
    const build = async (host: Host, memo?: BuildMemo) => {
      const result = await compile(host, { issue: '2024-2', draft: true, formats: ['pdf'], ...(memo ? { memo } : {}) });
      return Buffer.from(result.files![0]!.data as Uint8Array);
    };
    const memo = new BuildMemo();
    const before = await build(withImage(), memo);
    const after = await build(withImage(other), memo);
    expect(after.equals(before)).toBe(false);
    expect(after.equals(await build(withImage(other)))).toBe(true);
  }, 120_000);
});
