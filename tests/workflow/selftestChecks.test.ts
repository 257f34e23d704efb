/**
 * The Zelftest's checks one by one (workflow/selftest.ts). A coordinator relies on its report: a
 * check that says "werkt" while the service failed is the worst bug here. Each failure a real
 * account can meet (Drive, mail, answers, documents, triggers, the clean-up, the script
 * properties) is played on the in-memory Apps Script: by an injected service error, or by
 * something that happens to Google's data just before a call (an injected fault's `effect`):
 * an answer that comes back different, a document that comes back empty, what Docs does with a
 * line break, a file that stays out of the trash, a property another script sets. After every
 * failure the report says which later checks were not done, nothing is said to work that was not
 * checked, and what it made still goes to the trash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocModel, ParaNode } from '../../src/local/apps-script/document-model';
import { attachBlock, newPara } from '../../src/local/apps-script/document-model';
import { submitAsRespondent } from '../../src/local/apps-script/forms';
import type { FormModel } from '../../src/local/apps-script/forms-model';
import type { DriveEntry, Runtime } from '../../src/local/apps-script/runtime';
import { MIME } from '../../src/local/apps-script/runtime';
import type { LocalAppsScript } from '../../src/local/harness';
import { startLocalAppsScript } from '../../src/local/harness';
import { withLock } from '../../src/workflow/lock';
import type { SelftestReport } from '../../src/workflow/selftest';
import { runSelftest, SELFTEST_ANSWER, selftestText } from '../../src/workflow/selftest';
import { answersFor } from './helpers';

let local: LocalAppsScript;
/** The runtimes this test started, disposed after it (the report tests start none). */
const started: LocalAppsScript[] = [];

afterEach(() => {
  for (const l of started.splice(0)) l.dispose();
});

const INPUT = { email: 'regie@testdorp.example', parentId: null, dispatchHandler: 'runDispatcher' };
const NOT_CHECKED = (s: string) => `${s}: niet gecontroleerd, omdat een eerdere stap mislukte.`;
const GET_RESPONSES_FACT = 'Form.getResponses(tijdstip) met precies het tijdstip van een antwoord';
const BREAK_FACT = 'Een regeleinde (\\n) binnen een alinea in Google Docs';
const TRIGGER_OFF =
  'Automatisch bijwerken staat (voor uw account) nog niet aan; kies "Automatisch bijwerken aanzetten".';

/** A bare account (no register of its own): Monday 12 January 2026, 09:00 in Amsterdam. */
function account(opts: { mailDailyQuota?: number } = {}): void {
  local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0), ...opts });
  started.push(local);
}

function run(): SelftestReport {
  return withLock(() => runSelftest(INPUT));
}

/**
 * Lets `happen` change Google's data once, just before the first call to `method` at which
 * `when` holds (the call then runs as usual, on the changed data).
 */
function justBefore(method: string, happen: (rt: Runtime) => void, when: () => boolean = () => true): void {
  let done = false;
  local.rt.injectFault({
    method,
    nth: 1,
    times: Number.MAX_SAFE_INTEGER,
    effect: (rt) => {
      if (done || !when()) return;
      done = true;
      happen(rt);
    },
  });
}

/** The Drive entry the Zelftest made under this name. */
function made(name: string): DriveEntry | undefined {
  return [...local.rt.drive.values()].find((e) => e.name === name);
}

/** The step 1 form of the Zelftest's case. */
function caseForm(): { id: string; form: FormModel } {
  const e = [...local.rt.drive.values()].find((x) => x.mimeType === MIME.form && x.name.includes('Stap 1'))!;
  return { id: e.id, form: e.data as FormModel };
}

function paraText(p: ParaNode): string {
  return p.children.map((c) => (c.kind === 'TEXT' ? c.runs.map((r) => r.text).join('') : '')).join('');
}

/** Gives a paragraph one text run. */
function setText(p: ParaNode, text: string): void {
  const t = p.children.find((c) => c.kind === 'TEXT')!;
  t.runs = [{ text, attrs: t.runs[0]?.attrs ?? {} }];
}

/** Whether the clean-up has begun (the throwaway folder is in the trash). */
function cleaningUp(): boolean {
  return [...local.rt.drive.values()].some((e) => /^Zelftest \d{12} \(mag weg\)$/.test(e.name) && e.trashed);
}

/** Drive entries not in the trash. */
function liveDrive(): string[] {
  return [...local.rt.drive.values()].filter((e) => !e.trashed).map((e) => e.id);
}

function services(r: SelftestReport): [string, boolean][] {
  return r.checks.map((c) => [c.service, c.ok]);
}

function detailOf(r: SelftestReport, service: string): string | undefined {
  return r.checks.find((c) => c.service === service)?.detail;
}

/** "N bestanden en mappen in de prullenbak", with N what the test made (all of it in the trash now). */
function trashedAll(): string {
  const n = [...local.rt.drive.values()].filter((e) => e.trashed).length;
  return `${n} bestanden en mappen in de prullenbak`;
}

describe('Zelftest: een dienst die faalt wordt gemeld, en wat erna komt niet als gecontroleerd', () => {
  it('Drive maakt geen map: alleen Drive mislukt, de rest is niet gecontroleerd en er was niets op te ruimen', () => {
    account();
    local.rt.injectFault({ method: 'Folder.createFolder', nth: 1, message: 'Service Drive failed' });
    const r = run();
    expect(r.ok).toBe(false);
    expect(r.checks).toEqual([
      { service: 'Drive', ok: false, detail: expect.stringContaining('Service Drive failed') },
      { service: 'Opruimen', ok: true, detail: 'er was niets om op te ruimen' },
    ]);
    expect(r.notChecked).toEqual(
      ['Spreadsheets', 'Formulieren', 'Mail', 'Antwoorden verwerken', 'Documenten'].map(NOT_CHECKED),
    );
    expect(r.facts).toEqual([]);
    expect(r.notes).toEqual([TRIGGER_OFF]);
    expect(liveDrive()).toEqual([local.rt.rootFolderId]);
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual({});
  });

  it('de proefmail gaat niet weg (MailApp weigert): Mail mislukt, antwoorden en documenten niet gecontroleerd', () => {
    account();
    local.rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 1,
      times: 5,
      message: 'Service unavailable: Gmail',
    });
    const r = run();
    expect(r.ok).toBe(false);
    expect(services(r)).toEqual([
      ['Drive', true],
      ['Spreadsheets', true],
      ['Formulieren', true],
      ['Mail', false],
      ['Opruimen', true],
    ]);
    expect(detailOf(r, 'Mail')).toBe('de proefmail is niet verstuurd');
    expect(r.notChecked).toEqual(['Antwoorden verwerken', 'Documenten'].map(NOT_CHECKED));
    expect(r.facts).toEqual([]);
    expect(local.rt.mailbox).toEqual([]);
    expect(detailOf(r, 'Opruimen')).toBe(trashedAll());
  });

  it('het dagquotum is op: de mail staat onder niet gecontroleerd, de rest wordt gewoon gecontroleerd', () => {
    account({ mailDailyQuota: 0 });
    const r = run();
    expect(services(r)).toEqual([
      ['Drive', true],
      ['Spreadsheets', true],
      ['Formulieren', true],
      ['Antwoorden verwerken', true],
      ['Documenten', true],
      ['Opruimen', true],
    ]);
    expect(r.notChecked[0]).toBe('Mail: het dagquotum van MailApp is op; de proefmail is niet verstuurd.');
    expect(local.rt.mailbox).toEqual([]);
  });

  it('nog precies één mail over vandaag: de proefmail gaat en wordt gecontroleerd', () => {
    account({ mailDailyQuota: 1 });
    const r = run();
    expect(services(r)).toContainEqual(['Mail', true]);
    expect(r.notChecked.filter((n) => n.startsWith('Mail'))).toEqual([]);
    expect(local.rt.mailbox).toHaveLength(1);
  });

  it('het ingevulde antwoord komt anders terug in de casus: Antwoorden verwerken mislukt en er wordt niets waargenomen', () => {
    account();
    // Forms hands back another text than the one submitted (reconcile reads it with getResponses).
    justBefore('Form.getResponses', () => {
      for (const resp of caseForm().form.responses)
        for (const [k, v] of Object.entries(resp.answers))
          if (v === SELFTEST_ANSWER) resp.answers[k] = 'Een ander antwoord';
    });
    const r = run();
    expect(services(r)).toEqual([
      ['Drive', true],
      ['Spreadsheets', true],
      ['Formulieren', true],
      ['Mail', true],
      ['Antwoorden verwerken', false],
      ['Opruimen', true],
    ]);
    expect(detailOf(r, 'Antwoorden verwerken')).toBe(
      '1 nieuw antwoord verwerkt; het ingevulde antwoord ontbreekt',
    );
    expect(r.facts).toEqual([]);
    expect(r.notChecked).toEqual([NOT_CHECKED('Documenten')]);
  });

  it('twee antwoorden verwerkt waar de test er één invulde: Antwoorden verwerken mislukt', () => {
    account();
    // Someone with the link answers the test's form as well, before the answers are read.
    justBefore('Form.getResponses', (rt) => {
      const { id } = caseForm();
      submitAsRespondent(rt, id, answersFor(rt, id));
    });
    const r = run();
    expect(services(r)).toContainEqual(['Antwoorden verwerken', false]);
    expect(detailOf(r, 'Antwoorden verwerken')).toBe(
      '2 nieuw antwoord verwerkt; het ingevulde antwoord ontbreekt',
    );
    expect(r.facts).toEqual([]);
  });

  it('het testantwoord staat tussen andere antwoorden van dezelfde inzending: Antwoorden verwerken werkt', () => {
    account();
    // The one response holds a second open answer next to the test's (a form with a prefilled answer).
    justBefore('Form.getResponses', () => {
      const { form } = caseForm();
      const resp = form.responses[0]!;
      const other = form.items.find(
        (i) => (i.type === 'TEXT' || i.type === 'PARAGRAPH_TEXT') && !(String(i.id) in resp.answers),
      )!;
      resp.answers[String(other.id)] = 'Nog een open antwoord';
    });
    const r = run();
    expect(services(r)).toContainEqual(['Antwoorden verwerken', true]);
    expect(detailOf(r, 'Antwoorden verwerken')).toBe('een ingevuld antwoord staat in de casusspreadsheet');
  });

  it('het integraal beeld noemt de casus niet: Documenten mislukt en de alineaproef vervalt', () => {
    account();
    // The integraal beeld comes back empty when it is read.
    justBefore('Body.getText', () => {
      const doc = made('ZELF-2026-001 integraal beeld')!.data as DocModel;
      doc.body.children = [];
    });
    const r = run();
    expect(services(r)).toContainEqual(['Documenten', false]);
    expect(detailOf(r, 'Documenten')).toBe('het integraal beeld is leeg of noemt de casus niet');
    expect(r.facts.map((f) => f.fact)).toEqual([GET_RESPONSES_FACT]);
    expect(r.ok).toBe(false);
  });

  it('een fout buiten de checks (de triggers lezen): gemeld als Zelftest, en toch opgeruimd', () => {
    account();
    local.rt.injectFault({
      method: 'ScriptApp.getProjectTriggers',
      nth: 1,
      message: 'Service Script failed',
    });
    const r = run();
    expect(r.ok).toBe(false);
    expect(r.checks.slice(-2)).toEqual([
      { service: 'Zelftest', ok: false, detail: expect.stringContaining('Service Script failed') },
      { service: 'Opruimen', ok: true, detail: trashedAll() },
    ]);
    expect(r.notes).toEqual([]);
    expect(liveDrive()).toEqual([local.rt.rootFolderId]);
  });
});

describe('Zelftest: wat hij waarneemt', () => {
  it('getResponses(tijdstip) laat het antwoord op precies dat tijdstip weg: exclusief', () => {
    account();
    // The emulator's getResponses(since) is inclusive (forms.ts); an exclusive Google is played by
    // moving the answer one millisecond before the time asked for, on the second read (the first
    // is the reconcile's).
    let reads = 0;
    justBefore(
      'Form.getResponses',
      () => {
        for (const resp of caseForm().form.responses) resp.timestamp -= 1;
      },
      () => ++reads === 2,
    );
    const r = run();
    expect(r.facts[0]).toEqual({
      fact: GET_RESPONSES_FACT,
      observed: 'geeft dat antwoord niet terug (exclusief)',
    });
  });

  /** What Docs may keep of 'Zelftest regel een\\nZelftest regel twee' in one paragraph. */
  const KEPT: [string, (p: ParaNode, body: DocModel['body']) => void][] = [
    ['blijft een regeleinde binnen één alinea', () => {}],
    ['wordt \\r binnen één alinea', (p) => setText(p, 'Zelftest regel een\rZelftest regel twee')],
    ['verdwijnt (één alinea zonder regeleinde)', (p) => setText(p, 'Zelftest regel eenZelftest regel twee')],
    [
      "splitst de tekst in 2 alinea's",
      (p, body) => {
        setText(p, 'Zelftest regel een');
        attachBlock(body, newPara('PARAGRAPH', 'Zelftest regel twee'), body.children.indexOf(p) + 1);
      },
    ],
  ];

  it.each(KEPT)('wat Docs met een regeleinde binnen een alinea doet: %s', (observed, docs) => {
    account();
    justBefore(
      'Body.getParagraphs',
      () => {
        const body = (made('Zelftest alinea (mag weg)')!.data as DocModel).body;
        const p = body.children.find(
          (b): b is ParaNode => b.kind === 'PARAGRAPH' && paraText(b).includes('Zelftest regel'),
        )!;
        docs(p, body);
      },
      () => made('Zelftest alinea (mag weg)') !== undefined,
    );
    const r = run();
    expect(r.facts.at(-1)).toEqual({ fact: BREAK_FACT, observed });
  });

  it('automatisch bijwerken staat aan: dat zegt hij', () => {
    account();
    ScriptApp.newTrigger('runDispatcher').timeBased().everyHours(1).create();
    const r = run();
    expect(r.notes).toEqual(['Automatisch bijwerken staat aan voor uw account.']);
  });
});

describe('Zelftest: het opruimen wordt gecontroleerd', () => {
  it('Drive weigert iets naar de prullenbak te zetten: Opruimen mislukt met de reden', () => {
    account();
    local.rt.injectFault({ method: 'File.setTrashed', nth: 1, message: 'Access denied: DriveApp.' });
    const r = run();
    expect(r.ok).toBe(false);
    expect(r.checks.at(-1)).toEqual({
      service: 'Opruimen',
      ok: false,
      detail: expect.stringMatching(/^opruimen mislukte: .*Access denied: DriveApp\./),
    });
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual({});
  });

  it('iets staat na het opruimen nog buiten de prullenbak: Opruimen mislukt en zegt hoeveel', () => {
    account();
    // Something puts the probe document back just after it went to the trash.
    justBefore('File.isTrashed', () => {
      made('Zelftest alinea (mag weg)')!.trashed = false;
    });
    const r = run();
    expect(r.ok).toBe(false);
    expect(r.checks.at(-1)).toEqual({
      service: 'Opruimen',
      ok: false,
      detail: '1 bestand(en) staan nog buiten de prullenbak',
    });
  });

  it('er blijft een scripteigenschap van de test staan: Opruimen mislukt', () => {
    account();
    // Another script (not under this lock) sets a property while the test cleans up.
    justBefore(
      'Properties.getProperties',
      () => PropertiesService.getScriptProperties().setProperty('ANDER_SCRIPT', 'ja'),
      cleaningUp,
    );
    const r = run();
    expect(r.ok).toBe(false);
    expect(r.checks.at(-1)).toEqual({
      service: 'Opruimen',
      ok: false,
      detail: `${trashedAll()}; de scripteigenschappen zijn niet zoals voor de test`,
    });
  });

  it('een scripteigenschap heeft na de test een andere waarde: Opruimen mislukt', () => {
    account();
    PropertiesService.getScriptProperties().setProperties({
      CASES_FOLDER_ID: 'map-casussen',
      SHEET: 'register',
    });
    justBefore(
      'Properties.getProperties',
      () => PropertiesService.getScriptProperties().setProperty('SHEET', 'ander register'),
      cleaningUp,
    );
    const r = run();
    expect(r.checks.at(-1)).toEqual({
      service: 'Opruimen',
      ok: false,
      detail: `${trashedAll()}; de scripteigenschappen zijn niet zoals voor de test`,
    });
  });

  it('de scripteigenschappen zijn na de test precies als ervoor: Opruimen werkt', () => {
    account();
    const before = { CASES_FOLDER_ID: 'map-casussen', SHEET: 'register' };
    PropertiesService.getScriptProperties().setProperties(before);
    const r = run();
    expect(r.checks.at(-1)).toEqual({ service: 'Opruimen', ok: true, detail: trashedAll() });
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual(before);
  });
});

describe('selftestText: het verslag zoals de procesregisseur het leest', () => {
  it('een mislukte test: kop, elke check, en wat niet gecontroleerd is; geen lege kopjes', () => {
    const text = selftestText({
      ok: false,
      checks: [
        { service: 'Drive', ok: true, detail: 'map gemaakt' },
        { service: 'Formulieren', ok: false, detail: 'Service Forms failed' },
      ],
      facts: [],
      notChecked: ['Mail: niet gecontroleerd, omdat een eerdere stap mislukte.'],
      notes: [],
    });
    expect(text).toBe(
      [
        'Zelftest: niet alles werkt.',
        '',
        'werkt — Drive: map gemaakt',
        'MISLUKT — Formulieren: Service Forms failed',
        '',
        'Niet gecontroleerd:',
        '- Mail: niet gecontroleerd, omdat een eerdere stap mislukte.',
      ].join('\n'),
    );
  });

  it('een geslaagde test: waarnemingen en de opmerking, zonder kopje "Niet gecontroleerd"', () => {
    const text = selftestText({
      ok: true,
      checks: [{ service: 'Drive', ok: true, detail: 'map gemaakt' }],
      facts: [{ fact: 'Een feit', observed: 'zo gezien' }],
      notChecked: [],
      notes: ['Automatisch bijwerken staat aan voor uw account.'],
    });
    expect(text).toBe(
      [
        'Zelftest geslaagd.',
        '',
        'werkt — Drive: map gemaakt',
        '',
        'Waargenomen:',
        '- Een feit: zo gezien',
        '',
        'Automatisch bijwerken staat aan voor uw account.',
      ].join('\n'),
    );
  });
});
