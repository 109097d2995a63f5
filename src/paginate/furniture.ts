/** What every page of the body carries besides its text: the running head and the folio (GB/T 9704 §7.5). */
import type { Box, TextBox } from '../model/layout.js';
import type { StyleName } from '../theme/index.js';
import type { RowContext } from './rows.js';

export const MM = 72 / 25.4;

/** One line of `text` centred in the type area, shrunk to fit when wider. */
export function singleLine(ctx: RowContext, style: StyleName, text: string, y: number, role: TextBox['role'], color?: string): TextBox {
  const s = ctx.theme.styles[style];
  const font = ctx.fonts.get(s.font);
  let size = s.size;
  let width = (font.measure(text).width * size) / 1000;
  if (width > ctx.width) {
    size = (size * ctx.width) / width;
    width = ctx.width;
  }
  return {
    kind: 'text',
    text,
    font: s.font,
    size,
    x: ctx.left + (ctx.width - width) / 2,
    y,
    characterSpacing: 0,
    width,
    role,
    ...(color ? { color } : {}),
  };
}

/** The running head (with its rule) and the folio of a body page. */
export function furniture(ctx: RowContext, runningHead: string, folio: number): Box[] {
  const { theme } = ctx;
  const boxes: Box[] = [];
  const top = theme.page.margins.top;
  const bottom = theme.page.height - theme.page.margins.bottom;
  if (theme.runningHead) {
    const rh = theme.styles.runningHead;
    const y = top - 6 * MM;
    boxes.push(singleLine(ctx, 'runningHead', runningHead, y - 0.25 * rh.size, 'running-head'));
    boxes.push({ kind: 'rule', x1: ctx.left, y1: y + 0.25 * rh.size, x2: ctx.left + ctx.width, y2: y + 0.25 * rh.size, lineWidth: 0.5 });
  }
  const fs = theme.styles.folio;
  const font = ctx.fonts.get(fs.font);
  const text = `— ${folio} —`;
  const width = (font.measure(text).width * fs.size) / 1000;
  const em = theme.styles.body.size;
  let x = ctx.left + (ctx.width - width) / 2;
  if (theme.folio === 'outer') x = folio % 2 === 1 ? ctx.left + ctx.width - em - width : ctx.left + em;
  // GB/T 9704 7.5: the dashes' top 7 mm below the type area.
  const y = bottom + 7 * MM + 0.6 * fs.size;
  boxes.push({ kind: 'text', text, font: fs.font, size: fs.size, x, y, characterSpacing: 0, width, role: 'folio' });
  return boxes;
}
