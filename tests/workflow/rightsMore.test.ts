/**
 * The rights of one person (workflow/rights.ts), as a privacy officer checks them: what an
 * inzage (AVG art. 15) gives out and about whom, and what removing a person (art. 17) takes away,
 * counts, records and logs, also in a case whose namenlijst is gone or lacks the person. The
 * case is set up directly (ledger, plan, decisions and corrections rows), not played, to keep
 * each test cheap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { LETTERS_SHEET } from '../../src/model/letters';
import { PLAN_SHEET } from '../../src/model/planSheet';
import { type CaseHandle, openCase, openRegister, UserError } from '../../src/workflow/context';
import { ensureLettersTab, knownLettersFolder } from '../../src/workflow/letters';
import { addPersons } from '../../src/workflow/persons';
import { writePlanTab } from '../../src/workflow/planTab';
import {
  ANSWERS,
  type AnswerRow,
  CORRECTIONS,
  DECISIONS,
  LOG,
  NAMES,
  PERSONS,
  PLAN,
  REMOVALS,
} from '../../src/workflow/records';
import { setCaseNamesId } from '../../src/workflow/registerTabs';
import { collectPerson, exportPerson, removePerson } from '../../src/workflow/rights';
import { appendRows, readTable } from '../../src/workspace/tables';
import { freshCaseAt2B, PERSONS as PEOPLE, planRow, refusal } from './helpers';

let local: LocalAppsScript;
let live = false;
afterEach(() => {
  if (live) local.dispose();
  live = false;
});

const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);
const AARDBEI = PEOPLE[0]!.naam;
const BOSBES = PEOPLE[1]!.naam;

/** A case in 2B with three persons in the namenlijst (a, b, c) and nothing else about them. */
function setUp() {
  const f = freshCaseAt2B();
  local = f.local;
  live = true;
  const [a, b, c] = addPersons(f.h, PEOPLE) as [string, string, string];
  return { h: reopen(f.h), a, b, c, rt: local.rt };
}

/** A ledger row as reconcile writes it: one statement of one partner's form. */
function answer(formKey: string, subject: string, value: string, questionId = '2B.p.rol', responseId = 'r1') {
  return {
    formKey,
    responseId,
    version: 1,
    submittedAt: local.rt.now(),
    questionId,
    subject,
    part: 0,
    value,
    grid: '',
  } satisfies AnswerRow;
}

/** An action of the group track in plan version `version`, about `subject` (a code or ''). */
const action = (version: number, subject: string, text: string, owner = 'politie') =>
  planRow(version, 'actie', `a${version}-${subject || 'x'}`, {
    spoor: 'groep',
    text,
    owner,
    deadline: '2026-03-01',
    subject,
  });

function decision(motivation: string, directions: string, acuteReason: string, date: string) {
  return {
    step: '2B' as const,
    round: 1,
    outcome: 'besproken',
    motivation,
    decidedBy: 'overleg',
    date,
    route: '',
    directions,
    recordedAt: local.rt.now(),
    recordedBy: 'regie@testdorp.example',
    acuteReason,
  };
}

/** The namenlijst tab of the case as values (header first). */
function namesTab(h: CaseHandle) {
  return SpreadsheetApp.openById(h.row.namesId).getSheetByName(NAMES.name)!;
}

const title = (h: CaseHandle, id: string) => h.reg.allQuestions.find((q) => q.id === id)!.title;

describe('inzage (art. 15): wat het document over één code bevat', () => {
  it('alle antwoorden, planregels, besluiten en correcties over de code of de naam, met partner en vraag leesbaar; niets over anderen', () => {
    const { h, a, b } = setUp();
    appendRows(h.ss, ANSWERS, [
      answer('2B#1#politie', a, 'Neemt het voortouw.'),
      answer('2B#1#politie', b, 'Komt alleen in het weekend.'),
      // The partner typed the code in lower case, in a statement about the group.
      answer('2B#1#jongerenwerk', '', `Samen met ${a.toLowerCase()} bij de speeltuin.`, '2B.p.rol', 'r2'),
      // A partner that left the register, a question no longer in the tab Vragen.
      answer('2B#1#oudpartner', a, 'Een oude uitspraak.', '2B.vervallen', 'r3'),
    ]);
    appendRows(h.ss, PLAN, [
      action(1, a, 'Gesprek met de ouders.'),
      action(1, '', `Huisbezoek bij ${AARDBEI}.`, 'jongerenwerk'),
      action(1, b, 'Groepsaanspreking.'),
    ]);
    appendRows(h.ss, DECISIONS, [
      decision(`Zorgen over ${a}.`, '', '', '2026-01-20'),
      decision('', `Let op ${AARDBEI}.`, 'Acuut gevaar.', '2026-01-21'),
      decision(`Zorgen over ${b}.`, '', '', '2026-01-22'),
    ]);
    appendRows(h.ss, CORRECTIONS, [
      {
        at: local.rt.now(),
        subject: a,
        partnerId: 'politie',
        questionId: '2B.p.rol',
        wrong: 'Voortouw.',
        right: 'Loopt mee.',
        recordedBy: 'regie@testdorp.example',
      },
      {
        at: local.rt.now(),
        subject: a,
        partnerId: '',
        questionId: '2B.vervallen',
        wrong: 'Oud.',
        right: 'Nieuw.',
        recordedBy: 'regie@testdorp.example',
      },
      {
        at: local.rt.now(),
        subject: b,
        partnerId: 'politie',
        questionId: '2B.p.rol',
        wrong: 'Weekend.',
        right: 'Doordeweeks.',
        recordedBy: 'regie@testdorp.example',
      },
    ]);
    const x = collectPerson(reopen(h), a);
    expect(x).toMatchObject({ caseCode: h.row.code, code: a, today: '2026-01-12' });
    expect(x.answers).toEqual([
      {
        date: '2026-01-12',
        step: '2B',
        partner: 'Politie Basisteam Testdorp',
        version: 1,
        question: title(h, '2B.p.rol'),
        value: 'Neemt het voortouw.',
      },
      {
        date: '2026-01-12',
        step: '2B',
        partner: 'Jongerenwerk Testdorp',
        version: 1,
        question: title(h, '2B.p.rol'),
        value: `Samen met ${a.toLowerCase()} bij de speeltuin.`,
      },
      {
        date: '2026-01-12',
        step: '2B',
        partner: 'oudpartner',
        version: 1,
        question: '2B.vervallen',
        value: 'Een oude uitspraak.',
      },
    ]);
    expect(x.plan).toEqual([
      { version: 1, kind: 'actie', text: 'Gesprek met de ouders.', owner: 'politie', deadline: '2026-03-01' },
      {
        version: 1,
        kind: 'actie',
        text: `Huisbezoek bij ${AARDBEI}.`,
        owner: 'jongerenwerk',
        deadline: '2026-03-01',
      },
    ]);
    expect(x.decisions).toEqual([
      { date: '2026-01-20', step: '2B', outcome: 'besproken', text: `Zorgen over ${a}.` },
      { date: '2026-01-21', step: '2B', outcome: 'besproken', text: `Let op ${AARDBEI}. — Acuut gevaar.` },
    ]);
    expect(x.corrections).toEqual([
      {
        date: '2026-01-12',
        by: 'regie@testdorp.example',
        wrong: 'Voortouw.',
        right: 'Loopt mee.',
        statement: `Politie Basisteam Testdorp: ${title(h, '2B.p.rol')}`,
      },
      {
        date: '2026-01-12',
        by: 'regie@testdorp.example',
        wrong: 'Oud.',
        right: 'Nieuw.',
        statement: 'alle partners: 2B.vervallen',
      },
    ]);
    expect(JSON.stringify(x)).not.toContain(b);
    expect(JSON.stringify(x)).not.toContain(BOSBES);
  });

  it('de eigen rij van de namenlijst, ook als de code met spaties is getypt; lege kolommen en kolommen zonder kop niet', () => {
    const { h, a, b } = setUp();
    const tab = namesTab(h);
    const rows = tab.getDataRange().getValues();
    const header = rows[0]!.map(String);
    const at = rows.findIndex((r) => r[0] === b) + 1;
    // The coordinator retyped the code with spaces and noted something beside the table.
    tab.getRange(at, 1).setValue(` ${b} `);
    tab.getRange(at, header.length + 2).setValue('notitie naast de tabel');
    const listed = collectPerson(reopen(h), b).listed;
    expect(listed).toEqual([
      ['Code', b],
      ['Naam', BOSBES],
      ['Geboortejaar', String(PEOPLE[1]!.geboortejaar)],
    ]);
    expect(JSON.stringify(collectPerson(reopen(h), a).listed)).not.toContain(BOSBES);
  });

  it('een persoon die niet (meer) in de namenlijst staat: alleen wat over de code gaat, geen namenlijstregels', () => {
    const { h, a, c } = setUp();
    const tab = namesTab(h);
    tab.deleteRow(
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === c) + 1,
    );
    appendRows(h.ss, ANSWERS, [
      answer('2B#1#politie', c, 'Over c.'),
      answer('2B#1#politie', a, `Zonder code, met ${AARDBEI}.`),
    ]);
    const x = collectPerson(reopen(h), c);
    expect(x.listed).toEqual([]);
    expect(x.answers.map((y) => y.value)).toEqual(['Over c.']);
  });

  it('de inzage in het Logboek heet "inzage" en noemt alleen de code', () => {
    const { h, a } = setUp();
    exportPerson(h, a);
    const line = readTable(h.ss, LOG).at(-1)!;
    expect(line.event).toBe('inzage');
    expect(line.detail).not.toContain(AARDBEI);
  });

  it('weigert zonder namenlijst of zonder map van de namenlijst, en maakt dan geen document', () => {
    const { h, a, rt } = setUp();
    const files = rt.drive.size;
    // The namenlijst file has no parent folder the coordinator can see.
    rt.drive.get(h.row.namesId)!.parentIds = [];
    expect(refusal(() => exportPerson(reopen(h), a))).toBe(
      `De map van de namenlijst van casus ${h.row.code} is niet gevonden.`,
    );
    setCaseNamesId(h, '');
    expect(refusal(() => exportPerson(reopen(h), a))).toBe(
      `Casus ${h.row.code} heeft geen namenlijst (meer); er is geen map om de inzage in te zetten.`,
    );
    expect(rt.drive.size).toBe(files);
    expect(readTable(h.ss, LOG).some((l) => l.event === 'inzage')).toBe(false);
  });
});

describe('een persoon overal verwijderen (art. 17): wat er weggaat, wat er geteld en vastgelegd wordt', () => {
  it('telt elke vermelding (code in kleine letters, twee keer, en de naam) en elk formulier dat iets over de persoon had', () => {
    const { h, a, b } = setUp();
    appendRows(h.ss, ANSWERS, [
      answer('2B#1#politie', b, 'Komt alleen in het weekend.'),
      answer('2B#1#politie', a, 'Neemt het voortouw.'),
      answer('2B#1#jongerenwerk', '', `${b} en ${b.toLowerCase()} zijn dezelfde.`, '2B.p.rol', 'r2'),
      answer('2B#1#boa', '', `Gezien: ${BOSBES}.`, '2B.p.rol', 'r3'),
      answer('2A#1#politie', '', 'Over de groep.', '2A.x', 'r4'),
    ]);
    const r = removePerson(reopen(h), b);
    expect(r).toMatchObject({
      code: b,
      answers: 1,
      mentions: 3,
      forms: 3,
      letter: `Afsluitbrief ${h.row.code} ${b}`,
    });
    expect(readTable(h.ss, ANSWERS).map((x) => x.value)).toEqual([
      'Neemt het voortouw.',
      '[verwijderde persoon] en [verwijderde persoon] zijn dezelfde.',
      'Gezien: [verwijderde persoon].',
      'Over de groep.',
    ]);
    // The namenlijst row of this person went, the others stayed.
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), NAMES);
    expect(names.map((n) => n.Naam)).toEqual([AARDBEI, PEOPLE[2]!.naam]);
    expect(readTable(h.ss, PERSONS).map((p) => p.code)).not.toContain(b);
    expect(readTable(h.ss, REMOVALS)).toMatchObject([
      {
        code: b,
        answers: 1,
        mentions: 3,
        forms: 3,
        result: `verwijderd: 1 antwoordregel(s) over de code, 3 vermelding(en) vervangen; 3 formulier(en) bewaren de oorspronkelijke inzending tot de casus wordt vernietigd; afsluitbrief: Afsluitbrief ${h.row.code} ${b}`,
      },
    ]);
    const log = readTable(h.ss, LOG).filter((l) => l.event === 'persoon verwijderd');
    expect(log.map((l) => l.detail)).toEqual([
      `${b} verwijderd uit namenlijst, antwoorden, personen, weergaven en documenten; 3 formulier(en) bewaren de oorspronkelijke inzending tot de vernietiging van de casus`,
    ]);
    // A second person gets a record of their own.
    removePerson(reopen(h), a);
    expect(readTable(h.ss, REMOVALS).map((x) => [x.code, x.answers, x.finished > 0])).toEqual([
      [b, 1, true],
      [a, 1, true],
    ]);
  });

  it('een persoon die niet in de namenlijst staat: verwijderd zonder afsluitbrief, ook als het sjabloon niet klopt; niemand anders geraakt', () => {
    const { h, a, c } = setUp();
    const tab = namesTab(h);
    tab.deleteRow(
      tab
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === c) + 1,
    );
    // The closing letter's template is wrong, but without a name no letter is made.
    ensureLettersTab(h.reg.ss);
    const letters = h.reg.ss.getSheetByName(LETTERS_SHEET)!;
    const rows = letters.getDataRange().getValues();
    for (let i = rows.length; i >= 2; i--) if (rows[i - 1]![0] === 'afsluitbrief') letters.deleteRow(i);
    appendRows(h.ss, ANSWERS, [answer('2B#1#politie', a, `Met ${c}, niet met anderen.`)]);
    const r = removePerson(reopen(h), c);
    expect(r).toMatchObject({ code: c, answers: 0, mentions: 1, forms: 1, letter: '' });
    expect(r.message).toBe(
      `Persoon ${c} is uit casus ${h.row.code} verwijderd: uit de namenlijst, de antwoorden (0 regel(s) over de code, 1 vermelding(en) vervangen), de personen, de weergaven en de documenten. In 1 formulier(en) blijft de oorspronkelijke inzending van de partner staan: Google Forms kan alleen een hele inzending wissen, en die gaat ook over anderen. Die inzendingen verdwijnen met de casus na de bewaartermijn. Er is geen afsluitbrief gemaakt: de namenlijst had geen naam bij deze code.`,
    );
    expect(readTable(h.ss, REMOVALS)[0]!.result).toBe(
      'verwijderd: 0 antwoordregel(s) over de code, 1 vermelding(en) vervangen; 1 formulier(en) bewaren de oorspronkelijke inzending tot de casus wordt vernietigd; geen afsluitbrief (geen naam in de namenlijst)',
    );
    expect(readTable(h.ss, ANSWERS).map((x) => x.value)).toEqual([
      'Met [verwijderde persoon], niet met anderen.',
    ]);
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), NAMES);
    expect(names.map((n) => n.Naam)).toEqual([AARDBEI, BOSBES]);
    expect(knownLettersFolder(h.row.code)).toBeNull();
  });

  it('in een casus zonder namenlijst: verwijderd uit de personen, zonder afsluitbrief; geen formulier als er niets over de persoon was', () => {
    const { h, a, b } = setUp();
    setCaseNamesId(h, '');
    const r = removePerson(reopen(h), a);
    expect(r).toMatchObject({ code: a, answers: 0, mentions: 0, forms: 0, letter: '' });
    expect(r.message).toContain('Geen formulier bevat een inzending over deze persoon.');
    expect(r.message).toContain('Er is geen afsluitbrief gemaakt');
    expect(readTable(h.ss, PERSONS).map((p) => p.code)).toEqual([b, expect.any(String)]);
  });

  it('een hernoemde tab in de namenlijst en een verwijderde tab Plan van aanpak: inzage en verwijdering werken, zonder namenlijstregel', () => {
    const { h, a, b } = setUp();
    namesTab(h).setName('Namen (oud)');
    h.ss.deleteSheet(h.ss.getSheetByName(PLAN_SHEET)!);
    appendRows(h.ss, ANSWERS, [answer('2B#1#politie', a, 'Over a.')]);
    const x = collectPerson(reopen(h), a);
    expect(x.listed).toEqual([]);
    expect(x.answers.map((y) => y.value)).toEqual(['Over a.']);
    const r = removePerson(reopen(h), a);
    expect(r).toMatchObject({ code: a, answers: 1, letter: '' });
    expect(readTable(h.ss, PERSONS).map((p) => p.code)).not.toContain(a);
    expect(readTable(h.ss, PERSONS).map((p) => p.code)).toContain(b);
  });

  it('weigert een naam of een onbekende code zonder iets vast te leggen; een tweede keer (ook in kleine letters) is al gedaan', () => {
    const { h, a } = setUp();
    expect(refusal(() => removePerson(h, AARDBEI))).toMatch(/^Dat is geen persoonscode/);
    expect(refusal(() => removePerson(h, 'P-2222'))).toBe(
      `Casus ${h.row.code} heeft geen persoon met deze code. Kijk in kolom Code van de namenlijst.`,
    );
    expect(readTable(h.ss, REMOVALS)).toEqual([]);
    removePerson(reopen(h), a);
    expect(refusal(() => removePerson(reopen(h), ` ${a.toLowerCase()} `))).toBe(
      `Deze persoon is al uit casus ${h.row.code} verwijderd.`,
    );
  });

  it('een onderbroken verwijdering staat als "bezig" vastgelegd, zonder naam; wie daarna verwijderd wordt, krijgt een eigen vastlegging', () => {
    const { h, a, b, rt } = setUp();
    rt.injectFault({ method: 'Sheet.deleteRow', nth: 1, message: 'Service unavailable: Spreadsheets' });
    expect(() => removePerson(h, a)).toThrow('Service unavailable');
    const [record] = readTable(h.ss, REMOVALS);
    expect(record).toMatchObject({ code: a, finished: 0, result: 'bezig' });
    expect(JSON.stringify(record)).not.toContain(AARDBEI);
    // Meanwhile another person is removed: a record of its own; the first stays unfinished.
    removePerson(reopen(h), b);
    expect(readTable(h.ss, REMOVALS).map((x) => [x.code, x.finished > 0])).toEqual([
      [a, false],
      [b, true],
    ]);
    // The first one's namenlijst row waits for its own rerun.
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), NAMES);
    expect(names.map((n) => n.Naam)).toEqual([AARDBEI, PEOPLE[2]!.naam]);
  });

  it('de namenlijstregel gaat ook weg als de code er met spaties in staat, met afsluitbrief; de andere regels blijven', () => {
    const { h, b } = setUp();
    const tab = namesTab(h);
    const at = tab
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === b);
    tab.getRange(at + 1, 1).setValue(` ${b} `);
    const r = removePerson(reopen(h), b);
    // The name was found, so the person gets the closing letter (not "geen naam in de namenlijst").
    expect(r.letter).toBe(`Afsluitbrief ${h.row.code} ${b}`);
    expect(readTable(h.ss, REMOVALS).map((x) => x.result)).toEqual([
      expect.stringContaining(`afsluitbrief: Afsluitbrief ${h.row.code} ${b}`),
    ]);
    const names = readTable(SpreadsheetApp.openById(h.row.namesId), NAMES);
    expect(names.map((n) => n.Naam)).toEqual([AARDBEI, PEOPLE[2]!.naam]);
  });

  it('een storing bij het lezen van de tab Brieven komt als storing door, niet als fout in het sjabloon; er is niets verwijderd', () => {
    const { h, a } = setUp();
    // Google fails while the tab Brieven of the register is read (a service error, not the
    // coordinator's): the register's spreadsheet throws as Apps Script does then.
    const book = h.reg.ss;
    h.reg.ss = new Proxy(book, {
      get(target, prop) {
        if (prop === 'getSheetByName')
          return (name: string) => {
            if (name === LETTERS_SHEET)
              throw new Error('Service Spreadsheets failed while accessing document');
            return target.getSheetByName(name);
          };
        const v = Reflect.get(target, prop);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    let error: unknown = null;
    try {
      removePerson(h, a);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UserError);
    expect(String(error)).toBe('Error: Service Spreadsheets failed while accessing document');
    expect(readTable(h.ss, REMOVALS)).toEqual([]);
  });

  it('weigert zolang het vastgestelde plan (de laatste versie) de persoon noemt, bij code of naam; een oudere versie houdt niets tegen', () => {
    const { h, a, b } = setUp();
    appendRows(h.ss, PLAN, [
      action(1, b, 'Groepsaanspreking.'),
      action(2, '', `Huisbezoek bij ${AARDBEI}.`),
      action(2, '', 'Extra toezicht.'),
    ]);
    expect(refusal(() => removePerson(reopen(h), a))).toBe(
      'Het plan van aanpak noemt deze persoon nog (het vastgestelde plan (versie 2)). Haal de persoonscode daar weg en leg het plan opnieuw vast; verwijder de persoon daarna.',
    );
    // The plan in force no longer names b: the removal goes through.
    expect(removePerson(reopen(h), b).code).toBe(b);
    // By code in the subject of the plan in force, and in two cells of the tab: all named.
    appendRows(h.ss, PLAN, [action(3, a, 'Gesprek.')]);
    writePlanTab(h, null);
    const sheet = h.ss.getSheetByName(PLAN_SHEET)!;
    sheet.getRange('I3').setValue(a);
    sheet.getRange('B4').setValue(`Met ${AARDBEI}`);
    expect(refusal(() => removePerson(reopen(h), a))).toContain(
      `(${PLAN_SHEET}!I3, ${PLAN_SHEET}!B4, het vastgestelde plan (versie 3))`,
    );
    expect(readTable(h.ss, REMOVALS).map((r) => r.code)).toEqual([b]);
  });
});
