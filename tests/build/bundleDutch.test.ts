/**
 * The real bundle in a Dutch account: dist/Code.js in its own node:vm context, the in-memory
 * Apps Script speaking Dutch and making nl_NL spreadsheets. Errors and Dates cross the realm
 * border; a deleted form is "ontbreekt" and a refused address is not tried again, as in English.
 */
import { describe, expect, it } from 'vitest';
import { runDueTriggers } from '../../src/local/apps-script/script';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { partnersToRows } from '../../src/model/schemas';
import type { Partner } from '../../src/model/types';
import { call, loadBundle, settingsRows, writeTab } from './bundleHarness';

const partner = (id: string, email: string): Partner => ({
  id,
  organisation: `Organisatie ${id}`,
  kind: 'jongerenwerk',
  contactName: 'Contact',
  email,
  steps: ['1', '2A', '3'],
  levels: ['groep', 'domein', 'online'],
  active: true,
});

describe('dist/Code.js in een Nederlands Google-account', () => {
  it('een gewist formulier heet "ontbreekt", een geweigerd adres wordt één keer geprobeerd; spreadsheets zijn nl_NL', () => {
    const { rt, ctx, ss } = loadBundle({ language: 'nl' });
    rt.ui.answers.push({ button: 'OK' });
    call(rt, ctx, 'menuSetup');
    writeTab(ss, 'Instellingen', settingsRows());
    writeTab(
      ss,
      'Partners',
      partnersToRows([partner('a', 'a@proefdorp.example'), partner('b', 'b@proefdorp.example')]),
    );
    expect(ss.getSpreadsheetLocale()).toBe('nl_NL');
    const opened = call(rt, ctx, 'uiNewCase', {
      label: 'Groep',
      wijk: 'Noord',
      eersteSignaal: '2026-01-05',
      bewaartermijnMaanden: '12',
    });
    expect(opened).toMatchObject({ ok: true, code: 'JGA-2026-001' });
    // Google refuses the second address (in Dutch): marked failed at once, never retried.
    rt.injectFault({
      method: 'MailApp.sendEmail',
      nth: 2,
      times: 5,
      message: 'Invalid email: b@proefdorp.example',
    });
    rt.ui.answers.push({ button: 'OK', text: 'JGA-2026-001' }, { button: 'OK' });
    call(rt, ctx, 'menuStartStep');
    rt.ui.answers.length = 0;
    const caseId = [...rt.drive.values()].find((e) => e.name === 'JGA-2026-001 casusspreadsheet')!.id;
    const table = (name: string) =>
      snapshotSpreadsheet(rt, caseId).sheets.find((s) => s.name === name)!.values;
    const formA = String(table('_formulieren').find((r) => r[0] === '1#1#a')![4]);
    rt.deleteEntry(formA);
    rt.ui.answers.push({ button: 'OK' });
    call(rt, ctx, 'menuInstallTriggers');
    const runs = runDueTriggers(rt, ctx, rt.now() + 2 * 60 * 60 * 1000);
    expect(runs.filter((r) => r.error)).toEqual([]);
    const forms = table('_formulieren');
    const statusCol = forms[0]!.indexOf('status');
    expect(forms.find((r) => r[0] === '1#1#a')![statusCol]).toBe('ontbreekt');
    const outbox = table('_uitgaand');
    const head = outbox[0]!;
    const rowB = outbox.find((r) => String(r[head.indexOf('key')]).endsWith('#b'))!;
    expect(rowB[head.indexOf('status')]).toBe('mislukt');
    expect(rowB[head.indexOf('attempts')]).toBe(1);
    expect(String(rowB[head.indexOf('error')])).toMatch(/^ongeldig e-mailadres/);
  });
});
