/**
 * The idle check through the case's response spreadsheet (workflow/reconcile.ts `watch`,
 * workspace/responseBook.ts): which forms are opened, and that every response is still taken in
 * exactly once — also one that lands between the check and the read, and the responses of a form
 * that was unlinked, linked elsewhere or whose tab was deleted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editAsRespondent } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import type { LocalAppsScript } from '../../src/local/harness';
import type { CaseHandle } from '../../src/workflow/context';
import { refreshCase } from '../../src/workflow/dispatcher';
import { reconcileCase, TAB_ELSEWHERE } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, LOG } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { formIdInUrl } from '../../src/workspace/responseBook';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase, rng } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function started(): { h: CaseHandle; forms: { key: string; id: string }[] } {
  const f = freshLocalCase();
  local = f.local;
  startStep(f.h);
  const forms = readTable(f.h.ss, FORMS).map((r) => ({ key: r.formKey, id: r.formId }));
  return { h: f.h, forms };
}

function counted(fn: () => void): Record<string, number> {
  local.rt.resetCounts();
  fn();
  return Object.fromEntries(local.rt.counts);
}

/** The first run of a new day: links the forms, reads them all. */
function dailyRun(h: CaseHandle) {
  local.rt.advance(DAY);
  return refreshCase(h);
}

/** A run later the same day. */
function laterRun(h: CaseHandle) {
  local.rt.advance(HOUR / 4);
  return refreshCase(h);
}

const rowOf = (h: CaseHandle, key: string) => readTable(h.ss, FORMS).find((f) => f.formKey === key)!;
const bookOf = (h: CaseHandle) => readTable(h.ss, FORMS)[0]!.sheetBook;
const events = (h: CaseHandle) => readTable(h.ss, LOG).map((r) => r.event);

/** Response ids in the ledger per form key, with their versions. */
function ledger(h: CaseHandle): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const r of readTable(h.ss, ANSWERS)) {
    const k = `${r.responseId}|${r.version}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.set(r.responseId, [...(out.get(r.responseId) ?? []), r.version]);
  }
  return out;
}

/** Runs `fn` right after the next response-tab check, before any form is read. */
function afterNextCheck(fn: () => void): () => void {
  const api = (globalThis as unknown as { Sheets: { Spreadsheets: Record<string, unknown> } }).Sheets
    .Spreadsheets;
  const orig = api.get as (...a: unknown[]) => unknown;
  let done = false;
  api.get = (...args: unknown[]) => {
    const r = orig.apply(api, args);
    const fields = String((args[1] as { fields?: string } | undefined)?.fields ?? '');
    if (!done && fields.includes('data')) {
      done = true;
      fn();
    }
    return r;
  };
  return () => {
    api.get = orig;
  };
}

describe('de antwoordspreadsheet van een casus', () => {
  it('koppelt elk open formulier aan één spreadsheet in de casusmap, gedeeld met niemand, en koppelt tabbladen via getFormUrl', () => {
    const { h, forms } = started();
    dailyRun(h);
    const book = bookOf(h);
    expect(book).not.toBe('');
    const file = DriveApp.getFileById(book);
    expect(file.getParents().next().getId()).toBe(h.row.folderId);
    expect(file.getName()).toBe(`${h.row.code} antwoorden (niet bewerken)`);
    expect(file.getEditors()).toEqual([]);
    expect(file.getViewers()).toEqual([]);
    expect(file.getSharingAccess()).toBe(DriveApp.getFileById(h.row.spreadsheetId).getSharingAccess());
    const ss = SpreadsheetApp.openById(book);
    for (const f of forms) {
      expect(FormApp.openById(f.id).getDestinationId()).toBe(book);
      const row = rowOf(h, f.key);
      expect(row.sheetTab).toMatch(/^\d+$/);
      expect(formIdInUrl(ss.getSheetById(Number(row.sheetTab))!.getFormUrl())).toBe(f.id);
      expect(row.sheetPrint).not.toBe('');
    }
  });

  it('opent in een run zonder nieuws geen formulier en daarna alleen het formulier met een nieuw of bewerkt antwoord', () => {
    const { h, forms } = started();
    dailyRun(h);
    expect(counted(() => laterRun(h))['FormApp.openById'] ?? 0).toBe(0);
    const politie = forms.find((f) => f.key === '1#1#politie')!;
    const id = fillRequired(local.rt, politie.id, 'eerste');
    const one = counted(() => expect(laterRun(h).reconcile.newResponses).toBe(1));
    expect(one['FormApp.openById']).toBe(1);
    expect(counted(() => laterRun(h))['FormApp.openById'] ?? 0).toBe(0);
    // An edit rewrites the response's row in the tab: noticed, read, a new version.
    formModelOf(local.rt, politie.id).allowResponseEdits = true;
    const row = rowOf(h, politie.key);
    const map = JSON.parse(row.itemMap) as Record<string, string>;
    const functie = Object.keys(map).find((k) => map[k] === '1.functie')!;
    editAsRespondent(local.rt, politie.id, id, { [functie]: 'tweede' });
    const edit = counted(() => expect(laterRun(h).reconcile.newVersions).toBe(1));
    expect(edit['FormApp.openById']).toBe(1);
    expect(ledger(h).get(id)).toEqual([1, 2]);
  });

  it('leest een antwoord dat tussen de controle en het lezen binnenkomt precies één keer', () => {
    const { h, forms } = started();
    dailyRun(h);
    const [a, b] = forms;
    fillRequired(local.rt, a!.id, 'voor de controle');
    let late = '';
    let lateOther = '';
    const restore = afterNextCheck(() => {
      // One to the form that is read this run, one to a form whose tab looked unchanged.
      late = fillRequired(local.rt, a!.id, 'na de controle');
      lateOther = fillRequired(local.rt, b!.id, 'na de controle');
    });
    try {
      expect(laterRun(h).reconcile.newResponses).toBe(2);
    } finally {
      restore();
    }
    expect(ledger(h).has(late)).toBe(true);
    expect(ledger(h).has(lateOther)).toBe(false);
    // Both tabs differ from the fingerprint stored: both forms are read again; nothing doubles.
    const next = counted(() => expect(laterRun(h).reconcile.newResponses).toBe(1));
    expect(next['FormApp.openById']).toBe(2);
    expect(ledger(h).get(lateOther)).toEqual([1]);
    expect(ledger(h).get(late)).toEqual([1]);
    expect(counted(() => laterRun(h))['FormApp.openById'] ?? 0).toBe(0);
  });

  it('leest een formulier zonder tabblad direct (koppelen kost tijd en volgt later)', () => {
    const { h, forms } = started();
    fillRequired(local.rt, forms[0]!.id);
    const calls = counted(() =>
      expect(
        reconcileCase(h, { scanFolder: false, watch: { readAll: false, linkUntil: 0 } }).newResponses,
      ).toBe(1),
    );
    expect(calls['Form.setDestination'] ?? 0).toBe(0);
    expect(calls['FormApp.openById']).toBe(forms.length);
    expect(bookOf(h)).toBe('');
  });

  it('§4.3 #15: merkt een ontkoppeld formulier bij de eerste run van de dag, leest zijn antwoorden en koppelt het opnieuw', () => {
    const { h, forms } = started();
    dailyRun(h);
    const f = forms[1]!;
    FormApp.openById(f.id).removeDestination();
    const id = fillRequired(local.rt, f.id, 'na ontkoppelen');
    // A later run cannot see it (the tab does not change) ...
    expect(laterRun(h).reconcile.newResponses).toBe(0);
    // ... the first run of the day reads every form, and asks where each sends its responses.
    const daily = counted(() => expect(dailyRun(h).reconcile.newResponses).toBe(1));
    expect(daily['Form.getDestinationId']).toBe(forms.length);
    expect(events(h)).toContain('formulier ontkoppeld');
    expect(rowOf(h, f.key).sheetBook).toBe('');
    const relink = counted(() => laterRun(h));
    expect(relink['Form.setDestination']).toBe(1);
    expect(FormApp.openById(f.id).getDestinationId()).toBe(bookOf(h));
    expect(rowOf(h, f.key).sheetTab).toMatch(/^\d+$/);
    fillRequired(local.rt, f.id, 'weer gekoppeld');
    const seen = counted(() => expect(laterRun(h).reconcile.newResponses).toBe(1));
    expect(seen['FormApp.openById']).toBe(1);
    expect(ledger(h).get(id)).toEqual([1]);
  });

  it('§4.3 #15: laat een formulier dat met de hand elders is gekoppeld daar, en leest het voortaan elke run zelf', () => {
    const { h, forms } = started();
    dailyRun(h);
    const f = forms[0]!;
    const other = SpreadsheetApp.create('Eigen overzicht');
    FormApp.openById(f.id).setDestination(FormApp.DestinationType.SPREADSHEET, other.getId());
    dailyRun(h);
    expect(rowOf(h, f.key).sheetTab).toBe(TAB_ELSEWHERE);
    expect(events(h)).toContain('formulier elders gekoppeld');
    fillRequired(local.rt, f.id);
    const run = counted(() => expect(laterRun(h).reconcile.newResponses).toBe(1));
    expect(run['FormApp.openById']).toBe(1);
    expect(run['Form.setDestination'] ?? 0).toBe(0);
    expect(FormApp.openById(f.id).getDestinationId()).toBe(other.getId());
  });

  it('leest een formulier waarvan het tabblad met de hand is verwijderd direct en koppelt het opnieuw', () => {
    const { h, forms } = started();
    dailyRun(h);
    const f = forms[2]!;
    const ss = SpreadsheetApp.openById(bookOf(h));
    ss.deleteSheet(ss.getSheetById(Number(rowOf(h, f.key).sheetTab))!);
    const id = fillRequired(local.rt, f.id);
    const run = counted(() => expect(laterRun(h).reconcile.newResponses).toBe(1));
    expect(run['FormApp.openById']).toBe(1);
    expect(events(h)).toContain('antwoordtabblad ontbreekt');
    laterRun(h);
    expect(rowOf(h, f.key).sheetTab).toMatch(/^\d+$/);
    expect(ledger(h).get(id)).toEqual([1]);
  });
});

describe('elk antwoord precies één keer (willekeurige volgordes)', () => {
  it.each([1, 2, 3])('seed %i', (seed) => {
    const random = rng(seed);
    const { h, forms } = started();
    const pick = () => forms[Math.floor(random() * forms.length)]!;
    for (const f of forms) formModelOf(local.rt, f.id).allowResponseEdits = true;
    const submitted: { formId: string; id: string }[] = [];
    const submit = (f: { id: string }) => {
      const s = { formId: f.id, id: fillRequired(local.rt, f.id, `x${submitted.length}`) };
      submitted.push(s);
      return s;
    };
    // In time: a response sent before a run is in the ledger after it, unless its form was
    // unlinked or linked elsewhere by hand since the last first run of the day (those wait for it).
    let waiting: { formId: string; id: string }[] = [];
    const blind = new Set<string>();
    const run = (daily: boolean) => {
      if (daily) dailyRun(h);
      else laterRun(h);
      if (daily) blind.clear();
      const known = ledger(h);
      for (const s of waiting)
        if (!blind.has(s.formId)) expect(known.has(s.id), `${s.id} op tijd`).toBe(true);
      waiting = waiting.filter((s) => !known.has(s.id));
    };
    for (let step = 0; step < 40; step++) {
      const r = random();
      if (r < 0.3) waiting.push(submit(pick()));
      else if (r < 0.4 && submitted.length > 0) {
        const s = submitted[Math.floor(random() * submitted.length)]!;
        const row = readTable(h.ss, FORMS).find((x) => x.formId === s.formId)!;
        const map = JSON.parse(row.itemMap) as Record<string, string>;
        const item = Object.keys(map).find((k) => map[k] === '1.functie');
        if (item) editAsRespondent(local.rt, s.formId, s.id, { [item]: `bewerkt ${step}` });
      } else if (r < 0.55) {
        // Sent between the check and the read: in time for the run after this one.
        let late: { formId: string; id: string } | null = null;
        const restore = afterNextCheck(() => {
          late = submit(pick());
        });
        try {
          run(false);
        } finally {
          restore();
        }
        if (late) waiting.push(late);
      } else if (r < 0.6) {
        const f = pick();
        FormApp.openById(f.id).removeDestination();
        blind.add(f.id);
      } else if (r < 0.63) {
        const f = pick();
        FormApp.openById(f.id).setDestination(
          FormApp.DestinationType.SPREADSHEET,
          SpreadsheetApp.create('Elders').getId(),
        );
        blind.add(f.id);
      } else run(r >= 0.9);
      // Never twice the same version of a response.
      const rows = readTable(h.ss, ANSWERS);
      const keys = new Set(
        rows.map((x) => `${x.responseId}|${x.version}|${x.questionId}|${x.subject}|${x.part}`),
      );
      expect(keys.size).toBe(rows.length);
    }
    // A first run of the day takes in whatever the later runs could not see.
    dailyRun(h);
    laterRun(h);
    const known = ledger(h);
    for (const s of submitted) expect(known.has(s.id), s.id).toBe(true);
    // Each response's latest version is the form's latest submission.
    const latest = new Map<string, number>();
    for (const r of readTable(h.ss, ANSWERS))
      latest.set(r.responseId, Math.max(latest.get(r.responseId) ?? 0, r.submittedAt));
    for (const s of submitted) {
      const ts = FormApp.openById(s.formId).getResponse(s.id).getTimestamp().getTime();
      expect(latest.get(s.id)).toBe(ts);
    }
  });
});
