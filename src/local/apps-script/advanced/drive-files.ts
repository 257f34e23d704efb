/**
 * The Drive v3 advanced service members `Drive.Files.create`, `Drive.Files.update` and
 * `Drive.Files.get` (reference: https://developers.google.com/workspace/drive/api/reference/rest/v3/files,
 * Apps Script: https://developers.google.com/apps-script/advanced/drive). Like every advanced
 * service they take the REST API's request shapes and return its resources as plain objects;
 * a refused request throws `API call to drive.files.<method> failed with error: …`.
 *
 * An upload of a .docx with a Google Docs target (create with `mimeType`
 * `application/vnd.google-apps.document`, or update of an existing Google Doc) is converted into
 * the emulated Document model (docx-import.ts), as Drive imports Office files
 * (https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs); the
 * uploaded bytes are kept beside it for the local export (`importedDocx`).
 */
import { DOCX_MIME } from '../../../render/docx/docx';
import { BlobImpl } from '../blob';
import { newDocModel } from '../document-model';
import { importDocx } from '../docx-import';
import { type DriveEntry, gasError, MIME, perRuntime, type Runtime } from '../runtime';
import { driveApiError, fileSelection, resourceOf, select } from './drive-list';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

const apiError = driveApiError;

/** The .docx bytes each converted Google Doc was last made from (emulator only, for the export). */
export const importedDocx = perRuntime(() => new Map<string, Uint8Array>());

/** Writable fields of a files.create / files.update request body that the emulator handles. */
const WRITABLE = new Set(['name', 'mimeType', 'parents', 'description', 'appProperties']);
/** Read-only fields of the File resource: in a request body they are refused. */
const READ_ONLY = new Set(['kind', 'id', 'trashed', 'createdTime', 'modifiedTime']);
/** Query parameters accepted (files/create and files/update "Query parameters"); others are refused. */
const PARAMS = {
  create: new Set([
    'fields',
    'supportsAllDrives',
    'keepRevisionForever',
    'ocrLanguage',
    'useContentAsIndexableText',
  ]),
  update: new Set([
    'fields',
    'supportsAllDrives',
    'keepRevisionForever',
    'ocrLanguage',
    'useContentAsIndexableText',
    'addParents',
    'removeParents',
  ]),
  get: new Set(['fields', 'supportsAllDrives', 'acknowledgeAbuse']),
} as const;

/** The response: the `fields` asked for, or kind, id, name and mimeType (drive-list.ts `select`). */
function picked(rt: Runtime, method: string, e: DriveEntry, fields: unknown): DriveFile {
  return select(method, resourceOf(e, rt.userEmail), fileSelection(method, fields));
}

function checkArgs(method: keyof typeof PARAMS, args: unknown): Record<string, unknown> {
  if (args === undefined || args === null) return {};
  if (typeof args !== 'object' || Array.isArray(args)) throw apiError(method, 'Invalid optionalArgs');
  for (const k of Object.keys(args)) {
    if (!PARAMS[method].has(k)) throw gasError(`Niet geëmuleerd: Drive.Files.${method} met parameter ${k}`);
  }
  return args as Record<string, unknown>;
}

function checkResource(method: string, resource: unknown): Record<string, unknown> {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    throw apiError(method, 'Invalid resource: a file resource object is required');
  }
  for (const k of Object.keys(resource)) {
    if (!WRITABLE.has(k)) {
      if (READ_ONLY.has(k))
        throw apiError(method, `The resource body includes fields which are not directly writable. (${k})`);
      throw gasError(`Niet geëmuleerd: Drive.Files.${method} met veld ${k}`);
    }
  }
  return resource as Record<string, unknown>;
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/**
 * appProperties: string values, at most 124 bytes of UTF-8 for key plus value, at most 30 per
 * app (limits in https://developers.google.com/workspace/drive/api/guides/properties). A null
 * value removes the key on update.
 */
function mergeAppProperties(method: string, entry: DriveEntry, given: unknown): void {
  if (given === undefined) return;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw apiError(method, 'Invalid value for appProperties');
  }
  const next = { ...(entry.appProperties ?? {}) };
  for (const [k, v] of Object.entries(given)) {
    if (v === null) {
      delete next[k];
      continue;
    }
    if (typeof v !== 'string') throw apiError(method, `Invalid value for appProperties.${k}`);
    if (utf8Length(k) + utf8Length(v) > 124) {
      throw apiError(method, `The properties key and value must not exceed 124 bytes (${k}).`);
    }
    next[k] = v;
  }
  if (Object.keys(next).length > 30)
    throw apiError(method, 'The limit of 30 private properties per app is exceeded.');
  entry.appProperties = next;
}

function mediaOf(method: string, media: unknown): { bytes: Uint8Array; type: string } | null {
  if (media === undefined || media === null) return null;
  if (!(media instanceof BlobImpl)) throw apiError(method, 'Media must be a Blob');
  return { bytes: media.rawBytes(), type: media.getContentType() ?? 'application/octet-stream' };
}

/** Converts an upload into a Google Doc's model, or refuses what the emulator cannot import. */
function convertInto(
  rt: Runtime,
  method: string,
  entry: DriveEntry,
  media: { bytes: Uint8Array; type: string },
): void {
  if (media.type !== DOCX_MIME) {
    throw gasError(
      `Niet geëmuleerd: Drive.Files.${method} conversie van ${media.type} naar een Google-document`,
    );
  }
  try {
    entry.data = importDocx(rt, media.bytes);
  } catch (e) {
    // Wording unconfirmed: Drive answers a file it cannot import with a 400 Bad Request.
    throw apiError(method, `Bad Request (${e instanceof Error ? e.message : String(e)})`);
  }
  importedDocx(rt).set(entry.id, media.bytes.slice());
}

function folderOf(rt: Runtime, method: string, id: unknown): DriveEntry {
  const e = rt.drive.get(String(id));
  if (!e || e.mimeType !== MIME.folder) throw apiError(method, `File not found: ${String(id)}.`);
  return e;
}

export function createDriveFilesCreateUpdateGet(rt: Runtime) {
  return {
    create(resource: unknown, mediaData?: unknown, optionalArgs?: unknown): DriveFile {
      rt.call('Drive.Files.create');
      const body = checkResource('create', resource);
      const args = checkArgs('create', optionalArgs);
      const media = mediaOf('create', mediaData);
      const parents = body.parents;
      if (parents !== undefined && (!Array.isArray(parents) || parents.length > 1)) {
        // Since 2020 a Drive item has exactly one parent
        // (https://developers.google.com/workspace/drive/api/guides/ref-single-parent).
        throw apiError('create', 'Increasing the number of parents is not allowed');
      }
      const parentId =
        Array.isArray(parents) && parents.length === 1 ? folderOf(rt, 'create', parents[0]).id : null;
      const mimeType =
        body.mimeType === undefined ? (media?.type ?? 'application/octet-stream') : String(body.mimeType);
      const name = body.name === undefined ? 'Untitled' : String(body.name);
      const toDoc = mimeType === MIME.document;
      if (mimeType.startsWith('application/vnd.google-apps.') && !toDoc && mimeType !== MIME.folder) {
        throw gasError(`Niet geëmuleerd: Drive.Files.create met mimeType ${mimeType}`);
      }
      if (mimeType === MIME.folder && media) throw apiError('create', 'A folder cannot have content.');
      const entry = rt.createFile(name, mimeType);
      if (parentId) entry.parentIds = [parentId];
      if (body.description !== undefined) entry.description = String(body.description);
      mergeAppProperties('create', entry, body.appProperties);
      if (toDoc) {
        if (media) convertInto(rt, 'create', entry, media);
        else entry.data = newDocModel();
      } else if (media) entry.bytes = media.bytes.slice();
      else if (mimeType !== MIME.folder) entry.bytes = new Uint8Array();
      return picked(rt, 'create', entry, args.fields);
    },

    update(resource: unknown, fileId: unknown, mediaData?: unknown, optionalArgs?: unknown): DriveFile {
      rt.call('Drive.Files.update');
      const body = checkResource('update', resource ?? {});
      const args = checkArgs('update', optionalArgs);
      const entry = rt.drive.get(String(fileId));
      if (!entry) throw apiError('update', `File not found: ${String(fileId)}.`);
      if (body.parents !== undefined) {
        // files/update: "parents" is not writable in an update; use addParents/removeParents.
        throw apiError(
          'update',
          'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
        );
      }
      if (args.addParents !== undefined || args.removeParents !== undefined) {
        throw gasError('Niet geëmuleerd: Drive.Files.update met addParents/removeParents');
      }
      const media = mediaOf('update', mediaData);
      const target = body.mimeType === undefined ? entry.mimeType : String(body.mimeType);
      if (target !== entry.mimeType && !media) {
        // File resource, mimeType: "cannot be changed unless a new revision is uploaded".
        throw apiError('update', 'The mimeType can only be changed together with uploaded content.');
      }
      if (media) {
        if (target === MIME.document) convertInto(rt, 'update', entry, media);
        else if (
          target.startsWith('application/vnd.google-apps.') ||
          entry.mimeType.startsWith('application/vnd.google-apps.')
        ) {
          throw gasError(
            `Niet geëmuleerd: Drive.Files.update van ${entry.mimeType} met inhoud ${media.type}`,
          );
        } else entry.bytes = media.bytes.slice();
        entry.mimeType = target;
      }
      if (body.name !== undefined) entry.name = String(body.name);
      if (body.description !== undefined) entry.description = String(body.description);
      mergeAppProperties('update', entry, body.appProperties);
      rt.touch(entry);
      return picked(rt, 'update', entry, args.fields);
    },

    get(fileId: unknown, optionalArgs?: unknown): DriveFile {
      rt.call('Drive.Files.get');
      const args = checkArgs('get', optionalArgs);
      if (fileId === undefined || fileId === null || String(fileId) === '') {
        throw apiError('get', 'Required parameter: fileId');
      }
      const entry = rt.drive.get(String(fileId));
      if (!entry) throw apiError('get', `File not found: ${String(fileId)}.`);
      return picked(rt, 'get', entry, args.fields);
    },
  };
}
