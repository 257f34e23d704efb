/**
 * `SpreadsheetApp.newDataValidation()` → DataValidationBuilder → DataValidation
 * (reference/spreadsheet/data-validation-builder, …/data-validation; reference/spreadsheet/range).
 * Default `allowInvalid` is true (DV#getAllowInvalid). The 500-item list limit is checked when
 * the rule is applied to a range (`Range.setDataValidation`), where Sheets rejects it.
 * Validation is recorded, not enforced on script writes.
 */
import { implOf, signatureError, wrap } from './handles';
import { gasError, type Runtime } from './runtime';
import type { ValidationData } from './spreadsheet-model';
import { RangeBase } from './spreadsheet-range-base';
import { gasEnum } from './strict';

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/** `The data validation rule has more items than the limit of 500. …` (the error Sheets shows). */
export const LIST_LIMIT = 500;
export const LIST_LIMIT_ERROR =
  'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.';

export class DataValidationImpl implements Pick<Rule, 'getAllowInvalid' | 'getHelpText'> {
  constructor(
    private readonly rt: Runtime,
    readonly data: ValidationData,
    /** Runtime values (a Range handle for VALUE_IN_RANGE) when built in this execution. */
    readonly liveValues: unknown[] = data.values,
  ) {}

  getAllowInvalid(): boolean {
    this.rt.call('DataValidation.getAllowInvalid');
    return this.data.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.rt.call('DataValidation.getCriteriaType');
    return this.data.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    this.rt.call('DataValidation.getCriteriaValues');
    return [...this.liveValues];
  }

  getHelpText(): string {
    this.rt.call('DataValidation.getHelpText');
    return this.data.helpText ?? '';
  }

  copy(): Builder {
    this.rt.call('DataValidation.copy');
    return newBuilder(this.rt, structuredClone(this.data), [...this.liveValues]);
  }
}

class DataValidationBuilderImpl
  implements Pick<Builder, 'getAllowInvalid' | 'getHelpText' | 'setAllowInvalid' | 'setHelpText' | 'build'>
{
  constructor(
    private readonly rt: Runtime,
    private data: ValidationData,
    private liveValues: unknown[] = [],
  ) {}

  private self(): Builder {
    return this as unknown as Builder;
  }

  /** Sets the criteria; `method` is counted unless the caller already counted it (null). */
  private criteria(method: string | null, criteria: string, values: unknown[]): Builder {
    if (method !== null) this.rt.call(`DataValidationBuilder.${method}`);
    this.data = { ...this.data, criteria, values };
    this.liveValues = values;
    return this.self();
  }

  requireValueInList(values: string[], showDropdown?: boolean): Builder {
    this.rt.call('DataValidationBuilder.requireValueInList');
    if (!Array.isArray(values)) {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    }
    return this.criteria(null, 'VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): Builder {
    this.rt.call('DataValidationBuilder.requireValueInRange');
    const impl = implOf(range, RangeBase);
    if (!impl) throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [range]);
    const ref = { sheetId: impl.sd.id, ...impl.rect };
    this.criteria(null, 'VALUE_IN_RANGE', [ref, showDropdown ?? true]);
    this.liveValues = [range, showDropdown ?? true];
    return this.self();
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.criteria('requireCheckbox', 'CHECKBOX', values);
  }

  requireNumberBetween(start: number, end: number): Builder {
    return this.criteria('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): Builder {
    return this.criteria('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  requireTextIsEmail(): Builder {
    return this.criteria('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  requireDate(): Builder {
    return this.criteria('requireDate', 'DATE_IS_VALID_DATE', []);
  }

  requireFormulaSatisfied(formula: string): Builder {
    return this.criteria('requireFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.rt.call('DataValidationBuilder.setAllowInvalid');
    this.data = { ...this.data, allowInvalid: Boolean(allowInvalidData) };
    return this.self();
  }

  setHelpText(helpText: string): Builder {
    this.rt.call('DataValidationBuilder.setHelpText');
    this.data = { ...this.data, helpText: String(helpText) };
    return this.self();
  }

  getAllowInvalid(): boolean {
    this.rt.call('DataValidationBuilder.getAllowInvalid');
    return this.data.allowInvalid;
  }

  getHelpText(): string | null {
    this.rt.call('DataValidationBuilder.getHelpText');
    return this.data.helpText;
  }

  getCriteriaType(): Criteria {
    this.rt.call('DataValidationBuilder.getCriteriaType');
    return this.data.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    this.rt.call('DataValidationBuilder.getCriteriaValues');
    return [...this.liveValues];
  }

  copy(): Builder {
    this.rt.call('DataValidationBuilder.copy');
    return newBuilder(this.rt, structuredClone(this.data), [...this.liveValues]);
  }

  build(): Rule {
    this.rt.call('DataValidationBuilder.build');
    if (this.data.criteria === '') throw gasError('Invalid argument: criteria');
    return validationHandle(this.rt, structuredClone(this.data), [...this.liveValues]);
  }
}

function newBuilder(rt: Runtime, data: ValidationData, live: unknown[]): Builder {
  return wrap<Builder>(new DataValidationBuilderImpl(rt, data, live), 'DataValidationBuilder');
}

export function newDataValidationBuilder(rt: Runtime): Builder {
  return newBuilder(rt, { criteria: '', values: [], allowInvalid: true, helpText: null }, []);
}

export function validationHandle(rt: Runtime, data: ValidationData, live?: unknown[]): Rule {
  return wrap<Rule>(new DataValidationImpl(rt, data, live ?? data.values), 'DataValidation');
}

/** The rule's stored data, checking the 500-item list limit; null clears. */
export function ruleData(rule: unknown, method: string): ValidationData | null {
  if (rule === null) return null;
  const impl = implOf(rule, DataValidationImpl);
  if (!impl) throw signatureError(`SpreadsheetApp.Range.${method}`, [rule]);
  const list = impl.data.criteria === 'VALUE_IN_LIST' ? impl.data.values[0] : null;
  if (Array.isArray(list) && list.length > LIST_LIMIT) throw gasError(LIST_LIMIT_ERROR);
  return impl.data;
}

export const DataValidationCriteria = gasEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
