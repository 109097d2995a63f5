/** Positions inside source files, 1-based like unist. */

/** A point in a source file: 1-based line and column, 0-based UTF-16 offset. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A range in a source file. `file` is the path relative to the project root, with `/` separators. */
export interface Span {
  file: string;
  start: Point;
  end?: Point;
}

/** A source file as read by the host: raw bytes decoded to text. */
export interface SourceFile {
  /** Path relative to the project root, `/`-separated (e.g. `documents/2021-4/a.md`). */
  path: string;
  /** Decoded text without BOM; line endings as in the file. */
  text: string;
}
