/**
 * Base of the FormApp item handles (forms-items.ts has the classes): the generic `Item` view
 * (form.getItems()) and the typed views (addTextItem(), item.asTextItem(), ...). Handles are
 * proxies to the stored item: every call looks the item up by id, so a handle to a deleted
 * item throws (guides/support/troubleshooting, reference/forms/item).
 */

import {
  type Answer,
  cloneAnswer,
  type EmulatedType,
  type FormModel,
  formModelOf,
  type ItemModel,
  invalidArgument,
  newItemModel,
  syncEntryIds,
  type ValidationModel,
} from './forms-model';
import { ItemResponseImpl } from './forms-responses';
import { gasError, type Runtime } from './runtime';
import { strict } from './strict';

export interface FormCtx {
  rt: Runtime;
  formId: string;
}

/** Apps Script class name of the typed view per item type. */
export const VIEW_CLASS: Record<EmulatedType, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SCALE: 'ScaleItem',
  DATE: 'DateItem',
  GRID: 'GridItem',
  CHECKBOX_GRID: 'CheckboxGridItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};

/** Validation objects built by the FormApp builders (opaque to scripts). */
export class ValidationImpl {
  constructor(readonly spec: ValidationModel) {}
}

export abstract class ItemBase {
  constructor(
    protected readonly ctx: FormCtx,
    readonly itemId: number,
    protected readonly cls: string,
  ) {}

  protected call(method: string): void {
    this.ctx.rt.call(`${this.cls}.${method}`);
  }

  protected form(): FormModel {
    return formModelOf(this.ctx.rt, this.ctx.formId);
  }

  /** The stored item; a handle whose item was deleted throws (message unconfirmed). */
  protected item(): ItemModel {
    const it = this.form().items.find((i) => i.id === this.itemId);
    if (!it) throw gasError(`Item with ID ${this.itemId} does not exist; it may have been deleted.`);
    return it;
  }

  protected touched(): ItemModel {
    const it = this.item();
    this.ctx.rt.touch(this.ctx.rt.getEntry(this.ctx.formId));
    return it;
  }

  getId(): number {
    this.call('getId');
    return this.item().id;
  }

  getIndex(): number {
    this.call('getIndex');
    const it = this.item();
    return this.form().items.indexOf(it);
  }

  getType(): any {
    this.call('getType');
    return this.item().type;
  }

  getTitle(): string {
    this.call('getTitle');
    return this.item().title;
  }

  getHelpText(): string {
    this.call('getHelpText');
    return this.item().helpText;
  }

  setTitle(title: string): any {
    this.call('setTitle');
    this.touched().title = title == null ? '' : String(title);
    return this;
  }

  setHelpText(text: string): any {
    this.call('setHelpText');
    this.touched().helpText = text == null ? '' : String(text);
    return this;
  }

  /** Copies the item and appends the copy at the end of the form (IT#duplicate). */
  duplicate(): any {
    this.call('duplicate');
    const src = this.item();
    const form = this.form();
    const copy = newItemModel(this.ctx.rt, form, src.type);
    const keep = { id: copy.id, entryIds: copy.entryIds };
    Object.assign(copy, structuredClone(src), keep);
    syncEntryIds(this.ctx.rt, form, copy);
    return itemHandle(this.ctx, copy, this.cls !== 'Item');
  }

  protected respond(answer: Answer): GoogleAppsScript.Forms.ItemResponse {
    return ItemResponseImpl.create(this.ctx, this.itemId, cloneAnswer(answer));
  }
}

export abstract class QuestionBase extends ItemBase {
  setRequired(enabled: boolean): any {
    this.call('setRequired');
    this.touched().required = Boolean(enabled);
    return this;
  }

  isRequired(): boolean {
    this.call('isRequired');
    return this.item().required;
  }
}

/** `Invalid data updating form.` is what scripts report for answers the item can't take [W]. */
export function invalidData(): Error {
  return gasError('Invalid data updating form.');
}

export function requireStrings(values: unknown, what: string): string[] {
  if (!Array.isArray(values) || values.length === 0) throw invalidArgument(what);
  return values.map((v) => {
    if (v === null || v === undefined) throw invalidArgument(what);
    return String(v);
  });
}

type ItemCtor = new (ctx: FormCtx, id: number, cls: string) => ItemBase;
const ctors = new Map<string, ItemCtor>();

/** forms-items.ts registers the class of every typed view and of the generic `Item` view. */
export function registerItemClass(view: EmulatedType | 'Item', ctor: ItemCtor): void {
  ctors.set(view, ctor);
}

/** A handle to a stored item: the typed view (`typed`) or the generic `Item` view. */
export function itemHandle(ctx: FormCtx, item: ItemModel, typed: boolean): any {
  const view = typed ? item.type : 'Item';
  const ctor = ctors.get(view);
  if (!ctor) throw new Error(`forms: no handle class for ${view} (import ./forms-items)`);
  const cls = typed ? VIEW_CLASS[item.type] : 'Item';
  return strict(new ctor(ctx, item.id, cls), cls);
}

/** True when `h` is one of our item handles (typed or generic); gives its item id. */
export function itemIdOf(h: unknown): number | null {
  return h instanceof ItemBase ? h.itemId : null;
}
