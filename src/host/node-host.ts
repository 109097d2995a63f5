/** The Host on a real file system, rooted at the user's project folder. */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheFolders, type Env, findUp, firstWritable, ownDir, ownRoot } from './cache-folders.js';
import type { DerivedCache, FileError, Host } from './host.js';

export interface NodeHostOptions {
  /** Keep parsed Markdown between runs, in the first writable folder of `cacheFolders`. Default true. */
  cache?: boolean;
  /** The environment that locates the user's cache folder (XDG_CACHE_HOME, LOCALAPPDATA, HOME). */
  env?: Env;
}

export function createNodeHost(root: string, options: NodeHostOptions = {}): Host {
  const absolute = (path: string): string => resolve(root, path);
  const cacheDir = options.cache === false ? undefined : firstWritable(cacheFolders(root, options.env));
  const assetPath = (ref: string): string | undefined =>
    ref.startsWith('npm:') ? findInNodeModules(ref.slice(4)) : ref.startsWith('gazette:') ? join(ownRoot, ref.slice(8)) : absolute(ref);
  /** `use` with the asset's file open; a failure to open or read is the system's reason. */
  const withAsset = <T>(ref: string, use: (fd: number) => T): T | FileError => {
    const path = assetPath(ref);
    if (!path) return 'ENOENT';
    try {
      const fd = openSync(path, 'r');
      try {
        return use(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      return fileError(error);
    }
  };
  return {
    ...(cacheDir ? { cache: fileCache(cacheDir) } : {}),
    listDir(path) {
      try {
        return readdirSync(absolute(path)).sort();
      } catch (error) {
        return fileError(error);
      }
    },
    readFile(path) {
      return readFileOrError(absolute(path));
    },
    readAsset(ref) {
      const path = assetPath(ref);
      return path ? readFileOrError(path) : 'ENOENT';
    },
    listAssets(ref) {
      const path = assetPath(ref);
      try {
        return path ? readdirSync(path).sort() : 'ENOENT';
      } catch (error) {
        return fileError(error);
      }
    },
    readAssetPart(ref, start, length) {
      return withAsset(ref, (fd) => {
        // A length read from the file's own directory may be anything: never more than the file holds.
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, fstatSync(fd).size - start)));
        return buffer.subarray(0, readSync(fd, buffer, 0, buffer.byteLength, start));
      });
    },
    readAssetInto(ref, target, ranges) {
      return withAsset(ref, (fd) => {
        for (const [start, length] of ranges) {
          if (start + length > target.byteLength) return 'EIO';
          let done = 0;
          while (done < length) {
            const read = readSync(fd, target, start + done, length - done, start + done);
            if (read === 0) return 'EIO';
            done += read;
          }
        }
        return undefined;
      });
    },
  };
}

const KNOWN: readonly FileError[] = ['ENOENT', 'EACCES', 'ELOOP', 'EISDIR', 'ENOTDIR', 'EMFILE'];

/** The system's reason for a failed read, as one of the codes diagnostics explain (EPERM reads as EACCES). */
function fileError(error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPERM') return 'EACCES';
  if (code === 'ENFILE') return 'EMFILE';
  return KNOWN.find((known) => known === code) ?? 'EIO';
}

function readFileOrError(path: string): Uint8Array | FileError {
  try {
    return readFileSync(path);
  } catch (error) {
    return fileError(error);
  }
}
/** package.json's version, written into the bundle by scripts/build.js. */
const version = process.env.GAZETTE_VERSION ?? 'dev';

/**
 * Entries are files named by the SHA-256 of gazette's version, namespace and source, so an edited document simply
 * misses, and a user or project cache shared by several gazette versions never serves another parser's output.
 * A failed write only costs speed.
 */
function fileCache(dir: string): DerivedCache {
  const path = (namespace: string, source: string): string =>
    join(dir, createHash('sha256').update(version).update('\0').update(namespace).update('\0').update(source).digest('hex'));
  const read = (target: string): string | undefined => {
    try {
      return readFileSync(target, 'utf8');
    } catch {
      return undefined;
    }
  };
  const write = (target: string, value: string): void => {
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, value);
      renameSync(temporary, target);
    } catch {
      // Not writable: run uncached.
    }
  };
  return {
    read: (namespace, source) => read(path(namespace, source)),
    write: (namespace, source, value) => write(path(namespace, source), value),
  };
}

/** Walks up from gazette's own folder, like Node's resolution, without consulting package `exports`. */
function findInNodeModules(file: string): string | undefined {
  const dir = findUp(ownDir, join('node_modules', file));
  return dir && join(dir, 'node_modules', file);
}
