import { beforeEach, describe, expect, it } from 'vitest';
import { createDriveFilesListCopy } from '../../src/local/apps-script/advanced/drive-list';
import { createDriveApp } from '../../src/local/apps-script/drive';
import { createFormApp, snapshotForm, submitAsRespondent } from '../../src/local/apps-script/forms';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';

let rt: Runtime;
let files: ReturnType<typeof createDriveFilesListCopy>;
let drive: GoogleAppsScript.Drive.DriveApp;
let forms: GoogleAppsScript.Forms.FormApp;

beforeEach(() => {
  rt = new Runtime({ latency: false });
  files = createDriveFilesListCopy(rt);
  drive = createDriveApp(rt);
  forms = createFormApp(rt);
});

function folderWithForms(
  n: number,
  opts: { published?: boolean } = {},
): { folderId: string; formIds: string[] } {
  const folder = drive.createFolder('Casus');
  const formIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = forms.create(`Formulier ${i}`);
    // A published form adds its responders to the permissions (test below); these tests look at readers.
    if (opts.published === false) f.setPublished(false);
    drive.getFileById(f.getId()).moveTo(folder);
    formIds.push(f.getId());
  }
  return { folderId: folder.getId(), formIds };
}

describe('Drive.Files.list (v3)', () => {
  it('one call lists the forms of a folder that are not in the trash', () => {
    const { folderId, formIds } = folderWithForms(3);
    drive.getFileById(formIds[1]!).setTrashed(true);
    {
      // A spreadsheet in the same folder is not a form.
      const ss = drive.createFile('notitie.txt', 'x');
      ss.moveTo(drive.getFolderById(folderId));
    }
    rt.resetCounts();
    const res = files.list({
      q: `'${folderId}' in parents and mimeType = '${MIME.form}' and trashed = false`,
      fields: 'nextPageToken, files(id)',
      pageSize: 1000,
    });
    expect(res.files?.map((f) => f.id)).toEqual([formIds[0], formIds[2]]);
    expect(res.files?.[0]).toEqual({ id: formIds[0] });
    expect(res.nextPageToken).toBeUndefined();
    expect(rt.counts.get('Drive.Files.list')).toBe(1);
    expect(rt.totalCalls()).toBe(1);
  });

  it('trashed files are listed unless the query excludes them (files/list)', () => {
    const { folderId, formIds } = folderWithForms(2);
    drive.getFileById(formIds[0]!).setTrashed(true);
    const res = files.list({ q: `'${folderId}' in parents` });
    expect(res.files?.length).toBe(2);
    expect(res.files?.[0]).toEqual({
      kind: 'drive#file',
      id: formIds[0],
      name: 'Formulier 0',
      mimeType: MIME.form,
    });
  });

  it('pages with a token that only holds for the same query', () => {
    const { folderId, formIds } = folderWithForms(5);
    const q = `'${folderId}' in parents`;
    const first = files.list({ q, pageSize: 2, fields: 'nextPageToken,files(id)' });
    expect(first.files?.map((f) => f.id)).toEqual(formIds.slice(0, 2));
    const second = files.list({
      q,
      pageSize: 2,
      pageToken: first.nextPageToken,
      fields: 'nextPageToken,files(id)',
    });
    expect(second.files?.map((f) => f.id)).toEqual(formIds.slice(2, 4));
    const third = files.list({
      q,
      pageSize: 2,
      pageToken: second.nextPageToken,
      fields: 'nextPageToken,files(id)',
    });
    expect(third.files?.map((f) => f.id)).toEqual(formIds.slice(4));
    expect(third.nextPageToken).toBeUndefined();
    expect(() => files.list({ q: 'trashed = false', pageToken: first.nextPageToken })).toThrow(
      'API call to drive.files.list failed with error: Invalid Value',
    );
  });

  it('refuses what the API refuses: v2 terms, bad syntax, page sizes outside 1–1000, unknown parameters and fields', () => {
    expect(() => files.list({ q: "title = 'x'" })).toThrow('failed with error: Invalid Value');
    expect(() => files.list({ q: "mimeType = 'x' and" })).toThrow('failed with error: Invalid Value');
    expect(() => files.list({ q: "'abc' in parent" })).toThrow('failed with error: Invalid Value');
    expect(() => files.list({ pageSize: 0 })).toThrow('Values must be within the range: [1, 1000]');
    expect(() => files.list({ pageSize: 1001 })).toThrow('Values must be within the range: [1, 1000]');
    expect(() => files.list({ maxResults: 10 })).toThrow('Invalid parameter maxResults');
    expect(() => files.list({ fields: 'files(id,title)' })).toThrow('Invalid field selection title');
    expect(() => files.list({ fields: 'items' })).toThrow('Invalid field selection items');
    // A valid v3 term the emulator does not implement says so instead of answering wrongly.
    expect(() => files.list({ q: "modifiedTime > '2026-01-01T00:00:00'" })).toThrow('Niet geëmuleerd');
  });
});

describe('Drive.Files.list: permissions (files resource, permissions resource)', () => {
  const FIELDS = 'files(id, permissions(type, role, emailAddress))';

  it('lists who can read each file in the same call, derived from what DriveApp keeps', () => {
    const { folderId, formIds } = folderWithForms(3, { published: false });
    const [a, b, c] = formIds.map((id) => drive.getFileById(id));
    a!.addViewer('Lezer@Example.com').addEditor('schrijver@example.com');
    b!.setSharing(drive.Access.ANYONE_WITH_LINK, drive.Permission.VIEW);
    c!.setSharing(drive.Access.DOMAIN, drive.Permission.EDIT);
    rt.resetCounts();
    const res = files.list({ q: `'${folderId}' in parents`, fields: FIELDS });
    expect(rt.totalCalls()).toBe(1);
    const owner = rt.userEmail;
    expect(res.files?.[0]).toEqual({
      id: formIds[0],
      permissions: [
        { type: 'user', role: 'owner', emailAddress: owner },
        { type: 'user', role: 'writer', emailAddress: 'schrijver@example.com' },
        { type: 'user', role: 'reader', emailAddress: 'lezer@example.com' },
      ],
    });
    expect(res.files?.[1]?.permissions?.slice(1)).toEqual([{ type: 'anyone', role: 'reader' }]);
    expect(res.files?.[2]?.permissions?.slice(1)).toEqual([{ type: 'domain', role: 'writer' }]);
    // The whole Permission resource when no sub-selection is given, also through a path.
    const whole = files.list({ q: `'${folderId}' in parents`, fields: 'files/permissions' });
    expect(whole.files?.[1]?.permissions?.[1]).toMatchObject({
      kind: 'drive#permission',
      id: 'anyoneWithLink',
      type: 'anyone',
      role: 'reader',
      allowFileDiscovery: false,
    });
    expect(whole.files?.[2]?.permissions?.[1]).toMatchObject({
      type: 'domain',
      domain: owner.slice(owner.indexOf('@') + 1),
      allowFileDiscovery: true,
    });
    const roles = files.list({ q: `'${folderId}' in parents`, fields: 'files(permissions/role)' });
    expect(roles.files?.[0]).toEqual({
      permissions: [{ role: 'owner' }, { role: 'writer' }, { role: 'reader' }],
    });
  });

  it("a published form's responders are permissions with view 'published' (forms/api/guides/publish-form)", () => {
    const { folderId, formIds } = folderWithForms(2);
    forms.openById(formIds[1]!).addPublishedReaders(['Partner@Example.com']);
    const res = files.list({
      q: `'${folderId}' in parents`,
      fields: 'files(id, permissions(type, role, emailAddress, view))',
    });
    expect(res.files?.[0]?.permissions?.slice(1)).toEqual([
      { type: 'anyone', role: 'reader', view: 'published' },
    ]);
    expect(res.files?.[1]?.permissions?.slice(1)).toEqual([
      { type: 'user', role: 'reader', emailAddress: 'partner@example.com', view: 'published' },
    ]);
    forms.openById(formIds[0]!).setPublished(false);
    expect(
      files.list({ q: `'${folderId}' in parents`, fields: FIELDS }).files?.[0]?.permissions,
    ).toHaveLength(1);
  });

  it('leaves the permissions out where the requesting user cannot share the file', () => {
    const { folderId, formIds } = folderWithForms(1, { published: false });
    const entry = rt.getEntry(formIds[0]!);
    entry.owner = 'iemand.anders@example.com';
    entry.viewers = [rt.userEmail];
    const res = files.list({ q: `'${folderId}' in parents`, fields: FIELDS });
    expect(res.files).toEqual([{ id: formIds[0] }]);
    entry.editors = [rt.userEmail];
    entry.viewers = [];
    expect(
      files.list({ q: `'${folderId}' in parents`, fields: FIELDS }).files?.[0]?.permissions,
    ).toHaveLength(2);
  });

  it('refuses a selection the API refuses, and says what it does not emulate', () => {
    const { folderId } = folderWithForms(1);
    const q = `'${folderId}' in parents`;
    for (const fields of [
      'files(id, permissions(type, rol))',
      'files(id(x))',
      'files(id, permissions(type)',
      'files(id,)',
      'nextPageToken(x), files(id)',
      'files(permissions(type(x)))',
    ]) {
      expect(() => files.list({ q, fields }), fields).toThrow(
        /drive.files.list failed with error: Invalid field selection/,
      );
    }
    // Also on an empty page: the selection is checked, not only the files it would show.
    expect(() => files.list({ q: `'leeg' in parents`, fields: 'files(permissions(rol))' })).toThrow(
      'Invalid field selection rol',
    );
    expect(() => files.list({ q, fields: 'files(permissions(displayName))' })).toThrow('Niet geëmuleerd');
  });
});

describe('Drive.Files.copy (v3)', () => {
  it('copies a form into a folder under a new name: same questions, no responses, one call', () => {
    const src = forms.create('Sjabloon');
    src.addTextItem().setTitle('Vraag 1');
    src.setPublished(true);
    submitAsRespondent(rt, src.getId(), { [src.getItems()[0]!.getId()]: 'antwoord' });
    const folder = drive.createFolder('Casus');
    const [srcId, folderId] = [src.getId(), folder.getId()];
    rt.resetCounts();
    const copy = files.copy({ name: 'C-1 formulier', parents: [folderId] }, srcId, { fields: 'id' });
    expect(Object.fromEntries(rt.counts)).toEqual({ 'Drive.Files.copy': 1 });
    expect(Object.keys(copy)).toEqual(['id']);
    const entry = rt.getEntry(copy.id!);
    expect(entry.name).toBe('C-1 formulier');
    expect(entry.parentIds).toEqual([folder.getId()]);
    const snap = snapshotForm(rt, copy.id!);
    expect(snap.items.map((i) => i.title)).toEqual(['Vraag 1']);
    expect(forms.openById(copy.id!).getResponses()).toEqual([]);
    expect(forms.openById(copy.id!).getPublishedUrl()).not.toBe(src.getPublishedUrl());
  });

  it('defaults: "Copy of <name>" in the source folder', () => {
    const { folderId, formIds } = folderWithForms(1);
    const copy = files.copy({}, formIds[0]!);
    expect(copy.name).toBe('Copy of Formulier 0');
    expect(rt.getEntry(copy.id!).parentIds).toEqual([folderId]);
  });

  it('refuses folders, unknown files and parents, two parents and bad shapes', () => {
    const folder = drive.createFolder('Map');
    const f = forms.create('F');
    expect(() => files.copy({}, folder.getId())).toThrow(
      'failed with error: This file cannot be copied by the user.',
    );
    expect(() => files.copy({}, 'onbekend')).toThrow(
      'API call to drive.files.copy failed with error: File not found: onbekend.',
    );
    expect(() => files.copy({ parents: ['onbekend'] }, f.getId())).toThrow('File not found: onbekend.');
    expect(() => files.copy({ parents: [f.getId()] }, f.getId())).toThrow(`File not found: ${f.getId()}.`);
    expect(() => files.copy({ parents: [folder.getId(), rt.rootFolderId] }, f.getId())).toThrow(
      'Increasing the number of parents is not allowed.',
    );
    expect(() => files.copy({ name: ' ' }, f.getId())).toThrow('Invalid Value');
    expect(() => (files.copy as (a: unknown, b: unknown) => unknown)(f.getId(), {})).toThrow(
      "don't match the method signature for Drive.Files.copy",
    );
    expect(() => files.copy({ starred: true } as never, f.getId())).toThrow('Niet geëmuleerd');
  });
});
