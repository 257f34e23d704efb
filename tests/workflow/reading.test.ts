/**
 * Reading answers since a high-water mark, the idle dispatcher and the daily folder scan,
 * asserted as call counts on the in-memory Apps Script.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editAsRespondent } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import type { LocalAppsScript } from '../../src/local/harness';
import { isoDate } from '../../src/model/time';
import type { CaseHandle } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { refreshCase } from '../../src/workflow/dispatcher';
import { READ_MARGIN_MS, reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;

function started(): { h: CaseHandle; forms: { key: string; id: string }[] } {
  const f = freshLocalCase();
  local = f.local;
  startStep(f.h);
  const forms = readTable(f.h.ss, FORMS).map((r) => ({ key: String(r.formKey), id: String(r.formId) }));
  return { h: f.h, forms };
}

/** Calls made by `fn`, by method. */
function counted(fn: () => void): Record<string, number> {
  local.rt.resetCounts();
  fn();
  return Object.fromEntries(local.rt.counts);
}

const sum = (c: Record<string, number>, prefix: string) =>
  Object.entries(c)
    .filter(([k]) => k.startsWith(prefix))
    .reduce((n, [, v]) => n + v, 0);

describe('antwoorden lezen vanaf het hoogwatermerk', () => {
  it('leest een antwoord één keer; daarna kost elk open formulier twee aanroepen en geen antwoord', () => {
    const { h, forms } = started();
    fillRequired(local.rt, forms[0]!.id, 'eerste');
    local.rt.advance(HOUR);
    const first = counted(() => expect(reconcileCase(h, { scanFolder: false }).newResponses).toBe(1));
    expect(first['FormResponse.getItemResponses']).toBe(1);
    local.rt.advance(HOUR);
    const idle = counted(() => expect(reconcileCase(h, { scanFolder: false }).changed).toBe(false));
    // Per form: open it and ask for what came after its mark; nothing else from Forms.
    expect(sum(idle, 'Form')).toBe(2 * forms.length);
    expect(idle['FormApp.openById']).toBe(forms.length);
    expect(idle['Form.getResponses']).toBe(forms.length);
    expect(idle['FormResponse.getId'] ?? 0).toBe(0);
    // The ledger is not read when nothing came in, and nothing is written.
    // A table read is one Sheets values call (workspace/tables.ts), or getValues without the service.
    const sheetReads = (idle['Range.getValues'] ?? 0) + (idle['Sheets.Spreadsheets.Values.batchGet'] ?? 0);
    expect(sheetReads).toBe(1); // the form registry only
    expect(idle['Range.setValues'] ?? 0).toBe(0);
  });

  it('§4.3 #2: een antwoord dat twee keer binnenkomt (vlak voor het lezen), wordt één keer opgeslagen', () => {
    const { h, forms } = started();
    local.rt.advance(HOUR);
    fillRequired(local.rt, forms[0]!.id);
    reconcileCase(h, { scanFolder: false });
    // Within the margin the response is asked for again (it might have become readable late).
    local.rt.advance(READ_MARGIN_MS / 2);
    const again = counted(() => expect(reconcileCase(h, { scanFolder: false }).newResponses).toBe(0));
    expect(again['FormResponse.getId']).toBe(1);
    expect(again['FormResponse.getItemResponses'] ?? 0).toBe(0);
    // After the margin the mark has passed it.
    local.rt.advance(READ_MARGIN_MS);
    reconcileCase(h, { scanFolder: false });
    local.rt.advance(HOUR);
    const later = counted(() => reconcileCase(h, { scanFolder: false }));
    expect(later['FormResponse.getId'] ?? 0).toBe(0);
    expect(readTable(h.ss, ANSWERS).filter((r) => r.questionId === '1.functie')).toHaveLength(1);
  });

  it('§4.3 #4: een bewerking krijgt een nieuw tijdstip en wordt een nieuwe versie; de poort leest alleen die opnieuw', () => {
    const { h, forms } = started();
    const politie = forms.find((f) => f.key === '1#1#politie')!;
    const responseId = fillRequired(local.rt, politie.id, 'eerste versie');
    fillRequired(local.rt, forms.find((f) => f.key === '1#1#boa')!.id, 'boa');
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    local.rt.advance(HOUR);
    const row = readTable(h.ss, FORMS).find((f) => f.formKey === politie.key)!;
    const map = JSON.parse(String(row.itemMap)) as Record<string, string>;
    const functie = Object.keys(map).find((k) => map[k] === '1.functie')!;
    // (The test register does not allow edits; the partner's form does here.)
    formModelOf(local.rt, politie.id).allowResponseEdits = true;
    editAsRespondent(local.rt, politie.id, responseId, { [functie]: 'tweede versie' });
    local.rt.advance(HOUR);
    const gate = counted(() =>
      recordDecision(
        h,
        {
          step: '1',
          round: 1,
          outcome: 'verder_verkennen',
          motivation: 'x',
          decidedBy: 'overleg',
          date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        },
        'r@x.example',
      ),
    );
    const versions = readTable(h.ss, ANSWERS)
      .filter((r) => r.questionId === '1.functie' && String(r.formKey) === politie.key)
      .map((r) => `${r.version}:${r.value}`);
    expect(versions).toEqual(['1:eerste versie', '2:tweede versie']);
    // Only the edited response is read answer by answer; the boa's stored answer is not.
    expect(gate['FormResponse.getItemResponses']).toBe(1);
    // Each form of the step is opened once: closed and read through the same handle.
    const ofStep = forms.filter((f) => f.key.startsWith('1#1#')).length;
    expect(ofStep).toBeGreaterThan(1);
    expect(gate['Form.setAcceptingResponses']).toBe(ofStep);
    expect(gate['FormApp.openById']).toBe(ofStep);
  });
});

describe('de dagelijkse mapscan', () => {
  it('is één Drive-zoekopdracht, zonder isTrashed per formulier, en slaat de prullenbak over', () => {
    const { h, forms } = started();
    const stray = FormApp.create('Handgemaakt');
    stray.addTextItem().setTitle('Opmerking');
    stray.setPublished(true);
    DriveApp.getFileById(stray.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
    stray.createResponse().withItemResponse(stray.getItems()[0]!.asTextItem().createResponse('los')).submit();
    const trashed = FormApp.create('Weggegooid');
    trashed.addTextItem().setTitle('Opmerking');
    DriveApp.getFileById(trashed.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
    DriveApp.getFileById(trashed.getId()).setTrashed(true);
    local.rt.advance(HOUR);
    const scan = counted(() => expect(reconcileCase(h).quarantined).toBe(1));
    expect(scan['Drive.Files.list']).toBe(1);
    expect(scan['File.isTrashed'] ?? 0).toBe(0);
    expect(sum(scan, 'FileIterator')).toBe(0);
    // The registry's forms and the stray one are opened; the trashed one is not.
    expect(scan['FormApp.openById']).toBe(forms.length + 1);
  });
});

describe('de dispatcher zonder nieuws', () => {
  it('opent geen enkel formulier: één lezing van de antwoordspreadsheet plus een vast aantal', () => {
    const { h, forms } = started();
    fillRequired(local.rt, forms[0]!.id);
    local.rt.advance(HOUR);
    refreshCase(h); // the first run of the day: link, scan, read, rebuild
    local.rt.advance(HOUR / 6);
    const idle = counted(() => expect(refreshCase(h).published).toBe(false));
    const total = Object.values(idle).reduce((a, b) => a + b, 0);
    // No form is opened: the response tabs of all forms in one Sheets.Spreadsheets.get.
    expect(sum(idle, 'Form')).toBe(0);
    expect(total).toBeLessThanOrEqual(IDLE_CONSTANT);
    // Today: the registry, the outbox and the decisions (one read each), one property.
    expect(idle).toMatchInlineSnapshot(`
      {
        "Properties.getProperty": 1,
        "Sheets.Spreadsheets.Values.batchGet": 3,
        "Sheets.Spreadsheets.get": 1,
      }
    `);
  });
});

/** What an idle run costs besides the forms (tables read once each, properties, lock). */
const IDLE_CONSTANT = 20;
