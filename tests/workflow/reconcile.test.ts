/**
 * Reconcile (workflow/reconcile.ts) line by line: what one run takes into the answer ledger, what
 * it counts, which rows it writes and what it says in the Logboek — for new, duplicate, edited,
 * empty (ghost) and unknown responses, forms that are gone or unreadable, and the high-water
 * marks. The clock stands still on calls (latency off), so every timestamp is exact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editAsRespondent, submitAsRespondent } from '../../src/local/apps-script/forms';
import { formModelOf } from '../../src/local/apps-script/forms-model';
import type { LocalAppsScript } from '../../src/local/harness';
import type { Question } from '../../src/model/types';
import type { CaseHandle } from '../../src/workflow/context';
import { missingRequired, READ_MARGIN_MS, reconcileCase, TAB_ELSEWHERE } from '../../src/workflow/reconcile';
import { ANSWERS, FORMS, QUARANTINE } from '../../src/workflow/records';
import { startStep } from '../../src/workflow/startStep';
import { readTable, replaceTable } from '../../src/workspace/tables';
import { answersFor, fillRequired, freshLocalCase, logged } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const HOUR = 3_600_000;
const POLITIE = '1#1#politie';
const JONGERENWERK = '1#1#jongerenwerk';
const BOA = '1#1#boa';

/** A case with the three forms of step 1 made; the clock does not move on calls. */
function started(): { h: CaseHandle; id: (key: string) => string } {
  const f = freshLocalCase({ latency: false });
  local = f.local;
  startStep(f.h);
  const forms = readTable(f.h.ss, FORMS);
  return { h: f.h, id: (key) => forms.find((r) => r.formKey === key)!.formId };
}

const formRow = (h: CaseHandle, key: string) => readTable(h.ss, FORMS).find((f) => f.formKey === key)!;

/** Ledger rows as "responseId v<version> @<submittedAt>", one per response version. */
function versions(h: CaseHandle, key?: string): string[] {
  const out = new Set<string>();
  for (const r of readTable(h.ss, ANSWERS))
    if (!key || r.formKey === key) out.add(`${r.responseId} v${r.version} @${r.submittedAt}`);
  return [...out];
}

const NOTHING = {
  newResponses: 0,
  newVersions: 0,
  ghosts: 0,
  quarantined: 0,
  missingForms: 0,
  unreadable: 0,
  changed: false,
};

/** An empty submission made through the script API, which does not check required items. */
function ghost(formId: string): string {
  return FormApp.openById(formId).createResponse().submit().getId();
}

/**
 * A response made through the script API (`FormResponse.submit` does not check required items),
 * answers by item id.
 */
function submitAsRespondentUnchecked(
  formId: string,
  answers: Record<number, string | string[] | string[][]>,
) {
  const form = FormApp.openById(formId);
  let resp = form.createResponse();
  for (const item of form.getItems()) {
    const a = answers[item.getId()];
    if (a === undefined) continue;
    const type = String(item.getType());
    const typed =
      type === 'MULTIPLE_CHOICE'
        ? item.asMultipleChoiceItem().createResponse(a as string)
        : type === 'CHECKBOX'
          ? item.asCheckboxItem().createResponse(a as string[])
          : type === 'SCALE'
            ? item.asScaleItem().createResponse(Number(a))
            : type === 'DATE'
              ? item.asDateItem().createResponse(new Date(`${a}T12:00:00`))
              : type === 'PARAGRAPH_TEXT'
                ? item.asParagraphTextItem().createResponse(a as string)
                : item.asTextItem().createResponse(a as string);
    resp = resp.withItemResponse(typed);
  }
  return resp.submit().getId();
}

/** The item id of a question on a registered form. */
function itemOf(h: CaseHandle, key: string, questionId: string): string {
  const map = JSON.parse(formRow(h, key).itemMap) as Record<string, string>;
  return Object.keys(map).find((k) => map[k] === questionId)!;
}

describe('nieuwe, dubbele en bewerkte inzendingen', () => {
  it('twee inzendingen van één partner: beide bewaard, gemeld als extra, de status en het merk van alleen dat formulier', () => {
    const { h, id } = started();
    const t0 = local.rt.now();
    const first = fillRequired(local.rt, id(POLITIE), 'eerste');
    local.rt.advance(1000);
    const second = fillRequired(local.rt, id(POLITIE), 'tweede');
    local.rt.advance(HOUR);
    const readAt = local.rt.now();
    const { value: r, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(r).toEqual({ ...NOTHING, newResponses: 2, changed: true });
    expect(lines).toEqual([
      ['extra inzending', `${POLITIE}: 1 extra inzending(en) van dezelfde partner; alle worden bewaard`],
      ['antwoorden verwerkt', '2 nieuwe inzending(en)'],
    ]);
    expect(versions(h)).toEqual([`${first} v1 @${t0}`, `${second} v1 @${t0 + 1000}`]);
    const rows = readTable(h.ss, ANSWERS).filter((a) => a.questionId === '1.functie');
    expect(rows.map((a) => [a.formKey, a.value, a.subject, a.part, a.grid])).toEqual([
      [POLITIE, 'eerste', '', 0, ''],
      [POLITIE, 'tweede', '', 0, ''],
    ]);
    const forms = readTable(h.ss, FORMS);
    expect(forms.map((f) => [f.formKey, f.status, f.readUpTo])).toEqual([
      [POLITIE, 'beantwoord', readAt - READ_MARGIN_MS],
      [JONGERENWERK, 'open', 0],
      [BOA, 'open', 0],
    ]);
  });

  it('inzendingen van hetzelfde moment komen in een vaste volgorde (op inzending-id) in het grootboek', () => {
    const { h, id } = started();
    const ids = [fillRequired(local.rt, id(BOA), 'a'), fillRequired(local.rt, id(BOA), 'b')];
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    const at = local.rt.now() - HOUR;
    expect(versions(h)).toEqual([...ids].sort().map((r) => `${r} v1 @${at}`));
  });

  it('een bewerking wordt versie 2 van dezelfde inzending, zonder "extra inzending"; daarna verandert niets', () => {
    const { h, id } = started();
    formModelOf(local.rt, id(POLITIE)).allowResponseEdits = true;
    const resp = fillRequired(local.rt, id(POLITIE), 'eerste');
    const t0 = local.rt.now();
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    local.rt.advance(HOUR);
    const tEdit = local.rt.now();
    editAsRespondent(local.rt, id(POLITIE), resp, { [itemOf(h, POLITIE, '1.functie')]: 'tweede' });
    local.rt.advance(HOUR);
    const { value: r, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(r).toEqual({ ...NOTHING, newVersions: 1, changed: true });
    expect(lines).toEqual([['antwoorden gewijzigd', '1 gewijzigde inzending(en)']]);
    expect(versions(h)).toEqual([`${resp} v1 @${t0}`, `${resp} v2 @${tEdit}`]);
    expect(formRow(h, POLITIE).readUpTo).toBe(local.rt.now() - READ_MARGIN_MS);
    // Nothing new: no row, no line, no change; the mark stays where it is.
    const mark = formRow(h, POLITIE).readUpTo;
    local.rt.advance(HOUR);
    const idle = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(idle.value).toEqual(NOTHING);
    expect(idle.lines).toEqual([]);
    expect(formRow(h, POLITIE).readUpTo).toBe(mark);
    expect(versions(h)).toHaveLength(2);
  });

  it('een volledige herbouw (includeClosed) leest alles vanaf het begin en voegt niets dubbel toe', () => {
    const { h, id } = started();
    fillRequired(local.rt, id(BOA));
    local.rt.advance(HOUR);
    reconcileCase(h, { scanFolder: false });
    const rows = readTable(h.ss, ANSWERS).length;
    local.rt.advance(HOUR);
    local.rt.resetCounts();
    expect(reconcileCase(h, { scanFolder: false, includeClosed: true })).toEqual(NOTHING);
    // Read from the start: the known response is returned again (and skipped on its id).
    expect(local.rt.counts.get('FormResponse.getId')).toBe(1);
    expect(readTable(h.ss, ANSWERS)).toHaveLength(rows);
  });
});

describe('lege inzendingen (spoken)', () => {
  it('worden één keer geteld, door de lezing die ze als eerste ziet, en komen niet in de antwoorden', () => {
    const { h, id } = started();
    ghost(id(JONGERENWERK));
    local.rt.advance(HOUR);
    const run1 = local.rt.now();
    const first = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(first.value).toEqual({ ...NOTHING, ghosts: 1 });
    expect(first.lines).toEqual([['lege inzending', `${JONGERENWERK}: 1 lege inzending genegeerd`]]);
    expect(readTable(h.ss, ANSWERS)).toEqual([]);
    // A ghost is no answer: the form stays open, but its mark moves past it.
    expect([formRow(h, JONGERENWERK).status, formRow(h, JONGERENWERK).readUpTo]).toEqual([
      'open',
      run1 - READ_MARGIN_MS,
    ]);
    // A second ghost at the very moment of that read (the mark plus the margin, exactly): no read
    // saw it before, so the next one counts it; the first is older than the mark, not read again.
    ghost(id(JONGERENWERK));
    local.rt.advance(READ_MARGIN_MS / 2);
    const second = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(second.value).toEqual({ ...NOTHING, ghosts: 1 });
    expect(second.lines).toEqual([['lege inzending', `${JONGERENWERK}: 1 lege inzending genegeerd`]]);
    // Within the margin the same ghost is returned again: not counted twice.
    local.rt.advance(READ_MARGIN_MS / 4);
    local.rt.resetCounts();
    const third = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(local.rt.counts.get('FormResponse.getId')).toBe(1);
    expect(third.value).toEqual(NOTHING);
    expect(third.lines).toEqual([]);
  });

  it('een spook naast een echte inzending: alleen de echte telt als antwoord', () => {
    const { h, id } = started();
    const real = fillRequired(local.rt, id(BOA));
    ghost(id(BOA));
    ghost(id(BOA));
    local.rt.advance(HOUR);
    const { value, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(value).toEqual({ ...NOTHING, newResponses: 1, ghosts: 2, changed: true });
    expect(lines).toEqual([
      ['lege inzending', `${BOA}: 2 lege inzending genegeerd`],
      ['antwoorden verwerkt', '1 nieuwe inzending(en)'],
    ]);
    expect(new Set(readTable(h.ss, ANSWERS).map((a) => a.responseId))).toEqual(new Set([real]));
    expect(formRow(h, BOA).status).toBe('beantwoord');
  });
});

describe('onvolledige inzendingen', () => {
  it('noemt per inzending de lege verplichte vragen bij id, in enkelvoud of meervoud', () => {
    const { h, id } = started();
    const formId = id(POLITIE);
    const all = answersFor(local.rt, formId, 'wijkagent');
    const without = (...qids: string[]) => {
      const a = { ...all };
      for (const q of qids) delete a[Number(itemOf(h, POLITIE, q))];
      return a;
    };
    submitAsRespondentUnchecked(formId, without('1.locaties'));
    local.rt.advance(1000);
    submitAsRespondentUnchecked(formId, without('1.locaties', '1.ernst'));
    local.rt.advance(HOUR);
    const { lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(lines.filter((l) => l[0] === 'onvolledige inzending')).toEqual([
      ['onvolledige inzending', `${POLITIE}: 1 verplichte vraag leeg: 1.locaties`],
      ['onvolledige inzending', `${POLITIE}: 2 verplichte vragen leeg: 1.locaties, 1.ernst`],
    ]);
  });
});

describe('missingRequired', () => {
  const q = (id: string, required: boolean) => ({ id, required }) as unknown as Question;
  const byQuestion = new Map([
    ['a', q('a', true)],
    ['b', q('b', false)],
    ['c', q('c', true)],
  ]);

  it('noemt elke verplichte vraag zonder antwoord één keer, ook als ze per persoon meerdere items heeft', () => {
    const itemMap = { '1': 'a|P01', '2': 'a|P02', '3': 'b', '4': 'c' };
    expect(missingRequired(itemMap, [{ questionId: 'b' }], byQuestion)).toEqual(['a', 'c']);
    expect(missingRequired(itemMap, [{ questionId: 'a' }], byQuestion)).toEqual(['c']);
    expect(missingRequired(itemMap, [{ questionId: 'a' }, { questionId: 'c' }], byQuestion)).toEqual([]);
    // A question the registry does not know is never reported.
    expect(missingRequired({ '9': 'x|P01' }, [], byQuestion)).toEqual([]);
  });
});

describe('quarantaine', () => {
  it('een antwoord op een met de hand toegevoegde vraag: apart gezet met formulier, inzending, item en waarde (ingekort boven 40.000 tekens), één keer', () => {
    const { h, id } = started();
    const formId = id(POLITIE);
    formModelOf(local.rt, formId).allowResponseEdits = true;
    const form = FormApp.openById(formId);
    const a = String(form.addParagraphTextItem().setTitle('Extra vraag A').getId());
    const b = String(form.addParagraphTextItem().setTitle('Extra vraag B').getId());
    // As JSON: exactly 40,000 characters (kept whole) and one more (clipped).
    const fits = 'x'.repeat(39_998);
    const long = 'y'.repeat(39_999);
    const answers = { ...answersFor(local.rt, formId, 'wijkagent'), [a]: fits, [b]: long };
    const resp = submitAsRespondent(local.rt, formId, answers);
    local.rt.advance(HOUR);
    const at = local.rt.now();
    const { value, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(value).toEqual({ ...NOTHING, newResponses: 1, quarantined: 2, changed: true });
    expect(lines).toEqual([
      ['antwoorden verwerkt', '1 nieuwe inzending(en)'],
      ['quarantaine', '2 onbekend(e) antwoord(en) apart gezet'],
    ]);
    expect(readTable(h.ss, QUARANTINE)).toEqual([
      { at, formId, responseId: resp, reason: `onbekend item ${a}`, data: JSON.stringify(fits) },
      {
        at,
        formId,
        responseId: resp,
        reason: `onbekend item ${b}`,
        data: `${JSON.stringify(long).slice(0, 40_000)} … [ingekort]`,
      },
    ]);
    // The answers the form knows are in the ledger; the extra ones are not.
    expect(readTable(h.ss, ANSWERS).some((r) => r.value === fits || r.value.startsWith('yyy'))).toBe(false);
    expect(readTable(h.ss, ANSWERS).find((r) => r.questionId === '1.functie')!.value).toBe('wijkagent');
    // An edit brings the same extra answers back: a new version, nothing set apart again.
    editAsRespondent(local.rt, formId, resp, { [itemOf(h, POLITIE, '1.functie')]: 'jeugdagent' });
    local.rt.advance(HOUR);
    const edit = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(edit.value).toEqual({ ...NOTHING, newVersions: 1, changed: true });
    expect(edit.lines).toEqual([['antwoorden gewijzigd', '1 gewijzigde inzending(en)']]);
    expect(readTable(h.ss, QUARANTINE)).toHaveLength(2);
  });

  it('de inzendingen van een onbekend formulier in de casusmap: elk apart gezet met al zijn waarden, één keer', () => {
    const { h } = started();
    const folder = DriveApp.getFolderById(h.row.folderId);
    const stray = FormApp.create('Handgemaakt');
    const item = stray.addTextItem().setTitle('Opmerking');
    const other = stray.addTextItem().setTitle('Nog iets');
    DriveApp.getFileById(stray.getId()).moveTo(folder);
    const one = stray.createResponse().withItemResponse(item.createResponse('los')).submit().getId();
    const two = stray
      .createResponse()
      .withItemResponse(item.createResponse('a'))
      .withItemResponse(other.createResponse('b'))
      .submit()
      .getId();
    // A form in the folder without responses sets nothing apart.
    const quiet = FormApp.create('Leeg');
    quiet.addTextItem().setTitle('Opmerking');
    DriveApp.getFileById(quiet.getId()).moveTo(folder);
    local.rt.advance(HOUR);
    const at = local.rt.now();
    // Not looked for when the run skips the folder scan.
    local.rt.resetCounts();
    expect(reconcileCase(h, { scanFolder: false })).toEqual(NOTHING);
    expect(local.rt.counts.get('Drive.Files.list') ?? 0).toBe(0);
    const { value, lines } = logged(h, () => reconcileCase(h));
    expect(value).toEqual({ ...NOTHING, quarantined: 2, changed: true });
    expect(lines).toEqual([['quarantaine', '2 onbekend(e) antwoord(en) apart gezet']]);
    // (A text item left empty reads as "", as FormResponse.getItemResponses gives it.)
    expect(readTable(h.ss, QUARANTINE)).toEqual([
      { at, formId: stray.getId(), responseId: one, reason: 'onbekend formulier', data: '["los",""]' },
      { at, formId: stray.getId(), responseId: two, reason: 'onbekend formulier', data: '["a","b"]' },
    ]);
    local.rt.advance(HOUR);
    const again = logged(h, () => reconcileCase(h));
    expect(again.value).toEqual(NOTHING);
    expect(again.lines).toEqual([]);
    expect(readTable(h.ss, QUARANTINE)).toHaveLength(2);
  });

  it('een onbekend formulier dat niet te lezen is, wordt overgeslagen', () => {
    const { h } = started();
    const stray = FormApp.create('Handgemaakt');
    const item = stray.addTextItem().setTitle('Opmerking');
    DriveApp.getFileById(stray.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
    stray.createResponse().withItemResponse(item.createResponse('los')).submit();
    // The three registered forms are opened first, then the stray one.
    local.rt.injectFault({ method: 'FormApp.openById', nth: 4, message: 'Service unavailable: Forms' });
    expect(reconcileCase(h)).toEqual(NOTHING);
    expect(readTable(h.ss, QUARANTINE)).toEqual([]);
    expect(local.rt.faultsFired()).toBe(1);
  });

  it('een mislukte maplijst wordt voor de scan nog één keer gevraagd', () => {
    const { h } = started();
    const stray = FormApp.create('Handgemaakt');
    const item = stray.addTextItem().setTitle('Opmerking');
    DriveApp.getFileById(stray.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
    stray.createResponse().withItemResponse(item.createResponse('los')).submit();
    local.rt.injectFault({ method: 'Drive.Files.list', nth: 1, message: 'Service unavailable: Drive' });
    local.rt.resetCounts();
    expect(reconcileCase(h).quarantined).toBe(1);
    expect(local.rt.counts.get('Drive.Files.list')).toBe(2);
  });
});

describe('formulieren die weg zijn of even niet te lezen', () => {
  it('een verwijderd formulier: "ontbreekt", één keer in het Logboek, elke run geteld', () => {
    const { h, id } = started();
    local.rt.deleteEntry(id(POLITIE));
    const first = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(first.value).toEqual({ ...NOTHING, missingForms: 1, changed: true });
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]![0]).toBe('formulier ontbreekt');
    expect(first.lines[0]![1].startsWith(`${POLITIE}: `)).toBe(true);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['ontbreekt', 'open', 'open']);
    local.rt.advance(HOUR);
    const second = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(second.value).toEqual({ ...NOTHING, missingForms: 1 });
    expect(second.lines).toEqual([]);
  });

  it('een gesloten formulier dat weg is, houdt zijn status en komt niet in het Logboek', () => {
    const { h, id } = started();
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => (f.formKey === BOA ? { ...f, status: 'gesloten' as const } : f)),
    );
    local.rt.deleteEntry(id(BOA));
    // Not read at all in a normal run.
    expect(reconcileCase(h, { scanFolder: false })).toEqual(NOTHING);
    const { value, lines } = logged(h, () => reconcileCase(h, { scanFolder: false, includeClosed: true }));
    expect(value).toEqual({ ...NOTHING, missingForms: 1 });
    expect(lines).toEqual([]);
    expect(formRow(h, BOA).status).toBe('gesloten');
  });

  it('een formulier dat "ontbreekt" maar weer te lezen is, krijgt zijn status terug uit wat bekend is', () => {
    const { h, id } = started();
    const resp = fillRequired(local.rt, id(BOA));
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) =>
        f.formKey === BOA || f.formKey === POLITIE ? { ...f, status: 'ontbreekt' as const } : f,
      ),
    );
    local.rt.advance(HOUR);
    const readAt = local.rt.now();
    const { value, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(value).toEqual({ ...NOTHING, newResponses: 1, changed: true });
    expect(lines).toEqual([['antwoorden verwerkt', '1 nieuwe inzending(en)']]);
    expect(readTable(h.ss, FORMS).map((f) => [f.formKey, f.status, f.readUpTo])).toEqual([
      [POLITIE, 'open', 0],
      [JONGERENWERK, 'open', 0],
      [BOA, 'beantwoord', readAt - READ_MARGIN_MS],
    ]);
    expect(versions(h)).toEqual([`${resp} v1 @${readAt - HOUR}`]);
  });

  it('een voorbijgaande fout: "niet gelezen" met de reden, de status blijft, niets verandert', () => {
    const { h } = started();
    local.rt.injectFault({ method: 'FormApp.openById', nth: 2, message: 'Service unavailable: Forms' });
    const { value, lines } = logged(h, () => reconcileCase(h, { scanFolder: false }));
    expect(value).toEqual({ ...NOTHING, unreadable: 1 });
    expect(lines).toEqual([['formulier niet gelezen', `${JONGERENWERK}: Service unavailable: Forms`]]);
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['open', 'open', 'open']);
  });

  it('kan de map niet gelezen worden, dan beslist de foutmelding: "niet gevonden" is weg, iets anders niet', () => {
    const { h } = started();
    local.rt.injectFault({
      method: 'Drive.Files.list',
      nth: 1,
      times: 2,
      message: 'Service unavailable: Drive',
    });
    local.rt.injectFault({
      method: 'FormApp.openById',
      nth: 1,
      message: 'No item with the given ID could be found, or you do not have permission to access it.',
    });
    local.rt.injectFault({ method: 'FormApp.openById', nth: 2, message: 'Service unavailable: Forms' });
    const r = reconcileCase(h, { scanFolder: false });
    expect(r).toEqual({ ...NOTHING, missingForms: 1, unreadable: 1, changed: true });
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['ontbreekt', 'open', 'open']);
    // The listing was asked for once in this run, not once per form.
    expect(local.rt.faultsFired()).toBe(3);
  });
});

describe('welke formulieren een run leest', () => {
  it('een open formulier in "later" niet (zijn merk blijft staan), een gesloten formulier alleen in "alsoRead"', () => {
    const { h, id } = started();
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => (f.formKey === BOA ? { ...f, status: 'gesloten' as const } : f)),
    );
    fillRequired(local.rt, id(POLITIE));
    fillRequired(local.rt, id(BOA));
    local.rt.advance(HOUR);
    local.rt.resetCounts();
    expect(reconcileCase(h, { scanFolder: false, later: new Set([POLITIE]) })).toEqual(NOTHING);
    expect(local.rt.counts.get('FormApp.openById')).toBe(1); // jongerenwerk only
    const r = reconcileCase(h, { scanFolder: false, alsoRead: new Set([BOA]) });
    expect(r).toEqual({ ...NOTHING, newResponses: 2, changed: true });
    // A closed form keeps its status when its answers come in.
    expect(readTable(h.ss, FORMS).map((f) => f.status)).toEqual(['beantwoord', 'open', 'gesloten']);
  });
});

describe('de antwoordspreadsheet als wachter (watch)', () => {
  /** A run of the dispatcher: the first of the day reads everything; linking may take an hour. */
  const watchRun = (h: CaseHandle, readAll = false) =>
    reconcileCase(h, { scanFolder: false, watch: { readAll, linkUntil: local.rt.now() + HOUR } });
  /** How many forms `fn` reads (one getResponses per form read). */
  const reads = (fn: () => unknown) => {
    local.rt.resetCounts();
    fn();
    return local.rt.counts.get('Form.getResponses') ?? 0;
  };
  const sheetFields = (h: CaseHandle) =>
    readTable(h.ss, FORMS).map((f) => [f.formKey, f.sheetBook !== '', f.sheetTab, f.sheetPrint !== '']);

  it('koppelt alle open formulieren aan één nieuwe spreadsheet en onthoudt per formulier tabblad en vingerafdruk', () => {
    const { h, id } = started();
    local.rt.resetCounts();
    const { value, lines } = logged(h, () => watchRun(h, true));
    // Bookkeeping only: no change of the case, nothing in the Logboek.
    expect(value).toEqual(NOTHING);
    expect(lines).toEqual([]);
    expect(local.rt.counts.get('SpreadsheetApp.create')).toBe(1);
    expect(local.rt.counts.get('Form.setDestination')).toBe(3);
    const forms = readTable(h.ss, FORMS);
    const book = forms[0]!.sheetBook;
    expect(forms.every((f) => f.sheetBook === book && /^\d+$/.test(f.sheetTab) && f.sheetPrint !== '')).toBe(
      true,
    );
    expect(new Set(forms.map((f) => f.sheetTab)).size).toBe(3);
    for (const f of forms) {
      expect(SpreadsheetApp.openById(book).getSheetById(Number(f.sheetTab))!.getFormUrl()).toContain(
        id(f.formKey),
      );
    }
    // A run without news reads no form.
    expect(reads(() => expect(watchRun(h)).toEqual(NOTHING))).toBe(0);
  });

  it('koppelt niets meer als de tijd om is', () => {
    const { h } = started();
    local.rt.resetCounts();
    reconcileCase(h, { scanFolder: false, watch: { readAll: false, linkUntil: local.rt.now() } });
    expect(local.rt.counts.get('SpreadsheetApp.create') ?? 0).toBe(0);
    expect(local.rt.counts.get('Form.setDestination') ?? 0).toBe(0);
    expect(readTable(h.ss, FORMS).map((f) => f.sheetBook)).toEqual(['', '', '']);
  });

  it('koppelt geen gesloten, ontbrekend of nog in aanmaak zijnd formulier', () => {
    const { h } = started();
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) =>
        f.formKey === BOA
          ? { ...f, status: 'gesloten' as const }
          : f.formKey === POLITIE
            ? { ...f, status: 'ontbreekt' as const }
            : f,
      ),
    );
    local.rt.resetCounts();
    reconcileCase(h, {
      scanFolder: false,
      later: new Set([JONGERENWERK]),
      watch: { readAll: false, linkUntil: local.rt.now() + HOUR },
    });
    expect(local.rt.counts.get('Form.setDestination') ?? 0).toBe(0);
    expect(local.rt.counts.get('SpreadsheetApp.create') ?? 0).toBe(0);
    // The missing form is still read (it may be back); the other two are not.
    expect(local.rt.counts.get('Form.getResponses')).toBe(1);
    expect(readTable(h.ss, FORMS).map((f) => f.sheetBook)).toEqual(['', '', '']);
  });

  it('koppelen stopt op het afgesproken moment: de rest wordt direct gelezen en later gekoppeld', () => {
    const { h, id } = started();
    fillRequired(local.rt, id(BOA));
    // Linking the first form takes a second; the run may link for one.
    local.rt.injectFault({ method: 'Form.setDestination', nth: 1, effect: (rt) => rt.advance(1000) });
    local.rt.resetCounts();
    const r = reconcileCase(h, {
      scanFolder: false,
      watch: { readAll: false, linkUntil: local.rt.now() + 1000 },
    });
    expect(r).toEqual({ ...NOTHING, newResponses: 1, changed: true });
    expect(local.rt.counts.get('Form.setDestination')).toBe(1);
    expect(sheetFields(h).map(([k, linked]) => [k, linked])).toEqual([
      [POLITIE, true],
      [JONGERENWERK, false],
      [BOA, false],
    ]);
    // The next run links the other two to the same spreadsheet.
    const book = formRow(h, POLITIE).sheetBook;
    local.rt.resetCounts();
    watchRun(h);
    expect(local.rt.counts.get('SpreadsheetApp.create') ?? 0).toBe(0);
    expect(local.rt.counts.get('Form.setDestination')).toBe(2);
    expect(readTable(h.ss, FORMS).map((f) => f.sheetBook)).toEqual([book, book, book]);
  });

  it('een formulier dat niet te koppelen is: in het Logboek, deze run direct gelezen, de volgende run opnieuw geprobeerd aan dezelfde spreadsheet', () => {
    const { h, id } = started();
    fillRequired(local.rt, id(POLITIE));
    local.rt.injectFault({ method: 'Form.setDestination', nth: 1, message: 'Service unavailable: Forms' });
    // (The first run of the day: a form never linked is not reported as unlinked.)
    const { value, lines } = logged(h, () => watchRun(h, true));
    expect(value).toEqual({ ...NOTHING, newResponses: 1, changed: true });
    expect(lines).toEqual([
      ['formulier niet gekoppeld', `${POLITIE}: Service unavailable: Forms`],
      ['antwoorden verwerkt', '1 nieuwe inzending(en)'],
    ]);
    expect(sheetFields(h).map(([k, linked]) => [k, linked])).toEqual([
      [POLITIE, false],
      [JONGERENWERK, true],
      [BOA, true],
    ]);
    // The first form of the list has no spreadsheet; the one the others use is found all the same.
    const book = formRow(h, BOA).sheetBook;
    local.rt.resetCounts();
    watchRun(h);
    expect(local.rt.counts.get('SpreadsheetApp.create') ?? 0).toBe(0);
    expect(local.rt.counts.get('Form.setDestination')).toBe(1);
    expect(formRow(h, POLITIE).sheetBook).toBe(book);
    expect(formRow(h, POLITIE).sheetTab).toMatch(/^\d+$/);
  });

  it('lukt het koppelen van tabbladen niet, dan worden de formulieren direct gelezen tot een volgende run het doet', () => {
    const { h, id } = started();
    fillRequired(local.rt, id(POLITIE));
    local.rt.injectFault({ method: 'Sheet.getFormUrl', nth: 1, message: 'Service unavailable: Sheets' });
    let r = NOTHING;
    expect(reads(() => (r = watchRun(h)))).toBe(3);
    expect(r).toEqual({ ...NOTHING, newResponses: 1, changed: true });
    expect(sheetFields(h)).toEqual([
      [POLITIE, true, '', false],
      [JONGERENWERK, true, '', false],
      [BOA, true, '', false],
    ]);
    // Tied in the next run (read directly once more), then quiet.
    expect(reads(() => watchRun(h))).toBe(3);
    expect(readTable(h.ss, FORMS).every((f) => /^\d+$/.test(f.sheetTab) && f.sheetPrint !== '')).toBe(true);
    expect(reads(() => watchRun(h))).toBe(0);
  });

  it('een verwijderd tabblad: direct gelezen, in het Logboek, en opnieuw gekoppeld', () => {
    const { h } = started();
    watchRun(h, true);
    const book = SpreadsheetApp.openById(formRow(h, BOA).sheetBook);
    book.deleteSheet(book.getSheetById(Number(formRow(h, BOA).sheetTab))!);
    const { value, lines } = logged(h, () => watchRun(h));
    expect(value).toEqual(NOTHING);
    expect(lines).toEqual([['antwoordtabblad ontbreekt', `${BOA}: het formulier wordt opnieuw gekoppeld`]]);
    expect(sheetFields(h)[2]).toEqual([BOA, false, '', false]);
  });

  it('een formulier dat "ontbreekt" wordt gelezen, ook als zijn tabblad niet veranderde', () => {
    const { h } = started();
    watchRun(h, true);
    replaceTable(
      h.ss,
      FORMS,
      readTable(h.ss, FORMS).map((f) => (f.formKey === POLITIE ? { ...f, status: 'ontbreekt' as const } : f)),
    );
    let r = NOTHING;
    expect(reads(() => (r = watchRun(h)))).toBe(1);
    expect(r).toEqual({ ...NOTHING, changed: true });
    expect(formRow(h, POLITIE).status).toBe('open');
  });

  it('is de antwoordspreadsheet weg, dan wordt elk formulier direct gelezen', () => {
    const { h, id } = started();
    watchRun(h, true);
    local.rt.deleteEntry(formRow(h, POLITIE).sheetBook);
    fillRequired(local.rt, id(BOA));
    let r = NOTHING;
    expect(reads(() => (r = watchRun(h)))).toBe(3);
    expect(r).toEqual({ ...NOTHING, newResponses: 1, changed: true });
  });

  it('met de hand terug gekoppeld na "elders": het nieuwe tabblad wordt weer gevolgd', () => {
    const { h, id } = started();
    watchRun(h, true);
    const book = formRow(h, POLITIE).sheetBook;
    const form = FormApp.openById(id(POLITIE));
    form.setDestination(
      FormApp.DestinationType.SPREADSHEET,
      SpreadsheetApp.create('Eigen overzicht').getId(),
    );
    local.rt.advance(HOUR);
    const elsewhere = logged(h, () => watchRun(h, true));
    expect(elsewhere.lines).toEqual([
      [
        'formulier elders gekoppeld',
        `${POLITIE}: zijn antwoorden gaan naar een andere spreadsheet; het formulier wordt voortaan elke run zelf gelezen`,
      ],
    ]);
    expect(sheetFields(h)[0]).toEqual([POLITIE, true, TAB_ELSEWHERE, false]);
    // Told once: the next first run of the day says nothing again, and writes nothing.
    local.rt.advance(HOUR);
    local.rt.resetCounts();
    expect(watchRun(h, true)).toEqual(NOTHING);
    expect([...local.rt.counts.keys()].filter((k) => /setValues|batchUpdate|appendRow/.test(k))).toEqual([]);
    // Linked back by hand (a new tab), while the tabs cannot be tied this run.
    form.setDestination(FormApp.DestinationType.SPREADSHEET, book);
    local.rt.injectFault({ method: 'Sheet.getFormUrl', nth: 1, message: 'Service unavailable: Sheets' });
    local.rt.advance(HOUR);
    expect(logged(h, () => watchRun(h, true)).lines).toEqual([]);
    expect(sheetFields(h)[0]).toEqual([POLITIE, true, '', false]);
    watchRun(h);
    expect(formRow(h, POLITIE).sheetTab).toMatch(/^\d+$/);
    expect(reads(() => watchRun(h))).toBe(0);
  });

  it('ontkoppeld: in het Logboek, en de volgende run opnieuw gekoppeld', () => {
    const { h, id } = started();
    watchRun(h, true);
    FormApp.openById(id(JONGERENWERK)).removeDestination();
    local.rt.advance(HOUR);
    const { lines } = logged(h, () => watchRun(h, true));
    expect(lines).toEqual([
      ['formulier ontkoppeld', `${JONGERENWERK}: wordt opnieuw gekoppeld aan de antwoordspreadsheet`],
    ]);
    expect(sheetFields(h)[1]).toEqual([JONGERENWERK, false, '', false]);
  });

  it('een formulier dat geen antwoorden aanneemt, staat bij elke eerste run van de dag in het Logboek', () => {
    const { h, id } = started();
    FormApp.openById(id(BOA)).setAcceptingResponses(false);
    const { lines } = logged(h, () => watchRun(h, true));
    expect(lines).toEqual([
      [
        'partner kan niet reageren',
        `${BOA}: het formulier neemt geen antwoorden aan (gesloten of niet gepubliceerd); zet in het formulier "Antwoorden accepteren" aan of publiceer het opnieuw`,
      ],
    ]);
    // Not in a later run of the day.
    expect(logged(h, () => watchRun(h)).lines).toEqual([]);
  });
});
