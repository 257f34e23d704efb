import { beforeEach, describe, expect, it } from 'vitest';
import { BlobImpl } from '../../src/local/apps-script/blob';
import { createDriveApp, createMimeTypeEnum, registerConverter } from '../../src/local/apps-script/drive';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

type DriveApp = GoogleAppsScript.Drive.DriveApp;

const MISSING = 'No item with the given ID could be found, or you do not have permission to access it.';

let rt: Runtime;
let drive: DriveApp;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  drive = createDriveApp(rt);
});

function names(it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('DriveApp lookups', () => {
  it('missing ids throw the Drive wording; trashed files are still returned', () => {
    expect(() => drive.getFileById('nope')).toThrow(MISSING);
    expect(() => drive.getFolderById('nope')).toThrow(MISSING);
    const file = drive.createFile('notitie.txt', 'hallo');
    file.setTrashed(true);
    const again = drive.getFileById(file.getId());
    expect(again.isTrashed()).toBe(true);
    expect(names(drive.getTrashedFiles())).toEqual(['notitie.txt']);
    // Listings include trashed files, as DriveApp does; searchFiles can exclude them.
    expect(names(drive.getFilesByName('notitie.txt'))).toEqual(['notitie.txt']);
    expect(names(drive.searchFiles("title = 'notitie.txt' and trashed = false"))).toEqual([]);
  });

  it('folders: create, nest, list by name and type, parents', () => {
    const root = drive.getRootFolder();
    const casus = drive.createFolder('Casus 1');
    const sub = casus.createFolder('Bijlagen');
    casus.createFile('a.txt', 'a');
    casus.createFile('b.html', '<p>b</p>', 'text/html');
    expect(names(casus.getFiles()).sort()).toEqual(['a.txt', 'b.html']);
    expect(names(casus.getFilesByType('text/html'))).toEqual(['b.html']);
    expect(names(casus.getFolders())).toEqual(['Bijlagen']);
    expect(names(sub.getParents())).toEqual(['Casus 1']);
    expect(names(casus.getParents())).toEqual([root.getName()]);
    expect(names(drive.getFoldersByName('Bijlagen'))).toEqual(['Bijlagen']);
  });

  it('iterators: next past the end throws; continuation tokens resume', () => {
    drive.createFile('1.txt', '1');
    drive.createFile('2.txt', '2');
    const it = drive.getFiles();
    expect(it.next().getName()).toBe('1.txt');
    const token = it.getContinuationToken();
    const rest = drive.continueFileIterator(token);
    expect(rest.next().getName()).toBe('2.txt');
    expect(rest.hasNext()).toBe(false);
    expect(() => rest.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
  });

  it('addFile adds a second parent (deprecated), moveTo keeps one', () => {
    const a = drive.createFolder('A');
    const b = drive.createFolder('B');
    const file = a.createFile('x.txt', 'x');
    b.addFile(file);
    expect(names(file.getParents()).sort()).toEqual(['A', 'B']);
    file.moveTo(a);
    expect(names(file.getParents())).toEqual(['A']);
    b.removeFile(file);
    expect(names(b.getFiles())).toEqual([]);
  });
});

describe('File contents and copies', () => {
  it('blobs of ordinary files; Google files need a registered converter', () => {
    const file = drive.createFile('tekst.txt', 'héllo');
    expect(file.getBlob().getDataAsString()).toBe('héllo');
    expect(file.getSize()).toBe(6);
    expect(() => file.getAs(MIME.pdf)).toThrow(
      'Converting from text/plain to application/pdf is not supported.',
    );

    const ss = createSpreadsheetApp(rt).create('Register');
    const sheetFile = drive.getFileById(ss.getId());
    expect(sheetFile.getMimeType()).toBe(createMimeTypeEnum().GOOGLE_SHEETS);
    expect(sheetFile.getSize()).toBe(0);
    expect(() => sheetFile.getBlob()).toThrow(/Converting from application\/vnd\.google-apps\.spreadsheet/);

    registerConverter(
      'application/x-emulator-test',
      (_rt, entry, target) => new BlobImpl(`pdf:${entry.name}`, target),
    );
    const custom = rt.createFile('Overzicht.v1', 'application/x-emulator-test', { any: 1 });
    const pdf = drive.getFileById(custom.id).getAs(MIME.pdf);
    expect([pdf.getDataAsString(), pdf.getName()]).toEqual(['pdf:Overzicht.v1', 'Overzicht.pdf']);
  });

  it('makeCopy: default name, destination, deep copy of a spreadsheet', () => {
    const app = createSpreadsheetApp(rt);
    const ss = app.create('Sjabloon');
    ss.getSheets()[0]!.getRange('A1').setValue('origineel');
    const folder = drive.createFolder('Casussen');
    const copy = drive.getFileById(ss.getId()).makeCopy(folder);
    expect(copy.getName()).toBe('Copy of Sjabloon');
    expect(names(copy.getParents())).toEqual(['Casussen']);
    const copied = app.openById(copy.getId());
    copied.getSheets()[0]!.getRange('A1').setValue('gewijzigd');
    expect(ss.getSheets()[0]!.getRange('A1').getValue()).toBe('origineel');
    expect(drive.getFileById(ss.getId()).makeCopy('Casus 2').getName()).toBe('Casus 2');
  });
});

describe('sharing', () => {
  it('applies the Access/Permission rules', () => {
    const file = drive.createFile('deel.txt', 'x');
    expect(String(file.getSharingAccess())).toBe('PRIVATE');
    expect(String(file.getSharingPermission())).toBe('NONE');
    file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    expect(file.getSharingAccess()).toBe(drive.Access.ANYONE_WITH_LINK);
    expect(file.getSharingPermission()).toBe(drive.Permission.VIEW);
    file.setSharing(drive.Access.ANYONE, drive.Permission.NONE);
    expect(() => file.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.NONE)).toThrow();
    expect(() => file.setSharing(drive.Access.ANYONE, drive.Permission.OWNER)).toThrow();
    file.setSharing(drive.Access.DOMAIN_WITH_LINK, drive.Permission.VIEW); // Workspace account: allowed
  });

  it('refuses DOMAIN access on a consumer (gmail.com) account', () => {
    const consumer = new Runtime({ latency: false, userEmail: 'iemand@gmail.com' });
    const file = createDriveApp(consumer).createFile('deel.txt', 'x');
    const d = createDriveApp(consumer);
    expect(() => file.setSharing(d.Access.DOMAIN, d.Permission.VIEW)).toThrow();
    file.setSharing(d.Access.ANYONE_WITH_LINK, d.Permission.COMMENT);
  });

  it('editors and viewers: validation, promotion, no owner in the list', () => {
    const file = drive.createFile('deel.txt', 'x');
    expect(() => file.addEditor('geen adres')).toThrow('Invalid email: geen adres');
    file.addViewer('partner@politie.example');
    file.addEditor('partner@politie.example');
    file.addViewer('partner@politie.example');
    file.addEditor(rt.userEmail);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['partner@politie.example']);
    expect(file.getViewers()).toEqual([]);
    expect(file.getOwner().getEmail()).toBe(rt.userEmail);
    file.revokePermissions('partner@politie.example');
    expect(file.getEditors()).toEqual([]);
  });
});

describe('strictness and cost', () => {
  it('counts calls and throws for members that are not emulated', () => {
    drive.createFolder('x');
    expect(rt.counts.get('DriveApp.createFolder')).toBe(1);
    const file = drive.createFile('a.txt', 'a');
    expect(() => file.getThumbnail()).toThrow('Niet geëmuleerd: File.getThumbnail');
  });
});
