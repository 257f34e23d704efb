/**
 * Body, HeaderSection, FooterSection and TableCell handles of the emulated DocumentApp: the
 * elements that hold paragraphs, list items and tables (reference/document/body, table-cell;
 * reference/document/body).
 */

import {
  checkIndex,
  collect,
  nodeOf,
  paragraphsIn,
  registerKind,
  requireDetached,
  signatureError,
} from './document-base';
import { commonTextAttrs, formatAll, TextHolder } from './document-elements';
import {
  type AnyNode,
  attachBlock,
  type BlockNode,
  type CellNode,
  type ContainerNode,
  newListId,
  newPara,
  newTable,
  type ParaNode,
  type TableNode,
  textOfNode,
  VerticalAlignment,
} from './document-model';
import { gasError } from './runtime';

function isStringMatrix(v: unknown): v is string[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'));
}

const SECTION_ATTRS = [
  'MARGIN_TOP',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'PAGE_WIDTH',
  'PAGE_HEIGHT',
];
/** Google Docs' defaults: US Letter, one-inch margins (points). */
const SECTION_DEFAULTS: Record<string, number> = {
  MARGIN_TOP: 72,
  MARGIN_BOTTOM: 72,
  MARGIN_LEFT: 72,
  MARGIN_RIGHT: 72,
  PAGE_WIDTH: 612,
  PAGE_HEIGHT: 792,
};

abstract class ContainerBase extends TextHolder {
  protected get c(): ContainerNode {
    return this.node;
  }

  private isSection(): boolean {
    return this.c.kind !== 'TABLE_CELL';
  }

  /** Text → new block; element → must be a detached block of the right kind. */
  private block(method: string, arg: unknown, kind: 'PARAGRAPH' | 'LIST_ITEM'): ParaNode {
    const given = nodeOf(arg);
    if (given) {
      if (given.kind !== kind) throw signatureError(this.cls, method, [arg]);
      requireDetached(given);
      return given as ParaNode;
    }
    if (arg === null || arg === undefined || typeof arg === 'object')
      throw signatureError(this.cls, method, [arg]);
    return newPara(kind, String(arg));
  }

  private place(block: BlockNode, index: number): void {
    attachBlock(this.c, block, index);
    if (block.kind === 'LIST_ITEM' && block.listId === '') {
      const prev = this.c.children[index - 1];
      if (prev?.kind === 'LIST_ITEM') {
        block.listId = prev.listId;
        block.glyph = prev.glyph;
      } else block.listId = newListId(this.ctx.rt);
    }
  }

  private addPara(method: string, index: number, arg: unknown, kind: 'PARAGRAPH' | 'LIST_ITEM'): any {
    this.mut();
    const p = this.block(method, arg, kind);
    this.place(p, index);
    return this.h(p);
  }

  appendParagraph(textOrParagraph: unknown): any {
    this.call('appendParagraph');
    return this.addPara('appendParagraph', this.c.children.length, textOrParagraph, 'PARAGRAPH');
  }

  insertParagraph(childIndex: number, textOrParagraph: unknown): any {
    this.call('insertParagraph');
    const i = checkIndex(childIndex, this.c.children.length);
    return this.addPara('insertParagraph', i, textOrParagraph, 'PARAGRAPH');
  }

  /** Consecutive list items join the same list (same list id). */
  appendListItem(textOrListItem: unknown): any {
    this.call('appendListItem');
    return this.addPara('appendListItem', this.c.children.length, textOrListItem, 'LIST_ITEM');
  }

  insertListItem(childIndex: number, textOrListItem: unknown): any {
    this.call('insertListItem');
    const i = checkIndex(childIndex, this.c.children.length);
    return this.addPara('insertListItem', i, textOrListItem, 'LIST_ITEM');
  }

  private addTable(method: string, index: number, args: unknown[]): any {
    this.mut();
    const arg = args[0];
    let table: TableNode;
    const given = nodeOf(arg);
    if (args.length === 0 || arg === undefined || arg === null) table = newTable([]);
    else if (given) {
      if (given.kind !== 'TABLE') throw signatureError(this.cls, method, args);
      requireDetached(given);
      table = given;
    } else if (isStringMatrix(arg)) table = newTable(arg);
    else throw signatureError(this.cls, method, args);
    this.place(table, index);
    return table;
  }

  /**
   * One cell per string; non-string cells are a signature error. In a section an empty
   * paragraph is appended after the table too (BODY#appendTable: a document can't end with a table).
   */
  appendTable(...args: unknown[]): any {
    this.call('appendTable');
    const table = this.addTable('appendTable', this.c.children.length, args);
    if (this.isSection()) this.place(newPara('PARAGRAPH', ''), this.c.children.length);
    return this.h(table);
  }

  insertTable(childIndex: number, ...args: unknown[]): any {
    this.call('insertTable');
    const i = checkIndex(childIndex, this.c.children.length);
    return this.h(this.addTable('insertTable', i, args));
  }

  private wrapped(
    method: string,
    index: number,
    kind: 'PAGE_BREAK' | 'HORIZONTAL_RULE',
    given?: unknown,
  ): any {
    this.call(method);
    this.mut();
    const p = newPara('PARAGRAPH', '');
    let marker: AnyNode = { kind, parent: p };
    if (given !== undefined && given !== null) {
      const g = nodeOf(given);
      if (!g || g.kind !== kind) throw signatureError(this.cls, method, [given]);
      requireDetached(g);
      marker = g;
      (g as { parent: unknown }).parent = p;
    }
    p.children.push(marker as ParaNode['children'][number]);
    this.place(p, index);
    return this.h(marker);
  }

  /** Wrapped in a new paragraph (BODY#appendHorizontalRule). */
  appendHorizontalRule(): any {
    return this.wrapped('appendHorizontalRule', this.c.children.length, 'HORIZONTAL_RULE');
  }

  insertHorizontalRule(childIndex: number): any {
    return this.wrapped(
      'insertHorizontalRule',
      checkIndex(childIndex, this.c.children.length),
      'HORIZONTAL_RULE',
    );
  }

  protected pageBreak(method: string, index: number, given?: unknown): any {
    return this.wrapped(method, index, 'PAGE_BREAK', given);
  }

  /** Removes everything; one empty paragraph stays (unconfirmed). */
  clear(): any {
    this.call('clear');
    this.mut();
    for (const k of this.c.children) (k as { parent: unknown }).parent = null;
    this.c.children = [];
    this.place(newPara('PARAGRAPH', ''), 0);
    return this.self();
  }

  setText(text: string): any {
    this.call('setText');
    this.mut();
    for (const k of this.c.children) (k as { parent: unknown }).parent = null;
    this.c.children = [];
    const lines = String(text).split('\n');
    lines.forEach((line, i) => {
      this.place(newPara('PARAGRAPH', line), i);
    });
    return this.self();
  }

  getParagraphs(): any[] {
    this.call('getParagraphs');
    return paragraphsIn(this.c).map((p) => this.h(p));
  }

  getListItems(): any[] {
    this.call('getListItems');
    return paragraphsIn(this.c)
      .filter((p) => p.kind === 'LIST_ITEM')
      .map((p) => this.h(p));
  }

  getTables(): any[] {
    this.call('getTables');
    return collect(this.c, 'TABLE').map((t) => this.h(t));
  }

  getAttributes(): any {
    this.call('getAttributes');
    const out: Record<string, unknown> = { ...commonTextAttrs(this.c) };
    if (this.isSection()) for (const k of SECTION_ATTRS) out[k] = this.c.attrs[k] ?? SECTION_DEFAULTS[k];
    else out.BACKGROUND_COLOR = (this.c as CellNode).background;
    return out;
  }

  setAttributes(attributes: Record<string, unknown>): any {
    this.call('setAttributes');
    this.mut();
    const a = { ...(attributes ?? {}) };
    if (this.isSection()) {
      for (const k of SECTION_ATTRS) if (a[k] != null) this.c.attrs[k] = Number(a[k]);
    } else if ('BACKGROUND_COLOR' in a) {
      // On a cell BACKGROUND_COLOR is the cell shading, not a text highlight.
      (this.c as CellNode).background = a.BACKGROUND_COLOR == null ? null : String(a.BACKGROUND_COLOR);
      delete a.BACKGROUND_COLOR;
    }
    formatAll(this.c, a);
    return this.self();
  }
}

class SectionImpl extends ContainerBase {
  private dim(method: string, key: string, v?: unknown): any {
    this.call(method);
    if (method.startsWith('get')) return this.c.attrs[key] ?? SECTION_DEFAULTS[key];
    this.mut();
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw gasError(`Invalid argument: ${key}`);
    this.c.attrs[key] = n;
    return this.self();
  }

  getMarginTop = () => this.dim('getMarginTop', 'MARGIN_TOP');
  setMarginTop = (v: number) => this.dim('setMarginTop', 'MARGIN_TOP', v);
  getMarginBottom = () => this.dim('getMarginBottom', 'MARGIN_BOTTOM');
  setMarginBottom = (v: number) => this.dim('setMarginBottom', 'MARGIN_BOTTOM', v);
  getMarginLeft = () => this.dim('getMarginLeft', 'MARGIN_LEFT');
  setMarginLeft = (v: number) => this.dim('setMarginLeft', 'MARGIN_LEFT', v);
  getMarginRight = () => this.dim('getMarginRight', 'MARGIN_RIGHT');
  setMarginRight = (v: number) => this.dim('setMarginRight', 'MARGIN_RIGHT', v);
  getPageWidth = () => this.dim('getPageWidth', 'PAGE_WIDTH');
  setPageWidth = (v: number) => this.dim('setPageWidth', 'PAGE_WIDTH', v);
  getPageHeight = () => this.dim('getPageHeight', 'PAGE_HEIGHT');
  setPageHeight = (v: number) => this.dim('setPageHeight', 'PAGE_HEIGHT', v);
}

/** Only the body can take page breaks (Body#appendPageBreak); headers and footers can't. */
class BodyImpl extends SectionImpl {
  /** Wrapped in a new paragraph (BODY#appendPageBreak). */
  appendPageBreak(pageBreak?: unknown): any {
    return this.pageBreak('appendPageBreak', this.c.children.length, pageBreak);
  }

  insertPageBreak(childIndex: number, pageBreak?: unknown): any {
    return this.pageBreak('insertPageBreak', checkIndex(childIndex, this.c.children.length), pageBreak);
  }
}

class TableCellImpl extends ContainerBase {
  private get cell(): CellNode {
    return this.node;
  }

  getBackgroundColor(): string {
    this.call('getBackgroundColor');
    return this.cell.background as string;
  }

  setBackgroundColor(color: string): any {
    this.call('setBackgroundColor');
    this.mut();
    if (color !== null && !/^#[0-9a-fA-F]{6}$/.test(String(color))) {
      throw gasError(`Invalid argument: ${String(color)}`);
    }
    this.cell.background = color === null ? null : String(color);
    return this.self();
  }

  getParentRow(): any {
    this.call('getParentRow');
    return this.cell.parent ? this.h(this.cell.parent) : null;
  }

  getParentTable(): any {
    this.call('getParentTable');
    const table = this.cell.parent?.parent;
    return table ? this.h(table) : null;
  }

  getRowSpan(): number {
    this.call('getRowSpan');
    return 1;
  }

  getColSpan(): number {
    this.call('getColSpan');
    return 1;
  }

  private cellAttr(method: string, key: string, v?: unknown): any {
    this.call(method);
    if (method.startsWith('get')) return this.cell.attrs[key] ?? null;
    this.mut();
    this.cell.attrs[key] = key === 'VERTICAL_ALIGNMENT' ? String(v) : Number(v);
    return this.self();
  }

  getWidth = () => this.cellAttr('getWidth', 'WIDTH');
  setWidth = (v: number) => this.cellAttr('setWidth', 'WIDTH', v);
  getPaddingTop = () => this.cellAttr('getPaddingTop', 'PADDING_TOP');
  setPaddingTop = (v: number) => this.cellAttr('setPaddingTop', 'PADDING_TOP', v);
  getPaddingBottom = () => this.cellAttr('getPaddingBottom', 'PADDING_BOTTOM');
  setPaddingBottom = (v: number) => this.cellAttr('setPaddingBottom', 'PADDING_BOTTOM', v);
  getPaddingLeft = () => this.cellAttr('getPaddingLeft', 'PADDING_LEFT');
  setPaddingLeft = (v: number) => this.cellAttr('setPaddingLeft', 'PADDING_LEFT', v);
  getPaddingRight = () => this.cellAttr('getPaddingRight', 'PADDING_RIGHT');
  setPaddingRight = (v: number) => this.cellAttr('setPaddingRight', 'PADDING_RIGHT', v);
  getVerticalAlignment = () => this.cellAttr('getVerticalAlignment', 'VERTICAL_ALIGNMENT');
  setVerticalAlignment = (v: GoogleAppsScript.Document.VerticalAlignment) => {
    if (!(String(v) in VerticalAlignment)) throw signatureError('TableCell', 'setVerticalAlignment', [v]);
    return this.cellAttr('setVerticalAlignment', 'VERTICAL_ALIGNMENT', v);
  };
}

registerKind(['BODY_SECTION'], BodyImpl);
registerKind(['HEADER_SECTION', 'FOOTER_SECTION'], SectionImpl);
registerKind(['TABLE_CELL'], TableCellImpl);

export { textOfNode };
