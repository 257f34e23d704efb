/**
 * Table and TableRow handles of the emulated DocumentApp (reference/document/table,
 * table-row; reference/document/body). Cells are in document-containers.ts.
 */

import { checkIndex, nodeOf, registerKind, requireDetached, signatureError } from './document-base';
import { commonTextAttrs, formatAll, TextHolder } from './document-elements';
import { newRow, type RowNode, type TableNode } from './document-model';
import { gasError } from './runtime';

class TableImpl extends TextHolder {
  private get t(): TableNode {
    return this.node;
  }

  getNumRows(): number {
    this.call('getNumRows');
    return this.t.rows.length;
  }

  getRow(rowIndex: number): any {
    this.call('getRow');
    return this.h(this.t.rows[checkIndex(rowIndex, this.t.rows.length - 1, 'rowIndex')]!);
  }

  getCell(rowIndex: number, cellIndex: number): any {
    this.call('getCell');
    const row = this.t.rows[checkIndex(rowIndex, this.t.rows.length - 1, 'rowIndex')]!;
    return this.h(row.cells[checkIndex(cellIndex, row.cells.length - 1, 'cellIndex')]!);
  }

  private addRow(method: string, index: number, given: unknown): any {
    this.mut();
    let row: RowNode;
    if (given === undefined || given === null) row = newRow([]);
    else {
      const g = nodeOf(given);
      if (g?.kind !== 'TABLE_ROW') throw signatureError('Table', method, [given]);
      requireDetached(g);
      row = g;
    }
    row.parent = this.t;
    this.t.rows.splice(index, 0, row);
    return this.h(row);
  }

  appendTableRow(tableRow?: unknown): any {
    this.call('appendTableRow');
    return this.addRow('appendTableRow', this.t.rows.length, tableRow);
  }

  insertTableRow(childIndex: number, tableRow?: unknown): any {
    this.call('insertTableRow');
    return this.addRow('insertTableRow', checkIndex(childIndex, this.t.rows.length), tableRow);
  }

  removeRow(rowIndex: number): any {
    this.call('removeRow');
    this.mut();
    const [row] = this.t.rows.splice(checkIndex(rowIndex, this.t.rows.length - 1, 'rowIndex'), 1);
    row!.parent = null;
    return this.h(row!);
  }

  getBorderWidth(): number {
    this.call('getBorderWidth');
    return this.t.borderWidth;
  }

  setBorderWidth(width: number): any {
    this.call('setBorderWidth');
    this.mut();
    const w = Number(width);
    if (!Number.isFinite(w) || w < 0) throw gasError('Invalid argument: width');
    this.t.borderWidth = w;
    return this.self();
  }

  getBorderColor(): string {
    this.call('getBorderColor');
    return this.t.borderColor;
  }

  setBorderColor(color: string): any {
    this.call('setBorderColor');
    this.mut();
    if (!/^#[0-9a-fA-F]{6}$/.test(String(color))) throw gasError(`Invalid argument: ${String(color)}`);
    this.t.borderColor = String(color);
    return this.self();
  }

  /** null when the column has no explicit width. */
  getColumnWidth(columnIndex: number): number {
    this.call('getColumnWidth');
    return this.t.columnWidths[Number(columnIndex)] ?? (null as unknown as number);
  }

  setColumnWidth(columnIndex: number, width: number): any {
    this.call('setColumnWidth');
    this.mut();
    const cols = Math.max(0, ...this.t.rows.map((r) => r.cells.length));
    this.t.columnWidths[checkIndex(columnIndex, cols - 1, 'columnIndex')] = Number(width);
    return this.self();
  }

  getAttributes(): any {
    this.call('getAttributes');
    return { ...commonTextAttrs(this.t), BORDER_WIDTH: this.t.borderWidth, BORDER_COLOR: this.t.borderColor };
  }

  setAttributes(attributes: Record<string, unknown>): any {
    this.call('setAttributes');
    this.mut();
    const a = attributes ?? {};
    if (a.BORDER_WIDTH != null) this.t.borderWidth = Number(a.BORDER_WIDTH);
    if (a.BORDER_COLOR != null) this.t.borderColor = String(a.BORDER_COLOR);
    formatAll(this.t, a);
    return this.self();
  }
}

class TableRowImpl extends TextHolder {
  private get r(): RowNode {
    return this.node;
  }

  getNumCells(): number {
    this.call('getNumCells');
    return this.r.cells.length;
  }

  getCell(cellIndex: number): any {
    this.call('getCell');
    return this.h(this.r.cells[checkIndex(cellIndex, this.r.cells.length - 1, 'cellIndex')]!);
  }

  getParentTable(): any {
    this.call('getParentTable');
    return this.r.parent ? this.h(this.r.parent) : null;
  }

  private addCell(method: string, index: number, given: unknown): any {
    this.mut();
    const g = nodeOf(given);
    let cell = newRow([typeof given === 'string' ? given : '']).cells[0]!;
    if (g) {
      if (g.kind !== 'TABLE_CELL') throw signatureError('TableRow', method, [given]);
      requireDetached(g);
      cell = g;
    } else if (given !== undefined && given !== null && typeof given !== 'string') {
      throw signatureError('TableRow', method, [given]);
    }
    cell.parent = this.r;
    this.r.cells.splice(index, 0, cell);
    return this.h(cell);
  }

  appendTableCell(textContentsOrCell?: unknown): any {
    this.call('appendTableCell');
    return this.addCell('appendTableCell', this.r.cells.length, textContentsOrCell);
  }

  insertTableCell(childIndex: number, textContentsOrCell?: unknown): any {
    this.call('insertTableCell');
    return this.addCell('insertTableCell', checkIndex(childIndex, this.r.cells.length), textContentsOrCell);
  }

  removeCell(cellIndex: number): any {
    this.call('removeCell');
    this.mut();
    const [cell] = this.r.cells.splice(checkIndex(cellIndex, this.r.cells.length - 1, 'cellIndex'), 1);
    cell!.parent = null;
    return this.h(cell!);
  }

  getMinimumHeight(): number {
    this.call('getMinimumHeight');
    return this.r.minHeight;
  }

  setMinimumHeight(minHeight: number): any {
    this.call('setMinimumHeight');
    this.mut();
    this.r.minHeight = Number(minHeight);
    return this.self();
  }

  getAttributes(): any {
    this.call('getAttributes');
    return { ...commonTextAttrs(this.r), MINIMUM_HEIGHT: this.r.minHeight };
  }

  setAttributes(attributes: Record<string, unknown>): any {
    this.call('setAttributes');
    this.mut();
    const a = attributes ?? {};
    if (a.MINIMUM_HEIGHT != null) this.r.minHeight = Number(a.MINIMUM_HEIGHT);
    formatAll(this.r, a);
    return this.self();
  }
}

registerKind(['TABLE'], TableImpl);
registerKind(['TABLE_ROW'], TableRowImpl);
