/**
 * The Google calls of the Zelftest (workspace/selftest.ts) one by one: answering a form as a
 * script, trying to change that answer, the paragraph probe in Docs, clearing up what the test
 * made and keeping the script properties. The whole Zelftest is tests/workflow/selftest.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import {
  editTextResponse,
  notTrashed,
  paragraphBreakProbe,
  responseIdsSince,
  setScriptProperties,
  submitTextResponse,
  trashTree,
  treeOf,
  triggerHandlers,
} from '../../src/workspace/selftest';
import { onFreshAppsScript } from './helpers';

let rt: Runtime;
onFreshAppsScript((r) => {
  rt = r;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The answers of the form's responses, per response. */
function answers(formId: string): string[][] {
  return FormApp.openById(formId)
    .getResponses()
    .map((r) =>
      r
        .getItemResponses()
        .map((i) => String(i.getResponse()))
        .filter((t) => t !== ''),
    );
}

describe('een formulier beantwoorden als script', () => {
  it('beantwoordt de eerste open vraag (kort of lang antwoord) en geeft het id en tijdstip van het antwoord', () => {
    const form = FormApp.create('Zelftest');
    form.addMultipleChoiceItem().setTitle('Keuze').setChoiceValues(['ja', 'nee']);
    form.addParagraphTextItem().setTitle('Toelichting');
    form.addTextItem().setTitle('Kort');
    const a = submitTextResponse(form.getId(), 'Zelftest antwoord');
    const stored = form.getResponses();
    expect(stored).toHaveLength(1);
    expect(a).toEqual({ responseId: stored[0]!.getId(), timestamp: stored[0]!.getTimestamp().getTime() });
    expect(answers(form.getId())).toEqual([['Zelftest antwoord']]);
    expect(stored[0]!.getResponseForItem(form.getItems()[1]!)?.getResponse()).toBe('Zelftest antwoord');
    expect(responseIdsSince(form.getId(), a.timestamp - 1000)).toEqual([a.responseId]);
  });

  it('meldt een formulier zonder open vraag in het Nederlands', () => {
    const form = FormApp.create('Alleen keuzes');
    form.addMultipleChoiceItem().setTitle('Keuze').setChoiceValues(['ja', 'nee']);
    expect(() => submitTextResponse(form.getId(), 'x')).toThrow(
      'Het formulier heeft geen open vraag om te beantwoorden.',
    );
    expect(editTextResponse(form.getId(), 'onbekend', 'x')).toEqual({ ok: false, reason: 'geen open vraag' });
    expect(form.getResponses()).toHaveLength(0);
  });

  it('zegt waarom een ingediend antwoord niet te wijzigen is, zonder het te veranderen', () => {
    const form = FormApp.create('Wijzigen');
    form.addTextItem().setTitle('Kort');
    const a = submitTextResponse(form.getId(), 'eerst');
    // form-response#withItemResponse: only on a response that has not been submitted.
    expect(editTextResponse(form.getId(), a.responseId, 'daarna')).toEqual({
      ok: false,
      reason: expect.stringContaining('has not been submitted'),
    });
    expect(answers(form.getId())).toEqual([['eerst']]);
  });

  it('geeft, waar Google het wijzigen wel toestaat, het nieuwe tijdstip en of het antwoord zijn id hield', () => {
    const form = FormApp.create('Wijzigbaar');
    form.addTextItem().setTitle('Kort');
    const a = submitTextResponse(form.getId(), 'eerst');
    const later = new Date(a.timestamp + 5000);
    // Stand-in for a Google that accepts the change: submit() answers with a response whose id
    // is `newId`, and the stored response then carries the later timestamp.
    const changed = (newId: string) => {
      const response = {
        withItemResponse: () => response,
        submit: () => ({ getId: () => newId }),
        getTimestamp: () => later,
      };
      const stub = { getItems: () => form.getItems(), getResponse: () => response };
      vi.spyOn(FormApp, 'openById').mockReturnValue(stub as unknown as GoogleAppsScript.Forms.Form);
      return editTextResponse(form.getId(), a.responseId, 'daarna');
    };
    expect(changed(a.responseId)).toEqual({ ok: true, timestamp: later.getTime(), sameId: true });
    expect(changed('een ander id')).toEqual({ ok: true, timestamp: later.getTime(), sameId: false });
  });
});

describe('de alineaproef in Google Docs', () => {
  it('telt de alinea’s met de proefregels en geeft hun tekst, gescheiden door |', () => {
    const doc = DocumentApp.create('Zelftest alinea');
    const id = doc.getId();
    doc.saveAndClose();
    // One paragraph, the break kept inside it (as the in-memory Docs does); other paragraphs are not counted.
    expect(paragraphBreakProbe(id)).toEqual({
      paragraphs: 1,
      text: 'Zelftest regel een\nZelftest regel twee',
    });
    expect(paragraphBreakProbe(id)).toEqual({
      paragraphs: 2,
      text: 'Zelftest regel een\nZelftest regel twee|Zelftest regel een\nZelftest regel twee',
    });
    expect(DocumentApp.openById(id).getBody().getParagraphs()).toHaveLength(3);
  });
});

describe('opruimen', () => {
  it('vindt alles onder een map, zet het in de prullenbak en zegt wat er nog buiten staat', () => {
    const root = DriveApp.createFolder('Zelftest');
    const sub = root.createFolder('Sub');
    const subsub = sub.createFolder('Dieper');
    const a = root.createFile('a.txt', 'a');
    const b = subsub.createFile('b.txt', 'b');
    const outside = DriveApp.createFile('buiten.txt', 'blijft');
    const tree = treeOf(root.getId());
    expect(tree).toEqual({ files: [a.getId(), b.getId()], folders: [sub.getId(), subsub.getId()] });
    expect(treeOf(sub.getId())).toEqual({ files: [b.getId()], folders: [subsub.getId()] });
    const all = { files: [a.getId(), b.getId()], folders: [root.getId(), sub.getId(), subsub.getId()] };
    expect(notTrashed(all)).toEqual([a.getId(), b.getId(), root.getId(), sub.getId(), subsub.getId()]);
    b.setTrashed(true);
    sub.setTrashed(true);
    expect(notTrashed(all)).toEqual([a.getId(), root.getId(), subsub.getId()]);
    trashTree(all);
    expect(notTrashed(all)).toEqual([]);
    expect(outside.isTrashed()).toBe(false);
  });
});

describe('scripteigenschappen en triggers', () => {
  it('zet eigenschappen erbij zonder de andere te wissen', () => {
    const props = PropertiesService.getScriptProperties();
    props.setProperties({ bestaand: '1', ander: '2' });
    setScriptProperties({ nieuw: '3', ander: '4' });
    expect(props.getProperties()).toEqual({ bestaand: '1', ander: '4', nieuw: '3' });
  });

  it('noemt de functies van de triggers van dit project', () => {
    expect(triggerHandlers()).toEqual([]);
    ScriptApp.newTrigger('runDispatcher').timeBased().everyHours(1).create();
    expect(triggerHandlers()).toEqual(['runDispatcher']);
    expect(rt.counts.get('ScriptApp.getProjectTriggers')).toBeGreaterThan(0);
  });
});
