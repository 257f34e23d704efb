/**
 * The bookkeeping of a start (a form row per form, an outbox row per invitation, the log) costs a
 * fixed number of sheet lookups per table per run, not one per form: the table cache keeps each
 * tab's handle, its last row and its grid size (workspace/tables.ts).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import { startLocalAppsScript } from '../../src/local/harness';
import { openRegister } from '../../src/workflow/context';
import { tryWithLock, withLock } from '../../src/workflow/lock';
import { openNewCase } from '../../src/workflow/newCase';
import { enqueue, flushOutbox } from '../../src/workflow/outbox';
import { FORMS, OUTBOX } from '../../src/workflow/records';
import { setupRegister } from '../../src/workflow/registerTabs';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase, PARTNERS } from './helpers';

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

/** The sheet calls that look a tab up or ask for its size. */
const LOOKUPS = ['Spreadsheet.getSheetByName', 'Sheet.getLastRow', 'Sheet.getMaxRows'];

/** Starts step 1 in a case whose register has `copies` partners of every kind in PARTNERS. */
function startWith(copies: number) {
  const local = startLocalAppsScript({ now: Date.UTC(2026, 0, 12, 8, 0) });
  dispose = () => local.dispose();
  const ss = SpreadsheetApp.create('Register');
  local.rt.boundContainerId = ss.getId();
  const partners = Array.from({ length: copies }, (_, k) =>
    PARTNERS.map((p) => ({ ...p, id: `${p.id}${k}`, email: `p${k}.${p.email}` })),
  ).flat();
  setupRegister(ss, {
    settings: { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    partners,
  });
  const h = openNewCase(openRegister(), fictionalCaseInput());
  local.rt.resetCounts();
  const r = withLock(() => startStep(h, { budgetMs: Number.POSITIVE_INFINITY }));
  const counts = new Map(local.rt.counts);
  const lookups = LOOKUPS.reduce((n, m) => n + (counts.get(m) ?? 0), 0);
  const forms = readTable(h.ss, FORMS).length;
  const sent = readTable(h.ss, OUTBOX).filter((o) => o.status === 'verstuurd').length;
  dispose();
  dispose = null;
  return { r, lookups, forms, sent };
}

describe('boekhouding van een start', () => {
  it('zoekt elke tabel één keer op per run, hoeveel formulieren en mails er ook zijn', () => {
    const small = startWith(1);
    const large = startWith(4);
    expect([small.forms, small.sent]).toEqual([3, 3]);
    expect([large.forms, large.sent]).toEqual([12, 12]);
    expect(large.r.remaining).toEqual([]);
    // Four times the forms and mails, not one lookup more.
    expect(large.lookups).toBe(small.lookups);
  });

  it('n mails kosten n + 1 schrijfacties in de wachtrij: "verstuurd" gaat mee met de volgende "verzenden"', () => {
    const { local, h } = freshLocalCase();
    dispose = () => local.dispose();
    const jobs = [1, 2, 3, 4].map((n) => ({
      key: `proef:${n}`,
      formKey: `1#1#p${n}`,
      kind: 'uitnodiging' as const,
      to: `p${n}@partner.example`,
      subject: `Uitvraag ${n}`,
      body: 'Tekst',
    }));
    const r = tryWithLock(() => {
      enqueue(h.ss, jobs);
      readTable(h.ss, OUTBOX);
      local.rt.resetCounts();
      return flushOutbox(h);
    });
    expect(r.ok && r.value.sent).toBe(4);
    const setValues = local.rt.counts.get('Range.setValues') ?? 0;
    // Four mails: "verzenden" 1, then three times "verstuurd" + the next "verzenden", then
    // "verstuurd" 4; plus the log line.
    expect(setValues).toBe(4 + 1 + 1);
    // Every marker is stored before its mail leaves.
    expect(local.rt.counts.get('SpreadsheetApp.flush')).toBe(4 + 1);
    expect(readTable(h.ss, OUTBOX).map((o) => o.status)).toEqual([
      'verstuurd',
      'verstuurd',
      'verstuurd',
      'verstuurd',
    ]);
  });
});
