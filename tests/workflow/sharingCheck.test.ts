/**
 * The daily sharing check (issue 9, point 6; workflow/sharingCheck.ts): drift on any file or
 * folder the product made is taken back and logged, with one Drive query per case folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import { listCases, openRegister } from '../../src/workflow/context';
import { dispatchWithDigest } from '../../src/workflow/digest';
import { openNewCase } from '../../src/workflow/newCase';
import { LOG } from '../../src/workflow/records';
import { checkSharing } from '../../src/workflow/sharingCheck';
import { sharingOf } from '../../src/workspace/files';
import { readTable } from '../../src/workspace/tables';
import { freshRegister, PARTNERS } from './helpers';

let local: LocalAppsScript;
afterEach(() => local.dispose());

const STRANGER = 'nieuwsgierig@elders.example';

function setUp() {
  const fresh = freshRegister();
  local = fresh.local;
  const h = openNewCase(openRegister(), fictionalCaseInput());
  const form = FormApp.create(`${h.row.code} proefformulier`);
  DriveApp.getFileById(form.getId()).moveTo(DriveApp.getFolderById(h.row.folderId));
  return { rt: local.rt, h, formId: form.getId() };
}

function props(key: string) {
  return PropertiesService.getScriptProperties().getProperty(key);
}

describe('dagelijkse controle op delen', () => {
  it('§4.3 #32: zet deellinks en onbekende lezers terug, laat bekende lezers en formulierrespondenten staan, en logt zonder adressen', () => {
    const { rt, h, formId } = setUp();
    const ss = DriveApp.getFileById(h.row.spreadsheetId);
    ss.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    DriveApp.getFolderById(h.row.folderId).addEditor(STRANGER);
    const doc = DriveApp.getFileById(h.row.overviewId);
    doc.addViewer(STRANGER);
    doc.addViewer(PARTNERS[0]!.email);
    const root = DriveApp.getFolderById(props('CASES_FOLDER_ID')!);
    root.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);

    rt.resetCounts();
    const reg = openRegister();
    const cases = listCases(reg);
    rt.resetCounts();
    const drift = checkSharing(reg, cases);
    // One query for the root folder's contents and one per case folder; one get per root folder.
    expect(rt.counts.get('Drive.Files.list')).toBe(1 + cases.length);
    expect(rt.counts.get('Drive.Files.get')).toBe(1);
    expect(drift).toEqual([
      { code: '', files: 1, links: 1, removed: 0, day: '2026-01-12' },
      { code: h.row.code, files: 3, links: 1, removed: 2, day: '2026-01-12' },
    ]);
    expect(ss.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    expect(root.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    expect(
      DriveApp.getFolderById(h.row.folderId)
        .getEditors()
        .map((u) => u.getEmail()),
    ).not.toContain(STRANGER);
    const viewers = doc.getViewers().map((u) => u.getEmail());
    expect(viewers).toContain(PARTNERS[0]!.email);
    expect(viewers).not.toContain(STRANGER);
    // The published form still takes answers from anyone with its link.
    expect(FormApp.openById(formId).isPublished()).toBe(true);
    const line = readTable(h.ss, LOG).find((l) => l.event === 'delen teruggezet')!;
    expect(line.detail).toBe(
      '3 bestand(en) of map(pen) waren breder gedeeld dan het product doet: 1 deellink(s) uitgezet, 2 lezer(s) weggehaald',
    );

    // Nothing left to take back: only the queries, no DriveApp call.
    rt.resetCounts();
    expect(checkSharing(reg, cases)).toEqual([]);
    expect(
      [...rt.counts.keys()].filter((k) => !k.startsWith('Drive.Files.') && !k.startsWith('Properties')),
    ).toEqual([]);
  });

  it('de eerste dispatcher-run van de dag controleert (de casus zelf: één zoekopdracht in de casusmap) en het dagoverzicht meldt het; de tweede run niet', () => {
    const { rt, h } = setUp();
    DriveApp.getFileById(h.row.spreadsheetId).addViewer(STRANGER);
    const first = dispatchWithDigest(openRegister());
    expect(first.sharing.map((d) => [d.code, d.files])).toEqual([[h.row.code, 1]]);
    const digest = rt.mailbox.find((m) => m.subject.startsWith('Dagoverzicht'))!;
    expect(digest.body).toContain('Delen teruggezet');
    expect(digest.body).toContain(`${h.row.code} (`);
    expect(digest.body).not.toContain(STRANGER);
    DriveApp.getFileById(h.row.spreadsheetId).addViewer(STRANGER);
    rt.advance(60 * 60 * 1000);
    rt.resetCounts();
    const second = dispatchWithDigest(openRegister());
    expect(second.sharing).toEqual([]);
    expect(rt.counts.get('Drive.Files.get') ?? 0).toBe(0);
  });

  it('sharingOf telt de respondenten van een gepubliceerd formulier niet als lezers', () => {
    expect(
      sharingOf([
        { type: 'user', role: 'owner', emailAddress: 'Eigenaar@x.nl' },
        { type: 'anyone', role: 'reader', view: 'published' } as never,
        { type: 'user', role: 'reader', emailAddress: 'r@x.nl', view: 'published' } as never,
        { type: 'user', role: 'writer', emailAddress: 'W@x.nl' },
      ]),
    ).toEqual({ owner: 'eigenaar@x.nl', people: { 'w@x.nl': 'writer' }, link: false });
  });
});
