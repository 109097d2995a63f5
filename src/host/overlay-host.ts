/**
 * A Host that sees some files as if they were written: `check --fix` tries a fix before writing it, and
 * `gazette import --dry-run` checks what it would write.
 */
import { isFileError, type Host } from './host.js';

export function overlayHost(base: Host, files: ReadonlyMap<string, Uint8Array>): Host {
  return {
    ...base,
    listDir(path) {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const added = [...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!);
      const listed = base.listDir(path);
      if (added.length === 0) return listed;
      return [...new Set([...(isFileError(listed) ? [] : listed), ...added])].sort();
    },
    readFile: (path) => files.get(path) ?? base.readFile(path),
  };
}
