/**
 * How a publication names its issues and sections, from the label templates in gazette.yml: the cover, running
 * heads, TOC, PDF metadata, HTML and CLI all print the same strings.
 */
import type { IssueMeta, Labels, Publication } from '../model/gazette.js';

/** Placeholders each template may use. */
export const LABEL_PLACEHOLDERS: Readonly<Record<keyof Labels, readonly string[]>> = {
  issue: ['year', 'number', 'yearCn', 'numberCn'],
  total: ['total', 'totalCn'],
  section: ['name'],
  annual: ['year', 'yearCn'],
};

const DIGITS = '〇一二三四五六七八九';

/** A year written digit by digit in Chinese numerals: 2021 → 二〇二一 (GB/T 15835: 〇, never ○ or 零). */
export function yearInChinese(year: number): string {
  return [...String(year)].map((d) => DIGITS[Number(d)]).join('');
}

/** A counting number in Chinese numerals: 4 → 四, 12 → 十二, 36 → 三十六, 105 → 一百零五. */
export function countInChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n]!;
  const units = ['', '十', '百', '千'];
  const digits = [...String(n)].map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + unit;
    }
  });
  // 十二, not 一十二.
  return out.startsWith('一十') ? out.slice(1) : out;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** e.g. `2021年第4期` or `2023年第1号`. */
export function issueLabel(labels: Labels, issue: IssueMeta): string {
  return fill(labels.issue, { year: String(issue.year), number: String(issue.number), yearCn: yearInChinese(issue.year), numberCn: countInChinese(issue.number) });
}

/** e.g. `（总第62期）`: the total label in full-width parentheses, as it stands beside the issue label. */
export function totalLabel(labels: Labels, issue: IssueMeta): string {
  return `（${fill(labels.total, { total: String(issue.total), totalCn: countInChinese(issue.total) })}）`;
}

/** The heading of the annual index's second part, in its PDF and on its web page. */
export const ISSUER_INDEX_HEADING = '发文机关索引';

/** e.g. `2021年度总目录`. */
export function annualLabel(labels: Labels, year: number): string {
  return fill(labels.annual, { year: String(year), yearCn: yearInChinese(year) });
}

/** The issue as one line: `上海市长宁区人民政府公报 2021年第4期（总第62期）`. */
export function issueTitle(publication: Publication, issue: IssueMeta): string {
  return `${publication.name} ${issueLabel(publication.labels, issue)}${totalLabel(publication.labels, issue)}`;
}

/** e.g. `【区政府文件】`. */
export function sectionLabel(labels: Labels, name: string): string {
  return fill(labels.section, { name });
}
