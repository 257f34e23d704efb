/**
 * The rights of the people in a case (AVG art. 15-17), by person code: an export of everything
 * about one person into the restricted folder of the namenlijst, and removing one person
 * everywhere. A person is only ever named by code here: the code a coordinator types is checked
 * against the case's codes and never echoed back when it is not one (it could be a name).
 */

import { columnLetter } from '../model/issues';
import { nameMatcher } from '../model/names';
import { PLAN_SHEET } from '../model/planSheet';
import { isoDate } from '../model/time';
import { type PersonExport, personExportTree } from '../render/personExport';
import { nowMs } from '../workspace/clock';
import { writeDocument } from '../workspace/docs';
import { parentFolderId } from '../workspace/files';
import { openSpreadsheet } from '../workspace/spreadsheets';
import { appendRows, readTable, replaceTable, updateRow } from '../workspace/tables';
import { deleteTabRow, tabValues } from '../workspace/tabs';
import { answersFrom } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { closingTemplateOrRefuse, existingClosingLetter, makeLetters } from './letters';
import { logEvents } from './log';
import { forgetCaseNames } from './nameGuard';
import { PERSON_CODE_RE } from './persons';
import { publish } from './publish';
import { ANSWERS, CORRECTIONS, DECISIONS, NAMES, PERSONS, PLAN, REMOVALS } from './records';

const TZ = 'Europe/Amsterdam';

/**
 * The person code a coordinator typed, checked: the shape of a code and one of the case's codes.
 * The refusal never repeats what was typed (it could be a name).
 */
export function personCodeOf(h: CaseHandle, typed: unknown): string {
  const code = String(typed ?? '')
    .trim()
    .toUpperCase();
  if (!PERSON_CODE_RE.test(code))
    throw new UserError(
      'Dat is geen persoonscode. Een persoonscode ziet eruit als P-7F3K en staat in kolom Code van de namenlijst; typ nooit een naam.',
    );
  if (!readTable(h.ss, PERSONS).some((p) => p.code === code))
    throw new UserError(
      `Casus ${h.row.code} heeft geen persoon met deze code. Kijk in kolom Code van de namenlijst.`,
    );
  return code;
}

/** The person's namenlijst row as it is in the tab (every column, also those other features add), or []. */
function listedRow(h: CaseHandle, code: string): { cells: [string, string][]; name: string } {
  if (!h.row.namesId) return { cells: [], name: '' };
  const rows = tabValues(openSpreadsheet(h.row.namesId), NAMES.name) ?? [];
  const header = (rows[0] ?? []).map((c) => String(c ?? '').trim());
  const at = header.indexOf('Code');
  const row = rows.slice(1).find((r) => String(r[at] ?? '').trim() === code);
  if (!row) return { cells: [], name: '' };
  const cells = header
    .map((hd, i) => [hd, String(row[i] ?? '').trim()] as [string, string])
    .filter(([hd, v]) => hd !== '' && v !== '');
  return { cells, name: String(row[header.indexOf('Naam')] ?? '').trim() };
}

/** A matcher for the code as a whole word and, when known, the person's name. */
function mentions(code: string, name: string): (text: string) => boolean {
  const codeRe = new RegExp(`(?<![\\p{L}\\p{N}])${code}(?![\\p{L}\\p{N}])`, 'iu');
  const byName = name ? nameMatcher([name]) : null;
  return (text) => codeRe.test(text) || (byName?.test(text) ?? false);
}

/** Everything the case holds about one person code (pure reads). */
export function collectPerson(h: CaseHandle, code: string): PersonExport {
  const { cells, name } = listedRow(h, code);
  const about = mentions(code, name);
  const title = new Map(h.reg.allQuestions.map((q) => [q.id, q.title] as const));
  const partner = (id: string) => h.reg.partners.find((p) => p.id === id)?.organisation ?? id;
  const answers = answersFrom(readTable(h.ss, ANSWERS))
    .filter((a) => a.subject === code || about(a.value))
    .map((a) => ({
      date: isoDate(a.submittedAt, TZ),
      step: a.step,
      partner: partner(a.partnerId),
      version: a.version,
      question: title.get(a.questionId) ?? a.questionId,
      value: a.value,
    }));
  const plan = readTable(h.ss, PLAN)
    .filter((p) => p.subject === code || about(p.text))
    .map((p) => ({ version: p.version, kind: p.kind, text: p.text, owner: p.owner, deadline: p.deadline }));
  const decisions = readTable(h.ss, DECISIONS)
    .filter((d) => about(`${d.motivation}\n${d.directions}\n${d.acuteReason}`))
    .map((d) => ({
      date: d.date,
      step: d.step,
      outcome: d.outcome,
      text: [d.motivation, d.directions, d.acuteReason].filter(Boolean).join(' — '),
    }));
  return {
    caseCode: h.row.code,
    code,
    today: isoDate(nowMs(), TZ),
    listed: cells,
    answers,
    plan,
    decisions,
    corrections: readTable(h.ss, CORRECTIONS)
      .filter((c) => c.subject === code)
      .map((c) => ({
        date: isoDate(c.at, TZ),
        by: c.recordedBy,
        wrong: c.wrong,
        right: c.right,
        statement: `${c.partnerId ? partner(c.partnerId) : 'alle partners'}: ${title.get(c.questionId) ?? c.questionId}`,
      })),
  };
}

/**
 * Art. 15: one Google Doc with everything about the person code, in the folder of the namenlijst
 * only (never the shared case folder); its name holds the case and person code, nothing else. A
 * new file made by Drive is shared with nobody but its owner. Returns the file id.
 */
export function exportPerson(h: CaseHandle, typed: unknown): { fileId: string; name: string } {
  const code = personCodeOf(h, typed);
  if (!h.row.namesId)
    throw new UserError(
      `Casus ${h.row.code} heeft geen namenlijst (meer); er is geen map om de inzage in te zetten.`,
    );
  const folderId = parentFolderId(h.row.namesId);
  if (!folderId) throw new UserError(`De map van de namenlijst van casus ${h.row.code} is niet gevonden.`);
  const data = collectPerson(h, code);
  const name = `Inzage ${h.row.code} ${code} ${data.today}`;
  const { id } = writeDocument({ tree: personExportTree(data), name, folderId });
  logEvents(h.ss, [['inzage', `inzage-export gemaakt voor ${code}, in de map van de namenlijst`]]);
  return { fileId: id, name };
}

// ------------------------------------------------------------------ removing one person

const REMOVED_MARK = '[verwijderde persoon]';

/**
 * Where the plan still names the person: cells of the Plan van aanpak tab, and the plan in force
 * (the latest version in `_pva`). Cell references only, never the content.
 */
function planMentions(h: CaseHandle, about: (text: string) => boolean): string[] {
  const out: string[] = [];
  const rows = tabValues(h.ss, PLAN_SHEET) ?? [];
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (about(String(v ?? ''))) out.push(`${PLAN_SHEET}!${columnLetter(j)}${i + 1}`);
    });
  });
  const plan = readTable(h.ss, PLAN);
  const version = Math.max(0, ...plan.map((p) => p.version));
  const inForce = plan.filter((p) => p.version === version && (about(p.subject) || about(p.text)));
  if (inForce.length) out.push(`het vastgestelde plan (versie ${version})`);
  return out;
}

export interface RemovalResult {
  code: string;
  answers: number;
  mentions: number;
  forms: number;
  /** The file name of the person's closing letter (codes only), or '' when there is none. */
  letter: string;
  message: string;
}

/**
 * Refuses the removal before anything is removed when the closing letter cannot be made: the
 * template in the register's tab Brieven is missing or wrong (the message names the cell).
 */
function refuseWithoutClosingTemplate(h: CaseHandle, code: string): void {
  try {
    closingTemplateOrRefuse(h.reg);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(
      `Persoon ${code} is niet verwijderd: met het verwijderen eindigt de registratie, en daarvoor maakt het product eerst een afsluitbrief uit de tab Brieven van het register. ${e.message}\nVerbeter de tab Brieven en kies daarna opnieuw "Persoon overal verwijderen".`,
    );
  }
}

/**
 * Removes one person everywhere the product keeps them (AVG art. 17), in an order that a run
 * stopping halfway can finish by running it again (the removal record comes first; each step
 * finds its work already done):
 * 1. refused while the plan of aanpak still names the code (which cells say so), and, when the
 *    namenlijst still holds the person, while the closing letter's template in the register's
 *    tab Brieven is missing or wrong (which cell): nothing is removed then;
 * 2. the record in `_verwijderd` (code and times; no name);
 * 2a. the person's registration ends, so the closing letter (AVG art. 14, as at closing a case:
 *    letters.ts) is made into the restricted letters folder while the namenlijst row with the
 *    name still exists; made once per person, so a rerun finds it and makes no second one;
 * 3. the ledger: every answer row about the code goes, and where a partner named the person in
 *    an answer about something else, the code or name is replaced by "[verwijderde persoon]";
 * 4. the code leaves the case's persons table (forms of later rounds no longer ask about it);
 * 5. the row leaves the namenlijst;
 * 6. the views and every document are rebuilt (publish.ts) and shared exactly as before;
 * 7. the record is completed and the Logboek says so, without content.
 *
 * The forms' own responses are not touched: FormApp removes a response only as a whole
 * (reference/forms/form#deleteResponse(String)), and a partner's response holds what it said
 * about every other person too. Those responses stay in the forms until the case is destroyed
 * after its bewaartermijn (purge.ts); the record says in how many forms. An edited response does
 * not bring the statements back: reconcile skips removed codes.
 */
export function removePerson(h: CaseHandle, typed: unknown): RemovalResult {
  const shaped = String(typed ?? '')
    .trim()
    .toUpperCase();
  const records = readTable(h.ss, REMOVALS);
  const unfinished = PERSON_CODE_RE.test(shaped)
    ? records.findIndex((r) => r.code === shaped && !r.finished)
    : -1;
  if (unfinished < 0 && records.some((r) => r.code === shaped && r.finished))
    throw new UserError(`Deze persoon is al uit casus ${h.row.code} verwijderd.`);
  const code = unfinished >= 0 ? shaped : personCodeOf(h, typed);
  const { name } = listedRow(h, code);
  const about = mentions(code, name);
  const inPlan = planMentions(h, about);
  if (inPlan.length)
    throw new UserError(
      `Het plan van aanpak noemt deze persoon nog (${inPlan.join(', ')}). Haal de persoonscode daar weg en leg het plan opnieuw vast; verwijder de persoon daarna.`,
    );
  if (name) refuseWithoutClosingTemplate(h, code);
  let index = unfinished;
  if (index < 0) {
    appendRows(h.ss, REMOVALS, [
      { code, started: nowMs(), finished: 0, answers: 0, mentions: 0, forms: 0, result: 'bezig' },
    ]);
    index = records.length;
  }
  const record = readTable(h.ss, REMOVALS)[index]!;
  // 2a. The closing letter, while the namenlijst still has the name (none without one).
  const letter = name
    ? (makeLetters(h, 'afsluitbrief', { codes: [code] }).files[code] ?? '')
    : (existingClosingLetter(h.row.code, code) ?? '');
  // 3. The ledger (restricted store).
  const ledger = readTable(h.ss, ANSWERS);
  const byName = name ? nameMatcher([name]) : null;
  const codeRe = new RegExp(`(?<![\\p{L}\\p{N}])${code}(?![\\p{L}\\p{N}])`, 'giu');
  let answers = 0;
  let mentioned = 0;
  const forms = new Set<string>();
  const kept = ledger.flatMap((r) => {
    if (r.subject === code) {
      answers++;
      forms.add(r.formKey);
      return [];
    }
    let value = r.value.replace(codeRe, () => {
      mentioned++;
      return REMOVED_MARK;
    });
    if (byName) {
      const replaced = byName.replace(value, () => REMOVED_MARK);
      mentioned += replaced.count;
      value = replaced.text;
    }
    if (value !== r.value) forms.add(r.formKey);
    return [value === r.value ? r : { ...r, value }];
  });
  if (answers + mentioned > 0) replaceTable(h.ss, ANSWERS, kept);
  const done = {
    answers: Number(record.answers) + answers,
    mentions: Number(record.mentions) + mentioned,
    forms: Math.max(Number(record.forms), forms.size),
  };
  updateRow(h.ss, REMOVALS, index, { ...record, ...done });
  // 4. The persons table.
  const persons = readTable(h.ss, PERSONS);
  if (persons.some((p) => p.code === code))
    replaceTable(
      h.ss,
      PERSONS,
      persons.filter((p) => p.code !== code),
    );
  // 5. The namenlijst row.
  if (h.row.namesId) {
    const names = openSpreadsheet(h.row.namesId);
    const rows = tabValues(names, NAMES.name) ?? [];
    const at = (rows[0] ?? []).map((c) => String(c ?? '').trim()).indexOf('Code');
    const row = rows.findIndex((r, i) => i > 0 && String(r[at] ?? '').trim() === code);
    if (row > 0) deleteTabRow(names, NAMES.name, row + 1);
    forgetCaseNames();
  }
  // 6. What others read, rebuilt without the person.
  publish(h);
  // 7. Done.
  const result = `verwijderd: ${done.answers} antwoordregel(s) over de code, ${done.mentions} vermelding(en) vervangen; ${done.forms} formulier(en) bewaren de oorspronkelijke inzending tot de casus wordt vernietigd; ${letter ? `afsluitbrief: ${letter}` : 'geen afsluitbrief (geen naam in de namenlijst)'}`;
  updateRow(h.ss, REMOVALS, index, { ...record, ...done, finished: nowMs(), result });
  logEvents(h.ss, [
    [
      'persoon verwijderd',
      `${code} verwijderd uit namenlijst, antwoorden, personen, weergaven en documenten; ${done.forms} formulier(en) bewaren de oorspronkelijke inzending tot de vernietiging van de casus`,
    ],
  ]);
  const letterText = letter
    ? `De registratie van deze persoon is beëindigd: de afsluitbrief "${letter}" staat in de beperkte map "Brieven ${h.row.code}" naast de namenlijst; verstuur hem zelf.`
    : 'Er is geen afsluitbrief gemaakt: de namenlijst had geen naam bij deze code.';
  return {
    code,
    ...done,
    letter,
    message: `Persoon ${code} is uit casus ${h.row.code} verwijderd: uit de namenlijst, de antwoorden (${done.answers} regel(s) over de code, ${done.mentions} vermelding(en) vervangen), de personen, de weergaven en de documenten. ${done.forms ? `In ${done.forms} formulier(en) blijft de oorspronkelijke inzending van de partner staan: Google Forms kan alleen een hele inzending wissen, en die gaat ook over anderen. Die inzendingen verdwijnen met de casus na de bewaartermijn.` : 'Geen formulier bevat een inzending over deze persoon.'} ${letterText}`,
  };
}
