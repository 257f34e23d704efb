/**
 * Bad-input and fault cases of the werkwijze (docs/betrouwbaarheid.md, §4.3) that no other test
 * file covers: each `it` names its case and asserts the safe behaviour on the in-memory Apps Script.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editAsRespondent, submitAsRespondent } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import { holdLockElsewhere } from '../../src/local/apps-script/lock';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { isoDate } from '../../src/model/time';
import { buildOverview } from '../../src/render/overview';
import { SHORTENED_NOTE } from '../../src/render/overview-text';
import { assembleView } from '../../src/workflow/assemble';
import type { CaseHandle } from '../../src/workflow/context';
import { openRegister } from '../../src/workflow/context';
import { recordDecision } from '../../src/workflow/decide';
import { dispatchAll } from '../../src/workflow/dispatcher';
import { openNewCase } from '../../src/workflow/newCase';
import { publish, rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, LOG } from '../../src/workflow/records';
import { startIncomplete, startStep } from '../../src/workflow/startStep';
import { TREE_HASH_KEY } from '../../src/workspace/docs';
import { readTable } from '../../src/workspace/tables';
import { answersFor, fillRequired, freshLocalCase, freshRegister, PARTNERS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;
const GOOGLE_DOC = 'application/vnd.google-apps.document';

function started(): { h: CaseHandle; forms: { key: string; id: string; itemMap: Record<string, string> }[] } {
  const f = freshLocalCase();
  local = f.local;
  startStep(f.h);
  const forms = readTable(f.h.ss, FORMS).map((r) => ({
    key: r.formKey,
    id: r.formId,
    itemMap: JSON.parse(r.itemMap) as Record<string, string>,
  }));
  return { h: f.h, forms };
}

/** The item id of a question on a form (from the registry's item map). */
function itemOf(form: { itemMap: Record<string, string> }, questionId: string): number {
  const id = Object.keys(form.itemMap).find((k) => form.itemMap[k] === questionId);
  expect(id, questionId).toBeDefined();
  return Number(id);
}

/** A partner submits the required answers, with `text` as the locations answer. */
function answerLocations(form: { id: string; itemMap: Record<string, string> }, text: string): string {
  return submitAsRespondent(local.rt, form.id, {
    ...answersFor(local.rt, form.id),
    [itemOf(form, '1.locaties')]: text,
  });
}

const ledgerValues = (h: CaseHandle, questionId: string) =>
  readTable(h.ss, ANSWERS)
    .filter((r) => r.questionId === questionId)
    .sort((a, b) => a.part - b.part);

describe('§4.3: wat partners aanleveren', () => {
  it('§4.3 #8: 10.000 tekens blijven heel; 60.000 tekens in delen, in het integraal beeld ingekort met een verwijzing', () => {
    const { h, forms } = started();
    const ten = 'a'.repeat(9_999) + 'Z';
    const sixty = `${'b'.repeat(44_999)}😀${'c'.repeat(14_999)}`;
    answerLocations(forms[0]!, ten);
    answerLocations(forms[1]!, sixty);
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    const rows = ledgerValues(h, '1.locaties');
    const byForm = (key: string) =>
      rows
        .filter((r) => r.formKey === key)
        .sort((a, b) => a.part - b.part)
        .map((r) => r.value);
    expect(byForm(forms[0]!.key)).toEqual([ten]);
    const parts = byForm(forms[1]!.key);
    expect(parts.length).toBe(2);
    // Every part fits a cell, and together they are the answer exactly (the emoji is not cut).
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(50_000);
    expect(parts.join('')).toBe(sixty);
    // The overview shortens both, says so, and names where the full text is.
    const tree = buildOverview(assembleView(h));
    const runs = tree.nodes.flatMap((n) => (n.type === 'paragraph' ? n.runs : []));
    const notes = runs.filter((r) => r.text === SHORTENED_NOTE);
    expect(notes.length).toBe(2);
    expect(runs.some((r) => r.text.includes('b'.repeat(100)) && r.text.length < sixty.length)).toBe(true);
  });

  it('§4.3 #9: emoji, Arabisch, losse accenten en de Turkse ı komen byte voor byte terug (geen NFC in de opslag)', () => {
    const { h, forms } = started();
    const text = 'Groep 😀👩🏽‍🦱 · مرحبا بالعالم · Cafe\u0301 · ışık İstanbul';
    answerLocations(forms[0]!, text);
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    const stored = ledgerValues(h, '1.locaties').map((r) => r.value);
    expect(stored).toEqual([text]);
    // Not normalised: the combining accent stays a separate code point.
    expect(stored[0]!.normalize('NFC')).not.toBe(stored[0]);
    const tree = buildOverview(assembleView(h));
    const runs = tree.nodes.flatMap((n) => (n.type === 'paragraph' ? n.runs : []));
    expect(runs.some((r) => r.text.includes(text))).toBe(true);
  });

  it('§4.3 #12: een sjabloonteken in een antwoord ({{naam}}, $1) wordt nooit ingevuld', () => {
    const { h, forms } = started();
    const text = 'Zie {{naam}} en $1 of $& bij {{gemeente}}';
    answerLocations(forms[0]!, text);
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    expect(ledgerValues(h, '1.locaties').map((r) => r.value)).toEqual([text]);
    const tree = buildOverview(assembleView(h));
    const runs = tree.nodes.flatMap((n) => (n.type === 'paragraph' ? n.runs : []));
    expect(runs.some((r) => r.text.includes(text))).toBe(true);
  });

  it('§4.3 #7: een inzending waarin een verplichte vraag leeg is, blijft bewaard en wordt gemeld in het Logboek', () => {
    const { h, forms } = started();
    const form = forms[0]!;
    // A submission the form itself did not check (made by a script, or after the form was changed
    // by hand): only the function is answered (FormResponse.submit does not check required items).
    const f = FormApp.openById(form.id);
    const item = f.getItemById(itemOf(form, '1.functie'))!.asTextItem();
    f.createResponse().withItemResponse(item.createResponse('wijkagent')).submit();
    local.rt.advance(HOUR);
    const r = reconcileCase(h, { scanFolder: false });
    expect(r.newResponses).toBe(1);
    expect(ledgerValues(h, '1.functie').map((x) => x.value)).toEqual(['wijkagent']);
    const lines = readTable(h.ss, LOG).filter((l) => l.event === 'onvolledige inzending');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.detail).toMatch(new RegExp(`^${form.key}: \\d+ verplichte vra(ag|gen) leeg: `));
    expect(lines[0]!.detail).toContain('1.locaties');
    expect(lines[0]!.detail).not.toContain('1.functie');
    // Read again: not reported twice.
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    expect(readTable(h.ss, LOG).filter((l) => l.event === 'onvolledige inzending')).toHaveLength(1);
  });
});

/** The visible tabs, without the moment of the rebuild ("Stand van" in the Overzicht). */
function visibleViews(h: CaseHandle) {
  return snapshotSpreadsheet(local.rt, h.row.spreadsheetId)
    .sheets.filter((s) => !s.hidden)
    .map((s) => [s.name, s.values.filter((row) => row[0] !== 'Stand van')]);
}

describe('een poort die halverwege stopt', () => {
  it('wat een partner vlak voor het sluiten bewerkte, leest de dispatcher ook zonder tweede poging van het besluit', () => {
    const { h, forms } = started();
    const form = forms[0]!;
    formModelOf(local.rt, form.id).allowResponseEdits = true;
    const id = fillRequired(local.rt, form.id, 'eerste versie');
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    editAsRespondent(local.rt, form.id, id, { [itemOf(form, '1.functie')]: 'tweede versie' });
    local.rt.advance(HOUR);
    // The gate closes the step's forms, then cannot read them: the decision is not recorded.
    local.rt.injectFault({ method: 'Form.getResponses', nth: 1, times: 10, message: 'Service Forms failed' });
    expect(() =>
      recordDecision(
        h,
        {
          step: '1',
          round: 1,
          outcome: 'verder_verkennen',
          motivation: 'Besproken.',
          decidedBy: 'overleg',
          date: isoDate(local.rt.now(), 'Europe/Amsterdam'),
        },
        'regie@testdorp.example',
      ),
    ).toThrow(/konden nu niet worden gelezen/);
    local.rt.clearFaults();
    expect(readTable(h.ss, FORMS).every((f) => f.status === 'gesloten')).toBe(true);
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    const versions = readTable(h.ss, ANSWERS).filter(
      (r) => r.responseId === id && r.questionId === '1.functie',
    );
    expect(versions.map((r) => [r.version, r.value])).toEqual([
      [1, 'eerste versie'],
      [2, 'tweede versie'],
    ]);
  });
});

describe('§4.3: formulieren met de hand veranderd', () => {
  it('§4.3 #16: een formulier dat vóór zijn poort met de hand is gesloten of niet meer gepubliceerd, staat elke dag in het Logboek', () => {
    const { h, forms } = started();
    const refreshed = () => {
      dispatchAll(openRegister());
      return readTable(h.ss, LOG).filter((l) => l.event === 'partner kan niet reageren');
    };
    local.rt.advance(HOUR);
    expect(refreshed()).toEqual([]);
    // One form closed by hand, one unpublished by hand.
    FormApp.openById(forms[0]!.id).setAcceptingResponses(false);
    FormApp.openById(forms[1]!.id).setPublished(false);
    // Within the day: the idle run does not ask (it costs a call per form).
    local.rt.advance(HOUR);
    expect(refreshed()).toEqual([]);
    // The first run of the next day reports both, naming the forms, not the partners' texts.
    local.rt.advance(24 * HOUR);
    const lines = refreshed();
    expect(lines.map((l) => l.detail.split(':')[0]).sort()).toEqual([forms[0]!.key, forms[1]!.key].sort());
    // Opened again: no longer reported.
    FormApp.openById(forms[0]!.id).setAcceptingResponses(true);
    FormApp.openById(forms[1]!.id).setPublished(true);
    local.rt.advance(24 * HOUR);
    expect(refreshed()).toHaveLength(2);
  });
});

describe('§4.3: de casusspreadsheet met de hand', () => {
  it('§4.3 #17: een verplaatste kolom in een systeemtabblad stopt de run vóór er iets geschreven wordt; een overgetypte kop niet', () => {
    const { h, forms } = started();
    fillRequired(local.rt, forms[0]!.id, 'eerste');
    local.rt.advance(HOUR);
    dispatchAll(openRegister());
    const sh = h.ss.getSheetByName(ANSWERS.name)!;
    // A header typed over: positions are unchanged, so the run goes on.
    sh.getRange(1, 1).setValue('Formulier');
    fillRequired(local.rt, forms[1]!.id, 'tweede');
    local.rt.advance(HOUR);
    expect(dispatchAll(openRegister()).errors).toEqual([]);
    const ledger = readTable(h.ss, ANSWERS).length;
    const log = readTable(h.ss, LOG).length;
    // Two columns swapped by hand (header and values): every position would be wrong.
    const cols = sh.getLastColumn();
    const all = sh.getRange(1, 1, sh.getLastRow(), cols).getValues();
    const b = ANSWERS.columns.indexOf('responseId');
    const c = ANSWERS.columns.indexOf('version');
    sh.getRange(1, 1, all.length, cols).setValues(
      all.map((row) => row.map((v, j) => (j === b ? row[c] : j === c ? row[b] : v))),
    );
    fillRequired(local.rt, forms[2]!.id, 'derde');
    local.rt.advance(HOUR);
    const report = dispatchAll(openRegister());
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toMatch(
      /^Het tabblad _antwoorden is met de hand veranderd: de kolom "responseId" staat in kolom [A-Z]+ en hoort in kolom [A-Z]+\./,
    );
    // Nothing was written: no answer row, no log line.
    expect(sh.getLastRow()).toBe(all.length);
    const logTab = h.ss.getSheetByName(LOG.name)!;
    expect(logTab.getLastRow()).toBe(log + 1);
    // Put back as it was: the next run reads on, and the third answer comes in.
    sh.getRange(1, 1, all.length, cols).setValues(all);
    local.rt.advance(HOUR);
    expect(dispatchAll(openRegister()).errors).toEqual([]);
    expect(readTable(h.ss, ANSWERS).length).toBeGreaterThan(ledger);
  });

  it('§4.3 #18: het antwoordenlog sorteren verandert niets: rijen worden op sleutel gevonden, nooit op plaats', () => {
    const { h, forms } = started();
    for (const f of forms) fillRequired(local.rt, f.id, `antwoord van ${f.key}`);
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    rebuildViews(h, undefined, { all: true });
    const before = visibleViews(h);
    // The coordinator sorts the hidden ledger by hand (every data row reversed).
    const sh = h.ss.getSheetByName(ANSWERS.name)!;
    const range = sh.getRange(2, 1, sh.getLastRow() - 1, sh.getLastColumn());
    range.setValues(range.getValues().reverse());
    local.rt.advance(HOUR);
    expect(reconcileCase(h, { scanFolder: false, includeClosed: true }).changed).toBe(false);
    rebuildViews(h, undefined, { all: true });
    const after = visibleViews(h);
    expect(after).toEqual(before);
  });
});

describe('§4.3: veel tegelijk', () => {
  it('§4.3 #38: 500 inzendingen worden elk één keer gelezen, met één getResponses per formulier', () => {
    const { h, forms } = started();
    for (let i = 0; i < 500; i++) fillRequired(local.rt, forms[i % forms.length]!.id, `inzending ${i}`);
    local.rt.advance(HOUR);
    local.rt.resetCounts();
    const r = reconcileCase(h, { scanFolder: false });
    const counts = Object.fromEntries(local.rt.counts);
    expect(r.newResponses).toBe(500);
    expect(counts['Form.getResponses']).toBe(forms.length);
    // The ledger is appended with one write, not one per response.
    expect(counts['Range.setValues'] ?? 0).toBeLessThanOrEqual(4);
    const ids = new Set(readTable(h.ss, ANSWERS).map((x) => x.responseId));
    expect(ids.size).toBe(500);
    // A second run reads nothing again.
    local.rt.advance(HOUR);
    expect(reconcileCase(h, { scanFolder: false }).newResponses).toBe(0);
  });
});

describe('§4.3: het integraal beeld', () => {
  it('§4.3 #31: mislukt het schrijven halverwege, dan blijft het oude document staan en bouwt de volgende keer een nieuw', () => {
    const { h, forms } = started();
    publish(h);
    const hashOf = () => local.rt.getEntry(h.row.overviewId).appProperties?.[TREE_HASH_KEY];
    const docsInFolder = () =>
      [...local.rt.drive.values()].filter(
        (e) => e.parentIds.includes(h.row.folderId) && e.mimeType === GOOGLE_DOC && !e.trashed,
      );
    const before = hashOf();
    const countBefore = docsInFolder().length;
    fillRequired(local.rt, forms[0]!.id, 'een nieuw antwoord');
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    // The upload of the new version fails: one call replaces the whole document, or nothing does.
    local.rt.injectFault({ method: /^Drive\.Files\.update$/, nth: 1, message: 'Service Drive failed' });
    expect(() => publish(h)).toThrow(/Drive/);
    local.rt.clearFaults();
    expect(hashOf()).toBe(before);
    expect(docsInFolder().length).toBe(countBefore);
    // The next rebuild writes it, in place: the same file, no second document.
    publish(h);
    expect(hashOf()).not.toBe(before);
    expect(docsInFolder().length).toBe(countBefore);
  });
});

describe('§4.3: veel partners tegelijk', () => {
  it('§4.3 #22: 30 partners versturen in dezelfde minuut; een bezet slot stelt uit, en elke inzending komt er precies één keer in', () => {
    const partners = Array.from({ length: 30 }, (_, i) => ({
      ...PARTNERS[1]!,
      id: `partner${i + 1}`,
      organisation: `Partner ${i + 1} Testdorp`,
      email: `partner${i + 1}@testdorp.example`,
    }));
    const fresh = freshRegister(partners);
    local = fresh.local;
    const h = openNewCase(openRegister(), fictionalCaseInput());
    startStep(h);
    // A start that did not fit its time is finished by the dispatcher.
    for (let i = 0; i < 5 && startIncomplete(h); i++) {
      local.rt.advance(15 * 60_000);
      dispatchAll(openRegister());
    }
    const forms = readTable(h.ss, FORMS);
    expect(forms).toHaveLength(30);
    // Everyone submits within one minute.
    for (const f of forms) {
      fillRequired(local.rt, f.formId, `bijdrage van ${f.partnerId}`);
      local.rt.advance(1_000);
    }
    // The first run finds the lock taken (a coordinator is working): the case waits, nothing is lost.
    holdLockElsewhere(local.rt, 'script', local.rt.now() + 60_000);
    expect(dispatchAll(openRegister()).deferred).toEqual([h.row.code]);
    local.rt.advance(15 * 60_000);
    dispatchAll(openRegister());
    local.rt.advance(15 * 60_000);
    dispatchAll(openRegister());
    const ledger = readTable(h.ss, ANSWERS);
    const perForm = new Map<string, Set<string>>();
    for (const r of ledger) {
      const ids = perForm.get(r.formKey) ?? new Set<string>();
      ids.add(r.responseId);
      perForm.set(r.formKey, ids);
    }
    expect(perForm.size).toBe(30);
    for (const ids of perForm.values()) expect(ids.size).toBe(1);
    // Exactly once: no answer row twice.
    const keys = ledger.map((r) => `${r.responseId}|${r.version}|${r.questionId}|${r.subject}|${r.part}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(readTable(h.ss, FORMS).every((f) => f.status === 'beantwoord')).toBe(true);
  });
});

describe('§4.3: links die rondgaan', () => {
  it('§4.3 #33: er is geen prefill-token om te veranderen: de uitnodiging bevat alleen de kale link van het eigen formulier', () => {
    const { forms } = started();
    const invites = local.rt.mailbox.filter((m) => m.subject.startsWith('Uitvraag'));
    expect(invites).toHaveLength(forms.length);
    for (const m of invites) {
      const links = [
        ...`${m.body}\n${m.htmlBody ?? ''}`.matchAll(/https:\/\/docs\.google\.com\/forms\/[^\s"<>)]+/g),
      ].map((x) => x[0]);
      expect(links.length, m.subject).toBeGreaterThan(0);
      for (const link of links) {
        // Attribution comes from which form received the response, never from a parameter.
        expect(link).not.toMatch(/[?&](entry\.|usp=pp_url)/);
        expect(link).toMatch(/\/viewform$/);
      }
    }
  });

  it('§4.3 #34: een doorgestuurde link: wat een ander invult, is een eigen inzending naast die van de partner, nooit erin opgegaan', () => {
    const { h, forms } = started();
    const form = forms[0]!;
    const own = fillRequired(local.rt, form.id, 'van de partner');
    local.rt.advance(HOUR);
    const stranger = fillRequired(local.rt, form.id, 'van iemand anders');
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    const rows = readTable(h.ss, ANSWERS).filter(
      (r) => r.formKey === form.key && r.questionId === '1.functie',
    );
    expect(rows.map((r) => [r.responseId, r.version, r.value])).toEqual([
      [own, 1, 'van de partner'],
      [stranger, 1, 'van iemand anders'],
    ]);
    // The coordinator sees two submissions for one partner in Formulieren.
    rebuildViews(h, undefined, { all: true });
    const tab = snapshotSpreadsheet(local.rt, h.row.spreadsheetId).sheets.find(
      (s) => s.name === 'Formulieren',
    )!;
    const header = tab.values[0]!;
    const row = tab.values.find((r) => r[10] === form.id)!;
    expect(row[header.indexOf('Inzendingen')]).toBe(2);
  });
});
