/**
 * Words of Chinese text, from ICU's dictionary segmenter (shipped with Node): a title breaks between words, never
 * inside one (GB/T 9704 §7.3.1: 回行时词意完整), in the PDF and in the HTML edition alike.
 */
// Loading ICU's dictionary costs ~20 ms: only when a title is broken, never for `check`.
let segmenter: Intl.Segmenter | undefined;

/** UTF-16 offsets strictly inside `text` where one word ends and the next begins. */
export function wordBoundaries(text: string): Set<number> {
  const out = new Set<number>();
  for (const { index } of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text)) if (index > 0) out.add(index);
  return out;
}
