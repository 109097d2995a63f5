/** The core's only window on the outside world: files and fonts come in through a Host. */

export interface Host {
  /** Names of entries in a folder relative to the project root, sorted; undefined when it does not exist. */
  listDir(path: string): string[] | undefined;
  /** Bytes of a file relative to the project root; undefined when it does not exist. */
  readBytes(path: string): Uint8Array | undefined;
  /**
   * Bytes of a font or other asset named by a template: `npm:<package>/<file>` resolves inside gazette's
   * own dependencies, `gazette:<path>` inside gazette's own folder (bundled templates), anything else is
   * relative to the project root. Undefined when missing.
   */
  readAsset(ref: string): Uint8Array | undefined;
  /**
   * A store for derived data that is expensive to recompute (parsed Markdown), addressed by its full source:
   * the host hashes `namespace` + `source`. Optional: without it everything is recomputed.
   */
  cache?: DerivedCache;
}

export interface DerivedCache {
  read(namespace: string, source: string): string | undefined;
  write(namespace: string, source: string, value: string): void;
}
