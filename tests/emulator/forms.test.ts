import { describe, expect, it } from 'vitest';
import { createDriveApp } from '../../src/local/apps-script/drive';
import {
  createFormApp,
  editAsRespondent,
  snapshotForm,
  submitAsRespondent,
} from '../../src/local/apps-script/forms';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

/** Typed items are Items in Apps Script; the typings just don't say so. */
const asItem = (x: object) => x as unknown as GoogleAppsScript.Forms.Item;

const BEFORE_CHANGE = Date.UTC(2026, 0, 5, 8, 0, 0);
const AFTER_CHANGE = Date.UTC(2026, 6, 1, 8, 0, 0);

function setup(now = BEFORE_CHANGE) {
  const rt = new Runtime({ latency: false, now });
  return { rt, FormApp: createFormApp(rt) };
}

/** A small published form: text (required), choice, checkbox, scale, date, grid. */
function sampleForm(FormApp: GoogleAppsScript.Forms.FormApp) {
  const form = FormApp.create('Signalen stap 1');
  const naam = form.addTextItem().setTitle('Groepsnaam').setRequired(true);
  const ernst = form.addMultipleChoiceItem().setTitle('Ernst').setChoiceValues(['Laag', 'Hoog']);
  const plekken = form.addCheckboxItem().setTitle('Plekken').setChoiceValues(['Plein', 'Station', 'Park']);
  const score = form.addScaleItem().setTitle('Overlast').setBounds(1, 5);
  const datum = form.addDateItem().setTitle('Datum');
  const grid = form
    .addGridItem()
    .setTitle('Gedrag')
    .setRows(['Hinder', 'Overlast'])
    .setColumns(['Ja', 'Nee']);
  const toelichting = form.addParagraphTextItem().setTitle('Toelichting');
  return { form, naam, ernst, plekken, score, datum, grid, toelichting };
}

describe('FormApp.create and publishing', () => {
  it('refuses a null or empty title', () => {
    const { FormApp } = setup();
    expect(() => FormApp.create('')).toThrow(/Invalid argument: title/);
    expect(() => FormApp.create(null as unknown as string)).toThrow(/title/);
  });

  it('is published and accepting before 2026-06-30, unpublished and closed after', () => {
    const before = setup(BEFORE_CHANGE).FormApp.create('A');
    expect(before.isPublished()).toBe(true);
    expect(before.isAcceptingResponses()).toBe(true);
    const after = setup(AFTER_CHANGE).FormApp.create('B');
    expect(after.isPublished()).toBe(false);
    expect(after.isAcceptingResponses()).toBe(false);
    expect(after.supportsAdvancedResponderPermissions()).toBe(true);
  });

  it('setPublished(true) also turns accepting responses on; unpublishing closes it', () => {
    const { FormApp } = setup(AFTER_CHANGE);
    const form = FormApp.create('C');
    form.setAcceptingResponses(true);
    expect(form.isAcceptingResponses()).toBe(false); // unpublished never accepts
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    form.setPublished(false);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  it('defaults: no edits, no email, respond-again link on; readers are managed', () => {
    const { FormApp } = setup();
    const form = FormApp.create('D');
    expect(form.canEditResponse()).toBe(false);
    expect(form.collectsEmail()).toBe(false);
    expect(form.hasRespondAgainLink()).toBe(true);
    expect(form.getCustomClosedFormMessage()).toBe('');
    form.addPublishedReaders(['wijkagent@politie.example', 'jongerenwerk@welzijn.example']);
    form.removePublishedReader('wijkagent@politie.example');
    expect(form.getPublishedReaders().map((u) => u.getEmail())).toEqual(['jongerenwerk@welzijn.example']);
  });

  it('URLs: edit by id, respondent URL with another id, short links only for forms URLs', () => {
    const { FormApp } = setup();
    const form = FormApp.create('E');
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    const pub = form.getPublishedUrl();
    expect(pub).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
    expect(pub).not.toContain(form.getId());
    expect(form.shortenFormUrl(pub)).toMatch(/^https:\/\/forms\.gle\/\w+$/);
    expect(form.shortenFormUrl(pub)).toBe(form.shortenFormUrl(pub));
    expect(() => form.shortenFormUrl('https://example.org/x')).toThrow();
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(() => FormApp.openById('bestaat-niet')).toThrow(/No item with the given ID/);
  });

  it('is not bound: getActiveForm is null and getUi throws', () => {
    const { FormApp } = setup();
    expect(FormApp.getActiveForm()).toBeNull();
    expect(() => FormApp.getUi()).toThrow('Cannot call FormApp.getUi() from this context.');
  });

  it('unknown members throw "Niet geëmuleerd"', () => {
    const { FormApp } = setup();
    const form = FormApp.create('F') as unknown as { submitGrades: () => void };
    expect(() => form.submitGrades()).toThrow('Niet geëmuleerd: Form.submitGrades');
  });
});

describe('items', () => {
  it('have stable integer ids, 0-based indexes and include layout items', () => {
    const { FormApp } = setup();
    const { form, naam, grid } = sampleForm(FormApp);
    form.addSectionHeaderItem().setTitle('Deel 2');
    const id = naam.getId();
    expect(Number.isInteger(id)).toBe(true);
    expect(new Set(form.getItems().map((i) => i.getId())).size).toBe(8);
    expect(form.getItems().length).toBe(8);
    expect(form.getItems(FormApp.ItemType.SECTION_HEADER).length).toBe(1);
    form.moveItem(grid.getIndex(), 0);
    expect(form.getItems()[0]!.getTitle()).toBe('Gedrag');
    expect(naam.getIndex()).toBe(1);
    expect(form.getItemById(id)!.getId()).toBe(id);
    expect(form.getItemById(42)).toBeNull();
  });

  it('deleteItem throws for a missing index or an already deleted item', () => {
    const { FormApp } = setup();
    const { form, naam } = sampleForm(FormApp);
    form.deleteItem(asItem(naam));
    expect(() => form.deleteItem(asItem(naam))).toThrow(/does not exist/);
    expect(() => form.deleteItem(99)).toThrow();
    expect(() => naam.getTitle()).toThrow(/does not exist/);
  });

  it('as*Item checks the type', () => {
    const { FormApp } = setup();
    const { form } = sampleForm(FormApp);
    const first = form.getItems()[0]!;
    expect(first.getType()).toBe(FormApp.ItemType.TEXT);
    expect(first.asTextItem().isRequired()).toBe(true);
    expect(() => first.asMultipleChoiceItem()).toThrow(/is not a MULTIPLE_CHOICE item/);
  });

  it('scale bounds: lower 0/1, upper 3..10, decimals truncated', () => {
    const { FormApp } = setup();
    const scale = FormApp.create('G').addScaleItem();
    expect(scale.getLowerBound()).toBe(1);
    expect(scale.getUpperBound()).toBe(5);
    scale.setBounds(0.9, 10.7);
    expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([0, 10]);
    expect(() => scale.setBounds(2, 5)).toThrow();
    expect(() => scale.setBounds(1, 2)).toThrow();
    expect(() => scale.setBounds(1, 11)).toThrow();
  });

  it('empty choice, row or column lists throw', () => {
    const { FormApp } = setup();
    const form = FormApp.create('H');
    expect(() => form.addMultipleChoiceItem().setChoiceValues([])).toThrow();
    expect(() => form.addGridItem().setRows([])).toThrow();
    expect(() => form.addCheckboxGridItem().setColumns([])).toThrow();
    const list = form.addListItem();
    list.setChoices([list.createChoice('Een'), list.createChoice('Twee')]);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['Een', 'Twee']);
  });

  it('createResponse validates choices, grid length, scale bounds and formats dates', () => {
    const { rt, FormApp } = setup();
    const { ernst, plekken, score, datum, grid } = sampleForm(FormApp);
    expect(() => ernst.createResponse('Middel')).toThrow('Invalid data updating form.');
    ernst.showOtherOption(true);
    expect(ernst.createResponse('Middel').getResponse()).toBe('Middel');
    expect(() => plekken.createResponse(['Markt'])).toThrow('Invalid data updating form.');
    expect(() => grid.createResponse(['Ja'])).toThrow();
    expect(() => score.createResponse(6)).toThrow();
    expect(score.createResponse(4).getResponse()).toBe('4');
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (the script time zone).
    expect(datum.createResponse(new Date(Date.UTC(2026, 2, 31, 23, 30))).getResponse()).toBe('2026-04-01');
    datum.setIncludesYear(false);
    expect(datum.createResponse(new Date(Date.UTC(2026, 2, 3, 12))).getResponse()).toBe('03-03');
    expect(rt.timeZone).toBe('Europe/Amsterdam');
  });
});

describe('responses', () => {
  it('draft → submit: id and timestamp null until submitted; submit twice throws', () => {
    const { rt, FormApp } = setup();
    const { form, naam, ernst } = sampleForm(FormApp);
    const r = form.createResponse();
    expect(r.getId()).toBeNull();
    expect(r.getTimestamp()).toBeNull();
    expect(r.getEditResponseUrl()).toBeNull();
    r.withItemResponse(naam.createResponse('Groep Noord')).withItemResponse(ernst.createResponse('Laag'));
    r.withItemResponse(ernst.createResponse('Hoog')); // last one per item wins
    r.submit();
    expect(r.getId()).toMatch(/\S+/);
    expect(r.getTimestamp()!.getTime()).toBe(rt.now());
    expect(() => r.submit()).toThrow(/already been submitted/);
    expect(() => r.withItemResponse(naam.createResponse('x'))).toThrow();
    const stored = form.getResponse(r.getId());
    expect(stored.getResponseForItem(asItem(ernst)).getResponse()).toBe('Hoog');
    expect(() => form.getResponse('onbekend')).toThrow();
  });

  it('getItemResponses: form order, unanswered text/paragraph/date as "", others omitted', () => {
    const { FormApp } = setup();
    const { form, ernst } = sampleForm(FormApp);
    const r = form.createResponse().withItemResponse(ernst.createResponse('Laag')).submit();
    const got = r.getItemResponses().map((ir) => [ir.getItem().getTitle(), ir.getResponse()]);
    expect(got).toEqual([
      ['Groepsnaam', ''],
      ['Ernst', 'Laag'],
      ['Datum', ''],
      ['Toelichting', ''],
    ]);
    expect(r.getResponseForItem(form.getItems()[2]!)).toBeNull();
  });

  it('getResponses(timestamp) is inclusive (>=)', () => {
    const { rt, FormApp } = setup();
    const { form } = sampleForm(FormApp);
    form.createResponse().submit();
    const t = new Date(rt.now());
    rt.advance(60_000);
    form.createResponse().submit();
    expect(form.getResponses().length).toBe(2);
    expect(form.getResponses(t).length).toBe(2);
    expect(form.getResponses(new Date(t.getTime() + 1)).length).toBe(1);
  });

  it('script submits are refused when closed, unpublished or limited to one response per user', () => {
    const { FormApp } = setup();
    const form = FormApp.create('I');
    form.setAcceptingResponses(false);
    expect(() => form.createResponse().submit()).toThrow(/not accepting/);
    form.setAcceptingResponses(true).setLimitOneResponsePerUser(true);
    expect(() => form.createResponse().submit()).toThrow(/one response per user/);
  });

  it('prefilled and edit URLs use the respondent URL', () => {
    const { FormApp } = setup();
    const { form, naam, plekken } = sampleForm(FormApp);
    const url = form
      .createResponse()
      .withItemResponse(naam.createResponse('Groep & co'))
      .withItemResponse(plekken.createResponse(['Plein', 'Park']))
      .toPrefilledUrl();
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&entry.`)).toBe(true);
    expect(url).toContain('=Groep+%26+co');
    expect(url.match(/entry\.\d+=P/g)?.length).toBe(2);
    expect(url).not.toContain(String(naam.getId()));
  });

  it('deleteResponse / deleteAllResponses empty the form store', () => {
    const { FormApp } = setup();
    const form = FormApp.create('J');
    const a = form.createResponse().submit();
    form.createResponse().submit();
    form.deleteResponse(a.getId());
    expect(form.getResponses().length).toBe(1);
    form.deleteAllResponses();
    expect(form.getResponses().length).toBe(0);
  });
});

describe('respondent simulation', () => {
  it('refuses unpublished and closed forms, with the closed message', () => {
    const { rt, FormApp } = setup(AFTER_CHANGE);
    const form = FormApp.create('K');
    expect(() => submitAsRespondent(rt, form.getId(), {})).toThrow(/niet gepubliceerd/);
    form.setPublished(true).setAcceptingResponses(false).setCustomClosedFormMessage('Gesloten na overleg.');
    expect(() => submitAsRespondent(rt, form.getId(), {})).toThrow(/Gesloten na overleg/);
  });

  it('allows a ghost response when nothing is required', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('L');
    form.addTextItem().setTitle('Opmerking');
    form.addCheckboxItem().setTitle('Keuze').setChoiceValues(['a']);
    const id = submitAsRespondent(rt, form.getId(), {});
    const r = form.getResponse(id);
    expect(r.getItemResponses().map((x) => x.getResponse())).toEqual(['']);
    expect(snapshotForm(rt, form.getId()).responses[0]!.answers).toEqual([]);
  });

  it('validates required items, choices, grids and text validations like the Forms page', () => {
    const { rt, FormApp } = setup();
    const { form, naam, ernst, grid, score } = sampleForm(FormApp);
    grid.setRequired(true);
    naam.setValidation(FormApp.createTextValidation().requireTextLengthLessThanOrEqualTo(10).build());
    const id = form.getId();
    const ok = { [naam.getId()]: 'Noord', [grid.getId()]: ['Ja', 'Nee'] };
    expect(() => submitAsRespondent(rt, id, { [grid.getId()]: ['Ja', 'Nee'] })).toThrow(/verplicht/);
    expect(() => submitAsRespondent(rt, id, { ...ok, [grid.getId()]: ['Ja', ''] })).toThrow(/elke rij/);
    expect(() => submitAsRespondent(rt, id, { ...ok, [ernst.getId()]: 'Middel' })).toThrow(
      /geen keuzemogelijkheid/,
    );
    expect(() => submitAsRespondent(rt, id, { ...ok, [score.getId()]: '9' })).toThrow(/tussen 1 en 5/);
    expect(() => submitAsRespondent(rt, id, { ...ok, [naam.getId()]: 'Veel te lange naam' })).toThrow(
      /controle/,
    );
    expect(() => submitAsRespondent(rt, id, { ...ok, 12345: 'x' })).toThrow(/geen vraag met id/);
    const rid = submitAsRespondent(rt, id, { ...ok, [ernst.getId()]: 'Hoog' });
    expect(form.getResponse(rid).getResponseForItem(asItem(grid)).getResponse()).toEqual(['Ja', 'Nee']);
  });

  it('edit keeps the response id and sets a newer timestamp; only when edits are allowed', () => {
    const { rt, FormApp } = setup();
    const { form, naam } = sampleForm(FormApp);
    const id = submitAsRespondent(rt, form.getId(), { [naam.getId()]: 'Noord' });
    const first = form.getResponse(id).getTimestamp().getTime();
    expect(() => editAsRespondent(rt, form.getId(), id, { [naam.getId()]: 'Zuid' })).toThrow(/niet toe/);
    form.setAllowResponseEdits(true);
    editAsRespondent(rt, form.getId(), id, { [naam.getId()]: 'Zuid' });
    const r = form.getResponse(id);
    expect(r.getId()).toBe(id);
    expect(r.getTimestamp().getTime()).toBeGreaterThan(first);
    expect(r.getResponseForItem(asItem(naam)).getResponse()).toBe('Zuid');
    expect(form.getResponses().length).toBe(1);
  });

  it('collects email and limits one response per signed-in user', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('M').setCollectEmail(true).setLimitOneResponsePerUser(true);
    expect(() => submitAsRespondent(rt, form.getId(), {})).toThrow(/inloggen/);
    const id = submitAsRespondent(rt, form.getId(), {}, { email: 'Boa@Gemeente.example' });
    expect(form.getResponse(id).getRespondentEmail()).toBe('boa@gemeente.example');
    expect(() => submitAsRespondent(rt, form.getId(), {}, { email: 'boa@gemeente.example' })).toThrow(
      /al ingevuld/,
    );
  });
});

describe('destination', () => {
  it('throws without destination; every setDestination adds a NEW tab with header and rows', () => {
    const rt = new Runtime({ latency: false, now: BEFORE_CHANGE });
    const FormApp = createFormApp(rt);
    const SpreadsheetApp = createSpreadsheetApp(rt);
    const { form, naam } = sampleForm(FormApp);
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
    expect(() => form.getDestinationType()).toThrow('The form currently has no response destination.');
    const first = submitAsRespondent(rt, form.getId(), { [naam.getId()]: 'Noord' });

    const ss = SpreadsheetApp.create('Casus');
    const tabsBefore = ss.getSheets().length;
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(String(form.getDestinationType())).toBe('SPREADSHEET');
    expect(ss.getSheets().length).toBe(tabsBefore + 1);
    const tab = ss.getSheets().find((s) => s.getFormUrl())!;
    const header = tab.getRange(1, 1, 1, 9).getValues()[0]!;
    expect(header).toEqual([
      'Timestamp',
      'Groepsnaam',
      'Ernst',
      'Plekken',
      'Overlast',
      'Datum',
      'Gedrag [Hinder]',
      'Gedrag [Overlast]',
      'Toelichting',
    ]);
    expect(tab.getRange(2, 1).getValue()).toBeInstanceOf(Date);
    expect(tab.getRange(2, 2).getValue()).toBe('Noord'); // existing response written on linking
    expect(FormApp.openByUrl(tab.getFormUrl()!).getId()).toBe(form.getId());

    submitAsRespondent(rt, form.getId(), { [naam.getId()]: 'Zuid' });
    expect(tab.getRange(3, 2).getValue()).toBe('Zuid');
    // An edited response rewrites its own row (unconfirmed, behaviours §9.2).
    form.setAllowResponseEdits(true);
    editAsRespondent(rt, form.getId(), first, { [naam.getId()]: 'West' });
    expect(tab.getRange(2, 2).getValue()).toBe('West');
    expect(tab.getLastRow()).toBe(3);

    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(ss.getSheets().length).toBe(tabsBefore + 2);
    form.removeDestination();
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
  });
});

describe('Drive and counting', () => {
  it('a form is a Drive file: getFileById, trash; respondents then get an error', () => {
    const { rt, FormApp } = setup();
    const DriveApp = createDriveApp(rt);
    const form = FormApp.create('N');
    const file = DriveApp.getFileById(form.getId());
    expect(file.getMimeType()).toBe(MIME.form);
    expect(file.getName()).toBe('N');
    file.setTrashed(true);
    expect(() => submitAsRespondent(rt, form.getId(), {})).toThrow(/bestaat niet/);
  });

  it('counts one call per public method; snapshots are uncounted', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('O');
    form.addTextItem().setTitle('Vraag').setRequired(true);
    expect(rt.counts.get('FormApp.create')).toBe(1);
    expect(rt.counts.get('Form.addTextItem')).toBe(1);
    expect(rt.counts.get('TextItem.setTitle')).toBe(1);
    expect(rt.counts.get('TextItem.setRequired')).toBe(1);
    const id = form.getId();
    const before = rt.totalCalls();
    const snap = snapshotForm(rt, id);
    expect(rt.totalCalls()).toBe(before);
    expect(snap.items[0]).toMatchObject({ type: 'TEXT', title: 'Vraag', required: true });
    expect(snap.published).toBe(true);
    expect(snap.accepting).toBe(true);
  });
});
