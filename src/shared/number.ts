/**
 * The shapes of a well-formed 发文字号 (GB/T 9704 §7.2.5) and 令号 (§10.2), for validation, ordering, anchors and
 * hints.
 */

/** 代字〔YYYY〕N号 with ASCII digits, no leading zero. */
export const canonicalNumber = /^(\p{Script=Han}+)〔([0-9]{4})〕([1-9][0-9]*)号$/u;

/** (代字, year, sequence) of a well-formed number, the key of A11. */
export function numberKey(raw: string): { code: string; year: number; sequence: number } | undefined {
  const match = canonicalNumber.exec(raw);
  return match ? { code: match[1]!, year: Number(match[2]), sequence: Number(match[3]) } : undefined;
}

/** 机关令第N号 or 机关令YYYY年第N号, ASCII digits, no leading zero (上海市人民政府令第17号, 交通运输部令2021年第3号). */
export const canonicalOrder = /^(\p{Script=Han}+)令(?:([0-9]{4})年)?第([1-9][0-9]*)号$/u;

/** The parts of a 令号 as written (whitespace removed), loose enough to name what is wrong with it. */
export interface OrderParts {
  raw: string;
  /** 发令机关 as written before 令. */
  organ: string;
  /** Year as written (without 年), or empty. */
  year: string;
  hasDi: boolean;
  sequence: string;
  /** What follows the sequence: normally 号. */
  suffix: string;
}

const looseOrder = /^(?<organ>.*)令(?:(?<year>[0-9０-９]+)年)?(?<di>第)?(?<sequence>[0-9０-９]+)(?<suffix>[^0-9０-９]*)$/u;

/** Splits a 令号; undefined when the value has no 令 followed by a sequence number. */
export function splitOrder(raw: string): OrderParts | undefined {
  const match = looseOrder.exec(raw.replace(/\s/gu, ''));
  if (!match?.groups) return undefined;
  const g = match.groups as Record<string, string | undefined>;
  return { raw, organ: g.organ ?? '', year: g.year ?? '', hasDi: g.di !== undefined, sequence: g.sequence ?? '', suffix: g.suffix ?? '' };
}

/**
 * Whether a value is written as a 令号 rather than a 发文字号: a 令 followed by a sequence, and no bracketed
 * year (a 发文字号's 代字 may itself contain 令 only before its 〔年〕).
 */
export function looksLikeOrder(raw: string): boolean {
  return splitOrder(raw) !== undefined && !/[[［【〖(（〘﹝〔][0-9０-９]{2,4}[\]］】〗)）〙﹞〕]/u.test(raw);
}

/** (机关, year, sequence) of a well-formed 令号, for uniqueness and ordering. */
export function orderKey(raw: string): { organ: string; year: number; sequence: number } | undefined {
  const match = canonicalOrder.exec(raw);
  return match ? { organ: match[1]!, year: match[2] ? Number(match[2]) : 0, sequence: Number(match[3]) } : undefined;
}

export const toAsciiDigits = (text: string): string => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
