/** Character classes shared by reading, validation, layout and the writers. */

/** Han characters, CJK symbols and punctuation, full-width forms and curly quotes: where lines may break. */
export function isCjkCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff01 && cp <= 0xff5e) ||
    (cp >= 0x2018 && cp <= 0x201d) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  );
}

/**
 * Code points drawn without fontkit's GSUB/GPOS pass: CJK (one glyph each, advance never changed by
 * shaping) and printable ASCII/Latin-1 (only pair kerning would change, which the gazette does without).
 * Everything else is shaped: —— and …… become ligatures, combining marks need positioning.
 */
export function isUnshapedCodePoint(cp: number): boolean {
  return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || isCjkCodePoint(cp);
}

/**
 * Characters no reader sees and no font draws: zero-width and joining marks, bidi controls, variation selectors,
 * a BOM inside the text, soft hyphens, and C0/C1 controls other than tab and line breaks. Readers remove them
 * (the printed text is the same without them); `check` reports each with a fix.
 */
export const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb]|\udb40[\udd00-\uddef]/gu;

/** Text as printed: invisible characters removed. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Look-alikes that print as the right character in some fonts and as a different one (or not at all) in others:
 * CJK radicals typed for the ideographs they resemble (⻓ for 长; Kangxi radicals ⼀ for 一).
 */
const RADICALS: Readonly<Record<string, string>> = {
  '⺠': '民', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻙': '韦', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻢': '马', '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

/** The second half of a character outside the BMP (two UTF-16 units): it belongs to the unit before it. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Every character `lookalikeOf` maps, to find them in a long text without looking at each character. */
export const LOOKALIKE = new RegExp(`[${Object.keys(RADICALS).join('')}\\u2f00-\\u2fd5]`, 'u');

/** The ideograph a radical stands for, when it is a look-alike; Kangxi radicals map by compatibility (NFKC). */
export function lookalikeOf(char: string): string | undefined {
  const mapped = RADICALS[char];
  if (mapped) return mapped;
  const cp = char.codePointAt(0) ?? 0;
  return cp >= 0x2f00 && cp <= 0x2fd5 ? char.normalize('NFKC') : undefined;
}
