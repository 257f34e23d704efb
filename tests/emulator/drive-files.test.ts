import { beforeEach, describe, expect, it } from 'vitest';
import {
  createDriveFilesCreateUpdateGet,
  importedDocx,
} from '../../src/local/apps-script/advanced/drive-files';
import { BlobImpl } from '../../src/local/apps-script/blob';
import { createDocumentApp } from '../../src/local/apps-script/document';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';
import { DOCX_MIME, docTreeToDocx } from '../../src/render/docx/docx';

let rt: Runtime;
let files: ReturnType<typeof createDriveFilesCreateUpdateGet>;

const DOCX = docTreeToDocx({
  header: 'Kop',
  title: 'Titel',
  nodes: [{ type: 'paragraph', runs: [{ text: 'Tekst' }] }],
});
const docx = () => new BlobImpl(DOCX, DOCX_MIME, 'x.docx');

beforeEach(() => {
  rt = new Runtime({ latency: false });
  files = createDriveFilesCreateUpdateGet(rt);
});

describe('Drive.Files.create', () => {
  it('converts a .docx into a Google Doc that DocumentApp opens, in the given folder', () => {
    const folder = rt.createFile('Map', MIME.folder);
    const res = files.create(
      { name: 'Advies', mimeType: MIME.document, parents: [folder.id], appProperties: { k: 'v' } },
      docx(),
      { fields: 'id,name,mimeType,parents,appProperties' },
    );
    expect(res).toEqual({
      id: res.id,
      name: 'Advies',
      mimeType: MIME.document,
      parents: [folder.id],
      appProperties: { k: 'v' },
    });
    const doc = createDocumentApp(rt).openById(res.id!);
    expect(doc.getBody().getText()).toBe('Titel\nTekst');
    expect(doc.getHeader().getText()).toBe('Kop');
    expect(importedDocx(rt).get(res.id!)).toEqual(DOCX);
    expect(rt.counts.get('Drive.Files.create')).toBe(1);
  });

  it('returns only kind, id, name and mimeType without a fields parameter', () => {
    const res = files.create({ name: 'a.txt' }, new BlobImpl('hallo', 'text/plain'));
    expect(Object.keys(res).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    expect(res.mimeType).toBe('text/plain');
    expect(new TextDecoder().decode(rt.getEntry(res.id!).bytes)).toBe('hallo');
  });

  it('refuses what Drive refuses', () => {
    const a = rt.createFile('A', MIME.folder);
    const b = rt.createFile('B', MIME.folder);
    expect(() => files.create({ name: 'x', parents: [a.id, b.id] })).toThrow(
      'API call to drive.files.create failed with error: Increasing the number of parents is not allowed',
    );
    expect(() => files.create({ name: 'x', parents: ['nergens'] })).toThrow('File not found: nergens.');
    expect(() => files.create({ name: 'x', id: 'zelfgekozen' })).toThrow(/not directly writable/);
    expect(() => files.create({ name: 'x' }, undefined, { fields: 'id,owners' })).toThrow(
      'Invalid field selection owners',
    );
    expect(() => files.create({ name: 'x', appProperties: { k: 'v'.repeat(124) } })).toThrow(/124 bytes/);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v']));
    expect(() => files.create({ name: 'x', appProperties: many })).toThrow(/30 private properties/);
    expect(() =>
      files.create({ name: 'x', mimeType: MIME.document }, new BlobImpl('geen zip', DOCX_MIME)),
    ).toThrow(/drive.files.create failed with error: Bad Request/);
  });
});

describe('Drive.Files.update and get', () => {
  it('replaces a Google Doc from a .docx and merges appProperties (null removes)', () => {
    const doc = createDocumentApp(rt).create('Integraal beeld');
    const id = doc.getId();
    files.update({ appProperties: { a: '1', b: '2' } }, id, docx());
    expect(createDocumentApp(rt).openById(id).getBody().getText()).toBe('Titel\nTekst');
    files.update({ appProperties: { a: null } }, id);
    expect(files.get(id, { fields: 'appProperties' })).toEqual({ appProperties: { b: '2' } });
    expect(files.get(id, { fields: 'name' })).toEqual({ name: 'Integraal beeld' });
  });

  it('answers with the permissions asked for: a new document has only its owner', () => {
    const made = files.create({ name: 'Nieuw', mimeType: MIME.document }, docx(), {
      fields: 'id, permissions(emailAddress, role, type)',
    });
    expect(made.permissions).toEqual([{ type: 'user', role: 'owner', emailAddress: rt.userEmail }]);
    rt.getEntry(made.id!).viewers.push('lezer@example.com');
    expect(files.get(made.id!, { fields: 'appProperties, permissions(emailAddress,role)' })).toEqual({
      permissions: [
        { role: 'owner', emailAddress: rt.userEmail },
        { role: 'reader', emailAddress: 'lezer@example.com' },
      ],
    });
    expect(() => files.get(made.id!, { fields: 'permissions(e-mail)' })).toThrow(
      'API call to drive.files.get failed with error: Invalid field selection',
    );
  });

  it('refuses parents in the body, a type change without content and unknown files', () => {
    const doc = createDocumentApp(rt).create('D');
    expect(() => files.update({ parents: ['x'] }, doc.getId())).toThrow(
      /parents field is not directly writable/,
    );
    expect(() => files.update({ mimeType: 'text/plain' }, doc.getId())).toThrow(
      /only be changed together with uploaded content/,
    );
    expect(() => files.update({}, 'weg')).toThrow(
      'API call to drive.files.update failed with error: File not found: weg.',
    );
    expect(() => files.get('weg')).toThrow(
      'API call to drive.files.get failed with error: File not found: weg.',
    );
    expect(() => files.get('')).toThrow(/Required parameter: fileId/);
    expect(() => files.get(doc.getId(), { alt: 'media' })).toThrow(/Niet geëmuleerd/);
    const sheet = rt.createFile('S', MIME.spreadsheet, {});
    expect(() => files.update({}, sheet.id, docx())).toThrow(/Niet geëmuleerd/);
  });
});
