/**
 * Watches the project folders a build reads (documents/, templates/) whatever an editor does to them: writes in
 * place, atomic saves (a temp file renamed over the original, as vim, Emacs, JetBrains and `sed -i` do), deletes
 * and re-creates, new and renamed folders, and the watched folders themselves disappearing and coming back.
 *
 * Node 20's `fs.watch(dir, { recursive: true })` on Linux stops reporting a file once it has been replaced by a
 * rename, so this uses chokidar, which holds one non-recursive watcher per folder and re-arms them as entries come
 * and go. It watches the project root (filtered to the named folders) so that a folder created or re-created
 * after start is picked up too.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename, relative, sep } from 'node:path';

export interface ProjectWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** The project root. */
  root: string;
  /** Folders under the root whose contents trigger a rebuild, e.g. `['documents', 'templates']`. */
  folders: readonly string[];
  /**
   * Called with the changed path relative to the root, `/`-separated (e.g. `documents/2021-4/a.md`), and whether
   * it went away (a file or folder deleted or renamed from).
   */
  onChange(path: string, removed: boolean): void;
  onError(error: Error): void;
}

/**
 * Editors' scratch files never change a build (the loader skips hidden files, and `a.md~` is not a document):
 * vim's `.a.md.swp` and `4913` probe, Emacs's `#a.md#` and `.#a.md`, backup `a.md~`.
 */
function isScratch(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || name === '4913';
}

/** Starts watching; resolves once the initial scan is done, so no save after it is missed. */
export async function watchProject(options: WatchOptions): Promise<ProjectWatcher> {
  const { root, folders } = options;
  const inside = (path: string): string | undefined => {
    const rel = relative(root, path);
    if (rel === '') return '';
    return rel.startsWith('..') ? undefined : rel.split(sep).join('/');
  };
  const watched = (rel: string): boolean => folders.some((folder) => rel === folder || rel.startsWith(`${folder}/`));
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // Only the root itself and the named folders are walked: node_modules/ and dist/ are never scanned.
    ignored: (path) => {
      const rel = inside(path);
      return rel === undefined || (rel !== '' && (!watched(rel) || isScratch(basename(path))));
    },
    // A rename over the original is reported as one change, not an unlink and an add.
    atomic: true,
  });
  watcher.on('all', (event, path) => {
    const rel = inside(path);
    if (rel !== undefined && rel !== '') options.onChange(rel, event === 'unlink' || event === 'unlinkDir');
  });
  watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return { close: () => watcher.close() };
}
