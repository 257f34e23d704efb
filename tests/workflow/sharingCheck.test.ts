/**
 * The daily sharing check (issue 9, point 6; workflow/sharingCheck.ts): drift on any file or
 * folder the product made is taken back and logged, with one Drive query per case folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalCaseInput } from '../../src/local/demo/caseInput';
import type { LocalAppsScript } from '../../src/local/harness';
import type { CaseHandle, CaseRow, Register } from '../../src/workflow/context';
import { listCases, openRegister } from '../../src/workflow/context';
import { dispatchWithDigest } from '../../src/workflow/digest';
import { openNewCase } from '../../src/workflow/newCase';
import { LOG } from '../../src/workflow/records';
import {
  checkCaseSharing,
  checkSharing,
  coordinatorsOf,
  registerCheckDue,
  SHARING_CHECK_KEY,
} from '../../src/workflow/sharingCheck';
import { sharingOf } from '../../src/workspace/files';
import { setScriptProperty } from '../../src/workspace/props';
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

const SECOND = 'tweede.regisseur@testdorp.example';
const DRIEHOEK = 'driehoek@testdorp.example';
const [POLITIE, JONGERENWERK] = [PARTNERS[0]!.email, PARTNERS[1]!.email];

/** The register with a second coordinator and a driehoek address in Instellingen. */
function withSettings(reg: Register): Register {
  return { ...reg, settings: { ...reg.settings, coordinatorEmails: SECOND, driehoekEmails: DRIEHOEK } };
}

/** A namenlijst in the namenlijst folder, as persons.ts keeps it. */
function namesList(code: string): string {
  const root = DriveApp.createFolder('Namenlijsten (beperkt toegankelijk)');
  setScriptProperty('NAMES_FOLDER_ID', root.getId());
  return root.createFile(`Namenlijst ${code}`, 'namen').getId();
}

const readers = (id: string) =>
  DriveApp.getFileById(id)
    .getViewers()
    .map((u) => u.getEmail())
    .sort();

describe('wie mag blijven lezen', () => {
  it('de procesregisseurs uit Instellingen tellen in kleine letters, zonder spaties', () => {
    const reg = {
      settings: {
        coordinatorEmail: ' Regie@Testdorp.example ',
        coordinatorEmails: 'Tweede@Testdorp.example; derde@testdorp.example',
      },
    } as Register;
    expect([...coordinatorsOf(reg)].sort()).toEqual([
      'derde@testdorp.example',
      'regie@testdorp.example',
      'tweede@testdorp.example',
    ]);
  });

  const paths: [string, (h: CaseHandle, reg: Register) => unknown][] = [
    ['de eigen controle van de casus', (h, reg) => checkCaseSharing({ ...h, reg })],
    ['de registerbrede controle', (_h, reg) => checkSharing(reg, listCases(reg))],
  ];
  it.each(paths)(
    '%s: op een document blijven partners, driehoek en procesregisseurs staan; op de casusspreadsheet alleen de procesregisseurs',
    (_, check) => {
      const { h } = setUp();
      const doc = DriveApp.getFileById(h.row.overviewId);
      for (const e of [POLITIE, JONGERENWERK, DRIEHOEK, SECOND, STRANGER]) doc.addViewer(e);
      const sheet = DriveApp.getFileById(h.row.spreadsheetId);
      for (const e of [JONGERENWERK, DRIEHOEK, SECOND, STRANGER]) sheet.addViewer(e);
      const drift = check(h, withSettings(openRegister()));
      expect(readers(h.row.overviewId)).toEqual([
        DRIEHOEK,
        'regie@testdorp.example',
        JONGERENWERK,
        SECOND,
        POLITIE,
      ]);
      expect(readers(h.row.spreadsheetId)).toEqual([SECOND]);
      const mine = (Array.isArray(drift) ? drift : [drift]).find((d) => d?.code === h.row.code);
      expect(mine).toMatchObject({ files: 2, links: 0, removed: 4 });
    },
  );
});

describe('wat de controle bekijkt', () => {
  it('de eigen controle neemt de namenlijst mee en telt die bij de casus', () => {
    const { rt, h } = setUp();
    const names = namesList(h.row.code);
    DriveApp.getFileById(names).addViewer(STRANGER);
    rt.resetCounts();
    const drift = checkCaseSharing({ ...h, row: { ...h.row, namesId: names } });
    expect(drift).toEqual({ code: h.row.code, files: 1, links: 0, removed: 1, day: '2026-01-12' });
    expect(readers(names)).toEqual([]);
    // The case folder and the namenlijst: one files.get each; the folder's contents: one files.list.
    expect(rt.counts.get('Drive.Files.get')).toBe(2);
    expect(rt.counts.get('Drive.Files.list')).toBe(1);
  });

  it('een casus zonder map: de eigen controle vraagt Drive niets', () => {
    const { rt, h } = setUp();
    rt.resetCounts();
    expect(checkCaseSharing({ ...h, row: { ...h.row, folderId: '' } })).toBeNull();
    expect([...rt.counts.keys()].filter((k) => k.startsWith('Drive'))).toEqual([]);
  });

  it('registerbreed: de namenlijst van een casus telt bij die casus, niet nog eens als los bestand', () => {
    const { rt, h } = setUp();
    const names = namesList(h.row.code);
    DriveApp.getFileById(names).addViewer(STRANGER);
    const reg = openRegister();
    const cases: CaseRow[] = listCases(reg).map((c) => ({ ...c, namesId: names }));
    rt.resetCounts();
    expect(checkSharing(reg, cases)).toEqual([
      { code: h.row.code, files: 1, links: 0, removed: 1, day: '2026-01-12' },
    ]);
    expect(readers(names)).toEqual([]);
    expect(rt.counts.get('Drive.Files.list')).toBe(2 + 1);
  });

  it('registerbreed: een casus zonder map kost geen zoekopdracht, een casus die zichzelf al controleerde ook niet', () => {
    const { rt, h } = setUp();
    DriveApp.getFileById(h.row.spreadsheetId).addViewer(STRANGER);
    const reg = openRegister();
    const [c] = listCases(reg);
    rt.resetCounts();
    // Checked by its own refresh in this run: left alone here.
    expect(checkSharing(reg, [c!], new Set([c!.code]))).toEqual([]);
    expect(readers(h.row.spreadsheetId)).toEqual([STRANGER]);
    expect(rt.counts.get('Drive.Files.list')).toBe(1);
    rt.resetCounts();
    expect(checkSharing(reg, [{ ...c!, code: 'JGA-2026-099', folderId: '' }])).toEqual([]);
    expect(rt.counts.get('Drive.Files.list')).toBe(1);
  });

  it('registerbreed: een map in "Casussen jeugdgroepen" van geen enkele casus wordt ook teruggezet', () => {
    const { h } = setUp();
    const root = DriveApp.getFolderById(props('CASES_FOLDER_ID')!);
    const stray = root.createFolder('Losse map');
    stray.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    const reg = openRegister();
    expect(checkSharing(reg, listCases(reg))).toEqual([
      { code: '', files: 1, links: 1, removed: 0, day: '2026-01-12' },
    ]);
    expect(stray.getSharingAccess()).toBe(DriveApp.Access.PRIVATE);
    expect(readTable(h.ss, LOG).some((l) => l.event === 'delen teruggezet')).toBe(false);
  });

  it('zonder open casussen draait de registerbrede controle één keer per dag', () => {
    const { rt } = setUp();
    expect(registerCheckDue()).toBe(true);
    expect(props(SHARING_CHECK_KEY)).toBe('2026-01-12');
    expect(registerCheckDue()).toBe(false);
    rt.advance(24 * 60 * 60 * 1000);
    expect(registerCheckDue()).toBe(true);
    expect(props(SHARING_CHECK_KEY)).toBe('2026-01-13');
  });
});
