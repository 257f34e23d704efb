/**
 * The dashboard through the built bundle: dist/Code.js in a node:vm context on the in-memory
 * Apps Script, driven only by what the sidebar's page calls (uiDashboard, uiRunAction) and the
 * menu. Every answer crosses as JSON, as google.script.run would carry it.
 */
import { describe, expect, it } from 'vitest';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { partnersToRows } from '../../src/model/schemas';
import type { Partner } from '../../src/model/types';
import { fillRequired, PARTNERS } from '../workflow/helpers';
import { call, click, loadBundle, settingsRows, writeTab } from './bundleHarness';

const write = writeTab;

describe('het dashboard via de bundel', () => {
  it('opent de zijbalk, toont de casus, voert acties uit en weigert wat niet kan', () => {
    const { rt, ctx, ss } = loadBundle();
    click(rt, ctx, 'menuSetup');
    write(
      ss,
      'Instellingen',
      settingsRows({ gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example' }),
    );
    write(ss, 'Partners', partnersToRows(PARTNERS as Partner[]));

    // The menu: the dashboard first; actions on a case only in the sub-menu that asks the code.
    // The simple onOpen may use no service that needs authorisation (guides/triggers#restrictions):
    // it only builds the menu; the dashboard opens from the installable trigger further down.
    rt.resetCounts();
    call(rt, ctx, 'onOpen', {});
    expect([...rt.counts.keys()].every((k) => /^(SpreadsheetApp\.getUi|Ui\.createMenu|Menu\.)/.test(k))).toBe(
      true,
    );
    expect(rt.ui.sidebars).toHaveLength(0);
    const items = rt.ui.menus.find((m) => m.caption === '7-stappen')!.items.map((i) => i.caption);
    expect(items[0]).toBe('Dashboard openen');
    const top = items.filter((c) => c !== '---' && !c.includes(' > '));
    expect(top.slice(0, 2)).toEqual(['Dashboard openen', 'Nieuwe casus openen']);
    for (const needsCode of [
      'Stap starten',
      'Nu bijwerken',
      'Besluit vastleggen',
      'Namenlijst',
      'Mislukte mails',
    ])
      expect(
        top.some((c) => c.startsWith(needsCode)),
        needsCode,
      ).toBe(false);
    expect(items).toContain('Zonder dashboard (met casuscode) > Besluit vastleggen');

    // No case yet: the dashboard says so, it does not fail.
    expect(call(rt, ctx, 'uiDashboard')).toEqual({ ok: true, message: '', cases: [], selected: null });

    // The menu opens the sidebar; its page carries no data.
    call(rt, ctx, 'menuDashboard');
    expect(rt.ui.sidebars).toHaveLength(1);
    expect(rt.ui.sidebars[0]!.title).toBe('Dashboard 7-stappen');
    expect(rt.ui.sidebars[0]!.html).not.toContain('JGA-');

    const opened = call(rt, ctx, 'uiNewCase', {
      label: 'Groep bij de sporthal',
      wijk: 'Noord',
      eersteSignaal: '2026-01-05',
      bewaartermijnMaanden: '12',
    });
    expect(opened.ok).toBe(true);
    let d = call(rt, ctx, 'uiDashboard');
    expect(d.cases).toEqual([
      { code: opened.code, label: 'Groep bij de sporthal', status: 'open', step: '1' },
    ]);
    expect(d.selected.label).toBe('Groep bij de sporthal');
    expect(d.ok).toBe(true);
    const caseCode: string = d.selected.code;
    expect(d.cases.map((c: { code: string }) => c.code)).toEqual([caseCode]);
    expect(d.selected.actions.map((a: { kind: string }) => a.kind)).toEqual(['startStep']);

    // The first action, with the code in lower case as anyone might type it.
    const started = call(rt, ctx, 'uiRunAction', { code: caseCode.toLowerCase(), kind: 'startStep' });
    expect(started.ok).toBe(true);
    expect(started.message).toContain('3 van 3 formulieren gemaakt, 3 uitnodiging(en) verstuurd');
    expect(started.dashboard.selected.progress).toBe('0 van 3 partners hebben geantwoord');
    expect(rt.mailbox).toHaveLength(3);
    // Again: it says what already happened and sends nothing.
    const again = call(rt, ctx, 'uiRunAction', { code: caseCode, kind: 'startStep' });
    expect(again).toMatchObject({
      ok: true,
      message:
        'Stap 1 loopt al sinds 12-01-2026; 0 van 3 partners hebben geantwoord. Er is niets opnieuw verstuurd.',
    });
    expect(rt.mailbox).toHaveLength(3);

    // Refusals: an unknown action, an unknown case, no case, not an object. Nothing thrown.
    expect(call(rt, ctx, 'uiRunAction', { code: caseCode, kind: 'deleteEverything' })).toEqual({
      ok: false,
      errors: { kind: 'Onbekende actie "deleteEverything". Kies een knop in het dashboard.' },
      message: 'Onbekende actie "deleteEverything". Kies een knop in het dashboard.',
    });
    expect(call(rt, ctx, 'uiRunAction', { code: 'JGA-2099-999', kind: 'refresh' })).toMatchObject({
      ok: false,
      errors: { code: 'Casus JGA-2099-999 bestaat niet in het register (tab Casussen).' },
    });
    expect(call(rt, ctx, 'uiRunAction', { code: '', kind: 'refresh' })).toMatchObject({
      ok: false,
      errors: { code: 'Kies eerst een casus.' },
    });
    expect(call(rt, ctx, 'uiRunAction', 'startStep').ok).toBe(false);
    expect(call(rt, ctx, 'uiDashboard', 42).ok).toBe(false);

    // A partner answers; "Nu bijwerken" from the sidebar reads it; the matrix says "beantwoord".
    const caseId = [...rt.drive.values()].find((e) => e.name === `${caseCode} casusspreadsheet`)!.id;
    const forms = snapshotSpreadsheet(rt, caseId).sheets.find((s) => s.name === '_formulieren')!.values;
    fillRequired(rt, String(forms.find((r) => r[0] === '1#1#politie')![4]));
    const refreshed = call(rt, ctx, 'uiRunAction', { code: caseCode, kind: 'refresh' });
    expect(refreshed.message).toContain('1 nieuwe');
    d = refreshed.dashboard.selected;
    const politie = d.matrix.rows.find((r: { partnerId: string }) => r.partnerId === 'politie');
    expect(politie.cells[0].kind).toBe('answered');
    expect(politie.cells[0].text).toMatch(/^beantwoord /);
    expect(d.actions.map((a: { kind: string }) => a.kind)).toEqual(['publish']);
    expect(
      call(rt, ctx, 'uiRunAction', { code: caseCode, kind: 'publish' }).dashboard.selected.actions,
    ).toEqual([]);

    // The decision from the sidebar, for the chosen case: no code to type. The button opens the
    // decision dialog for that case; its form posts to uiRecordDecision.
    const shown = call(rt, ctx, 'uiRunAction', { code: caseCode, kind: 'recordDecision' });
    expect(shown.message).toContain('Besluit vastleggen');
    expect(rt.ui.dialogs.at(-1)?.title).toBe('Besluit vastleggen');
    expect(rt.ui.dialogs.at(-1)?.html).toContain(`"code":"${caseCode}"`);
    const form = call(rt, ctx, 'uiDecisionForm', caseCode).form;
    const decided = call(rt, ctx, 'uiRecordDecision', caseCode, {
      outcome: 'verder_verkennen',
      motivation: 'De politie ziet een groep.',
      decidedBy: 'partneroverleg',
      date: '2026-01-12',
      expected: String(form.rules.expected),
    });
    expect(decided.message).toContain(
      'staat nu in stap 2A (Beoordelen groepsgedrag (2A: groepsniveau)), ronde 1',
    );
    const after = call(rt, ctx, 'uiDashboard', caseCode);
    expect(after.selected.actions.map((a: { label: string }) => a.label)).toEqual(['Stap 2A starten']);
    expect(after.selected.timeline[0]).toMatchObject({
      state: 'done',
      decisions: [{ outcome: 'Verder verkennen' }],
    });

    // Automatisch bijwerken also installs the on-open trigger once; it opens the dashboard.
    expect(click(rt, ctx, 'menuInstallTriggers')).toContain('Het dashboard opent voortaan vanzelf');
    expect(click(rt, ctx, 'menuInstallTriggers')).toBe('Automatisch bijwerken staat al aan.');
    const triggers = (ctx.ScriptApp as GoogleAppsScript.Script.ScriptApp).getProjectTriggers();
    expect(triggers.map((t) => t.getHandlerFunction()).sort()).toEqual([
      'openDashboardOnOpen',
      'runDispatcher',
    ]);
    call(rt, ctx, 'openDashboardOnOpen', {});
    expect(rt.ui.sidebars).toHaveLength(2);
  });
});
