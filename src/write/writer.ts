/** What every edition's writer is given and returns: a registry entry is one of these, in its own folder. */
import type { FontSet } from '../fonts/index.js';
import type { Gazette } from '../model/gazette.js';
import type { PagedGazette } from '../model/layout.js';
import type { Theme } from '../theme/index.js';
import type { BuildMemo } from '../shared/build-memo.js';

/** One file of an edition, relative to the output folder (`index.html`, `assets/map-3fa9c2d1.png`). */
export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

export interface WriteContext {
  /** The ordered issue with every document's model: what the text says. */
  gazette: Gazette;
  /** The positioned pages: where everything is (page numbers included). */
  paged: PagedGazette;
  fonts: FontSet;
  theme: Theme;
  /** A file of the template folder (`html/page.html`), undefined when missing. */
  template(path: string): string | undefined;
  draft: boolean;
  /** Output names of the editions being written together, so one can link to another. */
  names: { pdf: string; html: string };
  /** Whether the PDF is written in the same run (the HTML links to it only then). */
  withPdf: boolean;
  /** What earlier builds of this process computed and this one may reuse (the preview's). */
  memo?: BuildMemo;
  /** For a writer that `lists` the others: the files every other edition of this run wrote. */
  written: readonly OutputFile[];
}

export interface Writer {
  name: string;
  /** Runs after the other editions of the run and is given their files (the data edition lists them). */
  lists?: true;
  /** Editions whose files this one's link to, written with it (the per-document pages use the HTML stylesheet). */
  needs?: readonly string[];
  /** Files of this edition. Everything a user could get wrong was reported before layout: writers only serialise. */
  write(context: WriteContext): Promise<OutputFile[]>;
}
