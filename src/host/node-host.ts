/** The Host on a real file system, rooted at the user's project folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from './host.js';

/** gazette's own install folder (where package.json is), for `npm:` fonts and `gazette:` bundled templates. */
const ownDir = dirname(fileURLToPath(import.meta.url));
const ownRoot = findUp(ownDir, 'package.json') ?? ownDir;

export function createNodeHost(root: string): Host {
  const absolute = (path: string): string => resolve(root, path);
  return {
    listDir(path) {
      try {
        return statSync(absolute(path)).isDirectory() ? readdirSync(absolute(path)).sort() : undefined;
      } catch {
        return undefined;
      }
    },
    readBytes(path) {
      try {
        return readFileSync(absolute(path));
      } catch {
        return undefined;
      }
    },
    readAsset(ref) {
      const path = ref.startsWith('npm:') ? findInNodeModules(ref.slice(4)) : ref.startsWith('gazette:') ? join(ownRoot, ref.slice(8)) : absolute(ref);
      try {
        return path ? readFileSync(path) : undefined;
      } catch {
        return undefined;
      }
    },
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
