/**
 * The dispatcher (workflow/dispatcher.ts) on small registers: what one refresh of a case reads,
 * scans and rebuilds (the first run of the day, a later run, "Nu bijwerken"), a start it cannot
 * finish, forms a gate closed before its decision was recorded, and per run: which cases it
 * refreshes in which order, what it defers, the closed cases it finishes, the sharing check, the
 * errors it reports and the end-of-run work in the same lock as the Casussen view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { submitAsRespondent } from '../../src/local/apps-script/forms';
import { holdLockElsewhere } from '../../src/local/apps-script/lock';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { isoDate } from '../../src/model/time';
import { LIGHT_ROUTES } from '../../src/model/types';
import type { CaseHandle } from '../../src/workflow/context';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import {
  DISPATCH_BUDGET_MS,
  type DispatchReport,
  dispatchAll,
  refreshCase,
} from '../../src/workflow/dispatcher';
import { tryWithLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { addPersons } from '../../src/workflow/persons';
import { DIGESTS, FORMS, LOG, OUTBOX, PERSONS as PERSON_TABLE, QUARANTINE } from '../../src/workflow/records';
import { setCaseNamesId } from '../../src/workflow/registerTabs';
import { AFTER_START_MS, startStep } from '../../src/workflow/startStep';
import { appendRows, readTable, replaceTable } from '../../src/workspace/tables';
import {
  closeAt2B,
  decideGate,
  fillRequired,
  freshCaseAt2B,
  freshLocalCase,
  freshRegister,
  PARTNERS,
  PERSONS,
} from './helpers';

let local: LocalAppsScript | null = null;
afterEach(() => {
  local?.dispose();
  local = null;
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const reopen = (h: CaseHandle) => openCase(openRegister(), h.row.code);

/** A case with step 1 started (three forms, invitations sent) and its first refresh of the day done. */
function started(): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  startStep(f.h);
  refreshCase(reopen(f.h));
  local.rt.advance(15 * MINUTE);
  return reopen(f.h);
}

/** One refresh as the dispatcher does it (in the lock), with the form reads it cost. */
function refresh(h: CaseHandle, opts: Parameters<typeof refreshCase>[1] = {}) {
  const rt = local!.rt;
  rt.resetCounts();
  const r = tryWithLock(() => refreshCase(reopen(h), opts));
  if (!r.ok) throw new Error('geen slot');
  return { r: r.value, reads: rt.counts.get('Form.getResponses') ?? 0 };
}

describe('een casus bijwerken', () => {
  it('een tweede run op dezelfde dag zonder nieuws leest en bouwt niets; Nu bijwerken leest alles en bouwt op', () => {
    const h = started();
    const second = refresh(h);
    expect([second.r.daily, second.r.published, second.reads]).toEqual([false, false, 0]);
    const forced = refresh(h, { force: true });
    expect([forced.r.daily, forced.r.published, forced.reads]).toEqual([false, true, 3]);
  });

  it('een run met nieuws bouwt alleen de veranderde tabs; Nu bijwerken zet ook een handmatige wijziging terug', () => {
    const h = started();
    const cell = () => h.ss.getSheetByName('Besluiten')!.getRange(1, 1);
    const title = cell().getValue();
    cell().setValue('met de hand veranderd');
    fillRequired(local!.rt, readTable(h.ss, FORMS)[0]!.formId);
    const news = refresh(h);
    expect([news.r.published, news.r.reconcile.newResponses]).toEqual([true, 1]);
    expect(cell().getValue()).toBe('met de hand veranderd');
    refresh(h, { force: true });
    expect(cell().getValue()).toBe(title);
  });

  it('zoekt de casusmap naar onbekende formulieren bij de eerste run van de dag en bij Nu bijwerken', () => {
    const h = started();
    const folder = DriveApp.getFolderById(h.row.folderId);
    const stray = () => {
      const form = FormApp.create('Los formulier');
      const item = form.addTextItem().setTitle('Opmerking');
      DriveApp.getFileById(form.getId()).moveTo(folder);
      submitAsRespondent(local!.rt, form.getId(), { [item.getId()]: 'iets' });
    };
    stray();
    expect(refresh(h).r.reconcile.quarantined).toBe(0);
    expect(refresh(h, { force: true }).r.reconcile.quarantined).toBe(1);
    stray();
    local!.rt.advance(DAY);
    const daily = refresh(h);
    expect([daily.r.daily, daily.r.reconcile.quarantined]).toEqual([true, 1]);
    expect(readTable(h.ss, QUARANTINE)).toHaveLength(2);
  });

  it('een run die alleen een wachtende mail verstuurt of een mislukte vastlegt, bouwt de weergave op', () => {
    const h = started();
    const mail = (key: string, to: string) => ({
      key,
      formKey: '',
      kind: 'uitnodiging' as const,
      to,
      subject: 'Uitnodiging',
      body: 'Zie het formulier.',
      status: 'wacht' as const,
      createdAt: local!.rt.now(),
      sentAt: 0,
      attempts: 0,
      error: '',
    });
    appendRows(h.ss, OUTBOX, [mail('proef-1', 'wijkagent@politie.example')]);
    const sent = refresh(h);
    expect([sent.r.mail.sent, sent.r.mail.failed, sent.r.published]).toEqual([1, 0, true]);
    appendRows(h.ss, OUTBOX, [mail('proef-2', 'geen adres')]);
    const failed = refresh(h);
    expect([failed.r.mail.sent, failed.r.mail.failed, failed.r.published]).toEqual([0, 1, true]);
  });

  it('maakt een onderbroken start af en bouwt op; mislukt dat, dan staat het in het Logboek en worden de antwoorden toch gelezen', () => {
    const f = freshLocalCase();
    local = f.local;
    const h = f.h;
    refreshCase(reopen(h));
    startStep(reopen(h), { budgetMs: 1 });
    fillRequired(local.rt, readTable(h.ss, FORMS)[0]!.formId);
    local.rt.advance(15 * MINUTE);
    // Another form is made and its invitation sent; the run is not the day's first.
    const resumed = refresh(h, { budgetMs: 1 });
    expect(readTable(h.ss, FORMS)).toHaveLength(2);
    expect([resumed.r.daily, resumed.r.published]).toEqual([false, true]);
    local.rt.advance(15 * MINUTE);
    local.rt.injectFault({ method: 'Drive.Files.copy', nth: 1, times: 10, message: 'Service error: Drive' });
    const failed = refresh(h);
    local.rt.clearFaults();
    expect(readTable(h.ss, FORMS)).toHaveLength(2);
    expect(
      readTable(h.ss, LOG)
        .filter((l) => l.event === 'stap afmaken mislukt')
        .map((l) => l.detail),
    ).toEqual([expect.stringContaining('Drive')]);
    expect(failed.r.reconcile.newResponses).toBe(1);
  });

  it('leest een formulier dat een besluit halverwege sloot, alleen van de huidige stap en ronde, en niets meer van een gesloten casus', () => {
    const f = freshLocalCase();
    local = f.local;
    startStep(f.h);
    decideGate(local, f.h, '1', 'verder_verkennen');
    startStep(reopen(f.h));
    // 2A asks for more information: a second round, the forms of the first are closed.
    decideGate(local, f.h, '2A', 'meer_informatie');
    startStep(reopen(f.h));
    const h = reopen(f.h);
    refreshCase(h);
    local.rt.advance(15 * MINUTE);
    // A partner answers just before the 2A gate closes the form; the gate stops before its decision.
    const forms = readTable(h.ss, FORMS);
    const politie = forms.find((x) => x.step === '2A' && x.round === 2 && x.partnerId === 'politie')!;
    fillRequired(local.rt, politie.formId);
    FormApp.openById(politie.formId).setAcceptingResponses(false);
    replaceTable(
      h.ss,
      FORMS,
      forms.map((x) => (x === politie ? { ...x, status: 'gesloten' as const } : x)),
    );
    const awaiting = refresh(h);
    expect([awaiting.r.reconcile.newResponses, awaiting.reads]).toEqual([1, 1]);
    // The case closes at 2A: its closed forms are not read again.
    recordDecision(
      reopen(h),
      {
        step: '2A',
        round: 2,
        outcome: 'niet_problematisch',
        routes: [LIGHT_ROUTES[0]!],
        motivation: 'Besproken.',
        decidedBy: 'overleg',
        date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
      },
      'regie@testdorp.example',
    );
    local.rt.advance(15 * MINUTE);
    expect(refresh(h, { force: true }).reads).toBe(0);
  });
});

/** Step 1 started and decided "niet verder": the case is closed. */
function closeAtStep1(h: CaseHandle): void {
  startStep(h);
  decideGate(local!, h, '1', 'niet_verder', [LIGHT_ROUTES[0]!]);
}

/** A register with three open cases (not started) and one closed at step 1. */
function register(): { open: string[]; closed: string } {
  const f = freshLocalCase();
  local = f.local;
  const open = [f.h.row.code];
  for (let i = 0; i < 2; i++) open.push(openNewCase(openRegister(), fictionalCaseInput()).row.code);
  const closed = openNewCase(openRegister(), fictionalCaseInput());
  closeAtStep1(closed);
  return { open, closed: closed.row.code };
}

const codes = (r: DispatchReport) => r.refreshed.map((x) => x.code);

describe('een run over alle casussen', () => {
  it('werkt alleen de open casussen bij en begint elke run bij een volgende', () => {
    const { open } = register();
    const [a, b, c] = open as [string, string, string];
    const runs: string[][] = [];
    const locks: number[] = [];
    for (let i = 0; i < 4; i++) {
      local!.rt.resetCounts();
      runs.push(codes(dispatchAll(openRegister())));
      // One lock per open case: the closed case has nothing left to finish and is not opened.
      locks.push(local!.rt.counts.get('LockService.getScriptLock') ?? 0);
      local!.rt.advance(15 * MINUTE);
    }
    expect(runs).toEqual([
      [a, b, c],
      [b, c, a],
      [c, a, b],
      [a, b, c],
    ]);
    expect(locks).toEqual([3, 3, 3, 3]);
  });

  it('met één open casus valt er niets te roteren: geen rotatiemarker', () => {
    const f = freshLocalCase();
    local = f.local;
    local.rt.resetCounts();
    expect(codes(dispatchAll(openRegister()))).toEqual([f.h.row.code]);
    expect(PropertiesService.getScriptProperties().getProperty('DISPATCH_OFFSET')).toBeNull();
  });

  it('de eerste run van de dag meldt wat de eigen controle van een open casus terugzette', () => {
    const f = freshLocalCase();
    local = f.local;
    DriveApp.getFileById(f.h.row.spreadsheetId).addViewer('buitenstaander@example.com');
    const r = dispatchAll(openRegister());
    expect(r.sharing.map((x) => x.code)).toContain(f.h.row.code);
  });

  it('een run die nog geen tijd gebruikte, begint zijn casussen ook met een budget van nul', () => {
    const f = freshLocalCase({ latency: false });
    local = f.local;
    expect(codes(dispatchAll(openRegister(), 0))).toEqual([f.h.row.code]);
  });

  it('een voortgezette start krijgt alleen wat de run na zijn eigen werk overhoudt', () => {
    const f = freshLocalCase();
    local = f.local;
    const b = openNewCase(openRegister(), fictionalCaseInput());
    startStep(b, { budgetMs: 1 });
    local.rt.advance(15 * MINUTE);
    // The first case of the run takes two minutes (a slow day): of a budget of three minutes only
    // the minute kept for reading and mail is left for the second, so one more form, not all.
    const reg = openRegister();
    local.rt.injectFault({ method: /./, nth: 1, effect: (rt) => rt.advance(2 * MINUTE) });
    expect(codes(dispatchAll(reg, AFTER_START_MS + 2 * MINUTE))).toEqual([f.h.row.code, b.row.code]);
    expect(readTable(b.ss, FORMS)).toHaveLength(2);
    local.rt.advance(15 * MINUTE);
    dispatchAll(openRegister());
    expect(readTable(b.ss, FORMS)).toHaveLength(3);
  });

  it('stelt uit wat niet meer in de tijd past', () => {
    const { open } = register();
    const r = dispatchAll(openRegister(), 0);
    expect([r.refreshed, r.deferred, r.errors]).toEqual([[], open, []]);
  });

  it('een casus die bij 2B sloot maar zijn namenlijst nog heeft en niet te openen is: een fout voor die casus, de rest gaat door', () => {
    const f = freshCaseAt2B();
    local = f.local;
    addPersons(f.h, PERSONS.slice(0, 1));
    const namesId = reopen(f.h).row.namesId;
    closeAt2B(local, f.h);
    // The decision stopped before the removal, and then the case spreadsheet was deleted for good.
    DriveApp.getFileById(namesId).setTrashed(false);
    setCaseNamesId(reopen(f.h), namesId);
    // Another case is open at 2B with its namenlijst: it keeps it, and is opened once (its refresh).
    const other = openNewCase(openRegister(), fictionalCaseInput());
    decideGate(local, other, '1', 'verder_verkennen');
    decideGate(local, other, '2A', 'problematisch');
    addPersons(reopen(other), PERSONS.slice(1, 2));
    local.rt.drive.delete(f.h.row.spreadsheetId);
    local.rt.resetCounts();
    const r = dispatchAll(openRegister());
    expect(r.errors.filter((e) => e.code === f.h.row.code)).toEqual([
      { code: f.h.row.code, message: expect.any(String) },
    ]);
    expect(codes(r)).toEqual([other.row.code]);
    expect(reopen(other).row.namesId).not.toBe('');
    // Locks: the closed case (to finish its removal), the open case's refresh, the Casussen list.
    expect(local.rt.counts.get('LockService.getScriptLock')).toBe(3);
  });
});

describe('afsluitbrieven voordat de namenlijst weg mag', () => {
  it('een casus die bij 2B sloot houdt zijn namenlijst tot de laatste afsluitbrief er is', () => {
    const f = freshCaseAt2B();
    local = f.local;
    addPersons(f.h, PERSONS);
    const namesId = reopen(f.h).row.namesId;
    // Every document takes four minutes: one letter per run fits.
    local.rt.injectFault({
      method: 'Drive.Files.create',
      nth: 1,
      times: 1_000,
      effect: (rt) => rt.advance(4 * MINUTE),
    });
    closeAt2B(local, f.h);
    const letters = () => readTable(reopen(f.h).ss, PERSON_TABLE).filter((p) => p.closingOn !== '').length;
    expect([letters(), reopen(f.h).row.namesId]).toEqual([1, namesId]);
    dispatchAll(openRegister());
    expect([letters(), reopen(f.h).row.namesId]).toEqual([2, namesId]);
    local.rt.clearFaults();
    dispatchAll(openRegister());
    expect([letters(), reopen(f.h).row.namesId]).toEqual([3, '']);
    expect(DriveApp.getFileById(namesId).isTrashed()).toBe(true);
  });
});

describe('een namenlijst die na een acuut begin weg moet', () => {
  it('een casus die na "acuut" bij 2A sloot: de run maakt een onderbroken verwijdering af', () => {
    const f = freshLocalCase();
    local = f.local;
    const decide = (step: '1' | '2A', outcome: string, extra: object) =>
      recordDecision(
        reopen(f.h),
        {
          step,
          round: 1,
          outcome,
          motivation: 'Besproken.',
          decidedBy: 'overleg',
          date: isoDate(local!.rt.now(), 'Europe/Amsterdam'),
          ...extra,
        },
        'regie@testdorp.example',
      );
    decide('1', 'acuut', { acuteReason: 'Dreiging bij de school.', directions: 'Politie houdt toezicht.' });
    addPersons(reopen(f.h), PERSONS.slice(0, 1));
    const namesId = reopen(f.h).row.namesId;
    decide('2A', 'niet_problematisch', { routes: [LIGHT_ROUTES[0]!] });
    expect(reopen(f.h).row).toMatchObject({ status: 'gesloten', step: '2A', namesId: '' });
    // A decision that stopped before the removal: the next run removes the namenlijst.
    DriveApp.getFileById(namesId).setTrashed(false);
    setCaseNamesId(reopen(f.h), namesId);
    dispatchAll(openRegister());
    expect(reopen(f.h).row.namesId).toBe('');
    expect(DriveApp.getFileById(namesId).isTrashed()).toBe(true);
  });
});

describe('de delencontrole in een run', () => {
  /** A register whose only case is closed at step 1. */
  function onlyClosed(): CaseHandle {
    const f = freshLocalCase();
    local = f.local;
    closeAtStep1(f.h);
    return reopen(f.h);
  }

  it('zonder open casussen controleert de run ook de gesloten casussen, één keer per dag', () => {
    const h = onlyClosed();
    DriveApp.getFileById(h.row.spreadsheetId).addViewer('buitenstaander@example.com');
    local!.rt.advance(DAY);
    const r = dispatchAll(openRegister());
    expect(r.sharing.map((x) => x.code)).toContain(h.row.code);
    expect(r.errors).toEqual([]);
  });

  it('een controle die mislukt wordt een fout van de run, zonder casuscode', () => {
    onlyClosed();
    local!.rt.advance(DAY);
    local!.rt.injectFault({
      method: 'Drive.Files.list',
      nth: 1,
      times: 100,
      message: 'Service error: Drive',
    });
    const r = dispatchAll(openRegister());
    local!.rt.clearFaults();
    expect(r.errors).toEqual([{ code: '', message: expect.stringContaining('Drive') }]);
    expect(r.sharing).toEqual([]);
  });

  it('een register zonder casussen vraagt Drive niets en neemt geen slot', () => {
    const { local: l } = freshRegister(PARTNERS);
    local = l;
    l.rt.resetCounts();
    const r = dispatchAll(openRegister());
    expect(r).toEqual({ refreshed: [], deferred: [], errors: [], cases: [], sharing: [] });
    expect(l.rt.totalCalls('Drive') + l.rt.totalCalls('Folder') + l.rt.totalCalls('File')).toBe(0);
    expect(l.rt.totalCalls('Lock')).toBe(0);
    const ended = dispatchAll(
      openRegister(),
      DISPATCH_BUDGET_MS,
      {},
      {
        tables: [DIGESTS],
        wanted: () => false,
        run: () => 1,
      },
    );
    expect(ended).toEqual({ refreshed: [], deferred: [], errors: [], cases: [], sharing: [], end: null });
    expect(l.rt.totalCalls('Lock')).toBe(0);
    // Nor does it use up the day's register-wide check: a case closed later that day is checked.
    const h = openNewCase(openRegister(), fictionalCaseInput());
    closeAtStep1(h);
    DriveApp.getFileById(h.row.spreadsheetId).addViewer('buitenstaander@example.com');
    expect(dispatchAll(openRegister()).sharing.map((x) => x.code)).toContain(h.row.code);
  });
});

describe('het werk aan het eind van een run', () => {
  it('in hetzelfde slot als de Casussen-lijst, met de registertabellen in één keer gelezen', () => {
    const { open } = register();
    const rt = local!.rt;
    let before = 0;
    let atRun = 0;
    const r = dispatchAll(
      openRegister(),
      DISPATCH_BUDGET_MS,
      {},
      {
        tables: [DIGESTS],
        wanted: (report) => {
          before = rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0;
          return report.refreshed.length > 0;
        },
        run: (report) => {
          readTable(openRegister().ss, DIGESTS);
          atRun = rt.counts.get('Sheets.Spreadsheets.Values.batchGet') ?? 0;
          return report.refreshed.length;
        },
      },
    );
    expect(r.end).toEqual({ ok: true, value: 3 });
    expect(codes(r)).toEqual(open);
    // The Casussen list (its two tables) and the end's own table: one batch read.
    expect(atRun - before).toBe(1);
  });

  it('zonder eigen werk schrijft de run een gewijzigde Casussen-lijst toch in een slot', () => {
    const late = () => {
      const f = freshLocalCase();
      local = f.local;
      startStep(f.h);
      // Three weeks on nobody answered: the register's row of the case changes (partners late).
      f.local.rt.advance(21 * DAY);
      f.local.rt.resetCounts();
      // Whether the script lock is held at each spreadsheet write of the run.
      f.local.rt.injectFault({
        method:
          /^(Range\.setValues|Sheets\.Spreadsheets\.(batchUpdate|Values\.(append|update|batchUpdate)))$/,
        nth: 1,
        times: 10_000,
        effect: (rt) => {
          underLock.push(rt.uncounted(() => LockService.getScriptLock().hasLock()));
        },
      });
      return f;
    };
    let underLock: boolean[] = [];
    let f = late();
    const r = dispatchAll(
      openRegister(),
      DISPATCH_BUDGET_MS,
      {},
      {
        tables: [DIGESTS],
        wanted: () => false,
        run: () => 1,
      },
    );
    expect(r.end).toBeNull();
    expect(reopen(f.h).row.late).toBe(3);
    // One lock for the case, one for the list.
    expect(f.local.rt.counts.get('LockService.getScriptLock')).toBe(2);
    // Every write of the run, the Casussen list included, is made while the run holds the lock.
    expect(underLock.length).toBeGreaterThan(0);
    expect(underLock.every(Boolean)).toBe(true);
    f.local.dispose();
    // Without end-of-run work the same.
    underLock = [];
    f = late();
    dispatchAll(openRegister());
    expect(reopen(f.h).row.late).toBe(3);
    expect(f.local.rt.counts.get('LockService.getScriptLock')).toBe(2);
    expect(underLock.length).toBeGreaterThan(0);
    expect(underLock.every(Boolean)).toBe(true);
  });

  it('krijgt de run het slot niet, dan wacht het werk aan het eind', () => {
    const { open } = register();
    holdLockElsewhere(local!.rt, 'script', local!.rt.now() + 10 * MINUTE);
    const r = dispatchAll(
      openRegister(),
      DISPATCH_BUDGET_MS,
      {},
      {
        tables: [DIGESTS],
        wanted: () => true,
        run: () => 1,
      },
    );
    expect(r.end).toEqual({ ok: false });
    expect(r.deferred).toEqual(open);
  });
});
