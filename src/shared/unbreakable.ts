/** Runs that never break across lines, in the PDF and in the HTML edition alike (standards-zh.md T22, H5). */

/**
 * 发文字号 (with up to four characters of its 代字), full and partial dates, ranges such as 2021—2025年 or 2-3项,
 * numbers with their unit (46%, 1.3平方米, 5G, 第186次), and the two-em marks —— and …….
 */
export const UNBREAKABLE = new RegExp(
  [
    String.raw`[\p{Script=Han}A-Za-z]{1,4}[〔(（\[［]\d{4}[〕)）\]］]\d+号`,
    String.raw`\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?`,
    String.raw`\d{1,2}月\d{1,2}日`,
    String.raw`\d+(?:\.\d+)?[—–\-~～]\d+(?:\.\d+)?(?:年|月|日|号|%|％)?`,
    // A unit follows its number directly; only a Latin one may stand after a space (5 G): 图1　示例 is no unit.
    String.raw`第?\d+(?:[.,]\d+)*(?:平方公里|平方米|万元|亿元|千米|公里|%|％|‰|\p{Script=Han}| ?[a-zA-Z]+)`,
    '—{2,}',
    '…{2,}',
  ].join('|'),
  'gu',
);
