/** How an issue is named in print, on the web and in the CLI. */
import type { IssueMeta } from '../model/gazette.js';

/** `2021年第4期` */
export function issueLabel(issue: IssueMeta): string {
  return `${issue.year}年第${issue.number}期`;
}

/** `（总第62期）` */
export function totalLabel(issue: IssueMeta): string {
  return `（总第${issue.total}期）`;
}
