/**
 * The next sensible actions for one case: what the coordinator should do now, in order. The
 * sidebar shows them as buttons, the register's "Volgende actie" column and the Overzicht's
 * "Volgende stap" row show the first, and the digest lists them. Pure: the caller gathers the
 * facts (workflow/dashboard.ts does it from one read of the case).
 */
import type { CaseState, StepId } from './types';

export const ACTION_KINDS = [
  'namesList',
  'letters',
  'startStep',
  'replaceForms',
  'recordDecision',
  'remind',
  'resendMail',
  'publish',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface NextAction {
  kind: ActionKind;
  /** What the button says (Dutch). */
  label: string;
  /** Why this is sensible now (Dutch, one sentence, no names). */
  reason: string;
}

/** One partner that has a form in the current step and round. */
export interface PartnerFact {
  partnerId: string;
  /** At least one response came in. */
  answered: boolean;
  /** Its form was closed (or is gone) without an answer: nothing more can come. */
  closed: boolean;
  /** ISO date by which the partner should answer. */
  deadline: string;
}

export interface ActionFacts {
  state: CaseState;
  /** ISO date of today in the case's time zone. */
  today: string;
  /** Whether the current step and round was started (forms made, or the start logged). */
  started: boolean;
  /** How many partners get a form in the current step (0 when none takes part). */
  expected: number;
  /** The partners with a form in the current step and round. */
  partners: readonly PartnerFact[];
  /** Whether the case has a namenlijst file. */
  namesList: boolean;
  /** Pseudonym codes known in the case (from the namenlijst). */
  persons: number;
  /** Mails that failed or whose sending is uncertain (invitations and reminders). */
  failedMails: number;
  /** Answers came in after the integraal beeld was last written. */
  overviewStale: boolean;
  /** Forms of the current step and round deleted by hand (status "ontbreekt", §4.3 #14). */
  missingForms?: number;
  /**
   * Letters to persons (workflow/letters.ts): while open, persons without an information letter
   * whose informing is not recorded; once closed, persons without a closing letter (`toMake`)
   * and closing letters made and waiting to be sent before the purge (`waiting`).
   */
  letters?: { toMake: number; waiting: number };
}

/** Partners of the current round that have not answered and can still answer. */
export function waitingFor(facts: Pick<ActionFacts, 'partners'>): PartnerFact[] {
  return facts.partners.filter((p) => !p.answered && !p.closed);
}

/** Partners still waited for whose deadline has passed. */
export function latePartners(facts: Pick<ActionFacts, 'partners' | 'today'>): PartnerFact[] {
  return waitingFor(facts).filter((p) => facts.today > p.deadline);
}

/** Whether the gate of the current step can sensibly be decided: everyone answered, or the deadline passed. */
export function decisionDue(facts: ActionFacts): boolean {
  if (facts.state.status !== 'open' || !facts.started) return false;
  if (facts.partners.length < facts.expected) return false;
  const waiting = waitingFor(facts);
  return waiting.every((p) => facts.today > p.deadline);
}

function stepText(step: StepId): string {
  return `stap ${step}`;
}

/** `3 van 5 partners hebben geantwoord`. */
export function answeredText(facts: Pick<ActionFacts, 'partners' | 'expected'>): string {
  const answered = facts.partners.filter((p) => p.answered).length;
  const total = Math.max(facts.expected, facts.partners.length);
  return `${answered} van ${total} partner${total === 1 ? '' : 's'} ${answered === 1 ? 'heeft' : 'hebben'} geantwoord`;
}

/**
 * The ordered actions: first what unblocks the step (namenlijst, start), then the gate, then
 * reminders, failed mails and the integraal beeld. A closed case needs nothing (reopening is a
 * decision the coordinator takes on new signals, not a next step).
 */
export function nextActions(facts: ActionFacts): NextAction[] {
  const { state } = facts;
  if (state.status === 'gesloten') {
    // A closed case needs nothing but the closing letters, which must go before the purge.
    const l = facts.letters;
    if (!l || l.toMake + l.waiting === 0) return [];
    return [
      l.toMake > 0
        ? {
            kind: 'letters',
            label: `Afsluitbrieven maken (${l.toMake})`,
            reason: `De registratie is beëindigd; ${l.toMake} persoon/personen op de namenlijst ${l.toMake === 1 ? 'heeft' : 'hebben'} nog geen afsluitbrief.`,
          }
        : {
            kind: 'letters',
            label: `Afsluitbrieven klaar (${l.waiting})`,
            reason: `${l.waiting} afsluitbrie${l.waiting === 1 ? 'f wacht' : 'ven wachten'} in de beperkte map op verzending; de map wordt vernietigd als de bewaartermijn verstrijkt.`,
          },
    ];
  }
  const out: NextAction[] = [];
  const step = stepText(state.step);
  const Step = `Stap ${state.step}`;

  // Person data is allowed (after 2A "problematisch", or acuut): the namenlijst comes first,
  // since the forms ask per pseudonym code.
  if (state.personDataAllowed && (!facts.namesList || facts.persons === 0)) {
    out.push(
      facts.namesList
        ? {
            kind: 'namesList',
            label: 'Namenlijst bijwerken',
            reason: 'De namenlijst heeft nog geen persoonscodes; de vragen per persoon hebben die nodig.',
          }
        : {
            kind: 'namesList',
            label: 'Namenlijst aanmaken',
            reason: `Na het besluit mogen personen worden besproken; maak eerst de namenlijst (alleen voor u toegankelijk).`,
          },
    );
  }

  const toInform = facts.letters?.toMake ?? 0;
  if (facts.namesList && toInform > 0) {
    out.push({
      kind: 'letters',
      label: `Informatiebrieven maken (${toInform})`,
      reason: `${toInform} persoon/personen op de namenlijst ${toInform === 1 ? 'heeft' : 'hebben'} nog geen informatiebrief en het informeren is niet vastgelegd (AVG art. 14).`,
    });
  }

  if (!facts.started) {
    out.push({
      kind: 'startStep',
      label: `${Step} starten`,
      reason:
        state.decisions.length > 0
          ? `Het vorige besluit is vastgelegd; ${step} (ronde ${state.round}) is nog niet gestart.`
          : `De casus is geopend; ${step} is nog niet gestart.`,
    });
  } else if (facts.partners.length < facts.expected) {
    out.push({
      kind: 'startStep',
      label: `${Step} afmaken`,
      reason: `${facts.partners.length} van ${facts.expected} formulieren zijn gemaakt; de rest volgt bij de volgende automatische bijwerking, of nu.`,
    });
  }

  const missing = facts.missingForms ?? 0;
  if (missing > 0) {
    out.push({
      kind: 'replaceForms',
      label: `Ontbrekend formulier opnieuw maken (${missing})`,
      reason: `${missing} formulier${missing === 1 ? ' van deze stap is' : 'en van deze stap zijn'} met de hand verwijderd; de partner krijgt een nieuw formulier met dezelfde vragen en de nieuwe link.`,
    });
  }

  if (decisionDue(facts)) {
    const everyone = waitingFor(facts).length === 0;
    out.push({
      kind: 'recordDecision',
      label: `Besluit ${step} vastleggen`,
      reason:
        // decisionDue: no fewer partners than expected, so none means none expected either.
        facts.partners.length === 0
          ? `In ${step} vult geen partner een formulier in; het besluit kan worden vastgelegd.`
          : everyone
            ? `Alle antwoorden zijn binnen (${answeredText(facts)}).`
            : `De deadline is voorbij; ${answeredText(facts)}.`,
    });
  }

  const late = latePartners(facts);
  if (facts.started && late.length > 0) {
    out.push({
      kind: 'remind',
      label: `Herinnering sturen (${late.length} te laat)`,
      reason: `${late.length} partner${late.length === 1 ? ' is' : 's zijn'} over de deadline zonder antwoord.`,
    });
  }

  if (facts.failedMails > 0) {
    out.push({
      kind: 'resendMail',
      label: `Mislukte mails opnieuw versturen (${facts.failedMails})`,
      reason: `${facts.failedMails} mail${facts.failedMails === 1 ? ' is' : 's zijn'} niet (zeker) aangekomen.`,
    });
  }

  if (facts.overviewStale) {
    out.push({
      kind: 'publish',
      label: 'Integraal beeld bijwerken',
      reason: 'Er kwamen antwoorden binnen nadat het integraal beeld voor het laatst is bijgewerkt.',
    });
  }
  return out;
}
