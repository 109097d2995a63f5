/** The shape of a well-formed 发文字号 (GB/T 9704 §7.2.5), for validation, ordering and anchors. */

/** 代字〔YYYY〕N号 with ASCII digits, no leading zero. */
export const canonicalNumber = /^(\p{Script=Han}+)〔([0-9]{4})〕([1-9][0-9]*)号$/u;

/** (代字, year, sequence) of a well-formed number, the key of A11. */
export function numberKey(raw: string): { code: string; year: number; sequence: number } | undefined {
  const match = canonicalNumber.exec(raw);
  return match ? { code: match[1]!, year: Number(match[2]), sequence: Number(match[3]) } : undefined;
}
