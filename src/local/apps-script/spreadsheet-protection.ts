/**
 * `Protection` (reference/spreadsheet/protection) and developer metadata
 * (reference/spreadsheet/developer-metadata, …/developer-metadata-finder; reference/spreadsheet/spreadsheet).
 *
 * A new protection starts with the file's owner and editors as its editors ("permissions mirror
 * the file"); the owner and the current user cannot be removed; `setDomainEdit` throws on a
 * consumer (gmail.com) account. Protections are recorded, not enforced on script writes.
 */
import { isConsumerAccount } from './drive-core';
import { checkEmail, emailOf, implOf, signatureError, userFor, wrap } from './handles';
import { gasError } from './runtime';
import type { MetadataData, ProtectionData, SheetData } from './spreadsheet-model';
import { rangeHandle } from './spreadsheet-range';
import { RangeBase, type SsCtx } from './spreadsheet-range-base';
import { sheetHandle } from './spreadsheet-sheet';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type Finder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

class ProtectionImpl
  implements
    Pick<
      Protection,
      | 'setDescription'
      | 'getDescription'
      | 'setWarningOnly'
      | 'isWarningOnly'
      | 'addEditors'
      | 'canEdit'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'remove'
      | 'getRange'
      | 'getUnprotectedRanges'
      | 'setUnprotectedRanges'
    >
{
  constructor(
    private readonly ctx: SsCtx,
    private readonly p: ProtectionData,
  ) {}

  private enter(method: string): ProtectionData {
    this.ctx.rt.call(`Protection.${method}`);
    if (!this.ctx.model.protections.includes(this.p)) throw gasError('The protection has been removed.');
    return this.p;
  }

  private self(): Protection {
    return this as unknown as Protection;
  }

  private sheet(): SheetData {
    const sd = this.ctx.model.sheets.find((s) => s.id === this.p.sheetId);
    if (!sd) throw gasError('The sheet has been deleted.');
    return sd;
  }

  setDescription(description: string): Protection {
    this.enter('setDescription').description = String(description ?? '');
    return this.self();
  }

  getDescription(): string {
    return this.enter('getDescription').description;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.enter('setWarningOnly').warningOnly = Boolean(warningOnly);
    return this.self();
  }

  isWarningOnly(): boolean {
    return this.enter('isWarningOnly').warningOnly;
  }

  addEditor(user: string | GoogleAppsScript.Base.User): Protection {
    const p = this.enter('addEditor');
    const email = checkEmail(user);
    if (!p.editors.includes(email)) p.editors.push(email);
    return this.self();
  }

  addEditors(emailAddresses: string[]): Protection {
    const p = this.enter('addEditors');
    if (!Array.isArray(emailAddresses))
      throw signatureError('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
    for (const e of emailAddresses.map(checkEmail)) if (!p.editors.includes(e)) p.editors.push(e);
    return this.self();
  }

  private drop(emails: string[]): void {
    const keep = new Set([this.ctx.entry.owner.toLowerCase(), this.ctx.rt.userEmail.toLowerCase()]);
    this.p.editors = this.p.editors.filter((e) => keep.has(e) || !emails.includes(e));
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Protection {
    this.enter('removeEditor');
    this.drop([emailOf(user).toLowerCase()]);
    return this.self();
  }

  removeEditors(users: (string | GoogleAppsScript.Base.User)[]): Protection {
    this.enter('removeEditors');
    if (!Array.isArray(users)) throw signatureError('SpreadsheetApp.Protection.removeEditors', [users]);
    this.drop(users.map((u) => emailOf(u).toLowerCase()));
    return this.self();
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.enter('getEditors').editors.map((e) => userFor<GoogleAppsScript.Base.User>(e));
  }

  canEdit(): boolean {
    const p = this.enter('canEdit');
    const me = this.ctx.rt.userEmail.toLowerCase();
    return me === this.ctx.entry.owner.toLowerCase() || p.warningOnly || p.editors.includes(me);
  }

  canDomainEdit(): boolean {
    return this.enter('canDomainEdit').domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    const p = this.enter('setDomainEdit');
    // Throws on files owned by a gmail.com account (PRT#setDomainEdit); wording unconfirmed.
    if (isConsumerAccount(this.ctx.entry.owner)) throw gasError('Invalid argument: editable');
    p.domainEdit = Boolean(editable);
    return this.self();
  }

  remove(): void {
    const p = this.enter('remove');
    this.ctx.model.protections = this.ctx.model.protections.filter((x) => x !== p);
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.enter('getProtectionType').type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const p = this.enter('getRange');
    const sd = this.sheet();
    return rangeHandle(this.ctx, sd, p.rect ?? { r: 1, c: 1, nr: sd.maxRows, nc: sd.maxCols });
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    const p = this.enter('setUnprotectedRanges');
    if (!Array.isArray(ranges))
      throw signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
    // Sheet protections only, ranges on the same sheet (PRT); wording unconfirmed.
    if (p.type !== 'SHEET') throw gasError('Invalid argument: ranges');
    const rects = ranges.map((r) => {
      const impl = implOf(r, RangeBase);
      if (!impl || impl.sd.id !== p.sheetId) throw gasError('Invalid argument: ranges');
      return { ...impl.rect };
    });
    p.unprotected = rects;
    return this.self();
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const p = this.enter('getUnprotectedRanges');
    const sd = this.sheet();
    return p.unprotected.map((rect) => rangeHandle(this.ctx, sd, rect));
  }
}

export function protectionHandle(ctx: SsCtx, p: ProtectionData): Protection {
  return wrap<Protection>(new ProtectionImpl(ctx, p), 'Protection');
}

export function newProtection(ctx: SsCtx, sd: SheetData, rect: ProtectionData['rect']): ProtectionData {
  const owner = ctx.entry.owner.toLowerCase();
  const p: ProtectionData = {
    id: ctx.model.nextId++,
    type: rect ? 'RANGE' : 'SHEET',
    sheetId: sd.id,
    rect,
    description: '',
    warningOnly: false,
    domainEdit: false,
    editors: [...new Set([owner, ...ctx.entry.editors.map((e) => e.toLowerCase())])],
    unprotected: [],
  };
  ctx.model.protections.push(p);
  return p;
}

// ---- developer metadata -----------------------------------------------------------------------

class DeveloperMetadataImpl
  implements Pick<DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'setKey' | 'setValue' | 'remove'>
{
  constructor(
    private readonly ctx: SsCtx,
    private readonly m: MetadataData,
  ) {}

  private enter(method: string): MetadataData {
    this.ctx.rt.call(`DeveloperMetadata.${method}`);
    if (!this.ctx.model.metadata.includes(this.m)) throw gasError('The developer metadata has been removed.');
    return this.m;
  }

  private self(): DeveloperMetadata {
    return this as unknown as DeveloperMetadata;
  }

  getId(): number {
    return this.enter('getId').id;
  }

  getKey(): string {
    return this.enter('getKey').key;
  }

  getValue(): string | null {
    return this.enter('getValue').value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.enter('getVisibility')
      .visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    const m = this.enter('getLocation');
    const ctx = this.ctx;
    const location = {
      getLocationType: () => {
        ctx.rt.call('DeveloperMetadataLocation.getLocationType');
        return m.location as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
      },
      getSheet: () => {
        ctx.rt.call('DeveloperMetadataLocation.getSheet');
        const sd = ctx.model.sheets.find((s) => s.id === m.sheetId);
        return sd ? sheetHandle(ctx, sd) : null;
      },
    };
    return wrap<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation>(
      location,
      'DeveloperMetadataLocation',
    );
  }

  setKey(key: string): DeveloperMetadata {
    this.enter('setKey').key = String(key);
    return this.self();
  }

  setValue(value: string): DeveloperMetadata {
    this.enter('setValue').value = value === null ? null : String(value);
    return this.self();
  }

  remove(): void {
    const m = this.enter('remove');
    this.ctx.model.metadata = this.ctx.model.metadata.filter((x) => x !== m);
  }
}

export function metadataHandle(ctx: SsCtx, m: MetadataData): DeveloperMetadata {
  return wrap<DeveloperMetadata>(new DeveloperMetadataImpl(ctx, m), 'DeveloperMetadata');
}

/** Resolves the `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)` overloads. */
export function addMetadata(
  ctx: SsCtx,
  where: Pick<MetadataData, 'location' | 'sheetId' | 'index'>,
  args: unknown[],
): void {
  const [key, b, c] = args;
  if (typeof key !== 'string' || key === '') throw gasError('Invalid argument: key');
  const isVis = (v: unknown) => v === 'DOCUMENT' || v === 'PROJECT';
  let value: string | null = null;
  let visibility: 'DOCUMENT' | 'PROJECT' = 'DOCUMENT';
  if (args.length === 2 && isVis(b)) visibility = b as 'DOCUMENT';
  else if (args.length >= 2) {
    value = b === null || b === undefined ? null : String(b);
    if (args.length === 3) {
      if (!isVis(c)) throw gasError('Invalid argument: visibility');
      visibility = c as 'DOCUMENT';
    }
  }
  ctx.model.metadata.push({ id: ctx.model.nextId++, key, value, visibility, ...where });
}

class FinderImpl implements Pick<Finder, 'find'> {
  private readonly filters: ((m: MetadataData) => boolean)[] = [];

  constructor(
    private readonly ctx: SsCtx,
    private readonly sheetId: number | null,
  ) {}

  private add(method: string, f: (m: MetadataData) => boolean): Finder {
    this.ctx.rt.call(`DeveloperMetadataFinder.${method}`);
    this.filters.push(f);
    return this as unknown as Finder;
  }

  withKey(key: string): Finder {
    return this.add('withKey', (m) => m.key === key);
  }

  withValue(value: string): Finder {
    return this.add('withValue', (m) => m.value === value);
  }

  withId(id: number): Finder {
    return this.add('withId', (m) => m.id === id);
  }

  withLocationType(t: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): Finder {
    return this.add('withLocationType', (m) => m.location === String(t));
  }

  withVisibility(v: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): Finder {
    return this.add('withVisibility', (m) => m.visibility === String(v));
  }

  find(): DeveloperMetadata[] {
    this.ctx.rt.call('DeveloperMetadataFinder.find');
    return this.ctx.model.metadata
      .filter((m) => this.sheetId === null || m.sheetId === this.sheetId)
      .filter((m) => this.filters.every((f) => f(m)))
      .map((m) => metadataHandle(this.ctx, m));
  }
}

export function finderHandle(ctx: SsCtx, sheetId: number | null): Finder {
  return wrap<Finder>(new FinderImpl(ctx, sheetId), 'DeveloperMetadataFinder');
}
