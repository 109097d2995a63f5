/**
 * Hostile nesting never crashes or stalls a run: over-deep containers and crowded delimiters are made literal
 * (same length, so positions stay true) and the parse stays linear in input size.
 */
import { describe, expect, it } from 'vitest';
import { guardNesting, MAX_CONTAINERS, MAX_DELIMITERS } from '../../src/parse/guard.js';
import { parseBodies, parseDocument } from '../../src/parse/index.js';
import { readBodies } from '../../src/read/index.js';

const front = '---\ntitle: 测试\n---\n';
const parse = async (body: string) => (await parseBodies([parseDocument('documents/2021-4/a.md', new TextEncoder().encode(front + body), '2021-4').value!]))[0]!;

const hostile: Record<string, (n: number) => string> = {
  quotes: (n) => `${'>'.repeat(n)} 深\n`,
  markers: (n) => `${'- '.repeat(n)}深\n`,
  'indented lists': (n) => Array.from({ length: n / 10 }, (_, i) => `${'  '.repeat(i)}- 项\n`).join(''),
  stars: (n) => `${'*'.repeat(n)}深${'*'.repeat(n)}\n`,
  brackets: (n) => `${'['.repeat(n)}深${']'.repeat(n)}\n`,
  pairs: (n) => `${'*甲'.repeat(n)}\n`,
};

describe('guardNesting', () => {
  it('keeps ordinary Markdown byte for byte', () => {
    const text = '### 一、总则\n\n1. 甲\n   - 乙\n\n> 引文\n\n**加粗**与*强调*、[链接](https://a.cn)。\n';
    expect(guardNesting(text)).toBe(text);
  });

  it('makes containers past the limit literal, keeping every offset', () => {
    const line = `${'> '.repeat(MAX_CONTAINERS + 4)}深`;
    const guarded = guardNesting(line);
    expect(guarded).toHaveLength(line.length);
    expect(guarded.startsWith('> '.repeat(MAX_CONTAINERS))).toBe(true);
    expect(guarded.slice(2 * MAX_CONTAINERS)).toMatch(/^＞/);
    const delimiters = '*甲'.repeat(MAX_DELIMITERS + 10);
    expect((guardNesting(delimiters).match(/\*/g) ?? []).length).toBe(MAX_DELIMITERS);
  });

  // Their parse time is measured in `npm run bench` (scale cases); here: they parse, and what reaches the parser
  // is bounded, which is what keeps micromark linear.
  it.each(Object.keys(hostile))('parses %s of 20 KB into a bounded tree without a crash', async (name) => {
    const text = hostile[name]!(10_000);
    const guarded = guardNesting(text);
    expect(guarded).toHaveLength(text.length);
    for (const block of guarded.split(/\n\s*\n/)) expect((block.match(/[*_~[\]]/g) ?? []).length).toBeLessThanOrEqual(MAX_DELIMITERS);
    const doc = await parse(text);
    let depth = 0;
    const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: doc.mdast as never, depth: 0 }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      depth = Math.max(depth, next.depth);
      for (const child of next.node.children ?? []) stack.push({ node: child as never, depth: next.depth + 1 });
    }
    expect(depth).toBeLessThanOrEqual(2 * MAX_CONTAINERS + 4);
    expect(JSON.stringify(doc.mdast).length).toBeGreaterThan(0);
  });

  // parse5 builds any depth without recursion; the kept tree is cut so that nothing walking it (JSON for the parse
  // cache, the reader) can overflow the stack, and the cut-off content stays as text.
  it.each([
    ['bold', '<b>', '</b>'],
    ['divisions', '<div>', '</div>'],
    ['tables in cells', '<table><tr><td>', '</td></tr></table>'],
  ])('reads an HTML table with %s nested 30,000 deep', async (_name, open, close) => {
    const doc = await parse(`<table><tr><td>${open.repeat(30_000)}深处${close.repeat(30_000)}</td><td>乙</td></tr></table>\n`);
    const table = (doc.mdast!.children[0] as { data?: { table?: { table: unknown } } }).data?.table?.table;
    let depth = 0;
    const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: table as never, depth: 0 }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      depth = Math.max(depth, next.depth);
      for (const child of next.node.children ?? []) stack.push({ node: child as never, depth: next.depth + 1 });
    }
    expect(depth).toBeGreaterThan(0);
    expect(depth).toBeLessThanOrEqual(65);
    expect(JSON.stringify(doc.mdast).length).toBeGreaterThan(0);
    const body = readBodies([doc], () => 'ENOENT').value[0]!.body!;
    const read = body.blocks[0]!;
    expect(read.kind).toBe('table');
    const cells = read.kind === 'table' ? read.rows[0]!.cells.map((c) => c.content.map((i) => (i.kind === 'text' ? i.text : '')).join('')) : [];
    expect(cells[0]).toContain('深处');
    expect(cells.at(-1)).toBe('乙');
  });

  it('parses a run of 5,000 table openings in linear time, and keeps <noscript> content as markup', async () => {
    const doc = await parse(`${'<table><tr><td>甲</td></tr>\n\n'.repeat(5_000)}</table>\n`);
    const tagged = doc.mdast!.children.filter((n) => (n as { data?: { table?: unknown } }).data?.table);
    expect(tagged).toHaveLength(1);
    const noscript = await parse('<table><tr><td><noscript><b>乙</b></noscript></td></tr></table>\n');
    const cells = readBodies([noscript], () => 'ENOENT').value[0]!.body!.blocks[0]!;
    expect(cells.kind === 'table' ? cells.rows[0]!.cells[0]!.content : []).toEqual([{ kind: 'text', text: '乙', strong: true }]);
  });
});
