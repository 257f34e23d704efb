/** Persons added to the namenlijst after the forms of 2B went out are still asked about. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { parseScenario } from '../../src/local/demo/loadScenario';
import { convenantWarning } from '../../src/model/partnerQuestions';
import { isoDate } from '../../src/model/time';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { itemMapOf } from '../../src/workflow/formKey';
import { addPersons } from '../../src/workflow/persons';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { FORMS, PERSONS } from '../../src/workflow/records';
import { askAboutNewPersons, startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { fillRequired, PARTNERS, PERSONS as PEOPLE, play } from './helpers';

const { convenantSigned: _signed, ...policeFields } = PARTNERS[0]!;
const UNSIGNED = { ...policeFields, id: 'politie-zonder', email: 'team2@politie.example' };

let p: Played;
beforeAll(() => {
  const parsed = parseScenario({
    name: 'tot 2B',
    settings: { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    // A second police team that has not signed the convenant: group level only.
    partners: [...PARTNERS, { ...UNSIGNED }],
    persons: PEOPLE,
    steps: [
      {
        step: '1',
        startOn: '2026-01-12',
        decision: { day: 11, outcome: 'verder_verkennen', motivation: 'x', decidedBy: 'overleg' },
      },
      {
        step: '2A',
        startOn: '2026-02-02',
        decision: { day: 11, outcome: 'problematisch', motivation: 'x', decidedBy: 'overleg' },
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  p = play(parsed.scenario);
});
afterAll(() => p.local.dispose());

const handle = () => openCase(openRegister(), p.result.caseHandle.row.code);

describe('aanvullende formulieren voor later toegevoegde personen', () => {
  it('vraagt alleen partners met vragen per persoon, alleen naar de nieuwe codes, één keer', () => {
    addPersons(handle(), PEOPLE);
    const started = startStep(handle());
    // The partner without a convenant date gets a form without person questions, and the
    // coordinator is told why (start message and logboek).
    const unsigned = openRegister().partners.find((x) => x.id === 'politie-zonder')!;
    expect(started.warnings).toContain(convenantWarning(unsigned));
    const log = JSON.stringify(snapshotSpreadsheet(p.local.rt, handle().row.spreadsheetId));
    expect(log).toContain('geen convenant');
    const own = readTable(handle().ss, FORMS).find((f) => f.formKey === '2B#1#politie-zonder')!;
    expect(Object.values(itemMapOf(own)).some((k) => k.includes('|'))).toBe(false);
    const signed = readTable(handle().ss, FORMS).find((f) => f.formKey === '2B#1#politie')!;
    expect(Object.values(itemMapOf(signed)).some((k) => k.includes('|'))).toBe(true);
    const first = readTable(handle().ss, PERSONS).map((r) => String(r.code));
    expect(askAboutNewPersons(handle()).created).toEqual([]);
    const mails = p.local.rt.mailbox.length;

    const added = addPersons(handle(), [{ naam: 'Later Erbij' }, { naam: 'Nog Iemand' }]);
    const r = askAboutNewPersons(handle());
    expect(r.created).toEqual(['2B#1#politie#2']);
    expect(p.local.rt.mailbox.length).toBe(mails + 1);
    const row = readTable(handle().ss, FORMS).find((f) => f.formKey === '2B#1#politie#2')!;
    const snap = snapshotForm(p.local.rt, String(row.formId));
    expect(snap.title).toContain('aanvulling');
    // The codes are the rows of the grids (and the lines of the texts): one item per question.
    const titles = snap.items.map((i) => [i.title, i.help, ...i.rows].join('\n')).join('\n');
    for (const c of added) expect(titles).toContain(c);
    for (const c of first) expect(titles).not.toContain(c);
    // A second run asks nothing again.
    expect(askAboutNewPersons(handle()).created).toEqual([]);
    expect(p.local.rt.mailbox.length).toBe(mails + 1);
  });

  it('antwoorden op het aanvullende formulier komen bij de partner in de stap-tab, en de poort sluit beide formulieren', () => {
    const row = readTable(handle().ss, FORMS).find((f) => f.formKey === '2B#1#politie#2')!;
    fillRequired(p.local.rt, String(row.formId), 'aanvulling van de politie', { all: true });
    reconcileCase(handle());
    rebuildViews(handle());
    const tab = snapshotSpreadsheet(p.local.rt, handle().row.spreadsheetId).sheets.find(
      (s) => s.name === 'Stap 2B',
    )!;
    // Every grid row of the supplement lands on its own (new) code, with the partner's answer.
    const added = readTable(handle().ss, PERSONS)
      .map((r) => String(r.code))
      .slice(-2);
    for (const code of added) {
      const rows = (tab.values as unknown[][]).filter(
        (r) => r[2] === code && String(r[0]).startsWith('2B.p.'),
      );
      expect(rows.length, code).toBeGreaterThan(0);
      for (const r of rows) expect(String(r[3]), `${code} ${r[0]}`).not.toBe('');
    }
    p.local.rt.advance(3600_000);
    recordDecision(
      handle(),
      {
        step: '2B',
        round: 1,
        outcome: 'bevestigd',
        motivation: 'x',
        decidedBy: 'procesregisseur',
        date: isoDate(p.local.rt.now(), 'Europe/Amsterdam'),
      },
      'r@x.example',
    );
    const politie = readTable(handle().ss, FORMS).filter((f) => f.partnerId === 'politie' && f.step === '2B');
    expect(politie.map((f) => f.status)).toEqual(['gesloten', 'gesloten']);
  });
});
