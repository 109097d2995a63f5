/**
 * Words of Chinese text, from ICU's dictionary segmenter (shipped with Node): a title breaks between words, never
 * inside one (GB/T 9704 §7.3.1: 回行时词意完整), in the PDF and in the HTML edition alike.
 */
// Loading ICU's dictionary costs ~20 ms: only when a title is broken, never for `check`.
let segmenter: Intl.Segmenter | undefined;

/**
 * Boundaries already found: a title is segmented for its PDF lines, its TOC entry and its HTML breaks, and ICU's
 * dictionary segmenter is the slowest step of laying out an issue of many short documents. Bounded, and the
 * segmenter is deterministic, so the cache changes nothing but time.
 */
const found = new Map<string, ReadonlySet<number>>();
const FOUND_LIMIT = 4096;

/** UTF-16 offsets strictly inside `text` where one word ends and the next begins. */
export function wordBoundaries(text: string): ReadonlySet<number> {
  let out = found.get(text);
  if (out) return out;
  const boundaries = new Set<number>();
  for (const { index } of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text)) if (index > 0) boundaries.add(index);
  if (found.size >= FOUND_LIMIT) found.clear();
  found.set(text, (out = boundaries));
  return out;
}
