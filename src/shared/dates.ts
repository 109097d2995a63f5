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
