/**
 * Where each cell of a table model sits on the grid: the reader lists a row's cells in order, leaving out the
 * columns that a cell from the left or from above covers. Layout and validation place them the same way.
 */
import type { Table, TableCell } from '../model/document.js';

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
