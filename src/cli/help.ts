/**
 * Help text for readers of Chinese: commander measures a Han character as one column and wraps only at spaces, so
 * Chinese descriptions overran the terminal or broke after a lone English word, and its "(default: …)" notes
 * were English and JSON. Here wide characters count two columns, a line may break between two of them (never
 * before a closing mark or after an opening one), and the notes on choices and defaults speak the help's language.
 */
import type { Help, Option } from 'commander';
import type { Lang } from '../diagnostics/codes.js';

/** East Asian wide and fullwidth characters (a character class body): two terminal columns each. */
const WIDE_CHARACTERS = '\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua960-\\ua97f\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u{20000}-\\u{3fffd}';
const WIDE = new RegExp(`[${WIDE_CHARACTERS}]`, 'u');
// A piece of a line: spaces before it, then one wide character or a run of narrow ones.
const PIECE = new RegExp(`\\s*(?:[^\\s${WIDE_CHARACTERS}]+|\\S)`, 'gu');
/** Marks a line never starts with, and marks a line never ends with (GB/T 15834's 行首/行末禁则, briefly). */
const CLOSING = /^[，。、；：！？）》」』】〕”’…—]/u;
const OPENING = /[（《「『【〔“‘]$/u;
// An option and the placeholder of its value (`--root <dir>`) are read as one: they never part at a line's end.
const OPTION = /(?:^|\s)--?[\w-]+$/u;
const PLACEHOLDER = /^\s+[<[]/u;

// eslint-disable-next-line no-control-regex -- terminal colour codes are control sequences
const COLOUR = /\x1b\[\d*(?:;\d*)*m/g;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(COLOUR, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Breaks `text` into lines no wider than `width` columns where it can, keeping its own line breaks. */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Pieces that must stay together (a closing mark with what precedes it) are joined first.
    const pieces: string[] = [];
    for (const piece of raw.match(PIECE) ?? []) {
      const last = pieces.length - 1;
      const joined = !/^\s/.test(piece) ? CLOSING.test(piece) || OPENING.test(pieces[last] ?? '') : PLACEHOLDER.test(piece) && OPTION.test(pieces[last] ?? '');
      if (last >= 0 && joined) pieces[last] += piece;
      else pieces.push(piece);
    }
    let line = '';
    for (const piece of pieces) {
      if (line !== '' && displayWidth(line) + displayWidth(piece) > width) {
        out.push(line);
        line = piece.trimStart();
      } else line += piece;
    }
    out.push(line);
  }
  return out.join('\n');
}

const notes = {
  zh: { open: '（', close: '）', separator: '；', list: '、', choices: '可选：', default: '默认：' },
  en: { open: '(', close: ')', separator: '; ', list: ', ', choices: 'choices: ', default: 'default: ' },
} as const;

/** An option's description with its choices and its default, if that default says something to a user. */
function optionDescription(option: Option, lang: Lang): string {
  const n = notes[lang];
  const extra: string[] = [];
  if (option.argChoices) extra.push(n.choices + option.argChoices.join(n.list));
  // A flag's `false` is no news; an option taking a value says what it takes when not given one.
  const value = option.defaultValue as unknown;
  if (value !== undefined && (option.required || option.optional)) {
    extra.push(n.default + (option.defaultValueDescription ?? (Array.isArray(value) ? value.join(',') : String(value))));
  }
  if (extra.length === 0) return option.description;
  const note = n.open + extra.join(n.separator) + n.close;
  return lang === 'zh' ? option.description + note : `${option.description} ${note}`;
}

/** The help configuration for commander's `configureHelp`, in the language of the run. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  return {
    displayWidth,
    boxWrap: (text: string, width: number) => wrap(text, width),
    optionDescription: (option: Option) => optionDescription(option, lang),
  };
}
