/**
 * The Drive v3 advanced service (guides/services/advanced, apps-script/advanced/drive): the
 * `Drive.Files.list` and `Drive.Files.copy` members. Like every advanced service it takes the REST
 * API's own request shapes and returns its resources as plain objects
 * (drive/api/reference/rest/v3/files/list, …/files/copy); a refused request throws the way an
 * advanced service reports an HTTP error: `API call to drive.files.<method> failed with error: …`.
 * Files live in the same Drive registry as DriveApp, FormApp, SpreadsheetApp and DocumentApp.
 * Every call counts as `Drive.Files.<method>`.
 */
import { copyData } from '../drive-core';
import { type DriveEntry, gasError, MIME, type Runtime } from '../runtime';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

/** The error an advanced service throws for a refused request (message after Google's HTTP error). */
export function driveApiError(method: string, message: string): Error {
  return gasError(`API call to drive.files.${method} failed with error: ${message}`);
}

/** Fields a file resource returns when no `fields` is given (guides/fields-parameter). */
const DEFAULT_FILE_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** The file resource of a Drive entry, with the fields the emulator knows. */
function resourceOf(e: DriveEntry): Record<string, unknown> {
  return {
    kind: 'drive#file',
    id: e.id,
    name: e.name,
    mimeType: e.mimeType,
    parents: [...e.parentIds],
    trashed: e.trashed,
    description: e.description,
    createdTime: new Date(e.createdAt).toISOString(),
    modifiedTime: new Date(e.updatedAt).toISOString(),
  };
}

const KNOWN_FILE_FIELDS = new Set([
  'kind',
  'id',
  'name',
  'mimeType',
  'parents',
  'trashed',
  'description',
  'createdTime',
  'modifiedTime',
]);

/** `id,name` → the listed fields; `*` → all; unknown field → refused like the API (400 Invalid field selection). */
function pick(method: string, resource: Record<string, unknown>, fields: string[] | null): DriveFile {
  const chosen = fields ?? DEFAULT_FILE_FIELDS;
  if (chosen.includes('*')) return resource as DriveFile;
  const out: Record<string, unknown> = {};
  for (const f of chosen) {
    if (!KNOWN_FILE_FIELDS.has(f)) throw driveApiError(method, `Invalid field selection ${f}`);
    out[f] = resource[f];
  }
  return out as DriveFile;
}

function splitFields(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/**
 * The `fields` system parameter of files.list: `nextPageToken, files(id, name)` or `files/id`
 * (guides/fields-parameter). Returns the file fields asked for, or null for the default set.
 */
function listFields(fields: unknown): { files: string[] | null; token: boolean } {
  if (fields === undefined) return { files: null, token: true };
  const s = String(fields).replace(/\s+/g, '');
  const files: string[] = [];
  let token = false;
  let any = false;
  for (const part of s.match(/[^,(]+(\([^)]*\))?/g) ?? []) {
    const m = /^files(?:\((.*)\)|\/(.+))?$/.exec(part);
    if (part === 'nextPageToken') token = true;
    else if (part === 'kind' || part === 'incompleteSearch') continue;
    else if (m) {
      any = true;
      files.push(...(m[1] !== undefined ? splitFields(m[1]) : m[2] !== undefined ? [m[2]] : ['*']));
    } else throw driveApiError('list', `Invalid field selection ${part}`);
  }
  for (const f of files) {
    if (f !== '*' && !KNOWN_FILE_FIELDS.has(f)) throw driveApiError('list', `Invalid field selection ${f}`);
  }
  return { files: any ? files : [], token };
}

/**
 * The part of the Drive v3 query language (drive/api/guides/ref-search-terms) the emulator
 * understands: terms joined by `and` — `'<id>' in parents`, `mimeType = | != '…'`,
 * `name = | != | contains '…'`, `trashed = true|false`. v2's `title` is not a v3 term and is
 * refused like any malformed query (400 Invalid Value); a valid v3 term the emulator does not
 * implement (`or`, `not`, `modifiedTime`, …) throws `Niet geëmuleerd`.
 */
export function parseQueryV3(q: string): (e: DriveEntry) => boolean {
  const str = `'((?:[^'\\\\]|\\\\.)*)'`;
  const unq = (s: string) => s.replace(/\\(.)/g, '$1');
  const terms = String(q)
    .split(/\s+and\s+/)
    .map((s) => s.trim());
  const tests = terms.map((c): ((e: DriveEntry) => boolean) => {
    let m = new RegExp(`^name\\s*(=|!=|contains)\\s*${str}$`).exec(c);
    if (m) {
      const v = unq(m[2] ?? '');
      if (m[1] === 'contains') return (e) => e.name.includes(v);
      return m[1] === '=' ? (e) => e.name === v : (e) => e.name !== v;
    }
    m = new RegExp(`^mimeType\\s*(=|!=)\\s*${str}$`).exec(c);
    if (m) {
      const v = unq(m[2] ?? '');
      return m[1] === '=' ? (e) => e.mimeType === v : (e) => e.mimeType !== v;
    }
    m = /^trashed\s*(=|!=)\s*(true|false)$/.exec(c);
    if (m) {
      const v = (m[2] === 'true') === (m[1] === '=');
      return (e) => e.trashed === v;
    }
    m = new RegExp(`^${str}\\s+in\\s+parents$`).exec(c);
    if (m) {
      const v = unq(m[1] ?? '');
      return (e) => e.parentIds.includes(v);
    }
    if (
      /^(not\s|.*\s(or|has)\s|\(|(modifiedTime|createdTime|fullText|starred|properties|appProperties|owners|writers|readers|sharedWithMe|visibility|viewedByMeTime)\b)/.test(
        c,
      )
    ) {
      throw gasError(`Niet geëmuleerd: Drive.Files.list q-term "${c}"`);
    }
    throw driveApiError('list', 'Invalid Value');
  });
  return (e) => tests.every((t) => t(e));
}

const LIST_ARGS = new Set([
  'q',
  'pageSize',
  'pageToken',
  'fields',
  'orderBy',
  'spaces',
  'corpora',
  'supportsAllDrives',
  'includeItemsFromAllDrives',
]);

interface PageToken {
  q: string;
  at: number;
}

function encodeToken(t: PageToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeToken(s: unknown, q: string): number {
  try {
    const t = JSON.parse(Buffer.from(String(s), 'base64url').toString('utf8')) as PageToken;
    // The token only holds for the same query (files/list: pageToken).
    if (t.q === q && Number.isInteger(t.at) && t.at >= 0) return t.at;
  } catch {
    // fall through
  }
  throw driveApiError('list', 'Invalid Value');
}

/**
 * files.list (drive/api/reference/rest/v3/files/list): trashed files are listed unless the
 * query says `trashed = false`; `pageSize` 1–1000, default 100; the order follows
 * creation (the API leaves the default order unspecified; `orderBy` is not emulated).
 */
function list(rt: Runtime, optionalArgs?: Record<string, unknown>): FileList {
  rt.call('Drive.Files.list');
  const args = optionalArgs ?? {};
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw gasError("The parameters (String) don't match the method signature for Drive.Files.list.");
  }
  for (const k of Object.keys(args)) {
    if (!LIST_ARGS.has(k)) throw driveApiError('list', `Invalid parameter ${k}`);
    if (k === 'orderBy') throw gasError('Niet geëmuleerd: Drive.Files.list orderBy');
  }
  const q = args.q === undefined ? '' : String(args.q);
  const pred = q.trim() === '' ? () => true : parseQueryV3(q);
  const size = args.pageSize === undefined ? 100 : Number(args.pageSize);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw driveApiError(
      'list',
      `Invalid value '${String(args.pageSize)}'. Values must be within the range: [1, 1000]`,
    );
  }
  const start = args.pageToken === undefined ? 0 : decodeToken(args.pageToken, q);
  const fields = listFields(args.fields);
  const all = [...rt.drive.values()].filter((e) => e.id !== rt.rootFolderId && pred(e));
  const page = all.slice(start, start + size);
  const out: FileList = {
    kind: 'drive#fileList',
    incompleteSearch: false,
    files: page.map((e) => pick('list', resourceOf(e), fields.files)),
  };
  if (start + size < all.length && fields.token) out.nextPageToken = encodeToken({ q, at: start + size });
  return out;
}

const COPY_RESOURCE = new Set(['name', 'parents', 'description', 'appProperties', 'properties', 'mimeType']);

/**
 * files.copy (drive/api/reference/rest/v3/files/copy): a new file with the source's content
 * and the resource's metadata applied "with patch semantics". Without a name the copy is
 * called "Copy of <name>", without parents it lands in the source's folder. Folders cannot be
 * copied (same page). A file has one parent since 2020 (drive/api/guides/ref-single-parent), so
 * two parents are refused. A Google Form copy has no responses and no response destination
 * (its copier, forms.ts).
 */
function copy(
  rt: Runtime,
  resource: unknown,
  fileId: unknown,
  optionalArgs?: Record<string, unknown>,
): DriveFile {
  rt.call('Drive.Files.copy');
  if (
    typeof resource !== 'object' ||
    resource === null ||
    Array.isArray(resource) ||
    typeof fileId !== 'string'
  ) {
    throw gasError(
      `The parameters (${typeof resource}, ${typeof fileId}) don't match the method signature for Drive.Files.copy.`,
    );
  }
  const res = resource as Record<string, unknown>;
  for (const k of Object.keys(res)) {
    if (!COPY_RESOURCE.has(k)) throw gasError(`Niet geëmuleerd: Drive.Files.copy resource.${k}`);
  }
  const args = optionalArgs ?? {};
  for (const k of Object.keys(args)) {
    if (k !== 'fields' && k !== 'supportsAllDrives') throw gasError(`Niet geëmuleerd: Drive.Files.copy ${k}`);
  }
  const source = rt.drive.get(fileId);
  if (!source) throw driveApiError('copy', `File not found: ${fileId}.`);
  if (source.mimeType === MIME.folder) throw driveApiError('copy', 'This file cannot be copied by the user.');
  if (res.mimeType !== undefined && res.mimeType !== source.mimeType) {
    throw gasError('Niet geëmuleerd: Drive.Files.copy met een andere mimeType (conversie)');
  }
  let parents = source.parentIds.slice(0, 1);
  if (res.parents !== undefined) {
    if (!Array.isArray(res.parents) || res.parents.some((p) => typeof p !== 'string')) {
      throw driveApiError('copy', 'Invalid Value');
    }
    if (res.parents.length > 1) {
      throw driveApiError('copy', 'Increasing the number of parents is not allowed.');
    }
    for (const p of res.parents as string[]) {
      const folder = rt.drive.get(p);
      if (!folder || folder.mimeType !== MIME.folder) throw driveApiError('copy', `File not found: ${p}.`);
    }
    if (res.parents.length === 1) parents = [...(res.parents as string[])];
  }
  const name = res.name === undefined ? `Copy of ${source.name}` : String(res.name);
  if (name.trim() === '') throw driveApiError('copy', 'Invalid Value');
  const id = rt.newId();
  const entry = rt.newEntry(id, name, source.mimeType, parents.length ? parents : [rt.rootFolderId]);
  if (source.data !== undefined) entry.data = copyData(rt, source);
  if (source.bytes !== undefined) entry.bytes = new Uint8Array(source.bytes);
  entry.description = res.description === undefined ? source.description : String(res.description);
  rt.drive.set(id, entry);
  const fields = args.fields === undefined ? null : splitFields(String(args.fields));
  return pick('copy', resourceOf(entry), fields);
}

/** The `list` and `copy` members of `Drive.Files`, bound to a runtime. */
export function createDriveFilesListCopy(rt: Runtime): {
  list: GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection['list'];
  copy: GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection['copy'];
} {
  return {
    list: ((optionalArgs?: Record<string, unknown>) => list(rt, optionalArgs)) as never,
    copy: ((resource: unknown, fileId: unknown, optionalArgs?: Record<string, unknown>) =>
      copy(rt, resource, fileId, optionalArgs)) as never,
  };
}
