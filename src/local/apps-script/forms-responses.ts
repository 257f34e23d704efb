/**
 * FormResponse and ItemResponse of the emulated FormApp (reference/forms/form-response). A FormResponse
 * handle is either a draft (form.createResponse(), answers kept in the handle) or a view on a
 * stored response (by id). submit() turns a draft into a stored response and never fires triggers.
 */

import { writeResponseRow } from './forms-destination';
import { type FormCtx, itemHandle, itemIdOf } from './forms-item-base';
import {
  type Answer,
  BLANK_WHEN_UNANSWERED,
  cloneAnswer,
  formModelOf,
  type ItemModel,
  isAccepting,
  isAnswered,
  LAYOUT_TYPES,
  publishedUrl,
  type ResponseModel,
} from './forms-model';
import { scriptDate } from './realm';
import { gasError, type Runtime } from './runtime';
import { strict } from './strict';

export class ItemResponseImpl
  implements Pick<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse' | 'getScore'>
{
  private constructor(
    private readonly ctx: FormCtx,
    readonly itemId: number,
    readonly answer: Answer,
  ) {}

  static create(ctx: FormCtx, itemId: number, answer: Answer): GoogleAppsScript.Forms.ItemResponse {
    return strict(new ItemResponseImpl(ctx, itemId, answer), 'ItemResponse') as any;
  }

  get formId(): string {
    return this.ctx.formId;
  }

  getItem(): GoogleAppsScript.Forms.Item {
    this.ctx.rt.call('ItemResponse.getItem');
    const it = formModelOf(this.ctx.rt, this.ctx.formId).items.find((i) => i.id === this.itemId);
    if (!it) throw gasError(`Item with ID ${this.itemId} does not exist; it may have been deleted.`);
    return itemHandle(this.ctx, it, false);
  }

  /** Text/choice/scale/date: String; checkbox and grid: String[]; checkbox grid: String[][]. */
  getResponse(): string[][] | string[] | string {
    this.ctx.rt.call('ItemResponse.getResponse');
    return cloneAnswer(this.answer);
  }

  /** Quiz grading is not emulated: every answer scores 0 (unconfirmed for non-quiz forms). */
  getScore(): number {
    this.ctx.rt.call('ItemResponse.getScore');
    return 0;
  }
}

/** Stores a submitted response and writes it to the linked tab. */
export function storeResponse(
  rt: Runtime,
  formId: string,
  answers: Record<string, Answer>,
  respondent: string,
): ResponseModel {
  const form = formModelOf(rt, formId);
  const r: ResponseModel = {
    id: rt.newId('2_ABaOnu'),
    createdAt: rt.now(),
    timestamp: rt.now(),
    email: form.collectEmail ? respondent : '',
    respondent,
    answers,
  };
  form.responses.push(r);
  rt.touch(rt.getEntry(formId));
  writeResponseRow(rt, formId, r);
  return r;
}

function noSuchResponse(): Error {
  // Wording unconfirmed (reference/forms/form#getResponse(String): an unknown id throws).
  return gasError('No response with the given ID could be found.');
}

export function findResponse(rt: Runtime, formId: string, responseId: string): ResponseModel {
  const r = formModelOf(rt, formId).responses.find((x) => x.id === String(responseId));
  if (!r) throw noSuchResponse();
  return r;
}

function plusEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

export class FormResponseImpl
  implements
    Pick<
      GoogleAppsScript.Forms.FormResponse,
      | 'getId'
      | 'getTimestamp'
      | 'getRespondentEmail'
      | 'getItemResponses'
      | 'getResponseForItem'
      | 'getEditResponseUrl'
      | 'toPrefilledUrl'
      | 'withItemResponse'
      | 'submit'
    >
{
  private draft: Record<string, Answer> = {};

  private constructor(
    private readonly ctx: FormCtx,
    private responseId: string | null,
  ) {}

  static draft(ctx: FormCtx): GoogleAppsScript.Forms.FormResponse {
    return strict(new FormResponseImpl(ctx, null), 'FormResponse') as any;
  }

  static stored(ctx: FormCtx, responseId: string): GoogleAppsScript.Forms.FormResponse {
    return strict(new FormResponseImpl(ctx, responseId), 'FormResponse') as any;
  }

  private call(method: string): void {
    this.ctx.rt.call(`FormResponse.${method}`);
  }

  private stored(): ResponseModel | null {
    return this.responseId === null ? null : findResponse(this.ctx.rt, this.ctx.formId, this.responseId);
  }

  private answers(): Record<string, Answer> {
    return this.stored()?.answers ?? this.draft;
  }

  private items(): ItemModel[] {
    return formModelOf(this.ctx.rt, this.ctx.formId).items.filter((i) => !LAYOUT_TYPES.has(i.type));
  }

  private responseFor(it: ItemModel): GoogleAppsScript.Forms.ItemResponse | null {
    const a = this.answers()[String(it.id)];
    if (a !== undefined && isAnswered(a)) return ItemResponseImpl.create(this.ctx, it.id, cloneAnswer(a));
    if (BLANK_WHEN_UNANSWERED.has(it.type)) return ItemResponseImpl.create(this.ctx, it.id, '');
    return null;
  }

  /** null until submitted; stays the same when the respondent edits [W]. */
  getId(): string {
    this.call('getId');
    return this.stored()?.id ?? (null as unknown as string);
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    this.call('getTimestamp');
    const r = this.stored();
    return r ? scriptDate(r.timestamp) : (null as unknown as Date);
  }

  getRespondentEmail(): string {
    this.call('getRespondentEmail');
    const r = this.stored();
    return r ? r.email : (null as unknown as string);
  }

  /** Form order; unanswered text/paragraph/date items appear with '', others are left out. */
  getItemResponses(): GoogleAppsScript.Forms.ItemResponse[] {
    this.call('getItemResponses');
    const out: GoogleAppsScript.Forms.ItemResponse[] = [];
    for (const it of this.items()) {
      const ir = this.responseFor(it);
      if (ir) out.push(ir);
    }
    return out;
  }

  /** Unanswered non-text item → null (unconfirmed). */
  getResponseForItem(item: GoogleAppsScript.Forms.Item): GoogleAppsScript.Forms.ItemResponse {
    this.call('getResponseForItem');
    const id = itemIdOf(item);
    const it = this.items().find((i) => i.id === id);
    if (id === null || !it) throw gasError('Invalid argument: item');
    return this.responseFor(it) as GoogleAppsScript.Forms.ItemResponse;
  }

  getEditResponseUrl(): string {
    this.call('getEditResponseUrl');
    const r = this.stored();
    if (!r) return null as unknown as string;
    const form = formModelOf(this.ctx.rt, this.ctx.formId);
    return `${publishedUrl(form)}?edit2=${encodeURIComponent(r.id)}`;
  }

  /** `…/viewform?usp=pp_url&entry.N=…` [W]; checkbox values repeat the entry, grids use one entry per row. */
  toPrefilledUrl(): string {
    this.call('toPrefilledUrl');
    const form = formModelOf(this.ctx.rt, this.ctx.formId);
    const params: string[] = ['usp=pp_url'];
    const answers = this.answers();
    for (const it of this.items()) {
      const a = answers[String(it.id)];
      if (a === undefined || !isAnswered(a)) continue;
      const entry = (i: number) => `entry.${it.entryIds[i] ?? it.entryIds[0]}`;
      if (typeof a === 'string') params.push(`${entry(0)}=${plusEncode(a)}`);
      else if (it.type === 'GRID') {
        (a as string[]).forEach((v, i) => {
          if (v !== '') params.push(`${entry(i)}=${plusEncode(v)}`);
        });
      } else if (it.type === 'CHECKBOX_GRID') {
        (a as string[][]).forEach((row, i) => {
          for (const v of row) params.push(`${entry(i)}=${plusEncode(v)}`);
        });
      } else for (const v of a as string[]) params.push(`${entry(0)}=${plusEncode(v)}`);
    }
    return `${publishedUrl(form)}?${params.join('&')}`;
  }

  /** Only on unsubmitted responses; the last response per item wins (FR#withItemResponse). */
  withItemResponse(response: GoogleAppsScript.Forms.ItemResponse): GoogleAppsScript.Forms.FormResponse {
    this.call('withItemResponse');
    if (this.responseId !== null) {
      throw gasError('Item responses can only be added to a form response that has not been submitted.');
    }
    if (!(response instanceof ItemResponseImpl) || response.formId !== this.ctx.formId) {
      throw gasError('Invalid argument: response');
    }
    this.draft[String(response.itemId)] = cloneAnswer(response.answer);
    return this as unknown as GoogleAppsScript.Forms.FormResponse;
  }

  /**
   * Stores the draft. Throws when already submitted, when the form doesn't accept responses
   * (unpublished or closed) and when it limits respondents to one response each — scripts can't
   * submit then (FM#setLimitOneResponsePerUser). Wording of these errors is unconfirmed.
   * Does not fire onFormSubmit triggers (GIT).
   */
  submit(): GoogleAppsScript.Forms.FormResponse {
    this.call('submit');
    if (this.responseId !== null) throw gasError('This form response has already been submitted.');
    const form = formModelOf(this.ctx.rt, this.ctx.formId);
    if (!isAccepting(form)) throw gasError('This form is not accepting responses.');
    if (form.limitOneResponsePerUser) {
      throw gasError(
        'Responses cannot be submitted by a script to a form that is limited to one response per user.',
      );
    }
    const r = storeResponse(this.ctx.rt, this.ctx.formId, this.draft, '');
    this.responseId = r.id;
    this.draft = {};
    return this as unknown as GoogleAppsScript.Forms.FormResponse;
  }
}
