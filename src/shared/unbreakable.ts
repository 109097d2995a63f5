/** Runs that never break across lines, in the PDF and in the HTML edition alike (standards-zh.md T22, H5). */

/**
 * 发文字号 (with up to four characters of its 代字), full and partial dates, ranges such as 2021—2025年 or 2-3项,
 * numbers with their unit (46%, 1.3平方米, 5G, 第186次), and the two-em marks —— and ……. Every alternative has an
 * ASCII digit, — or … within its first LEAD code units (unbreakableRuns looks for runs only there): a new one must
 * too, or LEAD and ANCHOR change with it.
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

/**
 * A run starts at most this many UTF-16 units before its first digit, — or …: a 代字 of four ideographs outside
 * the BMP (two units each) and its opening bracket.
 */
const LEAD = 9;
const ANCHOR = /[0-9—…]/g;
const AT = new RegExp(UNBREAKABLE.source, 'uy');

/**
 * The runs `text.matchAll(UNBREAKABLE)` finds, as [start, end) UTF-16 offsets in order, found faster: the pattern
 * is tried only in the few places before each digit, — or … where a run can start, not at every ideograph.
 */
export function unbreakableRuns(text: string): [start: number, end: number][] {
  const runs: [number, number][] = [];
  // Every offset before `from` has been tried; a run can only start from there on.
  let from = 0;
  for (;;) {
    ANCHOR.lastIndex = from;
    const anchor = ANCHOR.exec(text)?.index;
    if (anchor === undefined) return runs;
    let end = -1;
    for (let at = Math.max(from, anchor - LEAD); at <= anchor && end < 0; at++) {
      AT.lastIndex = at;
      const match = AT.exec(text);
      // (Between the halves of a character outside the BMP, a /u pattern starts at the character: match.index.)
      if (match) {
        end = match.index + match[0].length;
        runs.push([match.index, end]);
      }
    }
    from = end < 0 ? anchor + 1 : end;
  }
}
