/** An in-memory Host for tests and tools: a map of project-relative paths to contents. */
import type { Host } from './host.js';

export function createMemoryHost(files: Readonly<Record<string, string | Uint8Array>>, assets: Host['readAsset'] = () => undefined): Host {
  const encoder = new TextEncoder();
  const paths = Object.keys(files);
  return {
    listDir(path) {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = new Set(paths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!));
      return names.size > 0 ? [...names].sort() : undefined;
    },
    readBytes(path) {
      const content = files[path];
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
    readAsset: assets,
  };
}
