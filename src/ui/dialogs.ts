/**
 * The dialogs of the register (HtmlService modal dialogs) and the entry points their pages call
 * through google.script.run. Pages are pure HTML strings (src/render/html/); here they become an
 * HtmlOutput (reference/html/html-service#createHtmlOutput(String)) shown with
 * `Ui.showModalDialog` (reference/base/ui#showModalDialog(Object,String)).
 */
import { replay } from '../model/caseMachine';
import { decisionRules, parseDecisionInput } from '../model/decisionInput';
import { newCaseRules, parseNewCaseInput } from '../model/newCaseInput';
import { stepName } from '../model/steps';
import { isoDate } from '../model/time';
import type { CaseState } from '../model/types';
import {
  DECISION_TITLE,
  type DecisionCaseChoice,
  type DecisionFormData,
  decisionDialogPage,
} from '../render/html/decisionDialog';
import { NEW_CASE_TITLE, newCaseDialogPage } from '../render/html/newCaseDialog';
import { readDecisions } from '../workflow/assemble';
import { type CaseHandle, listCases, openCase, openRegister, type Register } from '../workflow/context';
import { recordDecision } from '../workflow/decide';
import { withLock } from '../workflow/lock';
import { openNewCase } from '../workflow/newCase';
import { nowMs } from '../workspace/clock';
import { activeUserEmail } from '../workspace/session';
import { refusal, type UiRefusal, type UiResult, uiGuarded } from './result';

const TZ = 'Europe/Amsterdam';

function showDialog(html: string, title: string, width: number, height: number): void {
  const out = HtmlService.createHtmlOutput(html).setTitle(title).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(out, title);
}

function today(): string {
  return isoDate(nowMs(), TZ);
}

/** Menu "Nieuwe casus openen": the register must be right first (its settings give the default bewaartermijn). */
export function showNewCaseDialog(): void {
  const reg = openRegister();
  showDialog(
    newCaseDialogPage({ rules: newCaseRules(today()), retentionDefault: reg.settings.retentionMonths }),
    NEW_CASE_TITLE,
    460,
    560,
  );
}

/** google.script.run.uiNewCase(form): opens the case, or says per field what is wrong. */
export function uiNewCase(form: unknown): UiResult<{ code: string }> {
  return uiGuarded(() => {
    const parsed = parseNewCaseInput(form, newCaseRules(today()));
    if (!parsed.ok) return refusal(parsed.errors, 'Herstel de velden met een melding.');
    const h = withLock(() => openNewCase(openRegister(), parsed.value));
    return {
      ok: true,
      code: h.row.code,
      message: `Casus ${h.row.code} (${parsed.value.label}) is geopend. Start stap 1 vanuit het dashboard wanneer de signalen binnen zijn.`,
    };
  });
}

// ---------------------------------------------------------------- decision

function stateOf(h: CaseHandle): CaseState {
  return replay(h.row.code, readDecisions(h.ss));
}

function formData(h: CaseHandle, state: CaseState): DecisionFormData {
  return {
    rules: decisionRules(state, { today: today(), openedOn: h.row.openedOn, naming: h.reg.settings.naming }),
    label: h.row.label,
    // '' when Google does not tell (reference/base/session#getActiveUser): the field then shows the gate's default.
    decidedBy: activeUserEmail(),
  };
}

/** The cases for the picker, open ones first (a closed case can only be reopened). */
function caseChoices(reg: Register): DecisionCaseChoice[] {
  const rows = listCases(reg);
  const order = (s: string) => (s === 'open' ? 0 : 1);
  return [...rows]
    .sort((a, b) => order(a.status) - order(b.status))
    .map((c) => ({
      code: c.code,
      label: c.label,
      where: c.status === 'gesloten' ? 'gesloten' : `stap ${c.step}`,
    }));
}

/**
 * Shows the decision dialog: for one case (from the dashboard) or with a case picker (from the
 * menu; the only open case is chosen already).
 */
export function showDecisionDialog(code?: string): void {
  const reg = openRegister();
  const cases = caseChoices(reg);
  const open = cases.filter((c) => c.where !== 'gesloten');
  const chosen = code ?? (open.length === 1 ? open[0]!.code : undefined);
  let form: DecisionFormData | null = null;
  if (chosen !== undefined) {
    const h = openCase(reg, chosen);
    form = formData(h, stateOf(h));
  }
  showDialog(decisionDialogPage({ cases, form }), DECISION_TITLE, 560, 680);
}

/** google.script.run.uiDecisionForm(code): what the gate of the case allows now. */
export function uiDecisionForm(code: unknown): UiResult<{ form: DecisionFormData }> {
  return uiGuarded(() => {
    if (typeof code !== 'string' || code.trim() === '') return refusal({}, 'Kies eerst een casus.');
    const h = openCase(openRegister(), code);
    return { ok: true, message: '', form: formData(h, stateOf(h)) };
  });
}

/** What happened since the form was made: the newest decision and where the case is now. */
function staleMessage(state: CaseState, naming: CaseHandle['reg']['settings']['naming']): string {
  const last = state.decisions[state.decisions.length - 1];
  const now =
    state.status === 'gesloten'
      ? `Casus ${state.code} is nu gesloten`
      : `Casus ${state.code} staat nu in stap ${state.step} (${stepName(state.step, naming)}), ronde ${state.round}`;
  const what = last
    ? `Intussen is er al een besluit vastgelegd voor stap ${last.step}: "${last.outcome}", door ${last.decidedBy} op ${last.date.slice(8, 10)}-${last.date.slice(5, 7)}-${last.date.slice(0, 4)}. `
    : 'De casus is intussen veranderd. ';
  return `${what}${now}. Dit formulier is daarom niet opnieuw vastgelegd; open "Besluit vastleggen" opnieuw als er nog een besluit nodig is.`;
}

/**
 * google.script.run.uiRecordDecision(code, form): records the decision, or says per field what
 * is wrong. A form made before another decision was recorded (a second click, a colleague) is
 * refused with what happened instead: the check runs again inside the lock.
 */
export function uiRecordDecision(
  code: unknown,
  form: unknown,
): UiResult<{ step: string; status: string }> | (UiRefusal & { stale: true }) {
  return uiGuarded<{ step: string; status: string }>(() => {
    if (typeof code !== 'string' || code.trim() === '') return refusal({}, 'Kies eerst een casus.');
    const expected = Number((form as { expected?: unknown } | null)?.expected);
    const h = openCase(openRegister(), code);
    const before = stateOf(h);
    if (Number.isInteger(expected) && expected !== before.decisions.length)
      return { ...refusal({}, staleMessage(before, h.reg.settings.naming)), stale: true };
    const rules = decisionRules(before, {
      today: today(),
      openedOn: h.row.openedOn,
      naming: h.reg.settings.naming,
    });
    const parsed = parseDecisionInput(form, rules);
    if (!parsed.ok) return refusal(parsed.errors, 'Herstel de velden met een melding; de rest blijft staan.');
    const by = activeUserEmail();
    const notes: string[] = [];
    const result = withLock(() => {
      const fresh = openCase(openRegister(), code);
      const now = stateOf(fresh);
      if (now.decisions.length !== before.decisions.length)
        return { stale: staleMessage(now, fresh.reg.settings.naming) } as const;
      return { after: recordDecision(fresh, parsed.value, by, notes) } as const;
    });
    if ('stale' in result) return { ...refusal({}, result.stale), stale: true };
    const after = result.after;
    const outcome = rules.outcomes.find((o) => o.key === parsed.value.outcome)!;
    const where =
      after.status === 'gesloten'
        ? `Casus ${h.row.code} is gesloten.`
        : `Casus ${h.row.code} staat nu in stap ${after.step} (${stepName(after.step, h.reg.settings.naming)}), ronde ${after.round}.`;
    return {
      ok: true,
      step: after.step,
      status: after.status,
      message: `Besluit vastgelegd: ${outcome.label}. ${where} De casusspreadsheet en het integraal beeld zijn bijgewerkt.${notes.length ? `\n${notes.join('\n')}` : ''}`,
    };
  });
}
