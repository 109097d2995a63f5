/** gazette's own install folder and the folders its caches may live in. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Env = Readonly<Record<string, string | undefined>>;

/** The folder of gazette's compiled code (build/ when bundled). */
export const ownDir = dirname(fileURLToPath(import.meta.url));
/** gazette's own install folder (where package.json is), for `npm:` fonts and `gazette:` bundled templates. */
export const ownRoot = findUp(ownDir, 'package.json') ?? ownDir;

/** gazette's folder in build/ of its install: emptied by every reinstall. */
export const installCacheFolder = join(ownRoot, 'build', 'cache');

/** gazette's folder in the user's cache (XDG_CACHE_HOME, LOCALAPPDATA, ~/Library/Caches or ~/.cache). */
export function userCacheFolder(env: Env): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'gazette')
    : process.platform === 'win32' && env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'gazette', 'Cache')
    : process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'gazette')
    : join(home, '.cache', 'gazette');
}

/**
 * Where the parse cache may live, in order of preference: gazette's own build/cache, then the user's cache folder
 * (the install may be read-only, e.g. a global install by an administrator), then the project's .gazette-cache/
 * (no writable home, e.g. a service account).
 */
export function cacheFolders(root: string, env: Env = {}): string[] {
  return [installCacheFolder, userCacheFolder(env), join(root, '.gazette-cache')];
}

/** The first folder that exists or can be made, and is writable; undefined when none is. */
export function firstWritable(folders: readonly string[]): string | undefined {
  return folders.find((dir) => {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The nearest folder at or above `start` that contains `entry`. */
export function findUp(start: string, entry: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, entry))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
