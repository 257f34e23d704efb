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

/** The emulator's stand-in for a permission id: stable per grantee (ids are opaque to callers). */
function permissionId(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString().padStart(10, '0')}${(h ^ 0x5bd1e995) >>> 0}`.slice(0, 20);
}

/** Link-sharing role of a DriveApp permission (reference/drive/permission → Permission.role). */
const LINK_ROLE: Record<string, string> = { VIEW: 'reader', COMMENT: 'commenter', EDIT: 'writer' };

/**
 * The `permissions` of a file resource (drive/api/reference/rest/v3/files: "The full list of
 * permissions for the file. This is only available if the requesting user can share the file"),
 * each a Permission resource (…/rest/v3/permissions: type user|group|domain|anyone, role
 * owner|writer|commenter|reader, emailAddress for users, domain and allowFileDiscovery for link
 * sharing). Derived from what DriveApp keeps: the owner, editors (writer), viewers (reader) and
 * the sharing access: ANYONE / ANYONE_WITH_LINK an `anyone` permission, DOMAIN /
 * DOMAIN_WITH_LINK a `domain` one, discoverable without "WITH_LINK"; PRIVATE, or permission NONE
 * ("users have no permissions", reference/drive/permission), none; a published form adds its
 * responders (`view: 'published'`, below). The emulator knows no groups. Undefined when `requester` may not share the file (neither owner nor editor).
 */
export function permissionsOf(e: DriveEntry, requester: string): Record<string, unknown>[] | undefined {
  const who = requester.toLowerCase();
  if (e.owner.toLowerCase() !== who && !e.editors.includes(who)) return undefined;
  const user = (email: string, role: string) => ({
    kind: 'drive#permission',
    id: permissionId(email),
    type: 'user',
    role,
    emailAddress: email,
  });
  const out: Record<string, unknown>[] = [
    user(e.owner, 'owner'),
    ...e.editors.map((x) => user(x, 'writer')),
    ...e.viewers.map((x) => user(x, 'reader')),
  ];
  const role = LINK_ROLE[e.sharingPermission];
  if (role && e.sharingAccess !== 'PRIVATE') {
    const discoverable = !e.sharingAccess.endsWith('_WITH_LINK');
    if (e.sharingAccess.startsWith('DOMAIN')) {
      const domain = e.owner.slice(e.owner.lastIndexOf('@') + 1);
      out.push({
        kind: 'drive#permission',
        id: permissionId(`domain:${domain}`),
        type: 'domain',
        role,
        domain,
        allowFileDiscovery: discoverable,
      });
    } else {
      out.push({
        kind: 'drive#permission',
        id: discoverable ? 'anyone' : 'anyoneWithLink',
        type: 'anyone',
        role,
        allowFileDiscovery: discoverable,
      });
    }
  }
  // A published form's responders (workspace/forms/api/guides/publish-form, "Check if the form is
  // accepting responses from 'Anyone with link'"): a reader permission with `view: 'published'`,
  // of type anyone while no responder is named, else one per named responder. They let a person
  // answer the form, not open the file or its responses.
  const form =
    e.mimeType === MIME.form ? (e.data as { published?: boolean; publishedReaders?: string[] }) : null;
  if (form?.published) {
    const named = form.publishedReaders ?? [];
    if (named.length === 0)
      out.push({
        kind: 'drive#permission',
        id: 'anyoneWithLink',
        type: 'anyone',
        role: 'reader',
        view: 'published',
      });
    for (const email of named)
      out.push({ ...user(email, 'reader'), id: permissionId(`published:${email}`), view: 'published' });
  }
  return out;
}

/** The file resource of a Drive entry, with the fields the emulator knows, as `requester` sees it. */
export function resourceOf(e: DriveEntry, requester: string): Record<string, unknown> {
  const permissions = permissionsOf(e, requester);
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
    // Left out while empty, as the API leaves out empty fields.
    ...(e.appProperties && Object.keys(e.appProperties).length > 0
      ? { appProperties: { ...e.appProperties } }
      : {}),
    ...(permissions ? { permissions } : {}),
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
  'appProperties',
  'permissions',
]);

/** Fields of the Permission resource the emulator fills in. */
const KNOWN_PERMISSION_FIELDS = new Set([
  'kind',
  'id',
  'type',
  'role',
  'emailAddress',
  'domain',
  'allowFileDiscovery',
  'view',
]);
/** Fields of the Permission resource (…/rest/v3/permissions) the emulator does not keep. */
const OTHER_PERMISSION_FIELDS = new Set([
  'displayName',
  'photoLink',
  'expirationTime',
  'deleted',
  'pendingOwner',
  'permissionDetails',
  'teamDrivePermissionDetails',
  'inheritedPermissionsDisabled',
]);

/**
 * A parsed `fields` selection (guides/fields-parameter): field name → its own sub-selection, or
 * null for the whole field. `a,b`, `a/b` (b inside a) and `a(b,c)` (b and c inside a) nest.
 */
export type FieldSelection = Map<string, FieldSelection | null>;

function merge(into: FieldSelection, name: string, sub: FieldSelection | null): void {
  if (!into.has(name)) {
    into.set(name, sub);
    return;
  }
  const have = into.get(name) ?? null;
  if (have === null || sub === null)
    into.set(name, null); // the whole field wins
  else for (const [k, v] of sub) merge(have, k, v);
}

/** Parses a `fields` value; malformed syntax is refused like the API (400 Invalid field selection). */
export function parseFields(method: string, fields: string): FieldSelection {
  const s = fields.replace(/\s+/g, '');
  let i = 0;
  const bad = () => driveApiError(method, `Invalid field selection ${s}`);
  const list = (): FieldSelection => {
    const out: FieldSelection = new Map();
    for (;;) {
      const path: string[] = [];
      for (;;) {
        const m = /^(\*|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
        if (!m) throw bad();
        path.push(m[1] as string);
        i += (m[1] as string).length;
        if (s[i] !== '/') break;
        i++;
      }
      let sub: FieldSelection | null = null;
      if (s[i] === '(') {
        i++;
        sub = list();
        if (s[i] !== ')') throw bad();
        i++;
      }
      for (let k = path.length - 1; k > 0; k--) sub = new Map([[path[k] as string, sub]]);
      merge(out, path[0] as string, sub);
      if (s[i] !== ',') return out;
      i++;
    }
  };
  const sel = list();
  if (i !== s.length) throw bad();
  return sel;
}

function selectPermission(method: string, p: Record<string, unknown>, sel: FieldSelection | null) {
  if (sel === null || sel.has('*')) return { ...p };
  const out: Record<string, unknown> = {};
  for (const [f, sub] of sel) {
    if (OTHER_PERMISSION_FIELDS.has(f)) throw gasError(`Niet geëmuleerd: permissions/${f}`);
    if (!KNOWN_PERMISSION_FIELDS.has(f) || sub !== null) {
      throw driveApiError(method, `Invalid field selection ${f}`);
    }
    if (p[f] !== undefined) out[f] = p[f];
  }
  return out;
}

/**
 * The fields of `resource` a selection asks for; null → kind, id, name and mimeType; `*` → all.
 * An unknown field, or a sub-selection of a plain value, is refused (400 Invalid field selection);
 * `permissions(…)` selects fields of each Permission.
 */
export function select(
  method: string,
  resource: Record<string, unknown>,
  sel: FieldSelection | null,
): DriveFile {
  const chosen: FieldSelection = sel ?? new Map(DEFAULT_FILE_FIELDS.map((f) => [f, null]));
  if (chosen.has('*')) return { ...resource } as DriveFile;
  const out: Record<string, unknown> = {};
  for (const [f, sub] of chosen) {
    if (!KNOWN_FILE_FIELDS.has(f)) throw driveApiError(method, `Invalid field selection ${f}`);
    if (f === 'permissions') {
      const list = resource.permissions as Record<string, unknown>[] | undefined;
      selectPermission(method, {}, sub); // refuses a bad selection also when there is no list
      if (list) out.permissions = list.map((p) => selectPermission(method, p, sub));
      continue;
    }
    if (sub !== null) {
      if (f === 'appProperties') throw gasError(`Niet geëmuleerd: Drive.Files.${method} fields ${f}/…`);
      throw driveApiError(method, `Invalid field selection ${f}`);
    }
    if (resource[f] !== undefined) out[f] = resource[f];
  }
  return out as DriveFile;
}

/** The file fields a `fields` parameter of get, create, update or copy asks for (null: the default). */
export function fileSelection(method: string, fields: unknown): FieldSelection | null {
  return fields === undefined ? null : parseFields(method, String(fields));
}

/**
 * The `fields` system parameter of files.list: `nextPageToken, files(id, name)` or `files/id`
 * (guides/fields-parameter). Returns the file fields asked for (null: the default set), and
 * whether the page token was asked for.
 */
function listFields(fields: unknown): { files: FieldSelection | null; token: boolean } {
  if (fields === undefined) return { files: null, token: true };
  const sel = parseFields('list', String(fields));
  let files: FieldSelection = new Map();
  for (const [part, sub] of sel) {
    if (part === 'nextPageToken' || part === 'kind' || part === 'incompleteSearch') {
      if (sub !== null) throw driveApiError('list', `Invalid field selection ${part}`);
    } else if (part === 'files') files = sub ?? new Map([['*', null]]);
    else throw driveApiError('list', `Invalid field selection ${part}`);
  }
  // Checked against the resource's fields now, so that an empty folder refuses the same way.
  select('list', {}, files);
  return { files, token: sel.has('nextPageToken') };
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
    files: page.map((e) => select('list', resourceOf(e, rt.userEmail), fields.files)),
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
  return select('copy', resourceOf(entry, rt.userEmail), fileSelection('copy', args.fields));
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
