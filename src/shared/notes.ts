/** Footnote marks, shared by every edition so that the PDF and the HTML number notes alike: ① ② … ㊿, then [51]. */

export function noteMark(number: number): string {
  if (number >= 1 && number <= 20) return String.fromCodePoint(0x2460 + number - 1);
  if (number >= 21 && number <= 35) return String.fromCodePoint(0x3251 + number - 21);
  if (number >= 36 && number <= 50) return String.fromCodePoint(0x32b1 + number - 36);
  return `[${number}]`;
}
