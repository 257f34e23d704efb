import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { documentStatesIn } from '../../src/workspace/docs';
import {
  ensureFolder,
  filesInFolder,
  itemById,
  itemsInFolder,
  type KnownSharing,
  restrictSharing,
  saveBlobIn,
  sharedExactlyWith,
  shareExactlyWith,
  sharingOf,
  trashFile,
  trashFolder,
} from '../../src/workspace/files';
import { smallPages } from './drivePages';
import { onFreshAppsScript } from './helpers';

let rt: Runtime;
onFreshAppsScript((fresh) => {
  rt = fresh;
});

/** A Google Doc in a folder, shared by hand with a viewer, an editor and by link. */
function messyDoc(): { folderId: string; id: string } {
  return rt.uncounted(() => {
    const folder = DriveApp.createFolder('JGA-2026-009');
    const id = DocumentApp.create('Integraal beeld').getId();
    const file = DriveApp.getFileById(id);
    file.moveTo(folder);
    file.addViewer('Blijft@example.com').addViewer('weg@example.com').addEditor('schrijver@example.com');
    file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    return { folderId: folder.getId(), id };
  });
}

const readersOf = (id: string) =>
  rt.uncounted(() => {
    const f = DriveApp.getFileById(id);
    return {
      people: [...f.getEditors(), ...f.getViewers()].map((u) => u.getEmail()).sort(),
      access: String(f.getSharingAccess()),
    };
  });

describe('sharedExactlyWith', () => {
  const known: KnownSharing = {
    owner: 'eigenaar@gemeente.example',
    people: { 'a@example.com': 'reader', 'b@example.com': 'writer' },
    link: false,
  };
  it('compares addresses without case, leaves the owner out, and refuses link sharing', () => {
    expect(sharedExactlyWith(known, ['A@Example.com ', 'b@example.com', 'Eigenaar@gemeente.example'])).toBe(
      true,
    );
    expect(sharedExactlyWith(known, ['a@example.com'])).toBe(false);
    expect(sharedExactlyWith(known, ['a@example.com', 'b@example.com', 'c@example.com'])).toBe(false);
    expect(sharedExactlyWith({ ...known, link: true }, ['a@example.com', 'b@example.com'])).toBe(false);
  });
});

describe('shareExactlyWith and the folder listing', () => {
  it('one listing gives every document its sharing; a document shared right costs no call', () => {
    const { folderId, id } = messyDoc();
    const wanted = ['blijft@example.com', 'nieuw@example.com'];
    const before = documentStatesIn(folderId).get(id)!;
    expect(before.sharing).toEqual({
      owner: rt.userEmail,
      people: {
        'schrijver@example.com': 'writer',
        'blijft@example.com': 'reader',
        'weg@example.com': 'reader',
      },
      link: true,
    });
    rt.resetCounts();
    expect(shareExactlyWith(id, wanted, before.sharing)).toEqual({
      added: ['nieuw@example.com'],
      removed: ['schrijver@example.com', 'weg@example.com'],
    });
    // Only the changes: no getEditors, getViewers, getOwner or getSharingAccess.
    expect(Object.fromEntries(rt.counts)).toEqual({
      'DriveApp.getFileById': 1,
      'File.removeEditor': 1,
      'File.removeViewer': 1,
      'File.addViewers': 1,
      'File.setSharing': 1,
    });
    expect(readersOf(id)).toEqual({ people: wanted, access: 'PRIVATE' });
    const after = documentStatesIn(folderId).get(id)!;
    rt.resetCounts();
    expect(shareExactlyWith(id, wanted, after.sharing)).toEqual({ added: [], removed: [] });
    expect(rt.totalCalls()).toBe(0);
  });

  it('reads the sharing itself when nothing is known, and also switches link sharing off', () => {
    const { id } = messyDoc();
    expect(shareExactlyWith(id, ['blijft@example.com'])).toEqual({
      added: [],
      removed: ['schrijver@example.com', 'weg@example.com'],
    });
    expect(readersOf(id)).toEqual({ people: ['blijft@example.com'], access: 'PRIVATE' });
  });

  it('knows nothing where Drive leaves the permissions out', () => {
    expect(sharingOf(undefined)).toBeNull();
    expect(
      sharingOf([
        { type: 'user', role: 'owner', emailAddress: 'Eigenaar@x.example' },
        { type: 'group', role: 'reader', emailAddress: 'Team@x.example' },
        { type: 'domain', role: 'reader', domain: 'x.example' },
      ]),
    ).toEqual({ owner: 'eigenaar@x.example', people: { 'team@x.example': 'reader' }, link: true });
  });
});

describe('sharedExactlyWith: edge cases', () => {
  const known: KnownSharing = {
    owner: 'eigenaar@gemeente.example',
    people: { 'a@example.com': 'reader', 'b@example.com': 'writer' },
    link: false,
  };
  it('ignores empty addresses in the wanted list', () => {
    expect(sharedExactlyWith(known, ['a@example.com', ' ', '', 'b@example.com'])).toBe(true);
  });
  it('needs every person, not just some: same count with another address is not the same', () => {
    expect(sharedExactlyWith(known, ['a@example.com', 'c@example.com'])).toBe(false);
  });
  it('never counts the owner, also when the owner is listed among the people', () => {
    const withOwner = { ...known, people: { ...known.people, 'eigenaar@gemeente.example': 'writer' } };
    expect(sharedExactlyWith(withOwner, ['a@example.com', 'b@example.com'])).toBe(true);
  });
});

describe('sharingOf: permissions without some fields', () => {
  it('reads a permission without role as reader, skips one without address, and knows no owner when none is listed', () => {
    expect(
      sharingOf([
        { type: 'user', emailAddress: 'Lezer@x.example' },
        { type: 'user', role: 'writer' },
      ]),
    ).toEqual({ owner: '', people: { 'lezer@x.example': 'reader' }, link: false });
  });
});

describe('shareExactlyWith: only the calls that change something', () => {
  /** A document in the root with these viewers, no link sharing. */
  function docWith(viewers: string[]): string {
    return rt.uncounted(() => {
      const id = DocumentApp.create('Verslag').getId();
      const f = DriveApp.getFileById(id);
      for (const v of viewers) f.addViewer(v);
      return id;
    });
  }

  it('lists added and removed addresses sorted, whatever the order they came in', () => {
    const id = docWith(['zeta@example.com', 'alfa@example.com', 'midden@example.com']);
    expect(shareExactlyWith(id, ['Zulu@example.com', 'bravo@example.com', 'midden@example.com'])).toEqual({
      added: ['bravo@example.com', 'zulu@example.com'],
      removed: ['alfa@example.com', 'zeta@example.com'],
    });
    expect(readersOf(id)).toEqual({
      people: ['bravo@example.com', 'midden@example.com', 'zulu@example.com'],
      access: 'PRIVATE',
    });
  });

  it('adds nobody and leaves the link setting alone when it only has to remove someone', () => {
    const id = docWith(['blijft@example.com', 'weg@example.com']);
    const known = rt.uncounted(() => documentStatesIn(DriveApp.getRootFolder().getId()).get(id)!.sharing);
    rt.resetCounts();
    expect(shareExactlyWith(id, ['blijft@example.com'], known)).toEqual({
      added: [],
      removed: ['weg@example.com'],
    });
    expect(Object.fromEntries(rt.counts)).toEqual({ 'DriveApp.getFileById': 1, 'File.removeViewer': 1 });
  });

  it('refuses, in Dutch and with the file id, a file whose sharing the script may not change', () => {
    const id = docWith([]);
    rt.uncounted(() => {
      rt.getEntry(id).owner = 'ander@gemeente.example';
    });
    expect(() => shareExactlyWith(id, ['a@example.com'])).toThrow(
      `Het script mag het delen van bestand ${id} niet aanpassen.`,
    );
  });
});

describe('folders, blobs and the trash', () => {
  it('saves a blob as a file in the folder', () => {
    const folderId = rt.uncounted(() => DriveApp.createFolder('JGA-2026-010').getId());
    const id = saveBlobIn(Utilities.newBlob('inhoud', 'text/plain', 'notitie.txt'), folderId);
    rt.uncounted(() => {
      const f = DriveApp.getFileById(id);
      expect(f.getName()).toBe('notitie.txt');
      expect(f.getParents().next().getId()).toBe(folderId);
    });
  });

  it('ensureFolder makes a folder once, keeps it, and makes a new one when it is in the trash', () => {
    rt.resetCounts();
    const first = ensureFolder('map.test', 'Casussen', null);
    // Nothing stored yet: no lookup of a folder that cannot exist.
    expect(rt.counts.get('DriveApp.getFolderById') ?? 0).toBe(0);
    expect(ensureFolder('map.test', 'Casussen', null)).toBe(first);
    rt.uncounted(() => DriveApp.getFolderById(first).setTrashed(true));
    const second = ensureFolder('map.test', 'Casussen', null);
    expect(second).not.toBe(first);
    expect(PropertiesService.getScriptProperties().getProperty('map.test')).toBe(second);
  });

  it('trashing what is already in the trash changes nothing and says so', () => {
    const { fileId, folderId } = rt.uncounted(() => {
      const folder = DriveApp.createFolder('Weg');
      return { folderId: folder.getId(), fileId: DocumentApp.create('Oud').getId() };
    });
    expect(trashFile(fileId)).toBe(true);
    expect(trashFolder(folderId)).toBe(true);
    rt.resetCounts();
    expect(trashFile(fileId)).toBe(true);
    expect(trashFolder(folderId)).toBe(true);
    expect(rt.counts.get('File.setTrashed') ?? 0).toBe(0);
    expect(rt.counts.get('Folder.setTrashed') ?? 0).toBe(0);
  });
});

describe('listing a folder', () => {
  function folderWithFive(): { folderId: string; ids: string[] } {
    return rt.uncounted(() => {
      const folder = DriveApp.createFolder('JGA-2026-011');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = DocumentApp.create(`Document ${i}`).getId();
        DriveApp.getFileById(id).moveTo(folder);
        ids.push(id);
      }
      DriveApp.getFileById(ids[4]!).setTrashed(true);
      return { folderId: folder.getId(), ids };
    });
  }

  it('filesInFolder reads every page, trashed files too', () => {
    const { folderId, ids } = folderWithFive();
    const pages = smallPages(2);
    expect(filesInFolder(folderId)).toEqual(ids.map((id, i) => ({ id, trashed: i === 4 })));
    expect(pages()).toBe(3);
  });

  it('itemsInFolder reads every page, without the trash, each with its sharing', () => {
    const { folderId, ids } = folderWithFive();
    const pages = smallPages(2);
    const items = itemsInFolder(folderId);
    expect(pages()).toBe(2);
    expect(items).toEqual(
      ids.slice(0, 4).map((id) => ({
        id,
        mimeType: 'application/vnd.google-apps.document',
        sharing: { owner: rt.userEmail, people: {}, link: false },
      })),
    );
  });

  it('a quote or backslash in a folder id is part of the id, not of the query', () => {
    const { folderId } = folderWithFive();
    expect(filesInFolder(`${folderId}'`)).toEqual([]);
    expect(itemsInFolder(`${folderId}'`)).toEqual([]);
    expect(filesInFolder(`${folderId}\\`)).toEqual([]);
    expect(filesInFolder(folderId)).toHaveLength(5);
  });
});

describe('restrictSharing', () => {
  it('does nothing, without a call, where the script may not share the item', () => {
    rt.resetCounts();
    expect(restrictSharing({ id: 'onbekend', mimeType: '', sharing: null }, new Set())).toEqual({
      link: false,
      removed: 0,
    });
    expect(rt.totalCalls()).toBe(0);
  });

  it('never removes the owner, also when the owner is listed among the people', () => {
    const id = rt.uncounted(() => DocumentApp.create('Plan').getId());
    rt.resetCounts();
    const item = {
      id,
      mimeType: 'application/vnd.google-apps.document',
      sharing: { owner: rt.userEmail, people: { [rt.userEmail]: 'writer' }, link: false },
    };
    expect(restrictSharing(item, new Set())).toEqual({ link: false, removed: 0 });
    expect(rt.totalCalls()).toBe(0);
  });

  it('removes only who is not allowed, and leaves link sharing alone when there is none', () => {
    const id = rt.uncounted(() => {
      const id = DocumentApp.create('Plan').getId();
      DriveApp.getFileById(id).addViewer('mag@example.com').addEditor('mag-niet@example.com');
      return id;
    });
    const item = itemById(id);
    rt.resetCounts();
    expect(restrictSharing(item, new Set(['mag@example.com']))).toEqual({ link: false, removed: 1 });
    expect(Object.fromEntries(rt.counts)).toEqual({ 'DriveApp.getFileById': 1, 'File.removeEditor': 1 });
    expect(readersOf(id)).toEqual({ people: ['mag@example.com'], access: 'PRIVATE' });
  });
});
