/**
 * The real bundle, end to end: dist/Code.js loaded into a node:vm context with the in-memory
 * Apps Script as its globals, driven only through its entry points — menu clicks (with the
 * prompts answered) and the time-driven dispatcher fired by the emulated trigger scheduler.
 */
import { describe, expect, it } from 'vitest';
import { runDueTriggers } from '../../src/local/apps-script/script';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { partnersToRows } from '../../src/model/schemas';
import type { Partner } from '../../src/model/types';
import { fillRequired } from '../workflow/helpers';
import { click, loadBundle, settingsRows, writeTab } from './bundleHarness';

const PARTNERS: Partner[] = [
  {
    id: 'politie',
    organisation: 'Politie Basisteam Proefdorp',
    kind: 'politie',
    contactName: 'Wijkagent',
    email: 'wijkagent@politie.example',
    steps: ['1', '2A', '2B', '3', '4', '5', '6', '7'],
    levels: ['groep', 'persoon', 'domein', 'online'],
    active: true,
    convenantSigned: '2025-09-01',
  },
  {
    id: 'jongerenwerk',
    organisation: 'Jongerenwerk Proefdorp',
    kind: 'jongerenwerk',
    contactName: 'Jongerenwerker',
    email: 'jw@jongerenwerk.example',
    steps: ['1', '2A', '3'],
    levels: ['groep', 'domein', 'online'],
    active: true,
  },
];

const write = writeTab;

describe('dist/Code.js door een casus via menu en trigger', () => {
  it('inrichten, casus openen, stap starten, antwoorden ophalen via de trigger, besluiten, PDF', () => {
    const { rt, ctx, ss } = loadBundle();

    expect(click(rt, ctx, 'menuSetup')).toContain('Het register is ingericht');
    write(ss, 'Instellingen', settingsRows());
    write(ss, 'Partners', partnersToRows(PARTNERS));

    // "Nieuwe casus openen" shows the dialog; its form posts to uiNewCase (google.script.run).
    click(rt, ctx, 'menuNewCase');
    expect(rt.ui.dialogs.at(-1)?.title).toBe('Nieuwe casus openen');
    expect(rt.ui.dialogs.at(-1)?.html).toContain('name="eersteSignaal"');
    const call = (fn: string, ...args: unknown[]) => {
      rt.beginExecution();
      try {
        return ctx[fn](...args);
      } finally {
        rt.endExecution();
      }
    };
    const form = {
      label: 'Groep bij de sporthal',
      wijk: 'Noord',
      eersteSignaal: '2026-01-05',
      bewaartermijnMaanden: '12',
    };
    expect(call('uiNewCase', { ...form, eersteSignaal: '2026-02-30' })).toEqual({
      ok: false,
      errors: { eersteSignaal: 'Dit is geen bestaande datum; kies een datum als dd-mm-jjjj.' },
      message: 'Herstel de velden met een melding.',
    });
    const opened = call('uiNewCase', form);
    expect(opened).toMatchObject({ ok: true, code: 'JGA-2026-001' });
    expect(opened.message).toContain('Casus JGA-2026-001 (Groep bij de sporthal) is geopend');
    // A Google service failing halfway is explained in Dutch; running it again finishes the job.
    rt.injectFault({ method: 'FormApp.create', nth: 2, message: 'Service Forms failed' });
    const failed = click(rt, ctx, 'menuStartStep', [{ button: 'OK', text: 'JGA-2026-001' }]);
    expect(failed).toContain('Er ging iets mis: Service Forms failed');
    rt.clearFaults();
    const started = click(rt, ctx, 'menuStartStep', [{ button: 'OK', text: 'JGA-2026-001' }]);
    expect(started).toContain('2 van 2 formulieren gemaakt, 2 uitnodiging(en) verstuurd');
    expect(rt.mailbox.map((m) => m.to[0])).toEqual(['wijkagent@politie.example', 'jw@jongerenwerk.example']);

    // The partner answers; the dispatcher trigger (installed once) picks it up.
    const caseId = [...rt.drive.values()].find((e) => e.name === 'JGA-2026-001 casusspreadsheet')!.id;
    const registry = () =>
      snapshotSpreadsheet(rt, caseId).sheets.find((s) => s.name === '_formulieren')!.values;
    const politieForm = String(registry().find((r) => r[0] === '1#1#politie')![4]);
    fillRequired(rt, politieForm, '=IMPORTXML("https://x.example","//a") en tekst');
    expect(click(rt, ctx, 'menuInstallTriggers')).toContain('elke 15 minuten');
    expect(click(rt, ctx, 'menuInstallTriggers')).toContain('staat al aan');
    // The dispatcher, and the on-open trigger that opens the dashboard (ui/cockpit.ts).
    expect(
      (ctx.ScriptApp as GoogleAppsScript.Script.ScriptApp)
        .getProjectTriggers()
        .map((t) => t.getHandlerFunction())
        .sort(),
    ).toEqual(['openDashboardOnOpen', 'runDispatcher']);
    const runs = runDueTriggers(rt, ctx, rt.now() + 60 * 60 * 1000);
    expect(runs.length).toBe(4);
    expect(runs.filter((r) => r.error)).toEqual([]);
    const ledger = snapshotSpreadsheet(rt, caseId).sheets.find((s) => s.name === '_antwoorden')!.values;
    expect(ledger.length).toBeGreaterThan(1);
    const formulas = snapshotSpreadsheet(rt, caseId).sheets.flatMap((s) => s.formulas.flat());
    expect(formulas.every((f) => f === '')).toBe(true);

    // "Besluit vastleggen" shows one dialog with the gate of the only open case; its form posts
    // to uiRecordDecision. A wrong field comes back per field; a second send of the same form is stale.
    click(rt, ctx, 'menuRecordDecision');
    expect(rt.ui.dialogs.at(-1)?.title).toBe('Besluit vastleggen');
    expect(rt.ui.dialogs.at(-1)?.html).toContain('"code":"JGA-2026-001"');
    const gate = call('uiDecisionForm', 'jga-2026-001');
    expect(gate.form.rules.outcomes.map((o: { key: string }) => o.key)).toEqual([
      'verder_verkennen',
      'acuut',
      'niet_verder',
    ]);
    const decision = {
      outcome: 'verder_verkennen',
      motivation: '',
      decidedBy: 'partneroverleg',
      date: '2026-01-12',
      expected: String(gate.form.rules.expected),
    };
    expect(call('uiRecordDecision', 'JGA-2026-001', decision)).toEqual({
      ok: false,
      errors: { motivation: 'Schrijf waarom dit besloten is (noem geen namen).' },
      message: 'Herstel de velden met een melding; de rest blijft staan.',
    });
    const filled = { ...decision, motivation: 'Signaal van de politie bevestigd door de boa.' };
    const decided = call('uiRecordDecision', 'JGA-2026-001', filled);
    expect(decided).toMatchObject({ ok: true, step: '2A', status: 'open' });
    expect(decided.message).toContain('Besluit vastgelegd: Verder verkennen');
    expect(decided.message).toContain('ronde 1');
    const again = call('uiRecordDecision', 'JGA-2026-001', filled);
    expect(again).toMatchObject({ ok: false, stale: true, errors: {} });
    expect(again.message).toContain('Intussen is er al een besluit vastgelegd voor stap 1');
    const decisions = snapshotSpreadsheet(rt, caseId).sheets.find((s) => s.name === '_besluiten')!.values;
    expect(decisions[1]!.slice(0, 6)).toEqual([
      '1',
      1,
      'verder_verkennen',
      'Signaal van de politie bevestigd door de boa.',
      'partneroverleg',
      '2026-01-12',
    ]);
    expect(click(rt, ctx, 'menuExportPdf', [{ button: 'OK', text: 'JGA-2026-001' }])).toContain('PDF');
    const pdf = [...rt.drive.values()].find((e) => e.name.endsWith('.pdf'))!;
    expect(new TextDecoder().decode(pdf.bytes!.slice(0, 5))).toBe('%PDF-');
  });
});
