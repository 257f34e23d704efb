/**
 * §4.3 #14 (docs/betrouwbaarheid.md): a partner's form deleted by hand. The dispatcher marks it
 * "ontbreekt" once the case folder no longer lists it (reconcile.ts); this action makes it again:
 * for every form of the current step and round that is "ontbreekt", a new form for that partner
 * and step with the same questions (the partner's questions of the step, about the persons the old
 * form asked about, the plan version it showed), registered in the same `_formulieren` row (same
 * form key, so the answers already in the ledger stay the partner's), linked to the case's
 * response spreadsheet by the next run like every new form (watchForms), a mail to the partner
 * with the new link and the step's deadline through the outbox, and a line in the Logboek.
 *
 * Crash-safe like every job: the record in `_vervangen` is written before the form is made; a
 * rerun finds the form row already pointing at the new form (then only the mail and the log are
 * left), or finds a form a stopped run left unregistered in the case folder (it has the new
 * form's title and was never sent to anyone) and trashes it before making the one form. The mail
 * key holds the new form's id: queued once, sent at most once (outbox.ts).
 */

import { replay } from '../model/caseMachine';
import { partnerQuestions } from '../model/partnerQuestions';
import { dutchDate } from '../model/time';
import { subjectsOfKey } from '../render/formItemKey';
import { nowMs } from '../workspace/clock';
import { trashFile } from '../workspace/files';
import { formsInFolderNamed } from '../workspace/forms';
import { appendRows, prefetchTables, readTable, updateRow } from '../workspace/tables';
import { plansFrom, readDecisions } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { itemMapOf, parseFormKey } from './formKey';
import { TemplateStore } from './formTemplates';
import { logEvents } from './log';
import { enqueue, type FlushResult, flushOutbox } from './outbox';
import { CASE_TABLES, FORMS, type FormRow, LOG, OUTBOX, PERSONS, PLAN, REPLACEMENTS } from './records';
import { type FormRequest, formSpecFor, inviteJob } from './startStep';

/** The outbox key of the mail with a replaced form's new link: one per new form. */
export function newLinkKey(formKey: string, formId: string): string {
  return `nieuw-formulier:${formKey}:${formId}`;
}

/** What the mail with the new link says first, above the gemeente's invitation text. */
export const NEW_LINK_NOTICE =
  'Het formulier dat u eerder voor deze uitvraag kreeg, bestaat niet meer. Hieronder staat de link naar een nieuw formulier met dezelfde vragen; gebruik alleen deze link.';

export interface ReplaceResult {
  /** Form keys that have a new form now (made in this run or finished after a stop). */
  replaced: string[];
  /** Forms marked "ontbreekt" that are back in the case folder (restored by hand): not replaced. */
  back: string[];
  /** Form keys whose questions differ from the old form's (the tab Vragen changed since). */
  changedQuestions: string[];
  mail: FlushResult;
  message: string;
}

/** The Logboek event of a form made again. */
export const LOG_EVENT = 'formulier opnieuw gemaakt';

const NO_MAIL: FlushResult = { sent: 0, waiting: 0, failed: 0, uncertain: 0 };

/** The request the old form was made from, as far as it still holds (removed persons left out). */
function requestFor(
  h: CaseHandle,
  f: FormRow,
  personDataAllowed: boolean,
  persons: readonly string[],
  plans: ReturnType<typeof plansFrom>,
): FormRequest {
  const partner = h.reg.partners.find((p) => p.id === f.partnerId)!;
  const { part } = parseFormKey(f.formKey);
  const all = partnerQuestions(h.reg.catalog, partner, f.step, personDataAllowed);
  const asked = new Set(Object.values(itemMapOf(f)).flatMap(subjectsOfKey));
  return {
    key: f.formKey,
    step: f.step,
    round: f.round,
    partner,
    questions: part > 1 ? all.filter((q) => q.repeat === 'per_person') : all,
    persons: persons.filter((c) => asked.has(c)),
    plan: f.planVersion ? (plans.find((p) => p.version === f.planVersion) ?? null) : null,
    deadline: f.deadline,
    personData: personDataAllowed,
    ...(part > 1 ? { supplement: true } : {}),
  };
}

const answerKeys = (f: Pick<FormRow, 'itemMap'>) => Object.values(itemMapOf(f)).sort().join('\n');

/**
 * Makes every missing form of the current step and round again (see the module comment).
 * Returns what the coordinator reads; a rerun after everything was done says there is nothing.
 */
export function replaceMissingForms(h: CaseHandle): ReplaceResult {
  prefetchTables(h.ss, CASE_TABLES);
  const state = replay(h.row.code, readDecisions(h.ss));
  if (state.status === 'gesloten')
    throw new UserError(
      `Casus ${h.row.code} is gesloten: er worden geen formulieren meer ingevuld, dus er is niets opnieuw te maken.`,
    );
  const forms = readTable(h.ss, FORMS);
  const records = readTable(h.ss, REPLACEMENTS);
  const unfinished = (f: FormRow) => records.findIndex((r) => r.formKey === f.formKey && !r.finished);
  const todo = forms
    .map((f, i) => ({ f, i }))
    .filter(
      ({ f }) =>
        f.step === state.step && f.round === state.round && (f.status === 'ontbreekt' || unfinished(f) >= 0),
    );
  const result: ReplaceResult = { replaced: [], back: [], changedQuestions: [], mail: NO_MAIL, message: '' };
  if (todo.length === 0) {
    result.message = `Casus ${h.row.code}: in stap ${state.step} ontbreekt geen formulier; er is niets opnieuw gemaakt. Een formulier dat met de hand is verwijderd, staat op "ontbreekt" na de volgende bijwerking (of kies "Nu bijwerken").`;
    return result;
  }
  for (const { f } of todo) {
    if (!h.reg.partners.some((p) => p.id === f.partnerId))
      throw new UserError(
        `Het formulier ${f.formKey} hoort bij partner "${f.partnerId}", die niet meer in de tab Partners staat; zet de partner terug of laat het formulier ontbreken. Er is niets gemaakt.`,
      );
  }
  // One listing of the case folder: is the old form really gone, and did a stopped run leave one?
  const listed = formsInFolderNamed(h.row.folderId);
  const listedIds = new Set(listed.map((x) => x.id));
  const registered = new Set(forms.map((x) => x.formId));
  const outbox = readTable(h.ss, OUTBOX);
  const persons = readTable(h.ss, PERSONS).map((p) => p.code);
  const plans = plansFrom(readTable(h.ss, PLAN));
  const templates = new TemplateStore(h.reg);
  for (const { f, i } of todo) {
    let at = unfinished(f);
    if (at < 0) {
      if (listedIds.has(f.formId)) {
        result.back.push(f.formKey);
        continue;
      }
      appendRows(h.ss, REPLACEMENTS, [
        { formKey: f.formKey, oldFormId: f.formId, newFormId: '', started: nowMs(), finished: 0 },
      ]);
      records.push({ formKey: f.formKey, oldFormId: f.formId, newFormId: '', started: nowMs(), finished: 0 });
      at = records.length - 1;
    }
    const record = records[at]!;
    const partner = h.reg.partners.find((p) => p.id === f.partnerId)!;
    if (f.formId === record.oldFormId) {
      const req = requestFor(h, f, state.personDataAllowed, persons, plans);
      const spec = formSpecFor(h, req);
      // A form a stopped run made but did not register: never sent to anyone, so it goes.
      for (const left of listed) if (left.name === spec.title && !registered.has(left.id)) trashFile(left.id);
      const created = templates.makeForm(spec, h.row.folderId);
      const before = answerKeys(f);
      Object.assign(f, {
        formId: created.formId,
        publishedUrl: created.publishedUrl,
        editUrl: created.editUrl,
        itemMap: JSON.stringify(created.itemMap),
        createdAt: nowMs(),
        status: 'open',
        closedAt: 0,
        readUpTo: 0,
        // Linked to the case's response spreadsheet by the next run, like every new form.
        sheetBook: '',
        sheetTab: '',
        sheetPrint: '',
      } satisfies Partial<FormRow>);
      updateRow(h.ss, FORMS, i, f);
      registered.add(f.formId);
      if (answerKeys(f) !== before) result.changedQuestions.push(f.formKey);
    }
    // Mails of this form still waiting or failed carry the old link: they go no more.
    outbox.forEach((m, j) => {
      if (m.formKey !== f.formKey || m.body.includes(f.publishedUrl)) return;
      if (m.status !== 'wacht' && m.status !== 'mislukt' && m.status !== 'onzeker') return;
      outbox[j] = {
        ...m,
        status: 'vervallen',
        error: 'Het formulier is opnieuw gemaakt; de nieuwe link is apart verstuurd.',
      };
      updateRow(h.ss, OUTBOX, j, outbox[j]!);
    });
    const invite = inviteJob(h, f, partner);
    enqueue(
      h.ss,
      [
        {
          ...invite,
          key: newLinkKey(f.formKey, f.formId),
          subject: `Nieuwe link: ${invite.subject}`,
          body: `${NEW_LINK_NOTICE}\n\n${invite.body}`,
        },
      ],
      outbox,
    );
    // Once per replacement, also when a run stopped after the line (the Logboek is prefetched).
    const logged = readTable(h.ss, LOG).some(
      (l) => l.event === LOG_EVENT && l.at >= record.started && l.detail.startsWith(`${f.formKey}:`),
    );
    if (!logged)
      logEvents(h.ss, [
        [
          LOG_EVENT,
          `${f.formKey}: het formulier was met de hand verwijderd; een nieuw formulier met ${Object.keys(itemMapOf(f)).length} vragen en de deadline ${f.deadline}, de partner krijgt de nieuwe link`,
        ],
      ]);
    records[at] = { ...record, newFormId: f.formId, finished: nowMs() };
    updateRow(h.ss, REPLACEMENTS, at, records[at]!);
    result.replaced.push(f.formKey);
  }
  result.mail = flushOutbox(h, { outbox, forms });
  result.message = replaceMessage(h, result, forms);
  return result;
}

function replaceMessage(h: CaseHandle, r: ReplaceResult, forms: readonly FormRow[]): string {
  const name = (key: string) => {
    const f = forms.find((x) => x.formKey === key)!;
    const org = h.reg.partners.find((p) => p.id === f.partnerId)?.organisation ?? f.partnerId;
    return `${org} (stap ${f.step}, deadline ${dutchDate(f.deadline)})`;
  };
  const parts: string[] = [];
  if (r.replaced.length)
    parts.push(
      `Casus ${h.row.code}: ${r.replaced.length} formulier(en) opnieuw gemaakt met dezelfde vragen: ${r.replaced.map(name).join('; ')}. ${r.mail.sent} mail(s) met de nieuwe link verstuurd${r.mail.waiting ? `, ${r.mail.waiting} wachten op het dagquotum` : ''}. De volgende bijwerking koppelt het nieuwe formulier aan de antwoordspreadsheet; wat al binnen was, blijft bewaard.`,
    );
  if (r.changedQuestions.length)
    parts.push(
      `De vragen zijn sinds het oude formulier veranderd in de tab Vragen; het nieuwe formulier van ${r.changedQuestions.map(name).join('; ')} heeft de vragen van nu.`,
    );
  if (r.back.length)
    parts.push(
      `Het formulier van ${r.back.map(name).join('; ')} staat weer in de casusmap; het is niet opnieuw gemaakt en wordt bij de volgende bijwerking weer gelezen.`,
    );
  return parts.join('\n');
}
