/** Reads a 发文字号 loosely so each rule can name exactly what is wrong (GB/T 9704 §7.2.5). */
import { toAsciiDigits } from '../shared/number.js';


const openers = '[［【〖(（〘﹝〔';
const closers = ']］】〗)）〙﹞〕';

/** Traditional forms seen in converted copies, mapped to the simplified characters GB/T 9704 uses. */
export const traditionalToSimplified: Readonly<Record<string, string>> = {
  號: '号', 規: '规', 辦: '办', 發: '发', 財: '财', 長: '长', 寧: '宁', 區: '区', 靜: '静', 滬: '沪', 國: '国',
  衛: '卫', 務: '务', 廳: '厅', 廣: '广', 農: '农', 業: '业', 環: '环', 監: '监', 設: '设', 體: '体', 經: '经',
  濟: '济', 縣: '县', 鎮: '镇', 貿: '贸', 園: '园', 圖: '图', 書: '书', 會: '会', 協: '协', 聯: '联', 閔: '闵',
  楊: '杨', 電: '电', 運: '运', 輸: '输', 稅: '税', 險: '险', 統: '统', 計: '计', 審: '审', 質: '质',
};

export interface NumberParts {
  raw: string;
  /** 代字 as written (whitespace removed). */
  code: string;
  open: string;
  year: string;
  close: string;
  /** Text between the closing bracket and the sequence, e.g. 第 or 字第. */
  infix: string;
  sequence: string;
  /** What follows the sequence: normally 号. */
  suffix: string;
}

const loose = new RegExp(
  `^(?<code>[^${escape(openers + closers)}0-9０-９]*?)(?<open>[${escape(openers)}])(?<year>[^${escape(closers)}]*)(?<close>[${escape(closers)}])(?<infix>[^0-9０-９]*)(?<sequence>[0-9０-９]+)(?<suffix>.*)$`,
  'u',
);

function escape(chars: string): string {
  return chars.replace(/[\]\\^[-]/g, '\\$&');
}

/** Splits a number into its parts, ignoring whitespace; undefined when no bracketed year can be found. */
export function splitNumber(raw: string): NumberParts | undefined {
  const match = loose.exec(raw.replace(/\s/gu, ''));
  if (!match?.groups) return undefined;
  const g = match.groups as Record<keyof Omit<NumberParts, 'raw'>, string>;
  return { raw, code: g.code, open: g.open, year: g.year, close: g.close, infix: g.infix, sequence: g.sequence, suffix: g.suffix };
}


/**
 * The safe normalisation `check --fix` applies: 〔〕 brackets, no whitespace, ASCII digits, no leading zeros.
 * Everything else (第, 字, traditional characters) is left for a human.
 */
export function safeNormalizeNumber(raw: string): string {
  const parts = splitNumber(raw);
  if (!parts) return raw;
  const year = toAsciiDigits(parts.year);
  const sequence = toAsciiDigits(parts.sequence).replace(/^0+(?=\d)/, '');
  return `${parts.code}〔${year}〕${parts.infix}${sequence}${parts.suffix}`;
}

/** The fully corrected form shown in hints: the safe normalisation plus removing 第/字 after the year and simplifying characters. */
export function suggestNumber(raw: string): string {
  const parts = splitNumber(safeNormalizeNumber(raw));
  if (!parts) return raw;
  const simplify = (text: string): string => [...text].map((c) => traditionalToSimplified[c] ?? c).join('');
  // A 代字 may itself end in 字 (…办规字〔2023〕2号); only 字 or 第 after the year is the forbidden form.
  const code = simplify(parts.code);
  const suffix = simplify(parts.suffix).replace(/^号+.*$/u, '号') || '号';
  return `${code}〔${parts.year}〕${parts.sequence}${suffix}`;
}
