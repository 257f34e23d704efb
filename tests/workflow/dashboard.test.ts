/** The dashboard read model on a real case: timeline, matrix, next actions, links, and what it costs. */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import type { CaseState, StepId } from '../../src/model/types';
import type { FormRecord } from '../../src/render/caseView';
import { assembleView } from '../../src/workflow/assemble';
import { openCase, openRegister } from '../../src/workflow/context';
import {
  type CaseDashboard,
  caseDashboard,
  caseSummaries,
  failedMails,
  matrixCell,
  overviewStale,
  partnerFacts,
} from '../../src/workflow/dashboard';
import { recordDecision } from '../../src/workflow/decide';
import { refreshCase } from '../../src/workflow/dispatcher';
import { knownLettersFolder } from '../../src/workflow/letters';
import { openNewCase } from '../../src/workflow/newCase';
import { addPersons, ensureNamesList } from '../../src/workflow/persons';
import { publish } from '../../src/workflow/publish';
import { CASES, DOCUMENTS, FORMS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { appendRows, readTable, replaceTable, withTableCache } from '../../src/workspace/tables';
import {
  decideGate,
  fillRequired,
  freshCaseAt2B,
  freshLocalCase,
  freshRegister,
  PARTNERS,
  PERSONS,
  setPartnerLevels,
  withPartnerSteps,
} from './helpers';

let local: LocalAppsScript | undefined;
afterEach(() => {
  local?.dispose();
  local = undefined;
});

/** A new case on a fresh in-memory Apps Script; one started earlier in the same test is removed first. */
function fresh() {
  local?.dispose();
  const f = freshLocalCase();
  local = f.local;
  return f.h;
}

function dashboard(code: string): CaseDashboard {
  return withTableCache(() => caseDashboard(openCase(openRegister(), code)));
}

const row = (d: CaseDashboard, partnerId: string) => d.matrix.rows.find((r) => r.partnerId === partnerId)!;
const cell = (d: CaseDashboard, partnerId: string, step: string) =>
  row(d, partnerId).cells.find((c) => c.step === step)!;

describe('het dashboard van een casus', () => {
  it('volgt een casus van openen tot besluit: tijdlijn, matrix, volgende acties en links', () => {
    const h = fresh();
    const code = h.row.code;

    // Just opened: step 1 waits to be started; the partners of step 1 are still to be asked.
    let d = dashboard(code);
    expect(d.code).toBe(code);
    expect(d.label).toBe('Groep bij het winkelcentrum (fictief)');
    expect(d.status).toBe('open');
    expect(d.stepTitle).toBe('Stap 1 — Signalen delen');
    expect(d.actions.map((a) => a.kind)).toEqual(['startStep']);
    expect(d.timeline.map((t) => `${t.step}:${t.state}`)).toEqual([
      '1:current',
      '2A:future',
      '2B:future',
      '3:future',
      '4:future',
      '5:future',
      '6:future',
      '7:future',
    ]);
    expect(cell(d, 'politie', '1')).toEqual({ step: '1', kind: 'future', text: 'volgt' });
    expect(cell(d, 'jongerenwerk', '2B')).toEqual({ step: '2B', kind: 'not_asked', text: 'niet gevraagd' });
    expect(d.links.map((l) => l.label)).toEqual([
      'Casusspreadsheet',
      'Integraal beeld (beperkt)',
      'Casusmap',
    ]);
    expect(d.links[0]!.url).toBe(`https://docs.google.com/spreadsheets/d/${h.row.spreadsheetId}/edit`);
    expect(d.progress).toBe('');

    // Started: everyone asked with a deadline; nothing to do but wait.
    startStep(h);
    d = dashboard(code);
    expect(d.actions).toEqual([]);
    expect(d.progress).toBe('0 van 3 partners hebben geantwoord');
    expect(cell(d, 'politie', '1')).toEqual({ step: '1', kind: 'asked', text: 'gevraagd, deadline 26-01' });
    const formLinks = d.links.filter((l) => l.label.startsWith('Formulier'));
    expect(formLinks.map((l) => l.label)).toEqual([
      'Formulier Politie Basisteam Testdorp (stap 1)',
      'Formulier Jongerenwerk Testdorp (stap 1)',
      'Formulier Handhaving Testdorp (stap 1)',
    ]);
    const forms = readTable(h.ss, FORMS);
    expect(formLinks[0]!.url).toBe(forms[0]!.publishedUrl);

    // Politie answers and the answers are read: the cell says so, and the integraal beeld is behind.
    fillRequired(local!.rt, String(forms.find((f) => f.partnerId === 'politie')!.formId));
    refreshCase(openCase(openRegister(), code));
    d = dashboard(code);
    expect(cell(d, 'politie', '1').kind).toBe('answered');
    expect(cell(d, 'politie', '1').text).toMatch(/^beantwoord \d\d-\d\d$/);
    expect(d.progress).toBe('1 van 3 partners heeft geantwoord');
    expect(d.actions.map((a) => a.kind)).toEqual(['publish']);
    // Brought up to date on request: no longer behind.
    publish(openCase(openRegister(), code), { requested: true });
    expect(dashboard(code).actions).toEqual([]);

    // Past the deadline (26 January): the others are late, the decision is due, a reminder is offered.
    local!.rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
    d = dashboard(code);
    expect(cell(d, 'boa', '1')).toEqual({ step: '1', kind: 'late', text: 'te laat (2 wd, deadline 26-01)' });
    expect(d.actions.map((a) => a.kind)).toEqual(['recordDecision', 'remind']);
    expect(d.actions[0]!.reason).toBe('De deadline is voorbij; 1 van 3 partners heeft geantwoord.');

    // The gate: step 1 done with its decision; step 2A to be started; the late forms are closed.
    recordDecision(
      openCase(openRegister(), code),
      {
        step: '1',
        round: 1,
        outcome: 'verder_verkennen',
        motivation: 'De politie ziet een groep.',
        decidedBy: 'partneroverleg',
        date: '2026-01-28',
      },
      'regie@testdorp.example',
    );
    d = dashboard(code);
    expect(d.timeline[0]).toEqual({
      step: '1',
      name: 'Signalen delen',
      state: 'done',
      text: 'afgerond',
      decisions: [{ round: 1, outcome: 'Verder verkennen', date: '28-01-2026' }],
    });
    expect(d.timeline[1]!.state).toBe('current');
    expect(d.actions.map((a) => [a.kind, a.label])).toEqual([['startStep', 'Stap 2A starten']]);
    expect(cell(d, 'boa', '1')).toEqual({ step: '1', kind: 'closed', text: 'gesloten zonder antwoord' });
    expect(cell(d, 'politie', '2A')).toEqual({ step: '2A', kind: 'future', text: 'volgt' });
  });

  it('kost een vast aantal aanroepen, niet één per partner of formulier', () => {
    const h = fresh();
    const rt = local!.rt;
    const calls = () => {
      rt.resetCounts();
      dashboard(h.row.code);
      return [...rt.counts.values()].reduce((a, b) => a + b, 0);
    };
    const before = calls();
    startStep(h);
    fillRequired(rt, String(readTable(h.ss, FORMS)[0]!.formId));
    refreshCase(openCase(openRegister(), h.row.code));
    // Three forms, an answer, mails and log lines later: the same calls. One batch read for the
    // register's settings tabs (settings, partners, questions), the list of cases and the
    // Casussen view whose Label and Wijk the coordinator may edit, and one batch read for the
    // case spreadsheet's tables.
    expect(calls()).toBe(before);
    expect(before).toBeLessThanOrEqual(23);
    expect(rt.totalCalls('FormApp') + rt.totalCalls('Form.')).toBe(0);
    expect(rt.totalCalls('DriveApp') + rt.totalCalls('Drive.')).toBe(0);
    expect(rt.counts.get('Sheets.Spreadsheets.Values.batchGet')).toBe(2);
  });

  it('telt mislukte en onzekere mails, niet vervangen of verstuurde', () => {
    expect(
      failedMails([
        { status: 'mislukt' },
        { status: 'onzeker' },
        { status: 'vervangen' },
        { status: 'verstuurd' },
        { status: 'wacht' },
      ]),
    ).toBe(2);
  });

  it('ziet het integraal beeld als achter wanneer er na het laatste bijwerken antwoorden binnenkwamen', () => {
    const log = (events: [number, string][]) => ({
      log: events.map(([at, event]) => ({ at, event, detail: '' })),
    });
    expect(overviewStale(log([[1, 'casus geopend']]))).toBe(false);
    expect(
      overviewStale(
        log([
          [1, 'casus geopend'],
          [2, 'antwoorden verwerkt'],
        ]),
      ),
    ).toBe(true);
    expect(
      overviewStale(
        log([
          [1, 'antwoorden gewijzigd'],
          [2, 'integraal beeld'],
        ]),
      ),
    ).toBe(false);
    expect(
      overviewStale(
        log([
          [1, 'antwoorden verwerkt'],
          [2, 'besluit'],
        ]),
      ),
    ).toBe(false);
    expect(
      overviewStale(
        log([
          [1, 'besluit'],
          [3, 'antwoorden verwerkt'],
          [2, 'integraal beeld'],
        ]),
      ),
    ).toBe(true);
  });

  it('ziet het integraal beeld niet als achter wanneer het op hetzelfde moment als de antwoorden is bijgewerkt', () => {
    const log = (events: [number, string][]) => ({
      log: events.map(([at, event]) => ({ at, event, detail: '' })),
    });
    expect(
      overviewStale(
        log([
          [5, 'antwoorden verwerkt'],
          [5, 'integraal beeld'],
        ]),
      ),
    ).toBe(false);
  });

  it('zet open casussen vóór gesloten in de lijst, de nieuwste eerst', () => {
    const h = fresh();
    const list = caseSummaries(h.reg);
    expect(list).toEqual([
      { code: h.row.code, label: 'Groep bij het winkelcentrum (fictief)', status: 'open', step: '1' },
    ]);
  });
});

describe('een cel van de matrix', () => {
  /** The view of a fresh case after step 1 started; `with` changes politie's form (null: no form) and the state. */
  function startedView() {
    const h = fresh();
    startStep(h);
    const view = withTableCache(() => assembleView(openCase(openRegister(), h.row.code)));
    const politie = view.forms.find((f) => f.partnerId === 'politie')!;
    return (form: Partial<FormRecord> | null, state: Partial<CaseState> = {}) => ({
      ...view,
      state: { ...view.state, ...state },
      forms: form === null ? view.forms.filter((f) => f !== politie) : [{ ...politie, ...form }],
    });
  }

  it('zegt per formulier wat er aan de hand is, met de ronde als die niet de eerste is', () => {
    const viewWith = startedView();
    const text = (form: Partial<FormRecord>) => {
      const c = matrixCell(viewWith(form), 'politie', '1');
      return `${c.kind}: ${c.text}`;
    };
    // 12 January 2026 is today; the deadline is 26 January.
    expect(text({})).toBe('asked: gevraagd, deadline 26-01');
    expect(text({ round: 2 })).toBe('asked: gevraagd, deadline 26-01 (ronde 2)');
    expect(text({ deadline: '2026-01-12' })).toBe('asked: gevraagd, deadline 12-01');
    expect(text({ responseCount: 1, respondedAt: undefined })).toBe('answered: beantwoord');
    expect(text({ status: 'beantwoord', responseCount: 0 })).toBe('answered: beantwoord');
    expect(text({ status: 'ontbreekt' })).toBe('missing: formulier ontbreekt');
    expect(text({ status: 'ontbreekt', round: 3 })).toBe('missing: formulier ontbreekt (ronde 3)');
    expect(text({ inviteProblem: { status: 'mislukt', error: 'x' }, sentAt: undefined })).toBe(
      'not_sent: uitnodiging niet verstuurd (mislukt)',
    );
    expect(text({ inviteProblem: { status: 'wacht', error: '' }, sentAt: undefined, round: 2 })).toBe(
      'not_sent: uitnodiging niet verstuurd (wacht) (ronde 2)',
    );
    // A problem that was solved by a later send no longer counts; no problem and not yet sent is asked.
    expect(text({ inviteProblem: { status: 'mislukt', error: 'x' }, sentAt: 1 })).toBe(
      'asked: gevraagd, deadline 26-01',
    );
    expect(text({ inviteProblem: undefined, sentAt: undefined })).toBe('asked: gevraagd, deadline 26-01');
    expect(text({ reminders: [1, 2] })).toBe('reminded: 2× herinnerd, deadline 26-01');
    expect(text({ reminders: [1], round: 2 })).toBe('reminded: 1× herinnerd, deadline 26-01 (ronde 2)');
    expect(text({ deadline: '2026-01-08', reminders: [1] })).toBe(
      'late: te laat (2 wd, deadline 08-01), 1× herinnerd',
    );
  });

  it('zegt "volgt" alleen bij een actieve partner van die stap die nog aan de beurt komt', () => {
    const viewWith = startedView();
    const at = (partnerId: string, step: StepId, form: Partial<FormRecord> | null, state = {}) =>
      matrixCell(viewWith(form, state), partnerId, step).text;
    // Step 1 started: politie's form was removed here, but the step runs, so politie was not asked.
    expect(at('politie', '1', null)).toBe('niet gevraagd');
    // A later step of the partner follows; one it does not take part in does not.
    expect(at('politie', '2A', null)).toBe('volgt');
    expect(at('jongerenwerk', '2B', null)).toBe('niet gevraagd');
    // An earlier step without a form was not asked, also when the current step has not started.
    expect(at('politie', '1', null, { step: '2A' as StepId })).toBe('niet gevraagd');
    expect(at('politie', '2A', null, { step: '2A' as StepId })).toBe('volgt');
    // A closed case asks nothing more; a partner that is not (or no longer) in the list neither.
    expect(at('politie', '2A', null, { status: 'gesloten' as const })).toBe('niet gevraagd');
    expect(at('vertrokken', '2A', null)).toBe('niet gevraagd');
  });
  it('een partner met een aanvullend formulier: wacht zolang één formulier open staat, met de vroegste termijn', () => {
    const h = fresh();
    startStep(h);
    const view = withTableCache(() => assembleView(openCase(openRegister(), h.row.code)));
    const politie = view.forms.find((f) => f.partnerId === 'politie')!;
    const answered = { ...politie, status: 'beantwoord' as const, responseCount: 1 };
    const extra = (over: Partial<FormRecord>) => ({ ...politie, formKey: 'extra', ...over });
    const facts = (forms: FormRecord[]) =>
      partnerFacts({ ...view, forms }).map((p) => `${p.partnerId}:${p.answered}:${p.closed}:${p.deadline}`);
    // The main form answered, the supplementary one still open: waiting, until its own deadline.
    expect(facts([answered, extra({ deadline: '2026-01-30' })])).toEqual(['politie:false:false:2026-01-30']);
    // The supplementary one closed without an answer: the partner did answer.
    expect(facts([answered, extra({ status: 'gesloten', deadline: '2026-01-30' })])).toEqual([
      'politie:true:false:2026-01-26',
    ]);
    // Two forms open: the earliest deadline, whatever their order.
    expect(facts([extra({ deadline: '2026-01-30' }), politie])).toEqual(['politie:false:false:2026-01-26']);
    // A response read while the ledger still says open: answered.
    expect(facts([{ ...politie, responseCount: 1 }])).toEqual(['politie:true:false:2026-01-26']);
    // Marked answered in the ledger (the responses were read earlier): answered.
    expect(facts([{ ...politie, status: 'beantwoord', responseCount: 0 }])).toEqual([
      'politie:true:false:2026-01-26',
    ]);
    // Everything closed, nothing answered.
    expect(facts([{ ...politie, status: 'gesloten' }, extra({ status: 'gesloten' })])).toEqual([
      'politie:false:true:2026-01-26',
    ]);
    // Forms of another step or round do not count.
    expect(
      facts([politie, extra({ partnerId: 'boa', step: '2A' }), extra({ partnerId: 'boa', round: 2 })]),
    ).toEqual(['politie:false:false:2026-01-26']);
  });
});

describe('de lijst en de links van een casus', () => {
  it('zet open casussen vóór gesloten, ook als ze door elkaar staan', () => {
    fresh();
    const reg = openRegister();
    const cases = readTable(reg.ss, CASES);
    const as = (code: string, status: 'open' | 'gesloten') => ({
      ...cases[0]!,
      Casuscode: code,
      Status: status,
    });
    replaceTable(reg.ss, CASES, [as('A', 'open'), as('B', 'gesloten'), as('C', 'open'), as('D', 'gesloten')]);
    expect(caseSummaries(openRegister()).map((c) => `${c.code}:${c.status}`)).toEqual([
      'C:open',
      'A:open',
      'D:gesloten',
      'B:gesloten',
    ]);
    expect(caseSummaries(openRegister())[0]).toEqual({
      code: 'C',
      label: 'Groep bij het winkelcentrum (fictief)',
      status: 'open',
      step: '1',
    });
  });

  it('linkt elk document met een leesbare naam en alleen de open formulieren van de huidige ronde', () => {
    const h = fresh();
    startStep(h);
    const forms = readTable(h.ss, FORMS);
    const [politie, jongerenwerk, boa] = forms;
    replaceTable(h.ss, FORMS, [
      { ...politie!, formKey: 'x1', step: '2A' },
      { ...jongerenwerk!, formKey: 'x2', round: 2 },
      { ...boa!, formKey: 'x3', status: 'gesloten' },
      { ...politie!, formKey: 'x4', publishedUrl: '' },
      { ...boa!, formKey: 'x5', partnerId: 'vertrokken' },
    ]);
    appendRows(h.ss, DOCUMENTS, [
      { key: 'driehoek', fileId: 'doc-d', readers: 0 },
      { key: 'partner:politie', fileId: 'doc-p', readers: 0 },
      { key: 'advies', fileId: 'doc-a', readers: 0 },
      { key: 'iets', fileId: 'doc-i', readers: 0 },
    ]);
    const d = dashboard(h.row.code);
    expect(d.links).toEqual([
      {
        label: 'Casusspreadsheet',
        url: `https://docs.google.com/spreadsheets/d/${h.row.spreadsheetId}/edit`,
      },
      {
        label: 'Integraal beeld (beperkt)',
        url: `https://docs.google.com/document/d/${h.row.overviewId}/edit`,
      },
      { label: 'Integraal beeld voor de driehoek', url: 'https://docs.google.com/document/d/doc-d/edit' },
      {
        label: 'Integraal beeld voor Politie Basisteam Testdorp',
        url: 'https://docs.google.com/document/d/doc-p/edit',
      },
      { label: 'Advies aan de driehoek', url: 'https://docs.google.com/document/d/doc-a/edit' },
      { label: 'Document iets', url: 'https://docs.google.com/document/d/doc-i/edit' },
      { label: 'Casusmap', url: `https://drive.google.com/drive/folders/${h.row.folderId}` },
      { label: 'Formulier vertrokken (stap 1)', url: boa!.publishedUrl },
    ]);
    // The matrix: every step, the active partners and the one that only has a form.
    expect(d.matrix.steps).toEqual(['1', '2A', '2B', '3', '4', '5', '6', '7']);
    expect(d.matrix.rows.map((r) => r.partnerId)).toContain('vertrokken');
  });

  it('een gesloten casus: status met vervolg, geen voortgang, geen formulierlinks, besluit alleen bij zijn stap', () => {
    const h = fresh();
    startStep(h);
    recordDecision(
      openCase(openRegister(), h.row.code),
      {
        step: '1',
        round: 1,
        outcome: 'niet_verder',
        routes: ['zorgmelding'],
        motivation: 'Geen groepsproblematiek.',
        decidedBy: 'partneroverleg',
        date: '2026-01-12',
      },
      'regie@testdorp.example',
    );
    // Even with the forms open again, a closed case links none.
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => ({ ...f, status: 'open' as const })),
    );
    const d = dashboard(h.row.code);
    expect(d.status).toBe('gesloten');
    expect(d.statusText).toMatch(/^gesloten \(vervolg: .+\)$/);
    expect(d.progress).toBe('');
    expect(d.links.some((l) => l.label.startsWith('Formulier'))).toBe(false);
    expect(d.timeline[0]!.decisions.map((x) => x.outcome)).toEqual(['Niet verder verkennen']);
    expect(d.timeline.slice(1).every((t) => t.decisions.length === 0)).toBe(true);
    const open = fresh();
    expect(dashboard(open.row.code).statusText).toBe('open');
  });

  it('toont een partner die niet meer actief is en geen formulier kreeg niet in de matrix', () => {
    const f = freshRegister([
      ...PARTNERS,
      {
        ...PARTNERS[2]!,
        id: 'oud',
        organisation: 'Vroegere partner',
        email: 'oud@testdorp.example',
        active: false,
      },
    ]);
    local = f.local;
    const h = openNewCase(openRegister(), fictionalCaseInput());
    expect(dashboard(h.row.code).matrix.rows.map((r) => r.partnerId)).toEqual([
      'politie',
      'jongerenwerk',
      'boa',
    ]);
  });

  it('vraagt in stap 2B eerst om de namenlijst en linkt die zodra hij er is, alleen voor de procesregisseur', () => {
    const f = freshCaseAt2B();
    local = f.local;
    let d = dashboard(f.h.row.code);
    expect(d.actions[0]!.label).toBe('Namenlijst aanmaken');
    expect(d.links.some((l) => l.label.startsWith('Namenlijst'))).toBe(false);
    const { id } = ensureNamesList(openCase(openRegister(), f.h.row.code));
    d = dashboard(f.h.row.code);
    expect(d.actions[0]!.label).toBe('Namenlijst bijwerken');
    expect(d.links.find((l) => l.label.startsWith('Namenlijst'))).toEqual({
      label: 'Namenlijst (alleen voor u)',
      url: `https://docs.google.com/spreadsheets/d/${id}/edit`,
    });
  });

  it('een gestarte stap zonder partners toont geen voortgang en stelt het besluit voor', () => {
    const h = fresh();
    withPartnerSteps('politie', '2A', () =>
      withPartnerSteps('jongerenwerk', '2A', () =>
        withPartnerSteps('boa', '2A', () => {
          startStep(openCase(openRegister(), h.row.code));
          const d = dashboard(h.row.code);
          expect(d.progress).toBe('');
          expect(d.actions.map((a) => a.kind)).toEqual(['recordDecision']);
          expect(
            d.matrix.rows.flatMap((r) => r.cells.filter((c) => c.step === '1').map((c) => c.text)),
          ).toEqual(['niet gevraagd', 'niet gevraagd', 'niet gevraagd']);
        }),
      ),
    );
  });

  it('linkt de brievenmap zodra er brieven zijn, ook alleen afsluitbrieven, en vraagt haar pas dan op', () => {
    const f = freshCaseAt2B();
    local = f.local;
    const code = f.h.row.code;
    addPersons(f.h, PERSONS.slice(0, 2));
    // Persons but no letter yet: no link, and the folder's script property is not read.
    local.rt.resetCounts();
    const before = withTableCache(() => caseDashboard(openCase(openRegister(), code)));
    expect(local.rt.counts.get('Properties.getProperty') ?? 0).toBe(0);
    expect(before.links.some((l) => l.label.startsWith('Brieven'))).toBe(false);
    // Closed at 2B: the closing letters are made (no information letter), the namenlijst goes.
    recordDecision(
      openCase(openRegister(), code),
      {
        step: '2B',
        round: 1,
        outcome: 'niet_bevestigd',
        routes: ['reguliere_inzet'],
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: '2026-01-12',
      },
      'regie@testdorp.example',
    );
    const d = dashboard(code);
    expect(d.links.find((l) => l.label.startsWith('Brieven'))).toEqual({
      label: 'Brieven (alleen voor u)',
      url: `https://drive.google.com/drive/folders/${knownLettersFolder(code)}`,
    });
    expect(d.links.some((l) => l.label.startsWith('Namenlijst'))).toBe(false);
  });
  it('een casus die zonder vervolgroute sloot, heet alleen gesloten', () => {
    const h = fresh();
    decideGate(local!, h, '1', 'verder_verkennen');
    decideGate(local!, h, '2A', 'geen_actie');
    const d = dashboard(h.row.code);
    expect([d.status, d.statusText]).toEqual(['gesloten', 'gesloten']);
  });
  it('een start die na het eerste formulier afbrak, loopt al: voortgang over alle partners van de stap', () => {
    const h = fresh();
    expect(() =>
      startStep(h, {
        onProgress: () => {
          throw new Error('afgebroken');
        },
      }),
    ).toThrow('afgebroken');
    const d = dashboard(h.row.code);
    expect(d.progress).toBe('0 van 3 partners hebben geantwoord');
  });

  it('een nieuwe ronde van dezelfde stap is pas gestart als die ronde begint', () => {
    const h = fresh();
    decideGate(local!, h, '1', 'verder_verkennen');
    startStep(openCase(openRegister(), h.row.code));
    decideGate(local!, h, '2A', 'meer_informatie');
    const d = dashboard(h.row.code);
    expect([d.round, d.progress]).toEqual([2, '']);
    expect(d.actions.map((a) => a.label)).toEqual(['Stap 2A starten']);
  });

  it('telt alleen partners met vragen in de stap: een partner zonder convenant die alleen over personen levert, krijgt niets', () => {
    const f = freshCaseAt2B();
    local = f.local;
    setPartnerLevels('boa', 'persoon');
    withPartnerSteps('boa', '1, 2A, 2B, 3, 6', () => {
      startStep(openCase(openRegister(), f.h.row.code));
      expect(dashboard(f.h.row.code).progress).toBe('0 van 1 partner hebben geantwoord');
    });
  });
  it('stelt geen vervanging voor van een ontbrekend formulier uit een eerdere stap of ronde', () => {
    const h = fresh();
    startStep(h);
    decideGate(local!, h, '1', 'verder_verkennen');
    startStep(openCase(openRegister(), h.row.code));
    // Deleted by hand after its gate: a form of step 1, while round 1 of step 2A runs.
    const step1Form = readTable(h.ss, FORMS).find((f) => f.step === '1')!.formKey;
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) =>
        f.formKey === step1Form ? { ...f, status: 'ontbreekt' as const } : f,
      ),
    );
    expect(dashboard(h.row.code).actions.map((a) => a.kind)).not.toContain('replaceForms');
    decideGate(local!, h, '2A', 'meer_informatie');
    // Then also one of round 1 of step 2A, while round 2 waits to start.
    const forms = readTable(h.ss, FORMS);
    const gone = [forms.find((f) => f.step === '1')!.formKey, forms.find((f) => f.step === '2A')!.formKey];
    replaceTable(
      h.ss,
      FORMS,
      forms.map((f) => (gone.includes(f.formKey) ? { ...f, status: 'ontbreekt' as const } : f)),
    );
    const d = dashboard(h.row.code);
    expect(d.round).toBe(2);
    expect(d.actions.map((a) => a.kind)).toEqual(['startStep']);
  });
});
