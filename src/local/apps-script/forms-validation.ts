/**
 * FormApp validation builders (createTextValidation, createParagraphTextValidation,
 * createGridValidation, createCheckboxGridValidation, createCheckboxValidation) and the check
 * a simulated respondent's answer goes through, like the Forms page would do.
 */

import { ValidationImpl } from './forms-item-base';
import type { Answer, ItemModel, ValidationModel, ValidationRule } from './forms-model';
import type { Runtime } from './runtime';
import { strict } from './strict';

class BuilderBase {
  protected readonly spec: ValidationModel;

  constructor(
    protected readonly rt: Runtime,
    protected readonly cls: string,
    target: ValidationModel['target'],
  ) {
    this.spec = { target, rules: [], helpText: '' };
  }

  protected rule(method: string, kind: string, ...args: (number | string)[]): any {
    this.rt.call(`${this.cls}.${method}`);
    this.spec.rules.push({ kind, args });
    return this;
  }

  setHelpText(text: string): any {
    this.rt.call(`${this.cls}.setHelpText`);
    this.spec.helpText = text == null ? '' : String(text);
    return this;
  }

  build(): any {
    this.rt.call(`${this.cls}.build`);
    return strict(new ValidationImpl(structuredClone(this.spec)), this.cls.replace('Builder', ''));
  }
}

/** The pattern and length rules; text items add the number rules below. */
class ParagraphTextValidationBuilderImpl
  extends BuilderBase
  implements
    Pick<
      GoogleAppsScript.Forms.ParagraphTextValidationBuilder,
      'requireTextLengthLessThanOrEqualTo' | 'build'
    >
{
  requireTextContainsPattern(p: string) {
    return this.rule('requireTextContainsPattern', 'contains', String(p));
  }
  requireTextDoesNotContainPattern(p: string) {
    return this.rule('requireTextDoesNotContainPattern', 'notContains', String(p));
  }
  requireTextMatchesPattern(p: string) {
    return this.rule('requireTextMatchesPattern', 'matches', String(p));
  }
  requireTextDoesNotMatchPattern(p: string) {
    return this.rule('requireTextDoesNotMatchPattern', 'notMatches', String(p));
  }
  requireTextLengthGreaterThanOrEqualTo(n: number) {
    return this.rule('requireTextLengthGreaterThanOrEqualTo', 'minLength', n);
  }
  requireTextLengthLessThanOrEqualTo(n: number) {
    return this.rule('requireTextLengthLessThanOrEqualTo', 'maxLength', n);
  }
}

class TextValidationBuilderImpl
  extends ParagraphTextValidationBuilderImpl
  implements Pick<GoogleAppsScript.Forms.TextValidationBuilder, 'requireNumber' | 'build' | 'setHelpText'>
{
  requireNumber() {
    return this.rule('requireNumber', 'number');
  }
  requireWholeNumber() {
    return this.rule('requireWholeNumber', 'wholeNumber');
  }
  requireNumberBetween(start: number, end: number) {
    return this.rule('requireNumberBetween', 'between', start, end);
  }
  requireNumberNotBetween(start: number, end: number) {
    return this.rule('requireNumberNotBetween', 'notBetween', start, end);
  }
  requireNumberEqualTo(n: number) {
    return this.rule('requireNumberEqualTo', 'eq', n);
  }
  requireNumberNotEqualTo(n: number) {
    return this.rule('requireNumberNotEqualTo', 'ne', n);
  }
  requireNumberGreaterThan(n: number) {
    return this.rule('requireNumberGreaterThan', 'gt', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.rule('requireNumberGreaterThanOrEqualTo', 'ge', n);
  }
  requireNumberLessThan(n: number) {
    return this.rule('requireNumberLessThan', 'lt', n);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.rule('requireNumberLessThanOrEqualTo', 'le', n);
  }
  requireTextIsEmail() {
    return this.rule('requireTextIsEmail', 'email');
  }
  requireTextIsUrl() {
    return this.rule('requireTextIsUrl', 'url');
  }
}

class GridValidationBuilderImpl
  extends BuilderBase
  implements Pick<GoogleAppsScript.Forms.GridValidationBuilder, 'requireLimitOneResponsePerColumn' | 'build'>
{
  requireLimitOneResponsePerColumn() {
    return this.rule('requireLimitOneResponsePerColumn', 'onePerColumn');
  }
}

function create<T>(
  rt: Runtime,
  Impl: new (rt: Runtime, cls: string, target: ValidationModel['target']) => BuilderBase,
  cls: string,
  target: ValidationModel['target'],
): T {
  return strict(new Impl(rt, cls, target), cls) as T;
}

export function createTextValidation(rt: Runtime): GoogleAppsScript.Forms.TextValidationBuilder {
  return create(rt, TextValidationBuilderImpl, 'TextValidationBuilder', 'TEXT');
}

export function createParagraphTextValidation(
  rt: Runtime,
): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
  return create(rt, ParagraphTextValidationBuilderImpl, 'ParagraphTextValidationBuilder', 'PARAGRAPH_TEXT');
}

export function createGridValidation(rt: Runtime): GoogleAppsScript.Forms.GridValidationBuilder {
  return create(rt, GridValidationBuilderImpl, 'GridValidationBuilder', 'GRID');
}

export function createCheckboxGridValidation(
  rt: Runtime,
): GoogleAppsScript.Forms.CheckboxGridValidationBuilder {
  return create(rt, GridValidationBuilderImpl, 'CheckboxGridValidationBuilder', 'CHECKBOX_GRID');
}

// ---- respondent check -----------------------------------------------------------------------------

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i;

function ruleHolds(rule: ValidationRule, answer: Answer): boolean {
  const [a, b] = rule.args;
  if (rule.kind === 'onePerColumn') {
    const picked = (answer as string[]).filter((v) => v !== '');
    return new Set(picked).size === picked.length;
  }
  const s = typeof answer === 'string' ? answer : '';
  const n = s.trim() === '' ? Number.NaN : Number(s.trim());
  switch (rule.kind) {
    case 'number':
      return !Number.isNaN(n);
    case 'wholeNumber':
      return Number.isInteger(n);
    case 'between':
      return n >= Number(a) && n <= Number(b);
    case 'notBetween':
      return !Number.isNaN(n) && !(n >= Number(a) && n <= Number(b));
    case 'eq':
      return n === Number(a);
    case 'ne':
      return !Number.isNaN(n) && n !== Number(a);
    case 'gt':
      return n > Number(a);
    case 'ge':
      return n >= Number(a);
    case 'lt':
      return n < Number(a);
    case 'le':
      return n <= Number(a);
    case 'email':
      return EMAIL_RE.test(s);
    case 'url':
      return URL_RE.test(s);
    case 'contains':
      return new RegExp(String(a)).test(s);
    case 'notContains':
      return !new RegExp(String(a)).test(s);
    case 'matches':
      return new RegExp(`^(?:${String(a)})$`).test(s);
    case 'notMatches':
      return !new RegExp(`^(?:${String(a)})$`).test(s);
    case 'minLength':
      return s.length >= Number(a);
    case 'maxLength':
      return s.length <= Number(a);
    default:
      return true;
  }
}

/** The validation's help text (or a Dutch default) when an answered item breaks its validation. */
export function validationProblem(item: ItemModel, answer: Answer): string | null {
  const v = item.validation;
  if (!v) return null;
  for (const rule of v.rules) {
    if (!ruleHolds(rule, answer)) {
      return v.helpText !== ''
        ? `Vraag "${item.title}": ${v.helpText}`
        : `Het antwoord op vraag "${item.title}" voldoet niet aan de controle van het formulier.`;
    }
  }
  return null;
}
