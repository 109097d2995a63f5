/**
 * A GFM table whose delimiter row (|---|---|) has another number of cells than its header row is no table to
 * remark: it stays a paragraph and would print its pipes and dashes as text. Found here, in the paragraph's source.
 */

/** A delimiter row: cells of dashes with optional alignment colons, at least one pipe or two cells. */
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/** The cells of a row: pipes split it, except escaped ones; a leading and a trailing pipe bound it. */
function cellCount(row: string): number {
  const inner = row.replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

export interface BrokenTable {
  /** Lines after the paragraph's first line where the delimiter row is. */
  lines: number;
  header: number;
  delimiter: number;
}

/**
 * The first header row and delimiter row of `source` (a paragraph's text, lines as written) whose cell counts
 * differ. Block-quote markers and indentation before a line are not the row's.
 */
export function brokenTable(source: string): BrokenTable | undefined {
  const rows = source.split(/\r?\n/).map((line) => line.replace(/^[\s>]*/, '').trimEnd());
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const header = rows[i - 1]!;
    if (!header.includes('|') || !DELIMITER_ROW.test(row) || !(row.includes('|') || row.includes(':'))) continue;
    const counts = { header: cellCount(header), delimiter: cellCount(row) };
    if (counts.header !== counts.delimiter) return { lines: i, ...counts };
  }
  return undefined;
}
