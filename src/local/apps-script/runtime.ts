/**
 * The kernel of the in-memory Apps Script: an emulated clock, a per-call latency model,
 * call counting per service method, fault injection, deterministic ids and the Drive file
 * registry that every file-backed service (Sheets, Forms, Docs, Drive) shares.
 *
 * Every emulated service method starts with `rt.call('Class.method')`. That one line counts
 * the call, advances the emulated clock by the modelled latency, enforces the 6-minute
 * execution limit and throws an injected fault when one is due.
 */

import { type LatencyProfile, latencyFor } from './latency';
import { type AccountLanguage, localize } from './messages';
import { useScriptDate } from './realm';

/** Errors thrown by Apps Script services surface with the name `Exception` (guides/support/troubleshooting). */
export class AppsScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * Per-runtime state kept by a service outside `Runtime` itself, made by `make` on first use
 * (a WeakMap, so a dropped runtime takes its state with it).
 */
export function perRuntime<T>(make: (rt: Runtime) => T): (rt: Runtime) => T {
  const states = new WeakMap<Runtime, T>();
  return (rt) => {
    let s = states.get(rt);
    if (s === undefined) {
      s = make(rt);
      states.set(rt, s);
    }
    return s;
  };
}

/**
 * The language of the runtime whose service call is running: Apps Script raises service errors in
 * the language of the account (messages.ts). Set by every `Runtime.call`, so the error a method
 * throws after its call is in that runtime's language.
 */
let activeLanguage: AccountLanguage = 'en';

/** A service error with `message` (written in English) in the active account's language. */
export function gasError(message: string): AppsScriptError {
  return new AppsScriptError(localize(message, activeLanguage));
}

export interface Fault {
  /** Call name (`Range.setValues`) or pattern the fault applies to. */
  method: string | RegExp;
  /** Fire on the nth matching call from now (1 = the next one). */
  nth: number;
  /** How many consecutive matching calls fail (default 1). */
  times?: number;
  /** The error thrown (English; in a Dutch account translated as every service error is). */
  message?: string;
  /**
   * Something else that happens at that moment, before the call runs (for example another script
   * of the same user using up the mail quota). Without `message` the call then runs normally.
   */
  effect?: (rt: Runtime) => void;
}

export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  parentIds: string[];
  trashed: boolean;
  createdAt: number;
  updatedAt: number;
  owner: string;
  sharingAccess: string;
  sharingPermission: string;
  editors: string[];
  viewers: string[];
  description: string;
  /** Backing object of a Google file (spreadsheet model, form model, document model). */
  data?: unknown;
  /** Content of an ordinary file. */
  bytes?: Uint8Array;
  /** Drive v3 `appProperties`: key-value pairs private to this script (drive/api/guides/properties). */
  appProperties?: Record<string, string>;
}

/** One mail as MailApp would have sent it (kept for the outbox export and for tests). */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  sentAt: number;
}

export interface LogLine {
  at: number;
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  form: 'application/vnd.google-apps.form',
  document: 'application/vnd.google-apps.document',
  pdf: 'application/pdf',
  plain: 'text/plain',
  html: 'text/html',
} as const;

/** Six minutes: the maximum runtime of one execution (guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/**
 * Total trigger runtime per day: 90 minutes on consumer accounts, 6 hours on Workspace
 * (https://developers.google.com/apps-script/guides/services/quotas, "Triggers total runtime";
 * quotas are per user and reset 24 hours after the first request).
 */
export const TRIGGER_RUNTIME_CONSUMER_MS = 90 * 60 * 1000;
export const TRIGGER_RUNTIME_WORKSPACE_MS = 6 * 60 * 60 * 1000;
/** The error a trigger run meets once the day's trigger runtime is used up (guides/services/quotas). */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day.';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Files an Apps Script service may create or convert per day (guides/services/quotas, "Documents
 * created": 250 consumer / 1,500 Workspace, "Spreadsheets created": 250 / 3,200, "Files
 * converted": 2,000 / 4,000; per user, reset 24 hours after the first request). A conversion
 * here is a Google file handed out as another type (`Document.getAs`/`getBlob`,
 * `File.getAs`/`getBlob` of a Google file: a PDF); the page does not say which calls count, and
 * a chart rendered as an image is not counted. Forms have no published figure; files made or
 * converted through the advanced Drive service count against the Drive API's own limits, not
 * these. URL Fetch calls (20,000 / 100,000) are not modelled: the emulator has no UrlFetchApp and
 * the product's manifest has no `script.external_request` scope (tests/build/scopes.test.ts).
 */
export type CreationKind = 'documents' | 'spreadsheets' | 'conversions';
export const CREATE_QUOTA_CONSUMER: Record<CreationKind, number> = {
  documents: 250,
  spreadsheets: 250,
  conversions: 2000,
};
export const CREATE_QUOTA_WORKSPACE: Record<CreationKind, number> = {
  documents: 1500,
  spreadsheets: 3200,
  conversions: 4000,
};
/**
 * The service named in the quota error. The quotas page gives the form `Service invoked too many
 * times for one day: <service>.`; the exact service names for creations and conversions are
 * unconfirmed.
 */
const CREATION_SERVICE: Record<CreationKind, string> = {
  documents: 'docs create',
  spreadsheets: 'spreadsheets create',
  conversions: 'file conversion',
};

export interface RuntimeOptions {
  /** Start of the emulated clock (epoch ms). */
  now?: number;
  /** Seed for ids and random numbers; the same seed gives the same run. */
  seed?: number;
  userEmail?: string;
  /** Time zone of the script and of new spreadsheets (default Europe/Amsterdam). */
  timeZone?: string;
  /**
   * Locale of new spreadsheets (default `nl_NL`): a new spreadsheet takes the locale of the
   * account's language and region (File → Settings shows it), and typed values are read by it
   * (`1.000,5`, `31-1-2026`). The product is made for Dutch accounts; `en_US` for comparison.
   */
  locale?: string;
  /** MailApp recipients per day: 100 consumer, 1,500 Workspace (guides/services/quotas). */
  mailDailyQuota?: number;
  /**
   * The language of the Google account (default `en`): service errors are raised in it, as Apps
   * Script does (messages.ts); `Session.getActiveUserLocale()` returns it.
   */
  language?: AccountLanguage;
  /** Model latency (true) or keep the clock still on calls (false). */
  latency?: boolean;
  /** Trigger runtime per day: 90 min consumer, 6 h Workspace (default, like `mailDailyQuota`). */
  triggerRuntimeDailyMs?: number;
  /** Files created per day by DocumentApp / SpreadsheetApp (default the Workspace figures). */
  createDailyQuota?: Partial<Record<CreationKind, number>>;
  /** Which latency profile moves the clock (default `typical`; see latency.ts). */
  latencyProfile?: LatencyProfile;
  /**
   * The execution limit that `call` enforces (default 6 minutes, as Google). The benchmark lifts
   * it to measure how far over the limit an operation would go; product code never does.
   */
  executionLimitMs?: number;
}

export class Runtime {
  private clock: number;
  private seed: number;
  readonly userEmail: string;
  /**
   * Who runs the current execution (`Session.getActiveUser`): the owner unless a test lets
   * another editor of the register click the menu. Google returns '' where the domain policy
   * does not reveal the user (reference/base/session#getActiveUser); a test may set that too.
   */
  activeUserEmail: string;
  readonly timeZone: string;
  readonly language: AccountLanguage;
  readonly locale: string;
  readonly mailDailyQuota: number;
  readonly latencyEnabled: boolean;
  readonly latencyProfile: LatencyProfile;
  readonly executionLimitMs: number;
  /** Number of executions begun (menu clicks, trigger runs) since the runtime started. */
  executionsBegun = 0;
  readonly triggerRuntimeDailyMs: number;
  readonly createDailyQuota: Record<CreationKind, number>;
  /** Files created per kind in the current window, and when that window began. */
  private readonly creations: Record<CreationKind, { start: number | null; used: number }> = {
    documents: { start: null, used: 0 },
    spreadsheets: { start: null, used: 0 },
    conversions: { start: null, used: 0 },
  };
  /** Trigger runtime used in the current quota window, and when that window began. */
  triggerRuntimeUsedMs = 0;
  private triggerWindowStart: number | null = null;
  private executionIsTrigger = false;
  readonly counts = new Map<string, number>();
  readonly drive = new Map<string, DriveEntry>();
  readonly rootFolderId: string;
  private faults: (Fault & { seen: number; fired: number })[] = [];
  private firedTotal = 0;
  private silent = 0;
  private executionStart: number | null = null;
  private readonly endHooks: (() => void)[] = [];
  private idCounter = 0;
  /**
   * The `Date` of the realm the script runs in (createVmContext sets the context's own): Dates
   * the services hand to the script are made with it (realm.ts).
   */
  scriptDateConstructor: DateConstructor = Date;
  /** Total emulated time spent inside service calls. */
  serviceTimeMs = 0;
  /** Id of the file the script is bound to (the register spreadsheet), or null for standalone. */
  boundContainerId: string | null = null;
  /** Every mail MailApp accepted, in order. */
  readonly mailbox: SentMail[] = [];
  /** Logger and console output. */
  readonly logs: LogLine[] = [];
  /**
   * What the coordinator would see in the Sheets UI: menus added with `Menu.addToUi()`,
   * sidebars, dialogs, toasts and alerts. `uiAvailable` is false in trigger runs, where
   * `getUi()` throws (reference/spreadsheet/spreadsheet-app).
   */
  readonly ui = {
    uiAvailable: true,
    menus: [] as { caption: string; items: { caption: string; functionName: string }[] }[],
    sidebars: [] as { title: string; html: string }[],
    dialogs: [] as { title: string; html: string; modal: boolean }[],
    toasts: [] as { message: string; title: string }[],
    alerts: [] as { title: string; prompt: string }[],
    /** Scripted answers for `Ui.alert`/`Ui.prompt` in tests: button name and optional text. */
    answers: [] as { button: string; text?: string }[],
  };

  constructor(opts: RuntimeOptions = {}) {
    this.clock = opts.now ?? Date.UTC(2026, 0, 5, 8, 0, 0);
    this.seed = (opts.seed ?? 20260105) >>> 0;
    this.userEmail = opts.userEmail ?? 'procesregisseur@gemeente.example';
    this.activeUserEmail = this.userEmail;
    this.timeZone = opts.timeZone ?? 'Europe/Amsterdam';
    this.language = opts.language ?? 'en';
    // A new runtime is the account in play until another one makes a call: an error raised
    // before this runtime's first call is in its language, not in that of an earlier runtime.
    activeLanguage = this.language;
    this.locale = opts.locale ?? 'nl_NL';
    this.mailDailyQuota = opts.mailDailyQuota ?? 1500;
    this.latencyEnabled = opts.latency ?? true;
    this.latencyProfile = opts.latencyProfile ?? 'typical';
    this.executionLimitMs = opts.executionLimitMs ?? EXECUTION_LIMIT_MS;
    this.triggerRuntimeDailyMs = opts.triggerRuntimeDailyMs ?? TRIGGER_RUNTIME_WORKSPACE_MS;
    this.createDailyQuota = { ...CREATE_QUOTA_WORKSPACE, ...opts.createDailyQuota };
    this.rootFolderId = this.newId('root');
    this.drive.set(this.rootFolderId, this.newEntry(this.rootFolderId, 'Mijn Drive', MIME.folder, []));
  }

  // ---- clock -------------------------------------------------------------------------------

  now(): number {
    return this.clock;
  }

  nowDate(): Date {
    return new Date(this.clock);
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('advance: negative time');
    this.clock += ms;
  }

  setNow(ms: number): void {
    if (ms < this.clock) throw new Error('setNow: the emulated clock never goes back');
    this.clock = ms;
  }

  // ---- executions ---------------------------------------------------------------------------

  /**
   * Marks the start of one Apps Script execution (menu click, trigger run, google.script.run).
   * A trigger run counts toward the daily trigger runtime.
   */
  beginExecution(opts: { trigger?: boolean } = {}): void {
    this.executionStart = this.clock;
    this.executionsBegun++;
    this.executionIsTrigger = opts.trigger === true;
    if (this.executionIsTrigger) {
      // The quota window starts at the first trigger run and resets 24 hours later.
      if (this.triggerWindowStart === null || this.clock >= this.triggerWindowStart + DAY_MS) {
        this.triggerWindowStart = this.clock;
        this.triggerRuntimeUsedMs = 0;
      }
    }
  }

  endExecution(): void {
    if (this.executionIsTrigger && this.executionStart !== null) {
      this.triggerRuntimeUsedMs += this.clock - this.executionStart;
    }
    this.executionStart = null;
    this.executionIsTrigger = false;
    for (const fn of this.endHooks) fn();
  }

  /** Trigger runtime left in the current quota window (the whole quota when none has begun). */
  triggerRuntimeLeftMs(): number {
    if (this.triggerWindowStart === null || this.clock >= this.triggerWindowStart + DAY_MS) {
      return this.triggerRuntimeDailyMs;
    }
    return Math.max(this.triggerRuntimeDailyMs - this.triggerRuntimeUsedMs, 0);
  }

  /**
   * Counts one file created by DocumentApp or SpreadsheetApp, or one conversion, against the
   * day's quota; past it the creation or conversion fails before anything is made.
   */
  countCreation(kind: CreationKind): void {
    const w = this.creations[kind];
    if (w.start === null || this.clock >= w.start + DAY_MS) {
      w.start = this.clock;
      w.used = 0;
    }
    if (w.used >= this.createDailyQuota[kind]) {
      throw gasError(`Service invoked too many times for one day: ${CREATION_SERVICE[kind]}.`);
    }
    w.used++;
  }

  /** Files of `kind` created in the current window (0 when none). */
  creationsToday(kind: CreationKind): number {
    const w = this.creations[kind];
    return w.start === null || this.clock >= w.start + DAY_MS ? 0 : w.used;
  }

  /** Registers work done whenever an execution ends (LockService releases held locks). */
  onEndExecution(fn: () => void): void {
    this.endHooks.push(fn);
  }

  /** Emulated milliseconds since the current execution began (0 outside an execution). */
  elapsedInExecution(): number {
    return this.executionStart === null ? 0 : this.clock - this.executionStart;
  }

  // ---- calls, latency, faults ---------------------------------------------------------------

  /** Counts one service call, advances the clock and throws a due fault. */
  call(name: string): void {
    activeLanguage = this.language;
    useScriptDate(this.scriptDateConstructor);
    if (this.silent > 0) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (this.latencyEnabled) {
      const ms = latencyFor(name, this.latencyProfile);
      this.clock += ms;
      this.serviceTimeMs += ms;
    }
    if (this.executionStart !== null) {
      const elapsed = this.clock - this.executionStart;
      if (elapsed > this.executionLimitMs) throw gasError('Exceeded maximum execution time');
      if (this.executionIsTrigger && this.triggerRuntimeUsedMs + elapsed > this.triggerRuntimeDailyMs) {
        throw gasError(TRIGGER_RUNTIME_EXCEEDED);
      }
    }
    for (const f of this.faults) {
      const matches = typeof f.method === 'string' ? f.method === name : f.method.test(name);
      if (!matches) continue;
      f.seen++;
      if (f.seen >= f.nth && f.fired < (f.times ?? 1)) {
        f.fired++;
        this.firedTotal++;
        f.effect?.(this);
        if (f.message !== undefined) throw gasError(f.message);
      }
    }
  }

  /** Runs `fn` without counting calls or advancing the clock (exporters, test inspection). */
  uncounted<T>(fn: () => T): T {
    this.silent++;
    try {
      return fn();
    } finally {
      this.silent--;
    }
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** How many injected faults have fired since the runtime started (cleared faults included). */
  faultsFired(): number {
    return this.firedTotal;
  }

  /** Total number of counted calls, optionally only those whose name starts with `prefix`. */
  totalCalls(prefix = ''): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
    return n;
  }

  resetCounts(): void {
    this.counts.clear();
    this.serviceTimeMs = 0;
  }

  // ---- ids and randomness -------------------------------------------------------------------

  /** Deterministic pseudo-random number in [0, 1) (mulberry32). */
  random(): number {
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A Drive-like id: 33 url-safe characters, unique within the runtime. */
  newId(prefix = ''): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    this.idCounter++;
    let s = prefix ? `${prefix}` : '1';
    while (s.length < 28) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return `${s}${this.idCounter.toString(36).padStart(5, '0')}`;
  }

  // ---- drive registry -----------------------------------------------------------------------

  newEntry(id: string, name: string, mimeType: string, parentIds: string[]): DriveEntry {
    return {
      id,
      name,
      mimeType,
      parentIds,
      trashed: false,
      createdAt: this.clock,
      updatedAt: this.clock,
      owner: this.userEmail,
      sharingAccess: 'PRIVATE',
      sharingPermission: 'NONE',
      editors: [],
      viewers: [],
      description: '',
    };
  }

  /** Registers a new Drive file in the user's root (where every create() puts it). */
  createFile(name: string, mimeType: string, data?: unknown, bytes?: Uint8Array): DriveEntry {
    const id = this.newId();
    const entry = this.newEntry(id, name, mimeType, [this.rootFolderId]);
    if (data !== undefined) entry.data = data;
    if (bytes !== undefined) entry.bytes = bytes;
    this.drive.set(id, entry);
    return entry;
  }

  /**
   * Looks up a Drive item. A missing id throws the Drive wording (reference/drive/drive-app); a trashed
   * item is still returned (DriveApp keeps the id, `isTrashed()` tells).
   */
  getEntry(id: string, mimeType?: string): DriveEntry {
    const e = this.drive.get(String(id));
    if (!e || (mimeType && e.mimeType !== mimeType)) {
      throw gasError('No item with the given ID could be found, or you do not have permission to access it.');
    }
    return e;
  }

  /** The item the script is bound to, if it is of type `mimeType`; otherwise null. */
  boundEntry(mimeType: string): DriveEntry | null {
    const id = this.boundContainerId;
    const entry = id === null ? undefined : this.drive.get(id);
    return entry?.mimeType === mimeType ? entry : null;
  }

  /** Removes an entry for good (a purge after trashing); later lookups fail. */
  deleteEntry(id: string): void {
    this.drive.delete(id);
  }

  touch(entry: DriveEntry): void {
    entry.updatedAt = this.clock;
  }

  /**
   * Writes per tab (`fileId/sheetId` → count), noted by every emulated write to a sheet; the
   * benchmark uses it to tell which tabs an operation rewrote.
   */
  readonly tabWrites = new Map<string, number>();

  noteTabWrite(fileId: string, sheetId: number): void {
    const key = `${fileId}/${sheetId}`;
    this.tabWrites.set(key, (this.tabWrites.get(key) ?? 0) + 1);
  }

  entriesOf(mimeType: string): DriveEntry[] {
    return [...this.drive.values()].filter((e) => e.mimeType === mimeType);
  }
}
