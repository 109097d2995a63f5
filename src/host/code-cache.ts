/**
 * Loads gazette's compiled bundles (build/*.cjs) as CommonJS modules whose compiled code V8 keeps between runs.
 * Every run otherwise compiles the 1.2 MB CLI bundle, the vendor bundles its command needs, and then lazily each
 * function it calls: tens of milliseconds, a sixth of `gazette check` (the code-cache lines of `npm run bench`).
 * A bundle's cache is written after the first successful run of each kind of run (bin/gazette.js names them: one
 * per command), so it holds the functions that run compiled; a `check` and a `build` load different code.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { type Env, firstWritable, installCacheFolder, userCacheFolder } from './cache-folders.js';

export interface BundleLoader {
  /** The module.exports of a bundle; a bundle's `require('./x.cjs')` loads that sibling bundle the same way. */
  load(file: string): unknown;
  /** Writes the caches this run lacked. A cache is only speed: a failed write is ignored. */
  save(): void;
  /** The bundles loaded so far, and whether each was compiled from its cache (what tests observe). */
  readonly loaded: ReadonlyMap<string, { fromCache: boolean }>;
}

interface Loaded {
  module: { exports: unknown };
  fromCache: boolean;
  /** Where the cache goes, when this run compiled the bundle from its source. */
  pending?: { script: vm.Script; target: string; key: string };
}

/**
 * `folder` holds the caches (undefined: compile as Node would, keep nothing); `variant` names the caller's kind of
 * run, one cache per bundle and variant.
 */
export function createBundleLoader(folder: string | undefined, variant: string): BundleLoader {
  const modules = new Map<string, Loaded>();

  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.module.exports;
    const source = readFileSync(file, 'utf8');
    const target = folder && join(folder, `${basename(file, '.cjs')}.${variant}${flagsSuffix()}.v8`);
    const key = target ? cacheKey(source) : undefined;
    const cachedData = target && key ? readCache(target, key) : undefined;
    // Node's own CommonJS wrapper, on the source's first line so that stack traces keep their line numbers.
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: file,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    const fromCache = cachedData !== undefined && !script.cachedDataRejected;
    const entry: Loaded = { module: { exports: {} }, fromCache, ...(!fromCache && target && key ? { pending: { script, target, key } } : {}) };
    modules.set(file, entry);
    const nodeRequire = createRequire(file);
    const require = Object.assign(
      (id: string): unknown => (id.startsWith('./') && id.endsWith('.cjs') ? load(resolve(dirname(file), id)) : nodeRequire(id)),
      { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions },
    );
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    wrapper.call(entry.module.exports, entry.module.exports, require, entry.module, file, dirname(file));
    return entry.module.exports;
  };

  return {
    load,
    save() {
      for (const { pending } of modules.values()) {
        if (!pending) continue;
        const temporary = `${pending.target}.${process.pid}.tmp`;
        try {
          mkdirSync(dirname(pending.target), { recursive: true });
          writeFileSync(temporary, cacheFile(pending.key, pending.script.createCachedData()));
          renameSync(temporary, pending.target);
        } catch {
          // Not writable: the next run compiles again. A temporary file left behind would pile up at every run.
          try {
            rmSync(temporary, { force: true });
          } catch {
            // Its folder is missing or not a folder: nothing was written.
          }
        }
      }
    },
    get loaded() {
      return new Map([...modules].map(([file, { fromCache }]) => [file, { fromCache }]));
    },
  };
}

/**
 * What the cache was made from. V8 checks its own version and flags but tells sources apart only by length, so the
 * key holds the source's digest (about 1 ms per MB): a file's times and size may stay the same when its code does
 * not, and npm gives every file it unpacks the same modification time.
 */
function cacheKey(source: string): string {
  return JSON.stringify([process.version, process.arch, sha256(source)]);
}

/**
 * V8 rejects a cache made under other flags (NODE_OPTIONS=--max-old-space-size=…, say): runs with other flags keep
 * their own caches rather than overwrite each other's at every switch.
 */
function flagsSuffix(): string {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');
  return flags === '' ? '' : `-${sha256(flags).slice(0, 8)}`;
}

/**
 * A cache file is its key and the SHA-256 of the code on the first line, then the code: V8 does not checksum code
 * caches outside debug builds, and would run a damaged one.
 */
function cacheFile(key: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${key} ${sha256(data)}\n`), data]);
}

/** The cached code behind `key`, or undefined when the file is missing, unreadable, damaged or made from other code. */
function readCache(target: string, key: string): Buffer | undefined {
  try {
    const file = readFileSync(target);
    const newline = file.indexOf(10);
    const data = file.subarray(newline + 1);
    return newline > 0 && file.toString('utf8', 0, newline) === `${key} ${sha256(data)}` ? data : undefined;
  } catch {
    return undefined;
  }
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The code caches' folder: in gazette's own build/cache (so a reinstall empties it) or the user's cache folder,
 * never the project's. GAZETTE_CODE_CACHE=0 turns it off (to time a first run after installing).
 */
export function codeCacheFolder(env: Env): string | undefined {
  if (env.GAZETTE_CODE_CACHE === '0') return undefined;
  return firstWritable([join(installCacheFolder, 'code'), join(userCacheFolder(env), 'code')]);
}
