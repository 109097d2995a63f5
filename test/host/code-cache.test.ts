/** The loader that keeps compiled bundle code between runs: same exports with or without a cache, never stale code. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBundleLoader } from '../../src/host/code-cache.js';

let dir: string;
let cache: string;
let main: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gazette-code-cache-'));
  cache = join(dir, 'cache');
  main = join(dir, 'main.cjs');
  writeFileSync(
    main,
    [
      "'use strict';",
      "const dep = require('./dep.cjs');",
      "const again = require('./dep.cjs');",
      "const { basename } = require('node:path');",
      'function answer(n) { return n * 6; }',
      'module.exports = { sum: dep.add(answer(7), 0), same: dep === again, name: basename(__filename), dir: __dirname, strict: (function () { return this; })() === undefined };',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'dep.cjs'), 'exports.loads = (exports.loads ?? 0) + 1;\nexports.add = (a, b) => a + b;\n');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** One process's run: load, then save as bin/gazette.js does after a complete run (`null`: no cache folder). */
function run(variant = 'check', folder: string | null = cache) {
  const loader = createBundleLoader(folder ?? undefined, variant);
  const exports = loader.load(main);
  loader.save();
  return { exports, fromCache: [...loader.loaded.values()].map((entry) => entry.fromCache) };
}

/** The cache files, without the suffix that names this test runner's own Node flags. */
const caches = (): string[] => readdirSync(cache).map((name) => name.replace(/-[0-9a-f]{8}(?=\.v8$)/, '')).sort();
const cacheOf = (prefix: string): string => join(cache, readdirSync(cache).find((name) => name.startsWith(prefix))!);

describe('code cache', () => {
  it('loads a bundle and its sibling bundles once each, as CommonJS', () => {
    const { exports } = run();
    expect(exports).toEqual({ sum: 42, same: true, name: 'main.cjs', dir, strict: true });
  });

  it('compiles from source first, then from the cache, with the same exports', () => {
    const first = run();
    expect(first.fromCache).toEqual([false, false]);
    expect(caches()).toEqual(['dep.check.v8', 'main.check.v8']);
    const second = run();
    expect(second.fromCache).toEqual([true, true]);
    expect(second.exports).toEqual(first.exports);
  });

  it('keeps one cache per variant', () => {
    run('check');
    expect(run('build').fromCache).toEqual([false, false]);
    expect(run('check').fromCache).toEqual([true, true]);
    expect(caches()).toEqual(['dep.build.v8', 'dep.check.v8', 'main.build.v8', 'main.check.v8']);
  });

  it('never runs the code of a rewritten bundle of the same length', () => {
    run();
    // Within the same millisecond or not: the key is the code, not the file's times.
    writeFileSync(main, readFileSync(main, 'utf8').replace('n * 6', 'n * 7'));
    const after = run();
    expect(after.fromCache[0]).toBe(false);
    expect(after.exports).toMatchObject({ sum: 49 });
    expect(run().fromCache[0]).toBe(true);
  });

  it('compiles from source when the cache is damaged, and writes it again', () => {
    run();
    const file = cacheOf('main.check');
    const damaged = Buffer.from(readFileSync(file));
    for (let i = damaged.length - 64; i < damaged.length; i++) damaged[i]! ^= 0x5a;
    writeFileSync(file, damaged);
    const after = run();
    expect(after.fromCache).toEqual([false, true]);
    expect(after.exports).toMatchObject({ sum: 42 });
    expect(run().fromCache).toEqual([true, true]);
  });

  it('runs uncached without a folder, or when the folder cannot be made', () => {
    expect(run('check', null)).toEqual({ exports: expect.objectContaining({ sum: 42 }), fromCache: [false, false] });
    writeFileSync(cache, 'a file where the folder would be\n');
    expect(run()).toEqual({ exports: expect.objectContaining({ sum: 42 }), fromCache: [false, false] });
  });

  it('leaves no temporary file when a cache cannot be put in place', () => {
    run();
    const blocked = cacheOf('main.check');
    rmSync(blocked);
    mkdirSync(blocked);
    run();
    run();
    expect(caches()).toEqual(['dep.check.v8', 'main.check.v8']);
    expect(run().fromCache).toEqual([false, true]);
  });

  it('keeps the caches of runs with other Node flags apart, as V8 rejects them', () => {
    run();
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = '--max-old-space-size=300';
    try {
      expect(run().fromCache).toEqual([false, false]);
      expect(run().fromCache).toEqual([true, true]);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    expect(run().fromCache).toEqual([true, true]);
    expect(readdirSync(cache)).toHaveLength(4);
  });

  it('reports an error thrown by the bundle to the caller, with its own file and line', () => {
    writeFileSync(main, "'use strict';\n\nthrow new Error('broken bundle');\n");
    const loader = createBundleLoader(cache, 'check');
    let caught: unknown;
    try {
      loader.load(main);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe('broken bundle');
    expect((caught as Error).stack).toContain(`${main}:3:`);
  });
});
