/**
 * Web fonts of the HTML edition: for each face the theme lists under `webFonts`, a WOFF subset holding just the
 * characters the PDF sets in that face (read from the laid-out pages), so that a reader without a 楷体 installed
 * still sees the （一） headings in one. CSS names the face `gazette-<key>`.
 */
import { createHash } from 'node:crypto';
import type { FontSet } from '../../fonts/index.js';
import type { PagedGazette } from '../../model/layout.js';
import type { OutputFile } from '../index.js';
import { standaloneSubset } from '../../fonts/index.js';
import { wrapWoff } from '../../shared/woff.js';
import type { BuildMemo } from '../../shared/build-memo.js';

export interface WebFonts {
  /** `@font-face` rules, to go before the template's stylesheet. */
  css: string;
  files: OutputFile[];
  /** Each face's file among `files`, by the theme's key. */
  faces: { key: string; path: string }[];
}

export interface WebFontOptions {
  /** The preview's memo: a face already made for the same characters is reused. */
  memo?: BuildMemo;
  /**
   * With the memo (the preview's page view), a face keeps every character the session has set in it: deleting
   * text leaves the face's file as it was, so a viewer loads a face again only for a character new to it.
   */
  grow?: boolean;
}

/** The characters of a face in this build and the session's earlier ones. */
function sessionChars(memo: BuildMemo, face: string, seen: ReadonlySet<string>): ReadonlySet<string> {
  return memo.grow<ReadonlySet<string>>(`web-font-chars\u0000${face}`, (before) => (before && [...seen].every((char) => before.has(char)) ? before : new Set([...(before ?? []), ...seen])));
}

export function webFonts(keys: readonly string[], fonts: FontSet, paged: PagedGazette, assets: string, { memo, grow = false }: WebFontOptions = {}): WebFonts {
  if (keys.length === 0) return { css: '', files: [], faces: [] };
  const used = new Map<string, Set<string>>(keys.map((key) => [key, new Set()]));
  for (const page of paged.pages) {
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      // Most text is set in faces every reader has: only the web faces' characters are walked.
      const chars = used.get(box.font);
      if (chars) for (const char of box.text) chars.add(char);
    }
  }
  const rules: string[] = [];
  const files: OutputFile[] = [];
  const faces: WebFonts['faces'] = [];
  for (const key of keys) {
    const seen = used.get(key) ?? new Set<string>();
    const chars = [...(grow && memo ? sessionChars(memo, `${assets}/${key}`, seen) : seen)].sort().join('');
    const font = fonts.fonts.get(key);
    // Subsetting and compressing a face costs about ten milliseconds: the preview reuses it while no character is new.
    const subset = (): Uint8Array | undefined => {
      const tables = font && chars !== '' ? standaloneSubset(font, chars) : undefined;
      return tables && wrapWoff(tables);
    };
    // Keyed by the binding of fonts the face came with: a build's pages may be written after the next build
    // bound other fonts (the page view asks for them later), into the same memo.
    const binding = font && memo?.fontBinding(font.source);
    const data = memo && binding !== undefined ? memo.get(`web-font\u0000${key}\u0000${binding}\u0000${chars}`, subset) : subset();
    if (!data) continue;
    const path = `${assets}/${key}-${createHash('sha256').update(data).digest('hex').slice(0, 8)}.woff`;
    files.push({ path, data });
    faces.push({ key, path });
    rules.push(`@font-face { font-family: "gazette-${key}"; src: url("${path}") format("woff"); font-display: swap; }`);
  }
  return { css: rules.length > 0 ? `${rules.join('\n')}\n\n` : '', files, faces };
}
