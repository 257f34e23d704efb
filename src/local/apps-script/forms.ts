/**
 * In-memory FormApp (reference/forms/form-app, forms/form). Forms are Drive
 * entries of MIME.form whose `data` is a FormModel. Every public method counts one call.
 * Respondent simulation and previews live in forms-respondent.ts (re-exported here).
 */

import { registerCopier } from './drive';
import {
  formUrlForSheet,
  linkDestination,
  NO_DESTINATION,
  requireDestination,
  unlinkDestination,
} from './forms-destination';
import { type FormCtx, itemHandle, itemIdOf } from './forms-item-base';
import { isDate } from './realm';
import './forms-items';
import {
  Alignment,
  DestinationType,
  type EmulatedType,
  FeedbackType,
  type FormModel,
  ItemType,
  invalidArgument,
  newFormModel,
  newItemModel,
  PageNavigationType,
} from './forms-model';
import { FormResponseImpl, findResponse } from './forms-responses';
import { FORM_URL_RE, type Form, FormSettings } from './forms-settings';
import {
  createCheckboxGridValidation,
  createGridValidation,
  createParagraphTextValidation,
  createTextValidation,
} from './forms-validation';
import { gasError, MIME, type Runtime } from './runtime';
import { strict } from './strict';
import { createUi } from './ui';

export { editAsRespondent, type FormSnapshot, snapshotForm, submitAsRespondent } from './forms-respondent';
export { formUrlForSheet, NO_DESTINATION };

class FormImpl
  extends FormSettings
  implements
    Pick<
      Form,
      | 'getDestinationId'
      | 'getDestinationType'
      | 'setDestination'
      | 'removeDestination'
      | 'addTextItem'
      | 'addParagraphTextItem'
      | 'addMultipleChoiceItem'
      | 'addCheckboxItem'
      | 'addListItem'
      | 'addScaleItem'
      | 'addDateItem'
      | 'addGridItem'
      | 'addCheckboxGridItem'
      | 'addSectionHeaderItem'
      | 'addPageBreakItem'
      | 'getItems'
      | 'getItemById'
      | 'deleteItem'
      | 'moveItem'
      | 'getResponses'
      | 'getResponse'
      | 'deleteResponse'
      | 'deleteAllResponses'
      | 'createResponse'
    >
{
  private readonly ctx: FormCtx;

  constructor(rt: Runtime, id: string) {
    super(rt, id);
    this.ctx = { rt, formId: id };
  }

  // ---- destination (reference/forms/form#setDestination(DestinationType,String)) ------------------------------------------------------------------

  getDestinationId(): string {
    this.call('getDestinationId');
    return requireDestination(this.model()).id;
  }

  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.call('getDestinationType');
    return requireDestination(this.model()).type as any;
  }

  /** Links to a spreadsheet: a new response tab every time (also when relinking the same one). */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): Form {
    this.call('setDestination');
    if ((type as unknown) !== DestinationType.SPREADSHEET) throw invalidArgument('type');
    this.edit();
    linkDestination(this.rt, this.id, String(id));
    return this.self();
  }

  removeDestination(): Form {
    this.call('removeDestination');
    this.edit();
    unlinkDestination(this.rt, this.id);
    return this.self();
  }

  // ---- items (reference/forms/item) ----------------------------------------------------------------------

  private add(method: string, type: EmulatedType): any {
    this.call(method);
    const item = newItemModel(this.rt, this.edit(), type);
    return itemHandle(this.ctx, item, true);
  }

  addTextItem = () => this.add('addTextItem', 'TEXT');
  addParagraphTextItem = () => this.add('addParagraphTextItem', 'PARAGRAPH_TEXT');
  addMultipleChoiceItem = () => this.add('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  addCheckboxItem = () => this.add('addCheckboxItem', 'CHECKBOX');
  addListItem = () => this.add('addListItem', 'LIST');
  addScaleItem = () => this.add('addScaleItem', 'SCALE');
  addDateItem = () => this.add('addDateItem', 'DATE');
  addGridItem = () => this.add('addGridItem', 'GRID');
  addCheckboxGridItem = () => this.add('addCheckboxGridItem', 'CHECKBOX_GRID');
  addSectionHeaderItem = () => this.add('addSectionHeaderItem', 'SECTION_HEADER');
  addPageBreakItem = () => this.add('addPageBreakItem', 'PAGE_BREAK');

  /** Form order, layout items included. */
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): GoogleAppsScript.Forms.Item[] {
    this.call('getItems');
    const items = this.model().items;
    const chosen = itemType === undefined ? items : items.filter((i) => i.type === (itemType as unknown));
    return chosen.map((i) => itemHandle(this.ctx, i, false));
  }

  /** null when the form has no item with that id. */
  getItemById(id: number): GoogleAppsScript.Forms.Item {
    this.call('getItemById');
    const it = this.model().items.find((i) => i.id === Number(id));
    return it ? itemHandle(this.ctx, it, false) : (null as unknown as GoogleAppsScript.Forms.Item);
  }

  private indexOf(indexOrItem: unknown, what: string): number {
    const items = this.model().items;
    if (typeof indexOrItem === 'number') {
      if (!Number.isInteger(indexOrItem) || indexOrItem < 0 || indexOrItem >= items.length) {
        throw invalidArgument(what);
      }
      return indexOrItem;
    }
    const id = itemIdOf(indexOrItem);
    const at = items.findIndex((i) => i.id === id);
    if (id === null || at < 0) throw gasError(`Item with ID ${id} does not exist; it may have been deleted.`);
    return at;
  }

  deleteItem(indexOrItem: number | GoogleAppsScript.Forms.Item): void {
    this.call('deleteItem');
    const at = this.indexOf(indexOrItem, 'index');
    this.edit().items.splice(at, 1);
  }

  moveItem(from: number | GoogleAppsScript.Forms.Item, to: number): GoogleAppsScript.Forms.Item {
    this.call('moveItem');
    const at = this.indexOf(from, 'from');
    const items = this.edit().items;
    if (!Number.isInteger(to) || to < 0 || to >= items.length) throw invalidArgument('to');
    const [item] = items.splice(at, 1);
    items.splice(to, 0, item!);
    return itemHandle(this.ctx, item!, false);
  }

  // ---- responses (reference/forms/form-response) ------------------------------------------------------------------

  /**
   * Oldest first. With a timestamp: responses whose (latest) timestamp is >= it. The reference
   * says "after" but calls the argument "the earliest date and time", and REST offers both > and
   * >=; the emulator picks the inclusive reading, so consumers must dedupe by response id.
   */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.FormResponse[] {
    this.call('getResponses');
    // A Date from any realm (the bundle runs in its own node:vm context).
    if (timestamp !== undefined && !isDate(timestamp)) {
      throw gasError(
        `The parameters (${typeof timestamp}) don't match the method signature for FormApp.Form.getResponses.`,
      );
    }
    const since = timestamp ? Date.prototype.getTime.call(timestamp) : Number.NEGATIVE_INFINITY;
    return [...this.model().responses]
      .filter((r) => r.timestamp >= since)
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((r) => FormResponseImpl.stored(this.ctx, r.id));
  }

  getResponse(responseId: string): GoogleAppsScript.Forms.FormResponse {
    this.call('getResponse');
    const r = findResponse(this.rt, this.id, responseId);
    return FormResponseImpl.stored(this.ctx, r.id);
  }

  /** Removes from the form's store only; a linked tab keeps its row. */
  deleteResponse(responseId: string): Form {
    this.call('deleteResponse');
    const r = findResponse(this.rt, this.id, responseId);
    const f = this.edit();
    f.responses = f.responses.filter((x) => x !== r);
    return this.self();
  }

  deleteAllResponses(): Form {
    this.call('deleteAllResponses');
    this.edit().responses = [];
    return this.self();
  }

  createResponse(): GoogleAppsScript.Forms.FormResponse {
    this.call('createResponse');
    this.model();
    return FormResponseImpl.draft(this.ctx);
  }
}

function formHandle(rt: Runtime, id: string): Form {
  const impl = new FormImpl(rt, id);
  impl.proxy = strict(impl, 'Form') as unknown as Form;
  return impl.proxy;
}

class FormAppImpl
  implements
    Pick<
      GoogleAppsScript.Forms.FormApp,
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveForm'
      | 'getUi'
      | 'createTextValidation'
      | 'createParagraphTextValidation'
      | 'createGridValidation'
      | 'createCheckboxGridValidation'
    >
{
  readonly ItemType = ItemType;
  readonly DestinationType = DestinationType;
  readonly Alignment = Alignment;
  readonly PageNavigationType = PageNavigationType;
  readonly FeedbackType = FeedbackType;

  constructor(private readonly rt: Runtime) {}

  /** New form in the Drive root; null/empty title throws (FA#create; wording unconfirmed). */
  create(title: string): Form {
    this.rt.call('FormApp.create');
    if (title === null || title === undefined || String(title) === '') throw invalidArgument('title');
    const entry = this.rt.createFile(String(title), MIME.form, newFormModel(this.rt, String(title)));
    return formHandle(this.rt, entry.id);
  }

  openById(id: string): Form {
    this.rt.call('FormApp.openById');
    return formHandle(this.rt, this.rt.getEntry(String(id), MIME.form).id);
  }

  /** Edit/viewform URLs with the form id; the respondent URL (`/d/e/…`) is not accepted. */
  openByUrl(url: string): Form {
    this.rt.call('FormApp.openByUrl');
    const m = FORM_URL_RE.exec(String(url));
    if (!m || m[1]) throw invalidArgument('url');
    return formHandle(this.rt, this.rt.getEntry(m[2]!, MIME.form).id);
  }

  /** The form the script is bound to; null in scripts bound to something else. */
  getActiveForm(): Form {
    this.rt.call('FormApp.getActiveForm');
    const bound = this.rt.boundEntry(MIME.form);
    return bound ? formHandle(this.rt, bound.id) : (null as unknown as Form);
  }

  /** Only from a script bound to a form, opened in the editor. */
  getUi(): GoogleAppsScript.Base.Ui {
    this.rt.call('FormApp.getUi');
    return createUi(this.rt, 'FormApp', MIME.form);
  }

  createTextValidation() {
    this.rt.call('FormApp.createTextValidation');
    return createTextValidation(this.rt);
  }

  createParagraphTextValidation() {
    this.rt.call('FormApp.createParagraphTextValidation');
    return createParagraphTextValidation(this.rt);
  }

  createGridValidation() {
    this.rt.call('FormApp.createGridValidation');
    return createGridValidation(this.rt);
  }

  createCheckboxGridValidation() {
    this.rt.call('FormApp.createCheckboxGridValidation');
    return createCheckboxGridValidation(this.rt);
  }
}

/**
 * DriveApp File.makeCopy of a form: same questions and settings, but no responses, no response
 * destination and a new respondent URL (platform §3.4: "the copy has no response destination").
 */
registerCopier(MIME.form, (rt, data) => {
  const copy = structuredClone(data) as FormModel;
  copy.responses = [];
  copy.destination = null;
  copy.shortLinks = {};
  copy.publishedId = rt.newId('1FAIpQLS');
  return copy;
});

export function createFormApp(rt: Runtime): GoogleAppsScript.Forms.FormApp {
  return strict(new FormAppImpl(rt), 'FormApp') as unknown as GoogleAppsScript.Forms.FormApp;
}
