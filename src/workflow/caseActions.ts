/**
 * The actions on one case that the menu and the dashboard share: the same workflow functions
 * under the script lock, each returning what the coordinator reads (Dutch). A repeated action
 * says what already happened instead of doing it again ("Stap 2A loopt al sinds ...").
 * Recording a decision is not here: it needs the decision's fields (a dialog or prompts).
 */
import { answeredText } from '../model/nextActions';
import { purgeDueOn } from '../model/retention';
import { isoDate } from '../model/time';
import { nlDate } from '../render/views-common';
import { nowMs } from '../workspace/clock';
import { assembleView } from './assemble';
import type { CaseHandle, Register } from './context';
import { openCase, UserError } from './context';
import { expectedPartners, folderUrl, partnerFacts, spreadsheetUrl, stepStarted } from './dashboard';
import { refreshCase } from './dispatcher';
import { LETTERS_BUDGET_MS, lettersMessage, makeLetters } from './letters';
import { withLock } from './lock';
import { resendFailed } from './outbox';
import { ensureNamesList, syncNamesList } from './persons';
import { exportOverviewPdf, publish } from './publish';
import { closingDate, retentionMonthsOf } from './purge';
import { remindLate } from './remind';
import { replaceMissingForms } from './replaceForm';
import { askAboutNewPersons, progressText, startStep } from './startStep';

/** Every action the dashboard runs through uiRunAction (the decision has its own dialog). */
export const CASE_ACTIONS = [
  'startStep',
  'refresh',
  'remind',
  'namesList',
  'letters',
  'replaceForms',
  'resendMail',
  'publish',
  'exportPdf',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface ActionOutcome {
  message: string;
  /** An address the message refers to (the namenlijst), shown as a link. */
  url?: string;
}

export interface ActionOptions {
  /** Called after every form a start makes (the menu shows a toast). */
  onProgress?: (made: number, total: number) => void;
}

const TZ = 'Europe/Amsterdam';

/**
 * Whether the current step already runs with all its forms: then starting it again would do
 * nothing. Returns what to tell the coordinator, or null when starting makes sense.
 */
export function alreadyRunning(h: CaseHandle): string | null {
  const view = assembleView(h);
  const { state } = view;
  // Only what answeredText needs: the partners' forms and how many partners the step asks.
  const facts = { partners: partnerFacts(view), expected: expectedPartners(view) };
  if (state.status !== 'open' || !stepStarted(view) || facts.partners.length < facts.expected) return null;
  const marker = `stap ${state.step}, ronde ${state.round}:`;
  const times = [
    ...view.forms.filter((f) => f.step === state.step && f.round === state.round).map((f) => f.createdAt),
    ...view.log.filter((l) => l.event === 'stap gestart' && l.detail.startsWith(marker)).map((l) => l.at),
  ];
  const since = nlDate(isoDate(Math.min(...times), TZ));
  const round = state.round > 1 ? ` (ronde ${state.round})` : '';
  const answers = facts.expected + facts.partners.length > 0 ? `; ${answeredText(facts)}` : '';
  return `Stap ${state.step}${round} loopt al sinds ${since}${answers}. Er is niets opnieuw verstuurd.`;
}

function startMessage(h: CaseHandle, opts: ActionOptions): string {
  const running = alreadyRunning(h);
  if (running) return running;
  const r = startStep(h, opts.onProgress ? { onProgress: opts.onProgress } : {});
  return `Stap ${r.step} (ronde ${r.round}): ${progressText(r.made, r.total)}, ${r.mail.sent} uitnodiging(en) verstuurd, deadline ${nlDate(r.deadline)}.${r.mail.waiting ? ` ${r.mail.waiting} mail(s) wachten op het dagquotum.` : ''}${r.remaining.length ? `\nDe andere ${r.remaining.length} formulier(en) worden gemaakt bij de volgende automatische bijwerking (of start de stap opnieuw); het dashboard laat zien hoe ver het is.` : ''}${r.warnings.map((w) => `\n${w}`).join('')}`;
}

function refreshMessage(h: CaseHandle): string {
  const r = refreshCase(h, { force: true });
  return `Bijgewerkt: ${r.reconcile.newResponses} nieuwe en ${r.reconcile.newVersions} gewijzigde inzending(en), ${r.reminders} herinnering(en), ${r.escalations} escalatie(s).`;
}

function remindMessage(h: CaseHandle): string {
  // First read what came in: a partner who just answered gets no reminder.
  refreshCase(h);
  const r = remindLate(h);
  if (r.queued.length === 0 && r.already.length === 0)
    return 'Er zijn geen partners over de deadline zonder antwoord; er is geen herinnering verstuurd.';
  const parts: string[] = [];
  if (r.queued.length)
    parts.push(`${r.queued.length} herinnering(en) aan partners over de deadline: ${r.mail.sent} verstuurd.`);
  if (r.mail.waiting) parts.push(`${r.mail.waiting} mail(s) wachten op het dagquotum.`);
  if (r.already.length)
    parts.push(
      `${r.already.length} partner(s) kregen vandaag al een herinnering na de deadline; morgen kan het opnieuw.`,
    );
  return parts.join(' ');
}

function namesListOutcome(h: CaseHandle): ActionOutcome {
  const had = h.row.namesId !== '';
  const { id } = ensureNamesList(h);
  const url = spreadsheetUrl(id);
  if (!had) {
    return {
      message: `De namenlijst van ${h.row.code} is aangemaakt, alleen voor u toegankelijk. Vul de namen in (kolom Naam; de kolom Code blijft leeg) en kies daarna opnieuw "Namenlijst bijwerken".`,
      url,
    };
  }
  const { added, warnings } = syncNamesList(h);
  const extra = askAboutNewPersons(h);
  const note = extra.created.length
    ? ` De partners van de lopende stap krijgen een aanvullend formulier over nieuwe personen (${extra.created.length}; ${extra.mail.sent} uitnodiging(en) verstuurd).`
    : '';
  const warn = warnings.map((w) => `\n${w}`).join('');
  return {
    message: added.length
      ? `${added.length} nieuwe persoonscode(s): ${added.join(', ')}.${note}${warn}`
      : `Geen nieuwe namen gevonden in de namenlijst.${note}${warn}`,
    url,
  };
}

/**
 * "Informatiebrieven maken": while the case is open an information letter per person (a new
 * version only when the template or the person changed); once it is closed, the closing letters
 * (once per person). The message links the restricted letters folder.
 */
function lettersOutcome(h: CaseHandle): ActionOutcome {
  const closed = h.row.status === 'gesloten';
  const r = makeLetters(h, closed ? 'afsluitbrief' : 'informatiebrief', {
    until: nowMs() + LETTERS_BUDGET_MS,
  });
  // '' while the case is open (or its closing day is unknown): then no word about the destruction.
  const closedOn = closingDate(h.row);
  const purgeOn = closedOn ? purgeDueOn(closedOn, retentionMonthsOf(h.row, h.reg.settings)) : '';
  return { message: lettersMessage(h, [r], purgeOn), url: folderUrl(r.folderId) };
}

function resendMessage(h: CaseHandle): string {
  const r = resendFailed(h);
  return r.requeued
    ? `${r.requeued} mail(s) opnieuw in de wachtrij gezet; ${r.mail.sent} verstuurd${r.mail.waiting ? `, ${r.mail.waiting} wachten op het dagquotum` : ''}.`
    : 'Er zijn geen mislukte of onzekere mails.';
}

/** Runs one action on one case under the script lock. Throws UserError with a Dutch message. */
export function runCaseAction(
  reg: Register,
  code: string,
  action: CaseAction,
  opts: ActionOptions = {},
): ActionOutcome {
  return withLock(() => {
    const h = openCase(reg, code);
    switch (action) {
      case 'startStep':
        return { message: startMessage(h, opts) };
      case 'refresh':
        return { message: refreshMessage(h) };
      case 'remind':
        return { message: remindMessage(h) };
      case 'namesList':
        return namesListOutcome(h);
      case 'letters':
        return lettersOutcome(h);
      case 'replaceForms':
        return { message: replaceMissingForms(h).message };
      case 'resendMail':
        return { message: resendMessage(h) };
      case 'publish':
        publish(h, { requested: true });
        return { message: `Het integraal beeld van ${h.row.code} is bijgewerkt.` };
      case 'exportPdf':
        exportOverviewPdf(h);
        return {
          message: `Een PDF van het integraal beeld staat in de casusmap van ${h.row.code} (${nlDate(isoDate(nowMs(), TZ))}).`,
        };
      default:
        throw new UserError(`Onbekende actie "${String(action)}".`);
    }
  });
}
