/**
 * Where each cell of a table model sits on the grid: the reader lists a row's cells in order, leaving out the
 * columns that a cell from the left or from above covers. Layout and validation place them the same way.
 */
import type { Table, TableCell } from '../model/document.js';
import { inlineText } from './inline-text.js';

export interface GridCell {
  cell: TableCell;
  row: number;
  column: number;
  /** Spans clamped to the grid. */
  colSpan: number;
  rowSpan: number;
}

export function tableGrid(table: Table): GridCell[][] {
  const coveredUntil: number[] = [];
  return table.rows.map((row, r) => {
    let column = 0;
    return row.cells.map((cell) => {
      while ((coveredUntil[column] ?? 0) > r) column++;
      const colSpan = Math.max(1, Math.min(cell.colSpan, table.columns - column));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, table.rows.length - r));
      for (let c = column; c < column + colSpan; c++) coveredUntil[c] = r + rowSpan;
      const placed = { cell, row: r, column, colSpan, rowSpan };
      column += colSpan;
      return placed;
    });
  });
}

/** A cell of short numbers only (序号, counts, percentages). */
const NUMERIC = /^[0-9０-９.,，%％‰～~\-—（）()]{1,6}$/u;

/** Columns both editions centre: those the source centres, and those whose body cells are all short numbers. */
export function centredColumns(table: Table): boolean[] {
  const cells = tableGrid(table).flat();
  return Array.from({ length: table.columns }, (_, c) => {
    if (table.align[c] === 'center') return true;
    if (table.align[c] !== undefined) return false;
    const own = cells
      .filter((placed) => placed.row >= table.headerRows && placed.column === c && placed.colSpan === 1)
      .map((placed) => inlineText(placed.cell.content).trim())
      .filter((text) => text !== '');
    return own.length > 0 && own.every((text) => NUMERIC.test(text));
  });
}
