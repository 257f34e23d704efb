/**
 * Drive plumbing shared by DriveApp, File, Folder and the Google-file services: the Access and
 * Permission enums, sharing rules on a Drive entry, file/folder iterators with continuation
 * tokens, the minimal `searchFiles` query language, and the converter/copier registries that
 * Forms and Docs plug into (reference/drive/*; reference/drive/drive-app).
 */
import type { BlobImpl } from './blob';
import { checkEmail, emailOf, signatureError } from './handles';
import { type DriveEntry, gasError, MIME, type Runtime } from './runtime';
import { gasEnum } from './strict';

export const Access = gasEnum(['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE']);
export const Permission = gasEnum([
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'FILE_ORGANIZER',
  'NONE',
]);

// ---- converters and copiers -------------------------------------------------------------------

export type Converter = (rt: Runtime, entry: DriveEntry, targetMime: string) => BlobImpl;
export type Copier = (rt: Runtime, data: unknown) => unknown;

const converters = new Map<string, Converter>();
const copiers = new Map<string, Copier>();

/**
 * Lets a service render its Google file as another type (`File.getBlob()` / `getAs(mime)`),
 * e.g. documents → PDF. Without a converter, Google files refuse conversion.
 */
export function registerConverter(mimeType: string, converter: Converter): void {
  converters.set(mimeType, converter);
}

/** Lets a service decide how `File.makeCopy` copies its model (default: `structuredClone`). */
export function registerCopier(mimeType: string, copier: Copier): void {
  copiers.set(mimeType, copier);
}

export function converterFor(mimeType: string): Converter | undefined {
  return converters.get(mimeType);
}

export function copyData(rt: Runtime, entry: DriveEntry): unknown {
  const copier = copiers.get(entry.mimeType);
  if (copier) return copier(rt, entry.data);
  try {
    return structuredClone(entry.data);
  } catch (e) {
    throw new Error(`Emulator: cannot copy the model of ${entry.mimeType}; register a copier (${String(e)})`);
  }
}

// ---- sharing ---------------------------------------------------------------------------------

export function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}

/** Adds an editor; promotes a viewer; the owner is never listed (reference/drive/drive-app). */
export function addEditorTo(entry: DriveEntry, user: unknown): void {
  const email = checkEmail(user);
  if (email === entry.owner.toLowerCase()) return;
  entry.viewers = entry.viewers.filter((v) => v !== email);
  if (!entry.editors.includes(email)) entry.editors.push(email);
}

/** Adds a viewer; no effect for an editor or the owner (reference/drive/drive-app). */
export function addViewerTo(entry: DriveEntry, user: unknown): void {
  const email = checkEmail(user);
  if (email === entry.owner.toLowerCase() || entry.editors.includes(email)) return;
  if (!entry.viewers.includes(email)) entry.viewers.push(email);
}

export function removeEditorFrom(entry: DriveEntry, user: unknown): void {
  const email = emailOf(user).toLowerCase();
  entry.editors = entry.editors.filter((e) => e !== email);
}

/** No effect when the user is an editor (reference/drive/file#removeViewer). */
export function removeViewerFrom(entry: DriveEntry, user: unknown): void {
  const email = emailOf(user).toLowerCase();
  entry.viewers = entry.viewers.filter((e) => e !== email);
}

export function revokeFrom(entry: DriveEntry, user: unknown): void {
  removeEditorFrom(entry, user);
  removeViewerFrom(entry, user);
}

/**
 * `setSharing(access, permission)` (reference/drive/file#setSharing, …/access, …/permission):
 * DOMAIN* on a consumer account throws; OWNER/ORGANIZER/FILE_ORGANIZER are read-only values;
 * NONE only together with ANYONE; COMMENT on a folder or form is unsupported. Error wordings are
 * unconfirmed. A PRIVATE file reports permission NONE.
 */
export function setSharingOn(
  rt: Runtime,
  entry: DriveEntry,
  access: unknown,
  permission: unknown,
  cls: string,
): void {
  const a = String(access);
  const p = String(permission);
  if (!Object.hasOwn(Access, a) || !Object.hasOwn(Permission, p)) {
    throw signatureError(`DriveApp.${cls}.setSharing`, [access, permission]);
  }
  if (a.startsWith('DOMAIN') && isConsumerAccount(rt.userEmail))
    throw gasError('Invalid argument: accessType');
  if (p === 'OWNER' || p === 'ORGANIZER' || p === 'FILE_ORGANIZER')
    throw gasError('Invalid argument: permissionType');
  if (p === 'NONE' && a !== 'ANYONE') throw gasError('Invalid argument: permissionType');
  if (p === 'COMMENT' && (entry.mimeType === MIME.folder || entry.mimeType === MIME.form)) {
    throw gasError('Invalid argument: permissionType');
  }
  entry.sharingAccess = a;
  entry.sharingPermission = a === 'PRIVATE' ? 'NONE' : p;
  rt.touch(entry);
}

// ---- iterators -------------------------------------------------------------------------------

export type IterKind = 'File' | 'Folder';

/** Ids of the registry's files (or folders) that pass `pred`, in creation order. */
export function idsOf(rt: Runtime, kind: IterKind, pred: (e: DriveEntry) => boolean): string[] {
  return [...rt.drive.values()]
    .filter((e) => (e.mimeType === MIME.folder) === (kind === 'Folder') && pred(e))
    .map((e) => e.id);
}

export class DriveIteratorImpl<T> {
  constructor(
    private readonly rt: Runtime,
    private readonly kind: IterKind,
    private readonly ids: string[],
    private pos: number,
    private readonly handle: (entry: DriveEntry) => T,
  ) {}

  private remaining(): DriveEntry[] {
    return this.ids
      .slice(this.pos)
      .map((id) => this.rt.drive.get(id))
      .filter((e): e is DriveEntry => e !== undefined);
  }

  hasNext(): boolean {
    this.rt.call(`${this.kind}Iterator.hasNext`);
    return this.remaining().length > 0;
  }

  next(): T {
    this.rt.call(`${this.kind}Iterator.next`);
    while (this.pos < this.ids.length) {
      const entry = this.rt.drive.get(this.ids[this.pos++]!);
      if (entry) return this.handle(entry);
    }
    throw gasError('Cannot retrieve the next object: iterator has reached the end.');
  }

  getContinuationToken(): string {
    this.rt.call(`${this.kind}Iterator.getContinuationToken`);
    return Buffer.from(JSON.stringify({ k: this.kind, p: this.pos, i: this.ids })).toString('base64url');
  }
}

/** Decodes a continuation token (valid "about one week" in Drive; not expired here). */
export function decodeToken(token: string, kind: IterKind): { ids: string[]; pos: number } {
  try {
    const t = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      k: string;
      p: number;
      i: string[];
    };
    if (t.k === kind && Array.isArray(t.i) && Number.isInteger(t.p)) return { ids: t.i, pos: t.p };
  } catch {
    // fall through
  }
  throw gasError('Invalid argument: continuationToken');
}

// ---- search ----------------------------------------------------------------------------------

/**
 * The subset of the Drive v2 query language the emulator understands: clauses joined by `and`:
 * `title = '…'`, `title contains '…'`, `mimeType = '…'`, `mimeType != '…'`, `trashed = true|false`,
 * `'<id>' in parents`. Anything else → `Invalid argument: q` (wording unconfirmed).
 */
export function parseQuery(q: string): (e: DriveEntry) => boolean {
  const clauses = String(q)
    .split(/\s+and\s+/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const str = `'((?:[^'\\\\]|\\\\.)*)'`;
  const unq = (s: string) => s.replace(/\\(.)/g, '$1');
  const tests = clauses.map((c): ((e: DriveEntry) => boolean) => {
    let m = new RegExp(`^(title|name)\\s*(=|!=|contains)\\s*${str}$`, 'i').exec(c);
    if (m) {
      const v = unq(m[3] ?? '');
      if (m[2] === 'contains') return (e) => e.name.includes(v);
      return m[2] === '=' ? (e) => e.name === v : (e) => e.name !== v;
    }
    m = new RegExp(`^mimeType\\s*(=|!=)\\s*${str}$`, 'i').exec(c);
    if (m) {
      const v = unq(m[2] ?? '');
      return m[1] === '=' ? (e) => e.mimeType === v : (e) => e.mimeType !== v;
    }
    m = /^trashed\s*=\s*(true|false)$/i.exec(c);
    if (m) {
      const v = m[1]!.toLowerCase() === 'true';
      return (e) => e.trashed === v;
    }
    m = new RegExp(`^${str}\\s+in\\s+parents$`, 'i').exec(c);
    if (m) {
      const v = unq(m[1] ?? '');
      return (e) => e.parentIds.includes(v);
    }
    throw gasError('Invalid argument: q');
  });
  return (e) => tests.every((t) => t(e));
}

// ---- urls ------------------------------------------------------------------------------------

export function urlOf(entry: DriveEntry): string {
  switch (entry.mimeType) {
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${entry.id}/edit?usp=drivesdk`;
    case MIME.document:
      return `https://docs.google.com/document/d/${entry.id}/edit?usp=drivesdk`;
    case MIME.form:
      return `https://docs.google.com/forms/d/${entry.id}/edit?usp=drivesdk`;
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${entry.id}`;
    default:
      return `https://drive.google.com/file/d/${entry.id}/view?usp=drivesdk`;
  }
}

/** `getAs` renames the extension: "ShoppingList.12.25.2014" → "ShoppingList.12.25.pdf" (DRF#getAs). */
export function renameForType(name: string, mime: string): string {
  const ext = mime === MIME.pdf ? 'pdf' : (mime.split('/')[1] ?? 'bin').replace(/^vnd\..*$/, 'bin');
  return /\.[^.]+$/.test(name) ? name.replace(/\.[^.]+$/, `.${ext}`) : `${name}.${ext}`;
}
