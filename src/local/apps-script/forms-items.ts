/**
 * The FormApp item classes: text, paragraph, multiple choice, checkbox, list, scale, date,
 * grid, checkbox grid, section header, page break, and the generic `Item` view with its
 * as*Item() casts (reference/forms/*-item; reference/forms/item).
 */

import {
  type FormCtx,
  ItemBase,
  invalidData,
  itemHandle,
  QuestionBase,
  registerItemClass,
  requireStrings,
  ValidationImpl,
} from './forms-item-base';
import { type ChoiceModel, type EmulatedType, invalidArgument, syncEntryIds, ymdInZone } from './forms-model';
import { isDate } from './realm';
import { gasError, type Runtime } from './runtime';
import { strict } from './strict';

type F = GoogleAppsScript.Forms.Item;

// ---- text -----------------------------------------------------------------------------------------

abstract class TextLike extends QuestionBase {
  setValidation(validation: unknown): any {
    this.call('setValidation');
    const it = this.touched();
    if (validation === null || validation === undefined) {
      it.validation = null;
      return this;
    }
    if (!(validation instanceof ValidationImpl)) throw invalidArgument('validation');
    const target = it.type === 'TEXT' ? 'TEXT' : 'PARAGRAPH_TEXT';
    if (validation.spec.target !== target) throw invalidArgument('validation');
    it.validation = validation.spec.rules.length === 0 ? null : structuredClone(validation.spec);
    return this;
  }

  clearValidation(): any {
    this.call('clearValidation');
    this.touched().validation = null;
    return this;
  }

  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    this.item();
    if (typeof response !== 'string') throw invalidData();
    return this.respond(response);
  }
}

class TextItemImpl
  extends TextLike
  implements
    Pick<
      GoogleAppsScript.Forms.TextItem,
      'getId' | 'getIndex' | 'getTitle' | 'getHelpText' | 'isRequired' | 'createResponse' | 'setTitle'
    > {}

class ParagraphTextItemImpl
  extends TextLike
  implements Pick<GoogleAppsScript.Forms.ParagraphTextItem, 'getId' | 'createResponse' | 'setRequired'> {}

// ---- choices --------------------------------------------------------------------------------------

class ChoiceImpl implements Pick<GoogleAppsScript.Forms.Choice, 'getValue' | 'isCorrectAnswer'> {
  constructor(
    private readonly rt: Runtime,
    readonly model: ChoiceModel,
  ) {}

  getValue(): string {
    this.rt.call('Choice.getValue');
    return this.model.value;
  }

  isCorrectAnswer(): boolean {
    this.rt.call('Choice.isCorrectAnswer');
    return this.model.isCorrect;
  }
}

function choiceHandle(rt: Runtime, model: ChoiceModel): GoogleAppsScript.Forms.Choice {
  return strict(new ChoiceImpl(rt, { ...model }), 'Choice') as unknown as GoogleAppsScript.Forms.Choice;
}

abstract class ChoiceBase extends QuestionBase {
  createChoice(value: string, isCorrect?: unknown): GoogleAppsScript.Forms.Choice {
    this.call('createChoice');
    if (value === null || value === undefined) throw invalidArgument('value');
    return choiceHandle(this.ctx.rt, { value: String(value), isCorrect: isCorrect === true });
  }

  setChoiceValues(values: string[]): any {
    this.call('setChoiceValues');
    const list = requireStrings(values, 'values');
    this.touched().choices = list.map((value) => ({ value, isCorrect: false }));
    return this;
  }

  setChoices(choices: GoogleAppsScript.Forms.Choice[]): any {
    this.call('setChoices');
    if (!Array.isArray(choices) || choices.length === 0) throw invalidArgument('choices');
    const models = choices.map((c) => {
      if (!(c instanceof ChoiceImpl)) throw invalidArgument('choices');
      return { ...c.model };
    });
    this.touched().choices = models;
    return this;
  }

  getChoices(): GoogleAppsScript.Forms.Choice[] {
    this.call('getChoices');
    return this.item().choices.map((c) => choiceHandle(this.ctx.rt, c));
  }
}

abstract class OtherOptionBase extends ChoiceBase {
  showOtherOption(enabled: boolean): any {
    this.call('showOtherOption');
    this.touched().otherOption = Boolean(enabled);
    return this;
  }

  hasOtherOption(): boolean {
    this.call('hasOtherOption');
    return this.item().otherOption;
  }
}

class MultipleChoiceItemImpl
  extends OtherOptionBase
  implements
    Pick<GoogleAppsScript.Forms.MultipleChoiceItem, 'createResponse' | 'getChoices' | 'setChoiceValues'>
{
  /** Throws unless the value is a choice or the "other" option is on (FITEM multiple-choice-item). */
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (typeof response !== 'string') throw invalidData();
    if (!it.otherOption && !it.choices.some((c) => c.value === response)) throw invalidData();
    return this.respond(response);
  }
}

class CheckboxItemImpl
  extends OtherOptionBase
  implements Pick<GoogleAppsScript.Forms.CheckboxItem, 'createResponse' | 'getChoices' | 'showOtherOption'>
{
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (!Array.isArray(responses) || responses.some((r) => typeof r !== 'string')) throw invalidData();
    const others = responses.filter((r) => !it.choices.some((c) => c.value === r));
    if (others.length > (it.otherOption ? 1 : 0)) throw invalidData();
    return this.respond([...responses]);
  }
}

class ListItemImpl
  extends ChoiceBase
  implements Pick<GoogleAppsScript.Forms.ListItem, 'createResponse' | 'getChoices' | 'setChoiceValues'>
{
  createResponse(response: string): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (typeof response !== 'string' || !it.choices.some((c) => c.value === response)) throw invalidData();
    return this.respond(response);
  }
}

// ---- scale, date ----------------------------------------------------------------------------------

class ScaleItemImpl
  extends QuestionBase
  implements
    Pick<
      GoogleAppsScript.Forms.ScaleItem,
      'setBounds' | 'getLowerBound' | 'getUpperBound' | 'setLabels' | 'getLeftLabel' | 'getRightLabel'
    >
{
  /** lower ∈ {0, 1}, upper ∈ 3..10; decimals are truncated (FITEM scale-item). */
  setBounds(lower: number, upper: number): any {
    this.call('setBounds');
    const lo = Math.trunc(Number(lower));
    const hi = Math.trunc(Number(upper));
    if (lo !== 0 && lo !== 1) throw invalidArgument('lower');
    if (!(hi >= 3 && hi <= 10)) throw invalidArgument('upper');
    const it = this.touched();
    it.lowerBound = lo;
    it.upperBound = hi;
    return this;
  }

  getLowerBound(): number {
    this.call('getLowerBound');
    return this.item().lowerBound;
  }

  getUpperBound(): number {
    this.call('getUpperBound');
    return this.item().upperBound;
  }

  setLabels(lower: string, upper: string): any {
    this.call('setLabels');
    const it = this.touched();
    it.leftLabel = lower == null ? '' : String(lower);
    it.rightLabel = upper == null ? '' : String(upper);
    return this;
  }

  getLeftLabel(): string {
    this.call('getLeftLabel');
    return this.item().leftLabel;
  }

  getRightLabel(): string {
    this.call('getRightLabel');
    return this.item().rightLabel;
  }

  createResponse(response: number): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    const n = Number(response);
    if (!Number.isInteger(n) || n < it.lowerBound || n > it.upperBound) throw invalidData();
    return this.respond(String(n));
  }
}

class DateItemImpl
  extends QuestionBase
  implements Pick<GoogleAppsScript.Forms.DateItem, 'setIncludesYear' | 'includesYear' | 'createResponse'>
{
  setIncludesYear(enableYear: boolean): any {
    this.call('setIncludesYear');
    this.touched().includesYear = Boolean(enableYear);
    return this;
  }

  includesYear(): boolean {
    this.call('includesYear');
    return this.item().includesYear;
  }

  /** Time of day ignored; the day is taken in the script time zone; no year when disabled. */
  createResponse(response: GoogleAppsScript.Base.Date): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (!isDate(response) || Number.isNaN(response.getTime())) throw invalidData();
    const ymd = ymdInZone(response.getTime(), this.ctx.rt.timeZone);
    return this.respond(it.includesYear ? ymd : ymd.slice(5));
  }
}

// ---- grids ----------------------------------------------------------------------------------------

abstract class GridBase extends QuestionBase {
  setRows(rows: string[]): any {
    this.call('setRows');
    const list = requireStrings(rows, 'rows');
    const it = this.touched();
    it.rows = list;
    syncEntryIds(this.ctx.rt, this.form(), it);
    return this;
  }

  setColumns(columns: string[]): any {
    this.call('setColumns');
    this.touched().columns = requireStrings(columns, 'columns');
    return this;
  }

  getRows(): string[] {
    this.call('getRows');
    return [...this.item().rows];
  }

  getColumns(): string[] {
    this.call('getColumns');
    return [...this.item().columns];
  }

  clearValidation(): any {
    this.call('clearValidation');
    this.touched().validation = null;
    return this;
  }

  setValidation(validation: unknown): any {
    this.call('setValidation');
    const it = this.touched();
    if (!(validation instanceof ValidationImpl) || validation.spec.target !== it.type) {
      throw invalidArgument('validation');
    }
    it.validation = structuredClone(validation.spec);
    return this;
  }
}

class GridItemImpl
  extends GridBase
  implements Pick<GoogleAppsScript.Forms.GridItem, 'setRows' | 'getColumns' | 'createResponse'>
{
  /** One value per row; null/'' = unanswered row; values must be columns (FITEM grid-item). */
  createResponse(responses: string[]): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (!Array.isArray(responses) || responses.length !== it.rows.length) throw invalidData();
    const vals = responses.map((r) => (r === null || r === undefined ? '' : r));
    if (vals.some((v) => typeof v !== 'string' || (v !== '' && !it.columns.includes(v)))) throw invalidData();
    return this.respond(vals);
  }
}

class CheckboxGridItemImpl
  extends GridBase
  implements Pick<GoogleAppsScript.Forms.CheckboxGridItem, 'setRows' | 'getRows' | 'createResponse'>
{
  createResponse(responses: string[][]): GoogleAppsScript.Forms.ItemResponse {
    this.call('createResponse');
    const it = this.item();
    if (!Array.isArray(responses) || responses.length !== it.rows.length) throw invalidData();
    const vals = responses.map((r) => (r === null || r === undefined ? [] : r));
    for (const row of vals) {
      if (!Array.isArray(row) || row.some((v) => typeof v !== 'string' || !it.columns.includes(v))) {
        throw invalidData();
      }
    }
    return this.respond(vals.map((r) => [...r]));
  }
}

// ---- layout ---------------------------------------------------------------------------------------

class SectionHeaderItemImpl
  extends ItemBase
  implements Pick<GoogleAppsScript.Forms.SectionHeaderItem, 'getTitle' | 'setHelpText'> {}

class PageBreakItemImpl extends ItemBase implements Pick<GoogleAppsScript.Forms.PageBreakItem, 'setTitle'> {}

// ---- the generic Item view ------------------------------------------------------------------------

class ItemImpl
  extends ItemBase
  implements
    Pick<
      F,
      | 'getId'
      | 'getIndex'
      | 'getType'
      | 'getTitle'
      | 'getHelpText'
      | 'setTitle'
      | 'setHelpText'
      | 'asTextItem'
      | 'asParagraphTextItem'
      | 'asMultipleChoiceItem'
      | 'asCheckboxItem'
      | 'asListItem'
      | 'asScaleItem'
      | 'asDateItem'
      | 'asGridItem'
      | 'asCheckboxGridItem'
      | 'asSectionHeaderItem'
      | 'asPageBreakItem'
    >
{
  private as(method: string, type: EmulatedType): any {
    this.call(method);
    const it = this.item();
    // Wording unconfirmed: Apps Script throws a scripting exception on a type mismatch (IT#asTextItem).
    if (it.type !== type) throw gasError(`Item with ID ${it.id} is not a ${type} item (it is ${it.type}).`);
    return itemHandle(this.ctx, it, true);
  }

  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.as('asTextItem', 'TEXT');
  }
  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.as('asParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.as('asMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.as('asCheckboxItem', 'CHECKBOX');
  }
  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.as('asListItem', 'LIST');
  }
  asScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.as('asScaleItem', 'SCALE');
  }
  asDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.as('asDateItem', 'DATE');
  }
  asGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.as('asGridItem', 'GRID');
  }
  asCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.as('asCheckboxGridItem', 'CHECKBOX_GRID');
  }
  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.as('asSectionHeaderItem', 'SECTION_HEADER');
  }
  asPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.as('asPageBreakItem', 'PAGE_BREAK');
  }
}

const TYPED: Record<EmulatedType, new (ctx: FormCtx, id: number, cls: string) => ItemBase> = {
  TEXT: TextItemImpl,
  PARAGRAPH_TEXT: ParagraphTextItemImpl,
  MULTIPLE_CHOICE: MultipleChoiceItemImpl,
  CHECKBOX: CheckboxItemImpl,
  LIST: ListItemImpl,
  SCALE: ScaleItemImpl,
  DATE: DateItemImpl,
  GRID: GridItemImpl,
  CHECKBOX_GRID: CheckboxGridItemImpl,
  SECTION_HEADER: SectionHeaderItemImpl,
  PAGE_BREAK: PageBreakItemImpl,
};
for (const [type, ctor] of Object.entries(TYPED)) registerItemClass(type as EmulatedType, ctor);
registerItemClass('Item', ItemImpl);

export { ChoiceImpl };
