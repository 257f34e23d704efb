/**
 * Crash at any service call while starting a step, then run again: every partner ends with
 * exactly one registered form and at most one invitation — never two. (A mail whose send was
 * interrupted is marked "onzeker" and not sent again automatically.)
 */
import { describe, expect, it } from 'vitest';
import { openCase, openRegister } from '../../src/workflow/context';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { withLock } from '../../src/workflow/lock';
import { ANSWERS, FORMS, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase, PARTNERS } from './helpers';

function callsOfCleanStart(): number {
  const { local, h } = freshLocalCase();
  try {
    local.rt.resetCounts();
    withLock(() => startStep(h));
    return local.rt.totalCalls();
  } finally {
    local.dispose();
  }
}

describe('stap starten: een crash bij elke willekeurige aanroep', () => {
  it('§4.3 #20, #30: levert na een herhaling per partner precies één formulier en hooguit één uitnodiging op', () => {
    const total = callsOfCleanStart();
    expect(total).toBeGreaterThan(50);
    for (let n = 1; n <= total; n++) {
      const { local, h } = freshLocalCase();
      try {
        local.rt.resetCounts();
        local.rt.injectFault({ method: /.*/, nth: n, message: `Crash bij aanroep ${n}` });
        try {
          // As the menu runs it: under the lock, with the table cache on.
          withLock(() => startStep(h));
        } catch (_e) {
          // the run died here
        }
        local.rt.clearFaults();
        local.rt.advance(60 * 60 * 1000);
        dispatchAll(openRegister());
        startStep(openCase(openRegister(), h.row.code));
        const forms = readTable(h.ss, FORMS).map((f) => String(f.partnerId));
        expect(forms.sort(), `crash bij aanroep ${n}`).toEqual(PARTNERS.map((p) => p.id).sort());
        const outbox = readTable(h.ss, OUTBOX);
        for (const p of PARTNERS) {
          const sent = local.rt.mailbox.filter(
            (m) => m.to[0] === p.email && m.subject.startsWith('Uitvraag'),
          );
          expect(sent.length, `crash bij aanroep ${n}, ${p.id}`).toBeLessThanOrEqual(1);
          if (sent.length === 0) {
            const row = outbox.find((r) => r.key === `uitnodiging:1#1#${p.id}`);
            expect(row?.status, `crash bij aanroep ${n}, ${p.id}`).toBe('onzeker');
          }
        }
      } finally {
        local.dispose();
      }
    }
  });
});

describe('bijwerken: een crash bij elke willekeurige aanroep', () => {
  function setup() {
    const f = freshLocalCase();
    startStep(f.h);
    const forms = readTable(f.h.ss, FORMS);
    fillRequired(f.local.rt, String(forms[0]!.formId), 'Eerste antwoord van de politie.');
    fillRequired(f.local.rt, String(forms[1]!.formId), '=HYPERLINK("https://x.example","y")');
    f.local.rt.advance(60 * 60 * 1000);
    return f;
  }
  const ledger = (h: ReturnType<typeof setup>['h']) =>
    readTable(h.ss, ANSWERS)
      .map((r) => `${r.formKey}|${r.responseId}|${r.version}|${r.questionId}|${r.subject}|${r.value}`)
      .sort();

  it('geeft na een herhaling precies dezelfde antwoorden als een run zonder crash', () => {
    const clean = setup();
    clean.local.rt.resetCounts();
    dispatchAll(openRegister());
    const expected = ledger(clean.h);
    const statuses = readTable(clean.h.ss, FORMS).map((f) => f.status);
    const total = clean.local.rt.totalCalls();
    clean.local.dispose();
    expect(expected.length).toBeGreaterThan(2);

    for (let n = 1; n <= total; n++) {
      const { local, h } = setup();
      try {
        local.rt.resetCounts();
        local.rt.injectFault({ method: /.*/, nth: n, message: `Crash bij aanroep ${n}` });
        try {
          dispatchAll(openRegister());
        } catch (_e) {
          // the run died here
        }
        local.rt.clearFaults();
        dispatchAll(openRegister());
        expect(ledger(h), `crash bij aanroep ${n}`).toEqual(expected);
        expect(
          readTable(h.ss, FORMS).map((f) => f.status),
          `crash bij aanroep ${n}`,
        ).toEqual(statuses);
      } finally {
        local.dispose();
      }
    }
  });
});
