/** 文种: the 15 of 条例 第八条 (决议、决定、命令（令）、公报 …) plus the ones a gazette's `doctypes` adds (答复, 复函 …). */

const statutory = ['决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;

/** Every 文种 a title of this gazette may end with, longest first (so 复函 is found before 函). */
export function doctypes(extra: readonly string[]): string[] {
  return [...new Set([...statutory, ...extra])].sort((a, b) => b.length - a.length);
}
