/** Persons added to the namenlijst after the forms of 2B went out are still asked about. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotForm } from '../../src/local/apps-script/forms';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { parseScenario } from '../../src/local/demo/loadScenario';
import { isoDate } from '../../src/model/time';
import { openCase, openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { addPersons } from '../../src/workflow/persons';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { FORMS, PERSONS } from '../../src/workflow/records';
import { askAboutNewPersons, startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { fillRequired, PARTNERS, PERSONS as PEOPLE, play } from './helpers';

let p: Played;
beforeAll(() => {
  const parsed = parseScenario({
    name: 'tot 2B',
    settings: { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    partners: PARTNERS,
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
    startStep(handle());
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
    expect(JSON.stringify(tab.values)).toContain('aanvulling van de politie');
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
    const politie = readTable(handle().ss, FORMS).filter((f) => String(f.formKey).startsWith('2B#1#politie'));
    expect(politie.map((f) => f.status)).toEqual(['gesloten', 'gesloten']);
  });
});
