/**
 * Google Forms: create one from a FormSpec, read its own response store, close it.
 * Thin: no decisions about the werkproces here.
 */

import type { FormItemSpec, FormSectionSpec, FormSpec } from '../render/formSpec';
import { showsProgressBar } from '../render/formTemplate';
import { errorMessage } from './errors';
import { actionMemo } from './memo';

export interface CreatedForm {
  formId: string;
  publishedUrl: string;
  editUrl: string;
  /** Form item id → item key (render/formItemKey.ts). */
  itemMap: Record<string, string>;
}

interface QuestionItem<T> {
  setTitle(title: string): T;
  setHelpText(text: string): T;
  setRequired(enabled: boolean): T;
  getId(): number;
}

/**
 * Title, help text and required on every question type. A setter whose value is the default of a
 * new item is not called (a question is optional and has no help text until set: reference/forms/
 * text-item#setrequiredenabled, #sethelptexttext).
 */
function common<T extends QuestionItem<T>>(item: T, spec: FormItemSpec): T {
  let it = item.setTitle(spec.title);
  if (spec.help) it = it.setHelpText(spec.help);
  if (spec.required) it = it.setRequired(true);
  return it;
}

/**
 * A scale item: bounds and labels only where they differ from a new scale item's (1 to 5, no
 * labels; reference/forms/scale-item#setboundslower,-upper).
 */
function scaleItem(form: GoogleAppsScript.Forms.Form, spec: FormItemSpec): GoogleAppsScript.Forms.ScaleItem {
  const s = spec.scale ?? { min: 1, max: 5, minLabel: '', maxLabel: '' };
  let item = form.addScaleItem();
  if (s.min !== 1 || s.max !== 5) item = item.setBounds(s.min, s.max);
  if (s.minLabel || s.maxLabel) item = item.setLabels(s.minLabel, s.maxLabel);
  return item;
}

function addItem(form: GoogleAppsScript.Forms.Form, spec: FormItemSpec): { getId(): number } {
  const choices = [...(spec.choices ?? [])];
  switch (spec.type) {
    case 'text':
      return common(form.addTextItem(), spec);
    case 'paragraph':
      return common(form.addParagraphTextItem(), spec);
    case 'choice':
      return common(form.addMultipleChoiceItem().setChoiceValues(choices), spec);
    case 'checkboxes':
      return common(form.addCheckboxItem().setChoiceValues(choices), spec);
    case 'scale':
      return common(scaleItem(form, spec), spec);
    case 'date':
      return common(form.addDateItem(), spec);
    case 'grid':
      return common(
        form
          .addGridItem()
          .setRows([...(spec.rows ?? [])])
          .setColumns(choices),
        spec,
      );
    case 'checkbox_grid':
      return common(
        form
          .addCheckboxGridItem()
          .setRows([...(spec.rows ?? [])])
          .setColumns(choices),
        spec,
      );
  }
}

/**
 * Page breaks and questions in form order: the id of each question and its key; a page break has
 * key '' and id '' (its id is never needed: answers belong to questions, so it is not asked for).
 */
interface BuiltItems {
  itemIds: string[];
  keys: string[];
}

function addItems(form: GoogleAppsScript.Forms.Form, spec: FormSpec): BuiltItems {
  return addSections(form, spec.sections, 0);
}

/** Adds sections in order; every section but the form's first opens with a page break. */
function addSections(
  form: GoogleAppsScript.Forms.Form,
  sections: readonly FormSectionSpec[],
  firstIndex: number,
): BuiltItems {
  const out: BuiltItems = { itemIds: [], keys: [] };
  sections.forEach((section, k) => {
    if (firstIndex + k > 0) {
      const br = form.addPageBreakItem().setTitle(section.title);
      if (section.description) br.setHelpText(section.description);
      out.itemIds.push('');
      out.keys.push('');
    }
    for (const it of section.items) {
      out.itemIds.push(String(addItem(form, it).getId()));
      out.keys.push(it.key);
    }
  });
  return out;
}

function itemMapOf(built: BuiltItems): Record<string, string> {
  const map: Record<string, string> = {};
  built.keys.forEach((k, i) => {
    if (k) map[built.itemIds[i]!] = k;
  });
  return map;
}

/**
 * The options every form gets, each only where it differs from a new form's default
 * (reference/forms/form: no e-mail addresses collected, responses not editable, no summary of
 * responses, no progress bar; the link to respond again is shown, so it is turned off).
 */
function setOptions(form: GoogleAppsScript.Forms.Form, spec: FormSpec, allowEdits: boolean): void {
  form.setConfirmationMessage(spec.confirmation).setShowLinkToRespondAgain(false);
  if (allowEdits) form.setAllowResponseEdits(true);
  if (showsProgressBar(spec)) form.setProgressBar(true);
}

/**
 * A folder handle per folder id, asked once per run: every template goes into the same folder.
 * Kept per `DriveApp` (a new run, or a new in-memory Apps Script, starts afresh).
 */
let folders: {
  app: GoogleAppsScript.Drive.DriveApp;
  byId: Map<string, GoogleAppsScript.Drive.Folder>;
} | null = null;
function folderById(id: string): GoogleAppsScript.Drive.Folder {
  if (!folders || folders.app !== DriveApp) folders = { app: DriveApp, byId: new Map() };
  let f = folders.byId.get(id);
  if (!f) {
    f = DriveApp.getFolderById(id);
    folders.byId.set(id, f);
  }
  return f;
}

/**
 * Creates the form, sets every option explicitly (publishing too: forms created through the
 * API after 2026-06-30 start unpublished — workspace/forms/api/guides/api-changes-to-google-forms)
 * and moves it into the case folder.
 */
export function createForm(spec: FormSpec, opts: { folderId: string; allowEdits: boolean }): CreatedForm {
  const form = FormApp.create(spec.title);
  const id = form.getId();
  // Into the case folder first: if the run stops halfway, the form is not left in My Drive
  // but in the folder, where reconcile finds it as an unknown form.
  DriveApp.getFileById(id).moveTo(folderById(opts.folderId));
  form.setDescription(spec.description);
  setOptions(form, spec, opts.allowEdits);
  const built = addItems(form, spec);
  // Publishing also turns accepting responses on (workspace/forms/api/guides/publish-form).
  form.setPublished(true);
  return {
    formId: id,
    publishedUrl: form.getPublishedUrl(),
    editUrl: form.getEditUrl(),
    itemMap: itemMapOf(built),
  };
}

/** A form built once to be copied: its id and, per item in form order, id and key. */
export interface FormTemplate extends BuiltItems {
  key: string;
  formId: string;
}

/**
 * Builds a template: every question and option of `spec` except title and description, in the
 * templates folder, unpublished (nobody can answer a template; before 2026-06-30 FormApp.create
 * still publishes, so it is turned off explicitly).
 */
export function buildTemplate(
  spec: FormSpec,
  opts: { key: string; folderId: string; allowEdits: boolean },
): FormTemplate {
  const name = `Sjabloon ${opts.key.slice(0, 12)} (niet invullen)`;
  const form = FormApp.create(name);
  const formId = form.getId();
  DriveApp.getFileById(formId).moveTo(folderById(opts.folderId));
  form.setPublished(false);
  setOptions(form, spec, opts.allowEdits);
  return { key: opts.key, formId, ...addItems(form, spec) };
}

/**
 * One form made from a template: a Drive copy straight into the case folder
 * (Drive.Files.copy, drive/api/reference/rest/v3/files/copy), then only what differs is set —
 * title, description (case, partner, deadline) and publishing; a copy has no responses and no
 * response destination. Whether a Drive copy keeps the item ids is not documented: the first and
 * the last item are compared, and when they differ every id is read once (one call per item).
 * Null when the template no longer has the items it was built with (edited by hand).
 */
export function copyTemplate(
  t: FormTemplate,
  spec: FormSpec,
  opts: {
    folderId: string;
    /** Sections only this form has (render/formTemplate splitOwn), added after the template's. */
    own?: readonly FormSectionSpec[];
    /** Turn the progress bar on (the own sections make the form long enough for one). */
    progressBar?: boolean;
  },
): CreatedForm | null {
  const copy = driveService().Files.copy({ name: spec.title, parents: [opts.folderId] }, t.formId, {
    fields: 'id',
  });
  const formId = String(copy.id);
  try {
    const form = FormApp.openById(formId);
    form.setTitle(spec.title).setDescription(spec.description);
    let itemIds = t.itemIds;
    // The first and the last question (a page break's id is not kept: '' in the template).
    const first = itemIds.findIndex((id) => id !== '');
    const last = itemIds.length - 1 - [...itemIds].reverse().findIndex((id) => id !== '');
    if (first >= 0) {
      const items = form.getItems();
      if (items.length !== itemIds.length) {
        // The template was changed by hand: this copy cannot be mapped; it goes to the trash.
        DriveApp.getFileById(formId).setTrashed(true);
        return null;
      }
      const same =
        String(items[first]!.getId()) === itemIds[first] &&
        (last === first || String(items[last]!.getId()) === itemIds[last]);
      if (!same) itemIds = items.map((it, i) => (t.keys[i] ? String(it.getId()) : ''));
    }
    // The own sections follow the template's (whose first section is the form's first), so each
    // opens with a page break.
    const added = addSections(form, opts.own ?? [], 1);
    if (opts.progressBar) form.setProgressBar(true);
    form.setPublished(true);
    return {
      formId,
      publishedUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      itemMap: itemMapOf({ itemIds: [...itemIds, ...added.itemIds], keys: [...t.keys, ...added.keys] }),
    };
  } catch (e) {
    // The copy exists but is not finished: nobody knows its id, so it goes to the trash here
    // (a caller that tries again makes a new copy; none is left behind in the case folder).
    try {
      DriveApp.getFileById(formId).setTrashed(true);
    } catch (_ignored) {
      // The first error is the one to report.
    }
    throw e;
  }
}

export interface RawAnswer {
  itemId: string;
  value: string | string[] | string[][];
}

export interface RawResponse {
  responseId: string;
  timestamp: number;
  /** Read on demand: a response that is already in the ledger costs no item calls. */
  answers(): RawAnswer[];
}

export type FormRead = { ok: true; responses: RawResponse[] } | { ok: false; reason: string };

/**
 * Reads the responses in the form's own store (the source of truth): all of them, or with
 * `since` only those whose timestamp is at or after it — `Form.getResponses(timestamp)`
 * (reference/forms/form#getResponses(Date)), one call instead of one per response. Whether the
 * bound is inclusive is not documented, so callers dedupe by response id and timestamp. An edit
 * is a new submission: the timestamp is the latest one (REST `lastSubmittedTime`,
 * forms/api/reference/rest/v1/forms.responses), so an edited response comes back too.
 * Each response costs two getters; its answers are read only when asked for.
 */
export function readResponses(formId: string, since?: number): FormRead {
  let found: GoogleAppsScript.Forms.FormResponse[];
  try {
    // A form kept open earlier in this action (closed by its gate) is read through that handle:
    // then the read itself is where a passing error shows.
    const form = openForm(formId);
    found = since === undefined ? form.getResponses() : form.getResponses(new Date(since));
  } catch (e) {
    return { ok: false, reason: errorMessage(e) };
  }
  const responses = found.map((r) => ({
    responseId: r.getId(),
    timestamp: r.getTimestamp().getTime(),
    answers: () =>
      r.getItemResponses().map((ir) => ({
        itemId: String(ir.getItem().getId()),
        value: ir.getResponse() as string | string[] | string[][],
      })),
  }));
  return { ok: true, responses };
}

const handles = actionMemo<GoogleAppsScript.Forms.Form>();

/**
 * Runs `fn` keeping every form it opens (nested calls share the outer set): a gate closes a form
 * and then reads it once more through the same handle, with one FormApp.openById.
 */
export const withFormHandles = handles.run;

const openForm = (formId: string) => handles.get(formId, () => FormApp.openById(formId));

/**
 * Sends the form's responses also to a tab of the spreadsheet `bookId`
 * (`Form.setDestination(FormApp.DestinationType.SPREADSHEET, id)`, reference/forms/form#setdestinationtype,-id):
 * the form keeps its own store ("All forms, including those that do not have a destination set
 * explicitly, save a copy of responses in the form's response store",
 * reference/forms/destination-type). Every call adds a NEW tab; the tab it had before stays
 * with its rows, no longer linked.
 */
export function linkForm(formId: string, bookId: string): void {
  openForm(formId).setDestination(FormApp.DestinationType.SPREADSHEET, bookId);
}

/**
 * The id of the spreadsheet the form sends its responses to (reference/forms/form#getdestinationid),
 * or null when it has none. Without a destination the call throws; so does a passing service
 * error, which is read the same way (the caller only links the form again: a new tab).
 */
export function destinationOf(formId: string): string | null {
  try {
    return openForm(formId).getDestinationId();
  } catch {
    return null;
  }
}

/**
 * Whether a partner can answer the form now: published and accepting responses. An unpublished
 * form does not accept responses (reference/forms/form#isAcceptingResponses(); publishing:
 * reference/forms/form#setPublished(Boolean)), so one call tells both. Null when the form cannot
 * be asked now (a passing error): then nothing is concluded.
 */
export function canRespond(formId: string): boolean | null {
  try {
    return openForm(formId).isAcceptingResponses();
  } catch {
    return null;
  }
}

/** Stops a form from accepting responses (after its gate was decided). */
export function closeForm(formId: string, message: string): void {
  const form = openForm(formId);
  form.setCustomClosedFormMessage(message).setAcceptingResponses(false);
}

/** The Drive v3 advanced service, enabled in appsscript.json (`Drive` is undefined when it is not). */
export function driveService(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error(
      'De geavanceerde Drive-service (Drive API v3) staat niet aan in dit Apps Script-project. Zet hem aan onder Services, of installeer opnieuw met appsscript.json.',
    );
  }
  return Drive;
}

/**
 * Ids of the forms in a folder that are not in the trash (a form made by hand, or left behind
 * by a crash, shows up here). One Drive query per 1,000 files instead of a call per file
 * (drive/api/guides/search-files, reference/rest/v3/files/list: trashed files are listed unless
 * the query excludes them).
 */
export function formsInFolder(folderId: string): string[] {
  return formsInFolderNamed(folderId).map((f) => f.id);
}

/** The forms in a folder (not in the trash) with their Drive names: one Files.list per 1000. */
export function formsInFolderNamed(folderId: string): { id: string; name: string }[] {
  const q = `'${folderId.replace(/[\\']/g, '\\$&')}' in parents and mimeType = '${MimeType.GOOGLE_FORMS}' and trashed = false`;
  const out: { id: string; name: string }[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { q, pageSize: 1000, fields: 'nextPageToken, files(id, name)' };
    if (pageToken) args.pageToken = pageToken;
    const page = driveService().Files.list(args);
    for (const f of page.files ?? []) if (f.id) out.push({ id: f.id, name: String(f.name ?? '') });
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}
