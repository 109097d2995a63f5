/** Decodes a document's bytes: UTF-8 (BOM allowed) or a diagnostic naming the likely legacy encoding. */

export interface Decoded {
  text: string;
  /** Whether the file started with a UTF-8 BOM (kept when --fix rewrites the file). */
  bom: boolean;
  /** Set when the bytes are not UTF-8: the encoding that decodes them cleanly, if any. */
  legacyEncoding?: 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
}

// ignoreBOM keeps the BOM in the output so we can tell it was there and restore it when rewriting.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8; on failure, tries the encodings a Chinese office is likely to have saved. */
export function decode(bytes: Uint8Array): Decoded | { error: true; legacyEncoding?: Decoded['legacyEncoding']; text?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { error: true, legacyEncoding: 'UTF-16LE', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { error: true, legacyEncoding: 'UTF-16BE', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    const text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) return { text: text.slice(1), bom: true };
    return { text, bom: false };
  } catch {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      return { error: true, legacyEncoding: 'GB18030', text };
    } catch {
      return { error: true };
    }
  }
}

/** The 1-based line and column of the first byte that is not valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { line, column };
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { line, column };
    if (b === 10) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return { line, column };
}
