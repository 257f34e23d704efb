/**
 * Step 4 and the documents per audience on the real code path: the advice is refused while the
 * Advies tab is incomplete, then written, shared with exactly the driehoek and mailed as a link;
 * every audience document is shared with exactly its readers, also after someone added a reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/local/demo/loadScenario';
import { ADVICE_SHEET } from '../../src/model/adviceSheet';
import { readersOf } from '../../src/model/audiences';
import { ADVICE_DOCUMENT_KEY, readAdviceTab, writeAdviceTab } from '../../src/workflow/advice';
import { openCase, openRegister, UserError } from '../../src/workflow/context';
import { caseDocumentIds, publish } from '../../src/workflow/publish';
import { DOCUMENTS, OUTBOX } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable, replaceTable } from '../../src/workspace/tables';
import type { Played } from './helpers';
import { ADVICE, PARTNERS, PERSONS, play } from './helpers';

const OM = {
  id: 'om',
  organisation: 'OM Testdorp',
  kind: 'om',
  contactName: 'Officier Test',
  email: 'jeugdofficier@om.example',
  steps: ['3', '4'],
  levels: ['groep', 'persoon'],
  active: true,
};
const DRIEHOEK = 'burgemeester@testdorp.example, teamchef@politie.example';

let p: Played;
const decide = (step: string, startOn: string) => ({
  step,
  startOn,
  decision: {
    day: 5,
    outcome: { '1': 'verder_verkennen', '2A': 'problematisch', '2B': 'bevestigd', '3': 'gereed' }[step]!,
    motivation: 'Besproken in het overleg.',
    decidedBy: 'procesregisseur',
  },
});

beforeAll(() => {
  const parsed = parseScenario({
    name: 'tot stap 4',
    settings: {
      gemeente: 'Testdorp',
      coordinatorEmail: 'regie@testdorp.example',
      driehoekEmails: DRIEHOEK,
      retentionMonths: 12,
    },
    partners: [...PARTNERS, OM],
    persons: PERSONS,
    steps: [
      decide('1', '2026-01-12'),
      decide('2A', '2026-01-26'),
      decide('2B', '2026-02-09'),
      decide('3', '2026-02-23'),
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  p = play(parsed.scenario);
});
afterAll(() => p.local.dispose());

const handle = () => openCase(openRegister(), p.result.caseHandle.row.code);
const emailsOf = (id: string) => {
  const f = DriveApp.getFileById(id);
  return [...f.getEditors(), ...f.getViewers()].map((u) => u.getEmail()).sort();
};
const without = (emails: string[], owner: string) => emails.filter((e) => e !== owner);

describe('stap 4 en de documenten per doelgroep', () => {
  it('weigert stap 4 zolang het advies niet is ingevuld, en noemt elk veld met zijn cel', () => {
    const h = handle();
    const before = readTable(h.ss, OUTBOX).length;
    let error: unknown;
    try {
      startStep(h);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain('Stap 4 start pas als het advies aan de lokale driehoek klaar is');
    expect(message).toContain(`${ADVICE_SHEET}!B2: Probleemdefinitie is leeg`);
    expect(message).toContain(`${ADVICE_SHEET}!B4: Onderbouwing van het advies is leeg`);
    // Nothing went out: no form, no mail.
    expect(readTable(h.ss, OUTBOX)).toHaveLength(before);
    expect(caseDocumentIds(h).has(ADVICE_DOCUMENT_KEY)).toBe(false);
  });

  it('weigert stap 4 ook als het advies langer dan drie A4-pagina’s wordt, en noemt de langste velden met hun cel', () => {
    const h = handle();
    const before = readTable(h.ss, OUTBOX).length;
    const long = 'De groep hangt elke avond rond bij het winkelcentrum en intimideert het personeel. '.repeat(
      120,
    );
    writeAdviceTab(h, { ...ADVICE, probleemdefinitie: long });
    let error: unknown;
    try {
      startStep(h);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toMatch(/Het advies wordt ongeveer \d+ A4-pagina's; het mag er hooguit 3 zijn/);
    expect(message).toContain(`${ADVICE_SHEET}!B2: Probleemdefinitie (${long.trim().length} tekens)`);
    // Nothing went out and no document was made; the coordinator's text is still in the tab.
    expect(readTable(h.ss, OUTBOX)).toHaveLength(before);
    expect(caseDocumentIds(h).has(ADVICE_DOCUMENT_KEY)).toBe(false);
    expect(readAdviceTab(h)).toMatchObject({ ok: true, value: { probleemdefinitie: long.trim() } });
  });

  it('maakt het advies, deelt het met precies de driehoek en mailt alleen de link, één keer', () => {
    const h = handle();
    writeAdviceTab(h, ADVICE);
    startStep(h);
    const id = caseDocumentIds(h).get(ADVICE_DOCUMENT_KEY)!;
    expect(id).toBeTruthy();
    const owner = DriveApp.getFileById(id).getOwner().getEmail();
    expect(emailsOf(id)).toEqual(
      without(readersOf('driehoek', h.reg.settings, h.reg.partners), owner).filter((e) => e !== owner),
    );
    expect(emailsOf(id)).toContain('burgemeester@testdorp.example');
    expect(emailsOf(id)).not.toContain('team@jongerenwerk.example');
    const body = DocumentApp.openById(id).getBody().getText();
    expect(body).toContain(ADVICE.probleemdefinitie);
    const mails = p.local.rt.mailbox.filter((m) => m.subject.startsWith('Advies aan de lokale driehoek'));
    expect(mails.flatMap((m) => [m.to].flat()).sort()).toEqual([
      'burgemeester@testdorp.example',
      'teamchef@politie.example',
    ]);
    for (const m of mails) {
      expect(m.body).toContain(DriveApp.getFileById(id).getUrl());
      expect(m.body).not.toContain(ADVICE.probleemdefinitie);
      expect(m.body).not.toContain(ADVICE.onderbouwing);
    }
    // A second start (a rerun) mails nobody twice.
    startStep(h);
    expect(
      p.local.rt.mailbox.filter((m) => m.subject.startsWith('Advies aan de lokale driehoek')),
    ).toHaveLength(2);
  });

  it('deelt het beperkte integraal beeld alleen met politie, OM en procesregisseur', () => {
    const h = handle();
    const owner = DriveApp.getFileById(h.row.overviewId).getOwner().getEmail();
    expect(emailsOf(h.row.overviewId)).toEqual(
      without(['jeugdofficier@om.example', 'regie@testdorp.example', 'wijkagent@politie.example'], owner),
    );
  });

  it('deelt de driehoek- en partnerversies met precies hun lezers, ook na een handmatige toevoeging', () => {
    const h = handle();
    const ids = caseDocumentIds(h);
    expect([...ids.keys()].sort()).toEqual(
      [ADVICE_DOCUMENT_KEY, 'driehoek', ...[...PARTNERS, OM].map((x) => `partner:${x.id}`)].sort(),
    );
    // Someone shares the driehoek version by hand with an outsider, and the jongerenwerk version
    // by link; the next publish undoes both.
    DriveApp.getFileById(ids.get('driehoek')!).addViewer('buitenstaander@example.com');
    DriveApp.getFileById(ids.get('partner:jongerenwerk')!).setSharing(
      DriveApp.Access.ANYONE_WITH_LINK,
      DriveApp.Permission.VIEW,
    );
    publish(h);
    for (const [key, id] of caseDocumentIds(h)) {
      if (key === ADVICE_DOCUMENT_KEY) continue;
      const owner = DriveApp.getFileById(id).getOwner().getEmail();
      const expected =
        key === 'driehoek'
          ? readersOf('driehoek', h.reg.settings, h.reg.partners)
          : readersOf('partner', h.reg.settings, h.reg.partners, key.slice('partner:'.length));
      expect(emailsOf(id), key).toEqual(without(expected, owner));
      expect(String(DriveApp.getFileById(id).getSharingAccess()), key).toBe('PRIVATE');
    }
    // Sharing is read from the folder listing: with nothing to change, DriveApp is not called.
    const rt = p.local.rt;
    rt.resetCounts();
    publish(h);
    expect(rt.totalCalls('DriveApp') + rt.totalCalls('File')).toBe(0);
    expect(rt.counts.get('Drive.Files.list')).toBe(1);
    // The partner version of the jongerenwerk has no person level; the restricted one has.
    const jw = DocumentApp.openById(caseDocumentIds(h).get('partner:jongerenwerk')!).getBody().getText();
    expect(jw).not.toContain('Persoonsniveau');
    expect(jw).toContain('Partner: Jongerenwerk Testdorp');
    expect(DocumentApp.openById(h.row.overviewId).getBody().getText()).toContain('Persoonsniveau');
  });
  it('neemt een document dat wel gemaakt maar niet geregistreerd werd over, en registreert nieuwe in één keer', () => {
    const h = handle();
    const rt = p.local.rt;
    const all = readTable(h.ss, DOCUMENTS);
    const partnerRows = all.filter((r) => String(r.key).startsWith('partner:'));
    expect(partnerRows.length).toBeGreaterThan(2);
    // A run that stopped after making the documents but before registering them.
    const sheetWrites = () =>
      (rt.counts.get('Range.setValues') ?? 0) + rt.totalCalls('Sheets.Spreadsheets.Values.');
    const lose = (keep: (r: (typeof all)[number]) => boolean) => {
      replaceTable(h.ss, DOCUMENTS, all.filter(keep));
      rt.resetCounts();
      publish(h);
      expect(rt.counts.get('Drive.Files.create') ?? 0).toBe(0);
      expect(
        readTable(h.ss, DOCUMENTS)
          .map((r) => `${r.key}=${r.fileId}`)
          .sort(),
      ).toEqual(all.map((r) => `${r.key}=${r.fileId}`).sort());
      return sheetWrites();
    };
    const one = lose((r) => r.key !== partnerRows[0]!.key);
    const many = lose((r) => !String(r.key).startsWith('partner:'));
    // Registering many documents costs no more writes than registering one.
    expect(many).toBeLessThanOrEqual(one);
  });
});
