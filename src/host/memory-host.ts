/** An in-memory Host for tests and tools: a map of project-relative paths to contents. */
import type { FileError, Host } from './host.js';

export function createMemoryHost(files: Readonly<Record<string, string | Uint8Array>>, assets: Host['readAsset'] = () => 'ENOENT'): Host {
  const encoder = new TextEncoder();
  const paths = Object.keys(files);
  const isFolder = (path: string): boolean => paths.some((p) => p.startsWith(`${path.replace(/\/$/, '')}/`));
  return {
    listDir(path) {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = new Set(paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!));
      if (names.size > 0) return [...names].sort();
      return files[path] !== undefined ? 'ENOTDIR' : 'ENOENT';
    },
    readFile(path): Uint8Array | FileError {
      const content = files[path];
      if (content === undefined) return isFolder(path) ? 'EISDIR' : 'ENOENT';
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
    readAsset: assets,
  };
}
