/**
 * The 版权页, line by line, as both editions print it: the gazette's name, the issue, the day it is published and
 * its 主办单位 (as the 2021-4 issue closes), then the items of gazette.yml's `colophon` in their order (编辑出版,
 * 地址, 电话, 印刷 …), and the website last. An item of the same label replaces the line made from the publication.
 */
import type { Gazette } from '../model/gazette.js';
import { chineseDate } from './dates.js';
import { issueLabel, totalLabel } from './labels.js';

export interface ColophonLine {
  /** The label before the full-width colon; absent for the issue data. */
  label?: string;
  text: string;
}

export function colophonLines(gazette: Gazette): ColophonLine[] {
  const { publication, issue } = gazette;
  const own = new Set(publication.colophon.map((item) => item.label));
  const lines: ColophonLine[] = [
    { text: publication.name },
    { text: `${issueLabel(publication.labels, issue)}${totalLabel(publication.labels, issue)}` },
    { text: `${chineseDate(issue.published)}出版` },
  ];
  if (!own.has('主办')) lines.push({ label: '主办', text: publication.publisher });
  for (const item of publication.colophon) lines.push({ label: item.label, text: item.value });
  if (publication.website && !own.has('网址')) lines.push({ label: '网址', text: publication.website });
  return lines;
}

/** A line as printed: `主办：上海市长宁区人民政府办公室`. */
export function colophonText(line: ColophonLine): string {
  return line.label === undefined ? line.text : `${line.label}：${line.text}`;
}
