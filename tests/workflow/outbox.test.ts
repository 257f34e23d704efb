/**
 * The outbox's rules for a failed mail, one by one: a passing failure is tried again on later
 * runs, at most MAX_ATTEMPTS times in all; a wrong address is not tried again; what is stored
 * about a failure never holds an e-mail address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalAppsScript } from '../../src/local/harness';
import type { CaseHandle } from '../../src/workflow/context';
import { failureReason, flushOutbox, MAX_ATTEMPTS } from '../../src/workflow/outbox';
import { LOG, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

function startedWithFailingMail(message: string): CaseHandle {
  const f = freshLocalCase();
  local = f.local;
  // Every invitation of the start fails.
  local.rt.injectFault({ method: 'MailApp.sendEmail', nth: 1, times: 1000, message });
  startStep(f.h);
  return f.h;
}

const sends = () => local.rt.counts.get('MailApp.sendEmail') ?? 0;

describe('een mail die mislukt', () => {
  it(`een voorbijgaande fout: in totaal ${MAX_ATTEMPTS} pogingen per mail, daarna "mislukt"`, () => {
    const h = startedWithFailingMail('Service unavailable: Mail');
    const mails = readTable(h.ss, OUTBOX).length;
    expect(readTable(h.ss, OUTBOX).every((r) => r.status === 'wacht' && r.attempts === 1)).toBe(true);
    local.rt.resetCounts();
    for (let run = 0; run < MAX_ATTEMPTS + 2; run++) {
      local.rt.advance(15 * 60_000);
      flushOutbox(h);
    }
    // The start tried each once; later runs try each until MAX_ATTEMPTS, never more.
    expect(sends()).toBe(mails * (MAX_ATTEMPTS - 1));
    const rows = readTable(h.ss, OUTBOX);
    expect(rows.every((r) => r.status === 'mislukt' && r.attempts === MAX_ATTEMPTS)).toBe(true);
  });

  it('een fout adres: één poging, meteen "mislukt", zonder het adres op te slaan', () => {
    const h = startedWithFailingMail('Invalid email: wijkagent@politie.example');
    local.rt.resetCounts();
    local.rt.advance(15 * 60_000);
    flushOutbox(h);
    expect(sends()).toBe(0);
    const rows = readTable(h.ss, OUTBOX);
    expect(rows.every((r) => r.status === 'mislukt' && r.attempts === 1)).toBe(true);
    // The outbox keeps the address it sends to (column to); the error and the Logboek never do.
    const stored = JSON.stringify([rows.map((r) => r.error), readTable(h.ss, LOG)]);
    expect(stored).not.toContain('@');
    expect(rows[0]!.error).toBe('ongeldig e-mailadres; verbeter het in de tab Partners van het register');
  });

  it('een andere fout met een adres erin bewaart de fout zonder het adres', () => {
    expect(failureReason('Could not deliver to iemand@voorbeeld.example; try later')).toBe(
      'Could not deliver to [adres]; try later',
    );
    expect(failureReason('<a.b+c@d.example>: Limit exceeded')).toBe('<[adres]>: Limit exceeded');
    expect(failureReason('Service unavailable: Mail')).toBe('Service unavailable: Mail');
  });
});
