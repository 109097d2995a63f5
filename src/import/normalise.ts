/**
 * The text changes `gazette import` makes, each recorded with a little context: ASCII , : ; ( ) in Chinese text
 * become full-width (the check rule punctuation-halfwidth finds the same marks), ~ in a range becomes ～ or —
 * (GB/T 15834), stray HTML entities go. Everything else is left as written.
 */
import type { Inline, TextRun } from '../model/document.js';
import { mergeRuns } from '../read/index.js';
import { BOUNDARY, halfwidthMarks } from '../shared/punctuation.js';
import type { Change, ChangeReason } from './source.js';

/** Characters shown either side of a change. */
const CONTEXT = 4;

/** `&nbsp;` and its kin typed or double-escaped into the text (also the broken `&bsp;` seen on real pages). */
const ENTITY = /&(?:amp;)?(?:n?bsp|ensp|emsp|thinsp);?/giu;

interface Replacement {
  index: number;
  text: string;
  why: ChangeReason;
}

/** ~ between the ends of a range: — for times and ordinals (十月~十二月, 2021~2023年, 第1~3批), ～ for values (3~5个). */
function tildes(text: string): Replacement[] {
  const out: Replacement[] = [];
  for (const match of text.matchAll(/~/g)) {
    const before = text.slice(0, match.index).replace(/\s+$/u, '');
    const after = text.slice(match.index + 1).replace(/^\s+/u, '');
    const numeral = /^[0-9〇一二三四五六七八九十百千万]/u;
    if (!numeral.test(after)) continue;
    const time = /[年月日时点分秒周]$|(?:19|20)\d{2}$|\d:\d{2}$|第[0-9〇一二三四五六七八九十百]+$/u.test(before);
    if (time) out.push({ index: match.index, text: '—', why: 'range-dash' });
    else if (/[0-9〇一二三四五六七八九十百千万%％]$/u.test(before)) out.push({ index: match.index, text: '～', why: 'range-tilde' });
  }
  return out;
}

/** Same-length replacements in `text`, grouped into changes with their context. */
function record(text: string, replacements: readonly Replacement[], changes: Change[]): void {
  const sorted = [...replacements].sort((a, b) => a.index - b.index);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.why === sorted[i]!.why && sorted[j]!.index - sorted[j - 1]!.index <= 2 * CONTEXT) j++;
    const group = sorted.slice(i, j);
    const start = Math.max(0, group[0]!.index - CONTEXT);
    const end = Math.min(text.length, group.at(-1)!.index + 1 + CONTEXT);
    let to = text.slice(start, end);
    for (const r of group) to = to.slice(0, r.index - start) + r.text + to.slice(r.index - start + 1);
    const shown = (s: string): string => s.replaceAll(BOUNDARY, ' ').replace(/\s+/gu, ' ').trim();
    changes.push({ from: shown(text.slice(start, end)), to: shown(to), why: group[0]!.why });
    i = j;
  }
}

/** Removes stray entities from one piece of text; a space stays between Latin words. */
function withoutEntities(text: string, changes: Change[]): string {
  return text.replace(ENTITY, (entity, offset: number, whole: string) => {
    changes.push({ from: entity, to: '', why: 'entity' });
    return /[A-Za-z0-9]/.test(whole[offset - 1] ?? '') && /[A-Za-z0-9]/.test(whole[offset + entity.length] ?? '') ? ' ' : '';
  });
}


/** The marks and tildes to replace in a text (BOUNDARY separates pieces that are not neighbours). */
function replacements(text: string): Replacement[] {
  return [...halfwidthMarks(text).map((m) => ({ index: m.index, text: m.fullwidth, why: 'punctuation' as const })), ...tildes(text)];
}

/** One text value (a title, the 主送机关 …), normalised. */
export function normaliseText(text: string, changes: Change[]): string {
  const clean = withoutEntities(text, changes);
  const found = replacements(clean);
  record(clean, found, changes);
  let out = clean;
  for (const r of found) out = out.slice(0, r.index) + r.text + out.slice(r.index + 1);
  return out;
}

/**
 * Inline content, normalised as one text: marks are judged across runs (**加粗**,其后), never across code, breaks
 * or notes.
 */
export function normaliseInlines(content: readonly Inline[], changes: Change[]): Inline[] {
  const runs = content.map((inline) => (inline.kind === 'text' && !inline.code ? { ...inline, text: withoutEntities(inline.text, changes) } : inline));
  let joined = '';
  const owner: { run: number; at: number }[] = [];
  runs.forEach((inline, r) => {
    if (inline.kind === 'text' && !inline.code) {
      for (let at = 0; at < inline.text.length; at++) owner.push({ run: r, at });
      joined += inline.text;
    } else {
      owner.push({ run: -1, at: 0 });
      joined += BOUNDARY;
    }
  });
  const found = replacements(joined);
  record(joined, found, changes);
  for (const r of found) {
    const { run, at } = owner[r.index]!;
    const target = runs[run] as TextRun;
    runs[run] = { ...target, text: target.text.slice(0, at) + r.text + target.text.slice(at + 1) };
  }
  return mergeRuns(runs);
}
