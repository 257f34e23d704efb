import { describe, expect, it } from 'vitest';
import { createLockService } from '../../src/local/apps-script/lock';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';
import { createScriptApp, runDueTriggers, runEventTriggers } from '../../src/local/apps-script/script';
import { createUi } from '../../src/local/apps-script/ui';
import { formatDateIn } from '../../src/local/apps-script/utilitiesDate';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Monday 5 January 2026, 09:00 in Amsterdam (08:00 UTC).
const START = Date.UTC(2026, 0, 5, 8, 0, 0);

function setup() {
  const rt = new Runtime({ latency: false, now: START });
  return { rt, app: createScriptApp(rt) };
}

describe('trigger builders', () => {
  it('everyMinutes only accepts 1, 5, 10, 15 or 30', () => {
    const { app } = setup();
    expect(() => app.newTrigger('tik').timeBased().everyMinutes(7)).toThrow(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    for (const n of [1, 5, 10, 15, 30]) app.newTrigger('tik').timeBased().everyMinutes(n).create();
    expect(app.getProjectTriggers()).toHaveLength(5);
  });

  it('everyHours accepts the values the trigger UI offers', () => {
    const { app } = setup();
    expect(() => app.newTrigger('tik').timeBased().everyHours(3)).toThrow(/everyHours was invalid/);
    app.newTrigger('tik').timeBased().everyHours(4).create();
  });

  it('the 21st trigger throws the Apps Script text', () => {
    const { app } = setup();
    for (let i = 0; i < 20; i++) app.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => app.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    const first = app.getProjectTriggers()[0];
    if (!first) throw new Error('no trigger');
    app.deleteTrigger(first);
    app.newTrigger('f20').timeBased().everyHours(1).create();
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toContain('f20');
  });

  it('describes clock and source triggers', () => {
    const { rt, app } = setup();
    const form = rt.createFile('Uitvraag', MIME.form);
    const clock = app.newTrigger('herinner').timeBased().everyDays(1).atHour(7).create();
    const submit = app.newTrigger('ontvang').forForm(form.id).onFormSubmit().create();
    expect(clock.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(clock.getEventType()).toBe(app.EventType.CLOCK);
    expect(clock.getTriggerSourceId()).toBeNull();
    expect(submit.getTriggerSource()).toBe(app.TriggerSource.FORMS);
    expect(submit.getEventType()).toBe(app.EventType.ON_FORM_SUBMIT);
    expect(submit.getTriggerSourceId()).toBe(form.id);
    expect(submit.getUniqueId()).toMatch(/^\d{19}$/);
    expect(() => app.newTrigger('x').forSpreadsheet('bestaat-niet').onEdit().create()).toThrow(
      'No item with the given ID could be found',
    );
  });

  it('getProjectTriggers returns a copy', () => {
    const { app } = setup();
    app.newTrigger('a').timeBased().after(1000).create();
    const list = app.getProjectTriggers();
    list.pop();
    expect(app.getProjectTriggers()).toHaveLength(1);
  });
});

describe('runDueTriggers', () => {
  it('fires in emulated time order, removes one-shots and reschedules recurring triggers', () => {
    const { rt, app } = setup();
    const seen: { name: string; at: number; e: Record<string, unknown> }[] = [];
    const scope = {
      elkeDertig: (e: Record<string, unknown>) => seen.push({ name: 'elkeDertig', at: rt.now(), e }),
      eenmalig: (e: Record<string, unknown>) => seen.push({ name: 'eenmalig', at: rt.now(), e }),
    };
    app.newTrigger('elkeDertig').timeBased().everyMinutes(30).create();
    const once = app
      .newTrigger('eenmalig')
      .timeBased()
      .after(45 * MIN)
      .create();
    const runs = runDueTriggers(rt, scope, START + 90 * MIN);
    expect(runs.map((r) => [r.handler, (r.at - START) / MIN])).toEqual([
      ['elkeDertig', 30],
      ['eenmalig', 45],
      ['elkeDertig', 60],
      ['elkeDertig', 90],
    ]);
    expect(rt.now()).toBe(START + 90 * MIN);
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['elkeDertig']);
    const e = seen[1]?.e ?? {};
    expect(e).toMatchObject({ authMode: 'FULL', triggerUid: once.getUniqueId(), year: 2026, month: 1 });
    expect(e['day-of-month']).toBe(5);
    expect(e.hour).toBe(8);
    expect(e.minute).toBe(45);
  });

  it('runs without UI, records a missing handler and a thrown error, and releases locks', () => {
    const { rt, app } = setup();
    let uiError = '';
    const scope = {
      zonderUi: () => {
        try {
          createUi(rt, 'SpreadsheetApp');
        } catch (e) {
          uiError = (e as Error).message;
        }
        createLockService(rt).getScriptLock().waitLock(1000);
        throw new Error('kapot');
      },
    };
    app.newTrigger('zonderUi').timeBased().after(MIN).create();
    app
      .newTrigger('bestaatNiet')
      .timeBased()
      .after(2 * MIN)
      .create();
    const runs = runDueTriggers(rt, scope, START + 5 * MIN);
    expect(runs.map((r) => r.error)).toEqual(['kapot', 'Script function not found: bestaatNiet']);
    expect(uiError).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(rt.ui.uiAvailable).toBe(true);
    expect(createLockService(rt).getScriptLock().hasLock()).toBe(false);
    expect(rt.logs.filter((l) => l.level === 'error')).toHaveLength(2);
  });

  it('a daily atHour trigger fires once a day within that hour of the trigger zone', () => {
    const { rt, app } = setup();
    const scope = { dagelijks: () => undefined };
    app.newTrigger('dagelijks').timeBased().everyDays(1).atHour(7).create();
    const runs = runDueTriggers(rt, scope, START + 72 * HOUR);
    expect(runs).toHaveLength(3);
    const local = runs.map((r) => formatDateIn(new Date(r.at), 'Europe/Amsterdam', 'yyyy-MM-dd HH'));
    expect(local).toEqual(['2026-01-06 07', '2026-01-07 07', '2026-01-08 07']);
    // The slot is drawn once and kept: exactly 24 h apart.
    expect((runs[1]?.at ?? 0) - (runs[0]?.at ?? 0)).toBe(24 * HOUR);
  });

  it('a weekly trigger fires on the chosen weekday', () => {
    const { rt, app } = setup();
    app.newTrigger('weekstart').timeBased().onWeekDay(app.WeekDay.WEDNESDAY).atHour(9).create();
    const runs = runDueTriggers(rt, { weekstart: () => undefined }, START + 15 * 24 * HOUR);
    expect(runs.map((r) => formatDateIn(new Date(r.at), 'Europe/Amsterdam', 'EEE dd HH'))).toEqual([
      'Wed 07 09',
      'Wed 14 09',
    ]);
  });

  it('a deleted trigger does not fire', () => {
    const { rt, app } = setup();
    const t = app.newTrigger('weg').timeBased().everyMinutes(5).create();
    app.deleteTrigger(t);
    expect(runDueTriggers(rt, { weg: () => undefined }, START + HOUR)).toEqual([]);
  });
});

describe('runEventTriggers', () => {
  it('runs the matching installable triggers with the given event', () => {
    const { rt, app } = setup();
    const form = rt.createFile('Uitvraag', MIME.form);
    const got: unknown[] = [];
    app.newTrigger('ontvang').forForm(form.id).onFormSubmit().create();
    app.newTrigger('open').forForm(form.id).onOpen().create();
    const runs = runEventTriggers(
      rt,
      { ontvang: (e: unknown) => got.push(e), open: () => got.push('open') },
      { source: 'FORMS', sourceId: form.id, eventType: 'ON_FORM_SUBMIT' },
      (uid) => ({ authMode: 'FULL', triggerUid: uid, response: null }),
    );
    expect(runs).toHaveLength(1);
    expect(got).toEqual([{ authMode: 'FULL', triggerUid: runs[0]?.uid, response: null }]);
  });
});

describe('ScriptApp misc', () => {
  it('script id, auth info and recorded scope requirements', () => {
    const { app } = setup();
    expect(app.getScriptId()).toBe(app.getScriptId());
    expect(app.getAuthorizationInfo(app.AuthMode.FULL).getAuthorizationStatus()).toBe(
      app.AuthorizationStatus.NOT_REQUIRED,
    );
    app.requireAllScopes(app.AuthMode.FULL);
    expect(app.getOAuthToken()).toMatch(/^ya29\./);
    expect(app.getService().getUrl()).toContain(app.getScriptId());
  });
});
