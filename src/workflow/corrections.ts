/**
 * Recording corrections (AVG art. 16). The coordinator writes them in the tab Correcties of the
 * case spreadsheet, one per row: the person code, the partner (its key, or empty for every
 * partner), the question (its id such as `2B.rol`, or its title), what was wrong and what is
 * right. "Correcties vastleggen" checks every new row (by cell, never repeating a name), appends
 * it to `_correcties` with who and when (append-only: a recorded row is never changed), marks the
 * row as recorded and rebuilds the views and documents, which then show the corrected statement,
 * marked (render/corrections.ts). The original stays in the ledger.
 */
import { cellsWithNames } from '../model/names';
import { isoDate } from '../model/time';
import { nowMs } from '../workspace/clock';
import { appendRows, readTable, writeEditableTab } from '../workspace/tables';
import { tabValues } from '../workspace/tabs';
import { answersFrom, latestAnswers } from './assemble';
import type { CaseHandle } from './context';
import { UserError } from './context';
import { logEvents } from './log';
import { caseNames } from './nameGuard';
import { publish } from './publish';
import { ANSWERS, CORRECTIONS, PERSONS } from './records';

export const CORRECTIONS_SHEET = 'Correcties';
export const CORRECTIONS_HEADER = [
  'Persoonscode',
  'Partner (leeg = alle)',
  'Vraag (id of titel)',
  'Wat niet klopt',
  'Wat juist is',
  'Vastgelegd',
] as const;

export interface CorrectionsResult {
  recorded: number;
  message: string;
}

/** Records the new rows of the tab Correcties; makes the tab when it is missing. */
export function recordCorrections(h: CaseHandle, by: string): CorrectionsResult {
  const rows = tabValues(h.ss, CORRECTIONS_SHEET);
  if (!rows) {
    writeEditableTab(h.ss, CORRECTIONS_SHEET, [[...CORRECTIONS_HEADER]], 1, { plainText: true });
    return {
      recorded: 0,
      message: `De tab ${CORRECTIONS_SHEET} staat nu in de casusspreadsheet van ${h.row.code}. Vul per correctie een rij in en kies dit menu-item opnieuw.`,
    };
  }
  const text = (v: unknown) => String(v ?? '').trim();
  const cell = (col: number, row: number) => `${CORRECTIONS_SHEET}!${String.fromCharCode(65 + col)}${row}`;
  const persons = new Set(readTable(h.ss, PERSONS).map((p) => p.code));
  const partners = new Set(h.reg.partners.map((p) => p.id));
  const questions = h.reg.allQuestions;
  const latest = latestAnswers(answersFrom(readTable(h.ss, ANSWERS)));
  const problems: string[] = [];
  // What the coordinator types reaches documents: no name from the namenlijst in it (a case
  // without names has a matcher that finds nothing).
  problems.push(...cellsWithNames(rows, CORRECTIONS_SHEET, caseNames(h).matcher));
  const todo: {
    index: number;
    subject: string;
    partnerId: string;
    questionId: string;
    wrong: string;
    right: string;
  }[] = [];
  rows.forEach((r, i) => {
    if (i === 0) return;
    const row = i + 1;
    const [codeCell, partnerCell, questionCell, wrong, right, done] = [0, 1, 2, 3, 4, 5].map((c) =>
      text(r[c]),
    ) as [string, string, string, string, string, string];
    if (done !== '' || [codeCell, partnerCell, questionCell, wrong, right].every((v) => v === '')) return;
    const subject = codeCell.toUpperCase();
    if (!persons.has(subject))
      problems.push(
        `${cell(0, row)}: dit is geen persoonscode van deze casus; vul een code uit de namenlijst in (zoals P-7F3K), nooit een naam`,
      );
    if (partnerCell !== '' && !partners.has(partnerCell))
      problems.push(
        `${cell(1, row)}: onbekende partner; vul de sleutel uit de tab Partners in of laat de cel leeg`,
      );
    const q = questions.find(
      (x) => x.id === questionCell || x.title.toLowerCase() === questionCell.toLowerCase(),
    );
    if (!q)
      problems.push(
        `${cell(2, row)}: onbekende vraag; vul het id (zoals 2B.rol) of de titel van de vraag in`,
      );
    if (wrong === '') problems.push(`${cell(3, row)}: vul in wat niet klopt`);
    if (right === '') problems.push(`${cell(4, row)}: vul in wat juist is`);
    if (q && persons.has(subject)) {
      const found = latest.some(
        (a) =>
          a.subject === subject &&
          a.questionId === q.id &&
          (partnerCell === '' || a.partnerId === partnerCell),
      );
      if (!found)
        problems.push(
          `${cell(2, row)}: er is geen uitspraak ${partnerCell ? 'van deze partner ' : ''}over deze persoon bij deze vraag`,
        );
    }
    // A row without a known question is refused above (problems), so it never needs recording.
    if (q) todo.push({ index: i, subject, partnerId: partnerCell, questionId: q.id, wrong, right });
  });
  if (problems.length)
    throw new UserError(`Er is geen correctie vastgelegd; herstel eerst:\n${problems.join('\n')}`);
  if (todo.length === 0)
    return { recorded: 0, message: `Er staat geen nieuwe correctie in de tab ${CORRECTIONS_SHEET}.` };
  const at = nowMs();
  appendRows(
    h.ss,
    CORRECTIONS,
    todo.map((t) => ({
      at,
      subject: t.subject,
      partnerId: t.partnerId,
      questionId: t.questionId,
      wrong: t.wrong,
      right: t.right,
      recordedBy: by,
    })),
  );
  const [y, m, d] = isoDate(at, 'Europe/Amsterdam').split('-');
  const marked = rows.map((r, i) => {
    const out = [0, 1, 2, 3, 4, 5].map((c) => text(r[c]));
    if (todo.some((t) => t.index === i)) out[5] = `${d}-${m}-${y}${by ? ` door ${by}` : ''}`;
    return out;
  });
  writeEditableTab(h.ss, CORRECTIONS_SHEET, marked, 1, { plainText: true });
  logEvents(h.ss, [
    [
      'correctie',
      `${todo.length} correctie(s) vastgelegd over ${[...new Set(todo.map((t) => t.subject))].join(', ')}`,
    ],
  ]);
  publish(h);
  return {
    recorded: todo.length,
    message: `${todo.length} correctie(s) vastgelegd. De weergaven en documenten tonen nu de gecorrigeerde uitspraak, gemarkeerd; de oorspronkelijke uitspraak blijft in de beperkte opslag.`,
  };
}
