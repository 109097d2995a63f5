/** A Host that sees some files as if they were written: `gazette import --dry-run` checks what it would write. */
import type { Host } from './host.js';

export function overlayHost(base: Host, files: ReadonlyMap<string, Uint8Array>): Host {
  return {
    ...base,
    listDir(path) {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const added = [...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!);
      const listed = base.listDir(path);
      return listed === undefined && added.length === 0 ? undefined : [...new Set([...(listed ?? []), ...added])].sort();
    },
    readBytes: (path) => files.get(path) ?? base.readBytes(path),
  };
}
