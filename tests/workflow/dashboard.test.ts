/** The dashboard read model on a real case: timeline, matrix, next actions, links, and what it costs. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import { openCase, openRegister } from '../../src/workflow/context';
import {
  type CaseDashboard,
  caseDashboard,
  caseSummaries,
  failedMails,
  overviewStale,
} from '../../src/workflow/dashboard';
import { recordDecision } from '../../src/workflow/decide';
import { refreshCase } from '../../src/workflow/dispatcher';
import { publish } from '../../src/workflow/publish';
import { FORMS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable, withTableCache } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function fresh() {
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
    fillRequired(local.rt, String(forms.find((f) => f.partnerId === 'politie')!.formId));
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
    local.rt.setNow(Date.UTC(2026, 0, 28, 9, 0));
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
    const rt = local.rt;
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

  it('zet open casussen vóór gesloten in de lijst, de nieuwste eerst', () => {
    const h = fresh();
    const list = caseSummaries(h.reg);
    expect(list).toEqual([
      { code: h.row.code, label: 'Groep bij het winkelcentrum (fictief)', status: 'open', step: '1' },
    ]);
  });
});
