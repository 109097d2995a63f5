/** Table conventions shared by the PDF layout and the HTML edition. */

/**
 * Column spans of a header row: GFM has no colspan, so an empty header cell right after a filled one continues it
 * (进度要求 over 2021年 / 2022年 / 2023年). 0 marks a covered cell.
 */
export function headerSpans(cells: readonly string[]): number[] {
  const spans = cells.map(() => 1);
  let owner = -1;
  cells.forEach((cell, c) => {
    if (cell.trim() === '' && owner >= 0) {
      spans[owner]! += 1;
      spans[c] = 0;
    } else owner = cell.trim() === '' ? -1 : c;
  });
  return spans;
}
