/** The core's only window on the outside world: files and fonts come in through a Host. */

/**
 * Why a file or folder could not be read, as the operating system says it (ENOENT missing, EACCES no permission,
 * ELOOP a symbolic-link loop, EISDIR a folder where a file was expected, ENOTDIR the other way round, EMFILE too
 * many open files, EIO anything else). Diagnostics name it with the path and what to do.
 */
export type FileError = 'ENOENT' | 'EACCES' | 'ELOOP' | 'EISDIR' | 'ENOTDIR' | 'EMFILE' | 'EIO';

export function isFileError(value: unknown): value is FileError {
  return typeof value === 'string';
}

export interface Host {
  /** Names of entries in a folder relative to the project root, sorted; ENOTDIR for a file. */
  listDir(path: string): string[] | FileError;
  /** Bytes of a file relative to the project root; EISDIR for a folder. */
  readFile(path: string): Uint8Array | FileError;
  /**
   * Bytes of a font or other asset named by a template: `npm:<package>/<file>` resolves inside gazette's
   * own dependencies, `gazette:<path>` inside gazette's own folder (bundled templates), anything else is
   * relative to the project root.
   */
  readAsset(ref: string): Uint8Array | FileError;
  /** Names of entries in a folder of assets (`gazette:templates`), sorted. Optional: used to list what there is. */
  listAssets?(ref: string): string[] | FileError;
  /**
   * `length` bytes of an asset from `start` (fewer at its end), for reading one table of a large font file.
   * Optional: without it the whole asset is read.
   */
  readAssetPart?(ref: string, start: number, length: number): Uint8Array | FileError;
  /**
   * Reads each `[start, length]` range of an asset into `target` at the same offset, in one opening of the file
   * (a large font's tables, then the outlines of the glyphs an edition draws). A range past the file's end is EIO.
   * Optional: without it the whole asset is read.
   */
  readAssetInto?(ref: string, target: Uint8Array, ranges: readonly (readonly [start: number, length: number])[]): FileError | undefined;
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

/** The bytes, or undefined whatever the reason: for callers to which any failure means "not there". */
export function bytesOrUndefined(read: Uint8Array | FileError): Uint8Array | undefined {
  return isFileError(read) ? undefined : read;
}
