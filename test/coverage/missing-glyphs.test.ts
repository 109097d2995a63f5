/** glyph-missing: every character a face cannot draw, once per character, font and place. */
import { describe, expect, it } from 'vitest';
import { missingGlyphs, type Coverage } from '../../src/coverage/index.js';

/** A face that draws exactly the characters of `drawn`. */
const face = (drawn: string, ref: string): { has: Coverage; ref: string } => {
  const set = new Set([...drawn].map((c) => c.codePointAt(0)));
  return { has: (cp) => set.has(cp), ref };
};
const at = (line: number, column: number) => ({ file: 'a.md', start: { line, column, offset: 0 } });

describe('missingGlyphs', () => {
  const fonts = new Map([
    ['body', face('甲乙', 'body.ttf')],
    ['kai', face('甲乙丙', 'kai.ttf')],
  ]);

  it('reports a character once per place and per font, never a blank', () => {
    const found = missingGlyphs(
      [
        { text: '甲丙 丙\n乙', font: 'body', span: at(1, 1) },
        { text: '丙', font: 'body', span: at(2, 1) },
        { text: '丙丁', font: 'kai', span: at(2, 1) },
        { text: '丁', font: 'body', span: at(2, 1) },
        { text: '丙', font: 'unknown', span: at(3, 1) },
      ],
      fonts,
    );
    expect(found.map((d) => [d.args.char, d.args.font, d.span?.start.line])).toEqual([
      ['丙', 'body', 1],
      ['丙', 'body', 2],
      ['丁', 'kai', 2],
      ['丁', 'body', 2],
    ]);
    expect(found[2]).toMatchObject({ code: 'glyph-missing', severity: 'error', args: { codePoint: 'U+4E01', ref: 'kai.ttf' } });
  });

  it('reads characters outside the BMP whole', () => {
    const found = missingGlyphs([{ text: '甲𠀀乙', font: 'body', span: at(1, 1) }], fonts);
    expect(found.map((d) => d.args.codePoint)).toEqual(['U+20000']);
  });
});
