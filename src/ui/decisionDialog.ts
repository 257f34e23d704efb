/**
 * Recording a decision from the menu: a short series of prompts that only offers what the
 * gate of the current step allows (outcome, one or more routes when needed, the reason when
 * acuut, motivation, who decided, date, directions for the driehoek). Cancel at any prompt stops
 * without recording anything.
 */
import { allowedOutcomes, currentGate } from '../model/caseMachine';
import { ROUTE_LABELS, routesFor } from '../model/steps';
import type { CaseState, Decision, LightRoute } from '../model/types';
import { isValidIsoDate } from '../model/workdays';
import { UserError } from '../workflow/context';

type Ui = GoogleAppsScript.Base.Ui;

/** Asks for free text; null when the coordinator cancels. */
function ask(ui: Ui, title: string, prompt: string): string | null {
  const r = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== ui.Button.OK) return null;
  return r.getResponseText().trim();
}

/** Asks for one of the numbered options; null when cancelled. */
function choose(ui: Ui, title: string, intro: string, options: string[]): number | null {
  const list = options.map((o, i) => `${i + 1}. ${o}`).join('\n');
  const answer = ask(ui, title, `${intro}\n\n${list}\n\nTyp het nummer.`);
  if (answer === null) return null;
  const n = Number(answer);
  if (!Number.isInteger(n) || n < 1 || n > options.length) {
    throw new UserError(`"${answer}" is geen keuze; typ een nummer van 1 tot en met ${options.length}.`);
  }
  return n - 1;
}

/**
 * The numbers typed for a multiple choice (`1, 3`), 0-based and without doubles; a Dutch error
 * naming the wrong part otherwise.
 */
export function parseChoices(answer: string, count: number): number[] {
  const parts = answer
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UserError('Typ minstens één nummer.');
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw new UserError(
        `"${p}" is geen keuze; typ nummers van 1 tot en met ${count}, gescheiden door komma's.`,
      );
    }
    if (!out.includes(n - 1)) out.push(n - 1);
  }
  return out;
}

/** Walks the coordinator through the decision; null when cancelled. */
export function askDecision(ui: Ui, state: CaseState, today: string): Decision | null {
  const where =
    state.status === 'gesloten'
      ? `casus ${state.code} is gesloten`
      : `casus ${state.code}, stap ${state.step}, ronde ${state.round}`;
  const outcomes = allowedOutcomes(state);
  const pick = choose(
    ui,
    'Besluit vastleggen',
    `Welk besluit is genomen (${where})?`,
    outcomes.map((o) => `${o.label} — ${o.description}`),
  );
  if (pick === null) return null;
  const outcome = outcomes[pick]!;

  let chosen: LightRoute[] = [];
  const routes = routesFor(outcome);
  if (routes.length > 0) {
    const list = routes.map((r, i) => `${i + 1}. ${ROUTE_LABELS[r]}`).join('\n');
    const answer = ask(
      ui,
      'Vervolgroutes',
      `Waar gaat de aanpak heen na "${outcome.label}"? Eén of meer routes.\n\n${list}\n\nTyp de nummers, gescheiden door komma's (bijv. 1, 2)${outcome.requiresRoute ? '' : '; leeg laten = geen route'}.`,
    );
    if (answer === null) return null;
    if (answer || outcome.requiresRoute) chosen = parseChoices(answer, routes.length).map((i) => routes[i]!);
  }

  let acuteReason: string | undefined;
  if (outcome.requiresAcuteReason) {
    const reason = ask(
      ui,
      'Waarom acuut?',
      'Waarom kunnen de namenlijst en de groepsscan (2B) niet wachten op het besluit van 2A? (verplicht; noem geen namen)',
    );
    if (reason === null) return null;
    if (!reason) throw new UserError('Bij "acuut" hoort de reden waarom de situatie acuut is.');
    acuteReason = reason;
  }

  const motivation = ask(ui, 'Motivering', 'Waarom is dit besloten? (verplicht; noem geen namen)');
  if (motivation === null) return null;
  if (!motivation) throw new UserError('Een besluit heeft een motivering nodig.');

  const gate = currentGate(state);
  const by = ask(ui, 'Besloten door', `Wie heeft besloten? Leeg laten = ${gate.decidedByDefault}.`);
  if (by === null) return null;

  const dateText = ask(ui, 'Datum', `Datum van het besluit (jjjj-mm-dd). Leeg laten = vandaag (${today}).`);
  if (dateText === null) return null;
  const date = dateText || today;
  if (!isValidIsoDate(date)) throw new UserError(`"${dateText}" is geen datum; schrijf jjjj-mm-dd.`);

  const decision: Decision = {
    step: state.step,
    round: state.round,
    outcome: outcome.key,
    motivation,
    decidedBy: by || gate.decidedByDefault,
    date,
  };
  if (chosen.length) decision.routes = chosen;
  if (acuteReason) decision.acuteReason = acuteReason;
  if (state.step === '4' && state.status === 'open') {
    const directions = ask(ui, 'Aanwijzingen', 'Aanwijzingen van de driehoek voor de aanpak (optioneel).');
    if (directions === null) return null;
    if (directions) decision.directions = directions;
  }
  return decision;
}
