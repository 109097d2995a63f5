/**
 * Web fonts of the HTML edition: for each face the theme lists under `webFonts`, a WOFF2 subset holding just the
 * characters the PDF sets in that face (read from the laid-out pages), so that a reader without a 楷体 installed
 * still sees the （一） headings in one. CSS names the face `gazette-<key>`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FontSet } from '../../fonts/index.js';
import type { DerivedCache } from '../../host/host.js';
import type { PagedGazette } from '../../model/layout.js';
import type { OutputFile } from '../index.js';

export interface WebFonts {
  /** `@font-face` rules, to go before the template's stylesheet. */
  css: string;
  files: OutputFile[];
}

/** Subsets made before, by face and characters: harfbuzz takes most of a second on a whole CJK font. */
const SUBSET_CACHE = 'web-font-subset:v1';

export async function webFonts(keys: readonly string[], fonts: FontSet, paged: PagedGazette, assets: string, cache?: DerivedCache): Promise<WebFonts> {
  if (keys.length === 0) return { css: '', files: [] };
  const used = new Map<string, Set<string>>(keys.map((key) => [key, new Set()]));
  for (const page of paged.pages) {
    for (const box of page.boxes) if (box.kind === 'text') for (const char of box.text) used.get(box.font)?.add(char);
  }
  const rules: string[] = [];
  const files: OutputFile[] = [];
  for (const key of keys) {
    const chars = [...(used.get(key) ?? [])].sort().join('');
    const font = fonts.fonts.get(key);
    if (!font || chars === '') continue;
    const cacheKey = Buffer.concat([Buffer.from(`${chars}\0`), font.bytes]);
    let data = cache?.readBinary(SUBSET_CACHE, cacheKey);
    if (!data) {
      // harfbuzz (WebAssembly) loads only when a subset is to be made; it is a CommonJS package left outside the
      // bundle (its .wasm file is found beside it).
      const subsetFont = createRequire(import.meta.url)('subset-font') as typeof import('subset-font');
      data = new Uint8Array(await subsetFont(Buffer.from(font.bytes), chars, { targetFormat: 'woff2' }));
      cache?.writeBinary(SUBSET_CACHE, cacheKey, data);
    }
    const path = `${assets}/${key}-${createHash('sha256').update(data).digest('hex').slice(0, 8)}.woff2`;
    files.push({ path, data });
    rules.push(`@font-face { font-family: "gazette-${key}"; src: url("${path}") format("woff2"); font-display: swap; }`);
  }
  return { css: rules.length > 0 ? `${rules.join('\n')}\n\n` : '', files };
}
