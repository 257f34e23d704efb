/**
 * Recording corrections (AVG art. 16; workflow/corrections.ts), row by row: which rows count as
 * new, how cells are read (trimmed, a question by id or title in any case, an empty partner for
 * all partners), which statement a correction must be about, how recorded rows are marked and
 * what the Logboek says. The whole flow through views and documents is in rights.test.ts; here
 * the case is set up directly (decisions, persons, ledger rows) to keep each test cheap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { type CaseHandle, openCase, openRegister } from '../../src/workflow/context';
import { CORRECTIONS_HEADER, CORRECTIONS_SHEET, recordCorrections } from '../../src/workflow/corrections';
import { addPersons } from '../../src/workflow/persons';
import { ANSWERS, CORRECTIONS, LOG } from '../../src/workflow/records';
import { appendRows, readTable } from '../../src/workspace/tables';
import { freshCaseAt2B, PERSONS as PEOPLE } from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

const BY = 'regie@testdorp.example';
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

/** A case in 2B with two persons: the police said something about A's role and about B's risk only. */
function setUp() {
  const f = freshCaseAt2B();
  local = f.local;
  const [a, b] = addPersons(f.h, PEOPLE) as [string, string];
  const row = (subject: string, questionId: string, value: string) => ({
    formKey: '2B#1#politie',
    responseId: `r-${subject}-${questionId}`,
    version: 1,
    submittedAt: f.local.rt.now(),
    questionId,
    subject,
    part: 0,
    value,
    grid: '',
  });
  appendRows(f.h.ss, ANSWERS, [row(a, '2B.p.rol', 'Leider of aanjager'), row(b, '2B.p.risico', 'Hoog')]);
  return { h: reopen(f.h), a, b, rt: f.local.rt };
}

/** What `recordCorrections` refused, one problem per line (the first line is the heading). */
function problems(h: CaseHandle): string[] {
  try {
    recordCorrections(h, BY);
  } catch (e) {
    return (e as Error).message.split('\n').slice(1);
  }
  throw new Error('recordCorrections accepted the rows');
}

describe('correcties vastleggen', () => {
  it('maakt de tab als platte tekst wanneer die ontbreekt, en zegt wat de procesregisseur nu doet', () => {
    const { h } = setUp();
    const r = recordCorrections(h, BY);
    expect(r).toEqual({
      recorded: 0,
      message: `De tab Correcties staat nu in de casusspreadsheet van ${h.row.code}. Vul per correctie een rij in en kies dit menu-item opnieuw.`,
    });
    const tab = h.ss.getSheetByName(CORRECTIONS_SHEET)!;
    expect(tab.getRange(1, 1, 1, 6).getValues()[0]).toEqual([...CORRECTIONS_HEADER]);
    // Typed text stays text (`1,3` no number, `2-3` no date).
    expect(tab.getRange('B2').getNumberFormat()).toBe('@');
    expect(tab.getRange('F40').getNumberFormat()).toBe('@');
  });

  it('weigert een correctie over een uitspraak die er niet is: andere persoon, andere partner, andere vraag', () => {
    const { h, a, b } = setUp();
    recordCorrections(h, BY);
    h.ss
      .getSheetByName(CORRECTIONS_SHEET)!
      .getRange(2, 1, 4, 5)
      .setValues([
        // The police spoke about A's role, not B's.
        [b, '', '2B.p.rol', 'Leider.', 'Meeloper.'],
        // About A's role, but the jongerenwerk said nothing.
        [a, 'jongerenwerk', '2B.p.rol', 'Leider.', 'Meeloper.'],
        // About B's risk, not A's.
        [a, '', '2B.p.risico', 'Hoog.', 'Laag.'],
        // No person of this case: only that is said, nothing about a statement.
        ['P-2222', '', '2B.p.rol', 'Leider.', 'Meeloper.'],
      ]);
    expect(problems(reopen(h))).toEqual([
      `${CORRECTIONS_SHEET}!C2: er is geen uitspraak over deze persoon bij deze vraag`,
      `${CORRECTIONS_SHEET}!C3: er is geen uitspraak van deze partner over deze persoon bij deze vraag`,
      `${CORRECTIONS_SHEET}!C4: er is geen uitspraak over deze persoon bij deze vraag`,
      `${CORRECTIONS_SHEET}!A5: dit is geen persoonscode van deze casus; vul een code uit de namenlijst in (zoals P-7F3K), nooit een naam`,
    ]);
    expect(readTable(h.ss, CORRECTIONS)).toEqual([]);
  });

  it('leest een zelf gemaakte tab: kopregel nooit, lege rijen niet, cellen getrimd, vraag op titel; markeert alleen wat nieuw is', () => {
    const { h, a, b, rt } = setUp();
    // The coordinator made the tab by hand, without the column Vastgelegd.
    const tab = h.ss.insertSheet(CORRECTIONS_SHEET);
    tab
      .getRange(1, 1, 5, 5)
      .setValues([
        CORRECTIONS_HEADER.slice(0, 5),
        [
          ` ${a.toLowerCase()} `,
          ' politie ',
          'welke rol heeft deze JONGERE in de groep?',
          'Leider.',
          ' Meeloper. ',
        ],
        ['', '', '', '', ''],
        [a, '', '2B.p.rol', 'Leider.', 'Actief lid.'],
        [b, '', '2B.p.risico', 'Hoog.', 'Midden.'],
      ]);
    const logBefore = readTable(h.ss, LOG).length;
    const r = recordCorrections(reopen(h), BY);
    expect(r).toEqual({
      recorded: 3,
      message:
        '3 correctie(s) vastgelegd. De weergaven en documenten tonen nu de gecorrigeerde uitspraak, gemarkeerd; de oorspronkelijke uitspraak blijft in de beperkte opslag.',
    });
    expect(
      readTable(h.ss, CORRECTIONS).map((c) => [
        c.subject,
        c.partnerId,
        c.questionId,
        c.wrong,
        c.right,
        c.recordedBy,
      ]),
    ).toEqual([
      [a, 'politie', '2B.p.rol', 'Leider.', 'Meeloper.', BY],
      [a, '', '2B.p.rol', 'Leider.', 'Actief lid.', BY],
      [b, '', '2B.p.risico', 'Hoog.', 'Midden.', BY],
    ]);
    const mark = `12-01-2026 door ${BY}`;
    expect(tab.getDataRange().getValues()).toEqual([
      [...CORRECTIONS_HEADER.slice(0, 5), ''],
      [a.toLowerCase(), 'politie', 'welke rol heeft deze JONGERE in de groep?', 'Leider.', 'Meeloper.', mark],
      ['', '', '', '', '', ''],
      [a, '', '2B.p.rol', 'Leider.', 'Actief lid.', mark],
      [b, '', '2B.p.risico', 'Hoog.', 'Midden.', mark],
    ]);
    // The tab is plain text from now on.
    expect(tab.getRange('D6').getNumberFormat()).toBe('@');
    const log = readTable(h.ss, LOG);
    expect(log).toHaveLength(logBefore + 1);
    expect(log.at(-1)).toMatchObject({
      event: 'correctie',
      detail: `3 correctie(s) vastgelegd over ${a}, ${b}`,
    });

    // Nothing new: nothing recorded, nothing logged.
    expect(recordCorrections(reopen(h), BY)).toEqual({
      recorded: 0,
      message: 'Er staat geen nieuwe correctie in de tab Correcties.',
    });
    expect(readTable(h.ss, LOG)).toHaveLength(logBefore + 1);

    // A day later, by a caller whose address Google does not give: only the new row gets the date.
    rt.advance(24 * 3_600_000);
    tab.getRange(6, 1, 1, 5).setValues([[b, 'politie', '2B.p.risico', 'Hoog.', 'Laag.']]);
    expect(recordCorrections(reopen(h), '').recorded).toBe(1);
    expect(
      tab
        .getRange('F2:F6')
        .getValues()
        .map((x) => x[0]),
    ).toEqual([mark, '', mark, mark, '13-01-2026']);
    expect(readTable(h.ss, LOG).at(-1)!.detail).toBe(`1 correctie(s) vastgelegd over ${b}`);
    expect(readTable(h.ss, CORRECTIONS)).toHaveLength(4);
  });
});
