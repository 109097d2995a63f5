/** Calendar and printed-date helpers shared by validation, layout and the HTML edition. */

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a YYYY-MM-DD date that exists on the calendar (2021-02-30 does not). */
export function isRealIsoDate(text: string): boolean {
  const match = isoPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The printed Chinese form, 2021年11月5日, without zero padding (GB/T 9704 §7.3.5.4). */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const fullWidthDigits = /[０-９]/g;

/**
 * Reads a date an editor may have typed instead of ISO: 2021年11月5日, 2021-8-25, 2021/8/25, 2021.8.25.
 * Returns the ISO form when it names a real day, else undefined.
 */
export function looseDateToIso(text: string): string | undefined {
  const ascii = text.trim().replace(fullWidthDigits, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const match = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*[日号]?$/.exec(ascii);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : undefined;
}

const NUMERALS = '〇一二三四五六七八九';
/** Look-alikes of 〇 (U+3007) seen in typed dates: ○ U+25CB WHITE CIRCLE and 零. */
const ZERO_LOOKALIKES = /[○零]/u;

/** 一 … 三十一 as a number; undefined for anything else. */
function smallCount(text: string): number | undefined {
  const match = /^(?:([一二三])?(十))?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return undefined;
  const tens = match[2] ? (match[1] ? NUMERALS.indexOf(match[1]) : 1) : 0;
  const ones = match[3] ? NUMERALS.indexOf(match[3]) : 0;
  return tens * 10 + ones;
}

/**
 * The year, month and day a date in Chinese numerals names (二〇二一年二月三十日 → 2021, 2, 30), real or not. ○ and
 * 零 typed for 〇 are read too; `lookalike` says so.
 */
export function chineseNumeralDateParts(text: string): { year: number; month: number; day: number; lookalike: boolean } | undefined {
  const match = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/u.exec(text.trim());
  if (!match) return undefined;
  const year = Number([...match[1]!].map((c) => NUMERALS.indexOf(c === '○' || c === '零' ? '〇' : c)).join(''));
  const month = smallCount(match[2]!);
  const day = smallCount(match[3]!);
  return month === undefined || day === undefined ? undefined : { year, month, day, lookalike: ZERO_LOOKALIKES.test(match[1]!) };
}

/**
 * Reads a date in Chinese numerals, 二〇二一年十一月五日 (the pre-2012 practice, B3); `lookalike` says a 〇 was typed
 * as ○ or 零, for a warning. Undefined unless the text names a real day.
 */
export function chineseNumeralDateToIso(text: string): { iso: string; lookalike: boolean } | undefined {
  const parts = chineseNumeralDateParts(text);
  if (!parts) return undefined;
  const iso = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? { iso, lookalike: parts.lookalike } : undefined;
}

/** Any accepted way of writing a date (ISO, 2021年11月5日, 2021/8/25, 二〇二一年十一月五日) as ISO. */
export function anyDateToIso(text: string): string | undefined {
  if (isRealIsoDate(text.trim())) return text.trim();
  return looseDateToIso(text) ?? chineseNumeralDateToIso(text)?.iso;
}
