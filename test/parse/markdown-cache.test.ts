/** Markdown bodies parsed from the cache are the same trees, in file coordinates, as bodies parsed afresh. */
import { describe, expect, it, vi } from 'vitest';
import type { DerivedCache } from '../../src/host/host.js';
import { parseBodies, parseDocument } from '../../src/parse/index.js';

function memoryCache(): DerivedCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, read: (ns, source) => entries.get(`${ns}|${source}`), write: (ns, source, value) => void entries.set(`${ns}|${source}`, value) };
}

const text = '---\ntitle: 标题\n---\n\n### 一、总则\n\n| 姓名 | 职务 |\n| --- | --- |\n| 庄 瑛 | 副局长 |\n';
const parsed = (body = text) => parseDocument('documents/2021-4/a.md', new TextEncoder().encode(body), '2021-4').value!;

describe('parseBodies', () => {
  it('parses GFM in file coordinates', async () => {
    const [doc] = await parseBodies([parsed()]);
    expect(doc!.mdast!.children.map((n) => [n.type, n.position?.start.line])).toEqual([['heading', 5], ['table', 7]]);
    expect(doc!.mdast!.children[1]!.position?.start.offset).toBe(text.indexOf('| 姓名'));
  });

  it('gives the same tree from the cache, and parses again when the body changes', async () => {
    const cache = memoryCache();
    const [fresh] = await parseBodies([parsed()], cache);
    expect(cache.entries.size).toBe(1);
    const [cached] = await parseBodies([parsed()], cache);
    expect(cached!.mdast).toEqual(fresh!.mdast);
    await parseBodies([parsed(text.replace('副局长', '局长'))], cache);
    expect(cache.entries.size).toBe(2);
  });

  it('shifts a cached tree to where the body starts in this file', async () => {
    const cache = memoryCache();
    await parseBodies([parsed()], cache);
    const [longer] = await parseBodies([parsed(text.replace('title: 标题\n', 'title: 标题\nissuer: 某机关\n'))], cache);
    expect(cache.entries.size).toBe(1);
    expect(longer!.mdast!.children[0]!.position?.start.line).toBe(6);
  });

  it('ignores a corrupt cache entry', async () => {
    const cache = memoryCache();
    await parseBodies([parsed()], cache);
    for (const key of cache.entries.keys()) cache.entries.set(key, '{not json');
    const [doc] = await parseBodies([parsed()], cache);
    expect(doc!.mdast!.children).toHaveLength(2);
  });

  it('keeps HTML tables parsed in the cache, so a cached run needs no HTML parser', async () => {
    const table = '---\ntitle: 标题\n---\n\n<table>\n<tr><td rowspan="2">甲</td><td>乙</td></tr>\n\n<tr><td>丙</td></tr>\n</table>\n\n正文。\n';
    const cache = memoryCache();
    const [fresh] = await parseBodies([parsed(table)], cache);
    const first = fresh!.mdast!.children[0] as { type: string; data?: { table?: { blocks: number; table: { tagName: string } } } };
    expect(first.type).toBe('html');
    expect(first.data?.table?.blocks).toBe(fresh!.mdast!.children.length - 1);
    expect(first.data?.table?.table.tagName).toBe('table');
    vi.doMock('parse5', () => ({
      parseFragment: () => {
        throw new Error('parsed again');
      },
    }));
    try {
      const [cached] = await parseBodies([parsed(table)], cache);
      expect(cached!.mdast).toEqual(fresh!.mdast);
      await expect(parseBodies([parsed(table.replace('丙', '丁'))], cache)).rejects.toThrow('parsed again');
    } finally {
      vi.doUnmock('parse5');
    }
  });
});
