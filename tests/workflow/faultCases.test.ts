/**
 * Bad-input and fault cases of the werkwijze (docs/betrouwbaarheid.md, §4.3) that no other test
 * file covers: each `it` names its case and asserts the safe behaviour on the in-memory Apps Script.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { submitAsRespondent } from '../../src/local/apps-script/forms';
import { snapshotSpreadsheet } from '../../src/local/apps-script/spreadsheet';
import type { LocalAppsScript } from '../../src/local/harness';
import { buildOverview } from '../../src/render/overview';
import { SHORTENED_NOTE } from '../../src/render/overview-text';
import { assembleView } from '../../src/workflow/assemble';
import type { CaseHandle } from '../../src/workflow/context';
import { rebuildViews } from '../../src/workflow/publish';
import { reconcileCase } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, LOG } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable } from '../../src/workspace/tables';
import { answersFor, fillRequired, freshLocalCase } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;

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

describe('§4.3: de casusspreadsheet met de hand', () => {
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
