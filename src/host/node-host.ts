/** The Host on a real file system, rooted at the user's project folder. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DerivedCache, FileError, Host } from './host.js';

/** gazette's own install folder (where package.json is), for `npm:` fonts and `gazette:` bundled templates. */
const ownDir = dirname(fileURLToPath(import.meta.url));
const ownRoot = findUp(ownDir, 'package.json') ?? ownDir;

export interface NodeHostOptions {
  /** Keep parsed Markdown between runs (in gazette's own build/cache, emptied by every reinstall). Default true. */
  cache?: boolean;
}

export function createNodeHost(root: string, options: NodeHostOptions = {}): Host {
  const absolute = (path: string): string => resolve(root, path);
  return {
    ...(options.cache === false ? {} : { cache: fileCache(join(ownRoot, 'build', 'cache')) }),
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
      const path = ref.startsWith('npm:') ? findInNodeModules(ref.slice(4)) : ref.startsWith('gazette:') ? join(ownRoot, ref.slice(8)) : absolute(ref);
      return path ? readFileOrError(path) : 'ENOENT';
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

/**
 * Entries are files named by the SHA-256 of namespace and source, so an edited document simply misses. The folder
 * lives in build/, which `npm install` recreates, so a cache never outlives the parser versions that wrote it.
 * Failures (a read-only install) only cost speed.
 */
function fileCache(dir: string): DerivedCache {
  const path = (namespace: string, source: string | Uint8Array): string => join(dir, createHash('sha256').update(namespace).update('\0').update(source).digest('hex'));
  const read = (target: string): Buffer | undefined => {
    try {
      return readFileSync(target);
    } catch {
      return undefined;
    }
  };
  const write = (target: string, value: string | Uint8Array): void => {
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
    read: (namespace, source) => read(path(namespace, source))?.toString('utf8'),
    write: (namespace, source, value) => write(path(namespace, source), value),
    readBinary: (namespace, key) => read(path(namespace, key)),
    writeBinary: (namespace, key, value) => write(path(namespace, key), value),
  };
}

/** Walks up from gazette's own folder, like Node's resolution, without consulting package `exports`. */
function findInNodeModules(file: string): string | undefined {
  const dir = findUp(ownDir, join('node_modules', file));
  return dir && join(dir, 'node_modules', file);
}

/** The nearest folder at or above `start` that contains `entry`. */
function findUp(start: string, entry: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, entry))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
