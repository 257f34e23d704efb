import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/local/apps-script/runtime';
import { documentStatesIn } from '../../src/workspace/docs';
import { type KnownSharing, sharedExactlyWith, shareExactlyWith, sharingOf } from '../../src/workspace/files';
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
