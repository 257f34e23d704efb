/**
 * Shared machinery of the DocumentApp element handles: the per-open-document context (a
 * handle stops accepting edits after Document.saveAndClose()), the Element members every
 * element has, and the registry that turns a tree node into its handle class.
 */

import {
  type AnyNode,
  type BlockNode,
  CLOSED_MESSAGE,
  type ContainerNode,
  childrenOf,
  copyNode,
  DETACHED_MESSAGE,
  type InlineNode,
  type ParaNode,
} from './document-model';
import { javaTypeName } from './handles';
import { gasError, MIME, type Runtime } from './runtime';
import { strict } from './strict';

/** One opened document (DocumentApp.openById/create): closing it closes all handles from it. */
export interface DocCtx {
  rt: Runtime;
  docId: string;
  session: { closed: boolean };
}

export const CLASS_OF: Record<AnyNode['kind'], string> = {
  TEXT: 'Text',
  PAGE_BREAK: 'PageBreak',
  HORIZONTAL_RULE: 'HorizontalRule',
  INLINE_IMAGE: 'InlineImage',
  UNSUPPORTED: 'UnsupportedElement',
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  TABLE_ROW: 'TableRow',
  TABLE_CELL: 'TableCell',
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
};

type Ctor = new (ctx: DocCtx, node: any) => ElementBase;
const registry = new Map<string, Ctor>();

export function registerKind(kinds: AnyNode['kind'][], ctor: Ctor): void {
  for (const k of kinds) registry.set(k, ctor);
}

/** The strict handle for a tree node. */
export function wrap(ctx: DocCtx, node: AnyNode): any {
  const ctor = registry.get(node.kind);
  if (!ctor) throw new Error(`document: no handle class for ${node.kind}`);
  return handleOf(new ctor(ctx, node), CLASS_OF[node.kind]);
}

/** Wraps an element object in its strict proxy and remembers the proxy for chaining. */
export function handleOf(el: ElementBase, cls: string): any {
  el.proxy = strict(el, cls);
  return el.proxy;
}

/** `(number[][])`-style Java type name of an argument for signature errors (guides/support/troubleshooting). */
export function describeArg(v: unknown): string {
  return javaTypeName(v, (o) => (o instanceof ElementBase ? CLASS_OF[(o.node as AnyNode).kind] : undefined));
}

export function signatureError(cls: string, method: string, args: unknown[]): Error {
  return gasError(
    `The parameters (${args.map(describeArg).join(',')}) don't match the method signature for DocumentApp.${cls}.${method}.`,
  );
}

export function nodeOf(h: unknown): AnyNode | null {
  return h instanceof ElementBase ? (h.node as AnyNode) : null;
}

export function requireDetached(node: AnyNode): void {
  if (node.parent !== null) throw gasError(DETACHED_MESSAGE);
}

export function checkIndex(i: unknown, max: number, name = 'childIndex'): number {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > max) {
    throw gasError(`Invalid argument: ${name}`);
  }
  return i;
}

function siblingsOf(node: AnyNode): AnyNode[] | null {
  return node.parent ? childrenOf(node.parent as AnyNode) : null;
}

/** Removes a node from its parent; a section keeps at least one paragraph [W]. */
export function detach(node: AnyNode): void {
  const sibs = siblingsOf(node);
  if (!sibs) return;
  const parent = node.parent as AnyNode;
  if (
    (parent.kind === 'BODY_SECTION' ||
      parent.kind === 'HEADER_SECTION' ||
      parent.kind === 'FOOTER_SECTION') &&
    (node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') &&
    (parent.children as BlockNode[]).filter((c) => c.kind !== 'TABLE').length === 1
  ) {
    throw gasError("Can't remove the last paragraph in a document section.");
  }
  sibs.splice(sibs.indexOf(node), 1);
  (node as { parent: unknown }).parent = null;
}

export abstract class ElementBase {
  constructor(
    protected readonly ctx: DocCtx,
    readonly node: any,
  ) {}

  /** The strict proxy scripts hold; chainable methods return it. */
  proxy: any = null;

  protected self(): any {
    return this.proxy ?? this;
  }

  protected get cls(): string {
    return CLASS_OF[(this.node as AnyNode).kind];
  }

  protected call(method: string): void {
    this.ctx.rt.call(`${this.cls}.${method}`);
  }

  /** Every edit goes through here: closed documents refuse edits (DOC#saveAndClose) [W]. */
  protected mut(): void {
    if (this.ctx.session.closed) throw gasError(CLOSED_MESSAGE);
    const entry = this.ctx.rt.drive.get(this.ctx.docId);
    if (entry?.mimeType === MIME.document) this.ctx.rt.touch(entry);
  }

  protected h(node: AnyNode): any {
    return wrap(this.ctx, node);
  }

  getType(): any {
    this.call('getType');
    return (this.node as AnyNode).kind;
  }

  getParent(): any {
    this.call('getParent');
    const p = (this.node as AnyNode).parent as AnyNode | null;
    return p ? this.h(p) : null;
  }

  getNextSibling(): any {
    this.call('getNextSibling');
    const sibs = siblingsOf(this.node);
    const next = sibs?.[sibs.indexOf(this.node) + 1];
    return next ? this.h(next) : null;
  }

  getPreviousSibling(): any {
    this.call('getPreviousSibling');
    const sibs = siblingsOf(this.node);
    const prev = sibs ? sibs[sibs.indexOf(this.node) - 1] : undefined;
    return prev ? this.h(prev) : null;
  }

  removeFromParent(): any {
    this.call('removeFromParent');
    this.mut();
    detach(this.node);
    return this.self();
  }

  /** A detached deep copy (append it elsewhere with append*(element)). */
  copy(): any {
    this.call('copy');
    return this.h(copyNode(this.node as AnyNode));
  }

  isAtDocumentEnd(): boolean {
    this.call('isAtDocumentEnd');
    let n: AnyNode = this.node;
    while (n.parent) {
      const sibs = childrenOf(n.parent as AnyNode);
      if (sibs[sibs.length - 1] !== n) return false;
      n = n.parent as AnyNode;
    }
    return n.kind === 'BODY_SECTION';
  }

  private as(method: string, kinds: AnyNode['kind'][]): any {
    this.call(method);
    const kind = (this.node as AnyNode).kind;
    // Wording unconfirmed: a cast to the wrong element type throws.
    if (!kinds.includes(kind)) throw gasError(`Cannot cast ${CLASS_OF[kind]} to ${method.slice(2)}.`);
    return this.h(this.node);
  }

  asParagraph = () => this.as('asParagraph', ['PARAGRAPH']);
  asListItem = () => this.as('asListItem', ['LIST_ITEM']);
  asTable = () => this.as('asTable', ['TABLE']);
  asTableRow = () => this.as('asTableRow', ['TABLE_ROW']);
  asTableCell = () => this.as('asTableCell', ['TABLE_CELL']);
  asText = () => this.as('asText', ['TEXT']);
  asBody = () => this.as('asBody', ['BODY_SECTION']);
  asHeaderSection = () => this.as('asHeaderSection', ['HEADER_SECTION']);
  asFooterSection = () => this.as('asFooterSection', ['FOOTER_SECTION']);
  asPageBreak = () => this.as('asPageBreak', ['PAGE_BREAK']);
  asHorizontalRule = () => this.as('asHorizontalRule', ['HORIZONTAL_RULE']);
}

/** Members of elements that hold children (sections, cells, paragraphs, tables, rows). */
export abstract class ParentBase extends ElementBase {
  protected kids(): AnyNode[] {
    return childrenOf(this.node);
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.kids().length;
  }

  getChild(childIndex: number): any {
    this.call('getChild');
    const kids = this.kids();
    const i = checkIndex(childIndex, kids.length - 1);
    return this.h(kids[i]!);
  }

  getChildIndex(child: unknown): number {
    this.call('getChildIndex');
    const i = this.kids().indexOf(nodeOf(child) as AnyNode);
    if (i < 0) throw gasError('Element does not contain the specified child element.');
    return i;
  }

  removeChild(child: unknown): any {
    this.call('removeChild');
    this.mut();
    const n = nodeOf(child);
    if (!n || !this.kids().includes(n))
      throw gasError('Element does not contain the specified child element.');
    detach(n);
    return this.self();
  }
}

export function paragraphsIn(node: AnyNode, out: ParaNode[] = []): ParaNode[] {
  if (node.kind === 'PARAGRAPH' || node.kind === 'LIST_ITEM') out.push(node);
  else for (const k of childrenOf(node)) paragraphsIn(k, out);
  return out;
}

export function collect<K extends AnyNode['kind']>(node: AnyNode, kind: K, out: AnyNode[] = []): AnyNode[] {
  for (const k of childrenOf(node)) {
    if (k.kind === kind) out.push(k);
    collect(k, kind, out);
  }
  return out;
}

export type { ContainerNode, InlineNode };
