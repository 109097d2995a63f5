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
      // Big5, Shift-JIS and BOM-less UTF-16 often decode as GB18030 too, into rare characters and controls;
      // only call it GB18030 (and let --fix convert it) when the text reads like simplified Chinese.
      return looksLikeSimplifiedChinese(text) ? { error: true, legacyEncoding: 'GB18030', text } : { error: true };
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

/** The most frequent characters of simplified-Chinese official writing (公文), about 300 of them. */
const common = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严宁区长通知关于印发实施方案意见决定批复',
);

function looksLikeSimplifiedChinese(text: string): boolean {
  if (/[\u0000-\u0008\u000e-\u001f\ue000-\uf8ff\ufffd]/u.test(text)) return false;
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length === 0) return /^[\x09\x0a\x0d\x20-\x7e]*$/.test(text);
  return han.filter((c) => common.has(c)).length / han.length >= 0.4;
}
