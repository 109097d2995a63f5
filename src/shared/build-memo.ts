/**
 * Results kept from one build to the next in a long-running process (the preview), so that after an edit only
 * what changed is computed again: the theme, documents' front matter and Markdown trees, the rules' findings on
 * each document, line breaking and table column widths (the bulk of layout's time) and the editions' web fonts.
 * Each result is keyed by everything it was computed from; layout results are valid for one theme and one set of
 * loaded fonts, so the memo starts afresh when either differs. Pagination itself is cheap and always runs.
 */
import type { FontSet } from '../fonts/index.js';
import type { Theme } from '../theme/index.js';

export class BuildMemo {
  private themeKey?: string;
  private faces: readonly Uint8Array[] = [];
  /** Results used by the build in progress, and those of the build before it (kept only if used again). */
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();
  /** Whether the build in progress reached layout (see `begin`). */
  private laidOut = false;
  /** Counts the times `bind` started afresh; each face's file as read, with the count it was bound at. */
  private bindings = 0;
  private readonly boundAt = new WeakMap<Uint8Array, number>();

  /**
   * Starts a build: what the previous build did not use is dropped, so the memo holds about one issue's worth. A
   * build that stopped before layout (a broken theme) used no layout results, so it drops none.
   */
  begin(): void {
    if (this.laidOut) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.laidOut = false;
  }

  /** Layout is about to run with `theme` and `fonts`: with another theme or font file nothing kept is valid. */
  bind(theme: Theme, fonts: FontSet): void {
    this.laidOut = true;
    const themeKey = JSON.stringify(theme);
    // The font files as read: loadFonts keeps the installed ones for the process, and reads a project's own font
    // again on every build, so that one is compared byte for byte (a few milliseconds).
    const faces = [...fonts.fonts.values()].map((font) => font.source);
    const sameFace = (face: Uint8Array, i: number): boolean => {
      const before = this.faces[i];
      return face === before || (before !== undefined && Buffer.from(face.buffer, face.byteOffset, face.byteLength).equals(before));
    };
    const same = themeKey === this.themeKey && faces.length === this.faces.length && faces.every(sameFace);
    if (!same && this.themeKey !== undefined) {
      this.previous = new Map();
      this.current = new Map();
      this.bindings++;
    }
    this.themeKey = themeKey;
    this.faces = faces;
    for (const face of faces) this.boundAt.set(face, this.bindings);
  }

  /**
   * Which binding a face's file (`LoadedFont.source`) was laid out under, undefined if never: work done later from
   * one build's fonts (its deferred editions) is told apart from the next build's, bound to other fonts.
   */
  fontBinding(source: Uint8Array): number | undefined {
    return this.boundAt.get(source);
  }

  /**
   * The value computed for `key` in this build or the last one, else `compute()`'s. Values are never mutated.
   * `fresh` says whether a kept value still holds (for results that also read files the key does not name).
   */
  get<T>(key: string, compute: () => T, fresh?: (value: T) => boolean): T {
    const kept = this.kept(key);
    const known = (this.current.has(key) || this.previous.has(key)) && (!fresh || fresh(kept as T));
    const value = known ? (kept as T) : compute();
    this.current.set(key, value);
    return value;
  }

  /** `next(value)` of the value kept for `key` (undefined at first), kept in turn: a result that only grows. */
  grow<T>(key: string, next: (kept: T | undefined) => T): T {
    const value = next(this.kept(key) as T | undefined);
    this.current.set(key, value);
    return value;
  }

  /** The value this build or the last one kept for `key`. */
  private kept(key: string): unknown {
    return this.current.has(key) ? this.current.get(key) : this.previous.get(key);
  }
}
