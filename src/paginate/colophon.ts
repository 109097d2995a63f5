/**
 * The 版权页: the issue data and gazette.yml's colophon items, centred between two rules at the foot of the
 * issue's last page (GB/T 9704 leaves it to house style; the 2021-4 issue closes with these lines).
 */
import type { Box } from '../model/layout.js';
import type { Gazette } from '../model/gazette.js';
import { colophonLines, colophonText } from '../shared/colophon.js';
import { baselineOffset, blockLines, textBox, type RowContext } from './rows.js';
import { structNode } from './structure.js';

export interface ColophonBlock {
  height: number;
  /** Boxes with the block's top at `top`. */
  boxes(top: number): Box[];
}

export function colophonBlock(ctx: RowContext, gazette: Gazette): ColophonBlock {
  const style = ctx.theme.styles.colophon;
  const pad = style.leading / 2;
  const lines = colophonLines(gazette).flatMap((line) => blockLines(ctx, { style: 'colophon', text: colophonText(line), align: 'center', indent: 0 }));
  const height = 2 * pad + lines.length * style.leading;
  const right = ctx.left + ctx.width;
  const tag = structNode('P', structNode('Div'));
  return {
    height,
    boxes: (top) => [
      { kind: 'rule', x1: ctx.left, y1: top, x2: right, y2: top, lineWidth: 0.75 },
      ...lines.map((line, i) => ({ ...textBox(line, style, ctx.left + (ctx.width - line.width) / 2, top + pad + i * style.leading + baselineOffset(style), 'centered'), tag })),
      { kind: 'rule', x1: ctx.left, y1: top + height, x2: right, y2: top + height, lineWidth: 0.75 },
    ],
  };
}
