/**
 * Creates every emulated service for one Runtime and exposes them the way Apps Script does: as
 * globals of the script (`installAppsScript`) or as the global scope of a `node:vm` context
 * holding nothing but the standard JavaScript built-ins (`createVmContext`), which is where the
 * bundled dist/Code.js can run with no access to Node.
 */
import vm from 'node:vm';
import { createDriveFilesCreateUpdateGet } from './advanced/drive-files';
import { createDriveFilesListCopy } from './advanced/drive-list';
import { createSheetsService } from './advanced/sheets';
import { createCacheService } from './cache';
import { createCharts } from './charts';
import { createDocumentApp } from './document';
import { createDriveApp, createMimeTypeEnum } from './drive';
import { createFormApp } from './forms';
import { createHtmlService } from './html';
import { createLockService } from './lock';
import { createConsole, createLogger } from './logger';
import { createMailApp } from './mail';
import { createPropertiesService } from './properties';
import type { Runtime } from './runtime';
import { createScriptApp } from './script';
import { createSession } from './session';
import { createSpreadsheetApp } from './spreadsheet';
import { strict } from './strict';
import { createUtilities } from './utilities';

export interface AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  MimeType: GoogleAppsScript.Base.MimeType;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  /**
   * The Drive v3 advanced service (enabled in appsscript.json): the members the product uses,
   * each in its own file under advanced/, composed into one `Drive.Files`.
   */
  Drive: GoogleAppsScript.Drive;
  /** The Charts service: charts drawn as PNG images for documents. */
  Charts: GoogleAppsScript.Charts.Charts;
  Logger: GoogleAppsScript.Base.Logger;
  /** Advanced service: Sheets API v4 (enabled in appsscript.json). */
  Sheets: GoogleAppsScript.Sheets;
  /** The Apps Script console (writes to `rt.logs`); only installed on non-Node targets. */
  console: Console;
}

export interface InstallOptions {
  /** Project HTML files by name without `.html`. */
  htmlFiles?: Record<string, string>;
  /** Object that receives the globals (default `globalThis`). */
  target?: Record<string, unknown>;
}

/** The global `Drive` (advanced service): one `Files` collection composed of the emulated members. */
function createDriveAdvanced(rt: Runtime): GoogleAppsScript.Drive {
  const files = { ...createDriveFilesListCopy(rt), ...createDriveFilesCreateUpdateGet(rt) };
  return strict({ Files: strict(files, 'Drive.Files') }, 'Drive') as unknown as GoogleAppsScript.Drive;
}

/**
 * Builds the services. `scope` is the script's global scope as seen by HTML template scriptlets
 * (`<?!= include('x') ?>` calls a script function).
 */
export function createServices(
  rt: Runtime,
  htmlFiles: Record<string, string> = {},
  scope: object = {},
): AppsScriptServices {
  return {
    SpreadsheetApp: createSpreadsheetApp(rt),
    FormApp: createFormApp(rt),
    DocumentApp: createDocumentApp(rt),
    DriveApp: createDriveApp(rt),
    MimeType: createMimeTypeEnum(),
    MailApp: createMailApp(rt),
    PropertiesService: createPropertiesService(rt),
    LockService: createLockService(rt),
    CacheService: createCacheService(rt),
    ScriptApp: createScriptApp(rt),
    Session: createSession(rt),
    Utilities: createUtilities(rt),
    HtmlService: createHtmlService(rt, htmlFiles, scope),
    Drive: createDriveAdvanced(rt),
    Charts: createCharts(rt),
    Logger: createLogger(rt),
    Sheets: createSheetsService(rt),
    console: createConsole(rt),
  };
}

/**
 * Assigns the services as globals on `target` (default `globalThis`). Node's own `console` is
 * never replaced: the Apps Script console is only installed on another target. `uninstall()`
 * puts back whatever was there before.
 */
export function installAppsScript(
  rt: Runtime,
  opts: InstallOptions = {},
): { services: AppsScriptServices; uninstall(): void } {
  const target = opts.target ?? (globalThis as unknown as Record<string, unknown>);
  const services = createServices(rt, opts.htmlFiles ?? {}, target);
  const names = (Object.keys(services) as (keyof AppsScriptServices)[]).filter(
    (n) => n !== 'console' || target !== (globalThis as unknown),
  );
  const previous = names.map((n) => ({ name: n, desc: Object.getOwnPropertyDescriptor(target, n) }));
  for (const n of names) {
    Object.defineProperty(target, n, {
      value: services[n],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  let installed = true;
  return {
    services,
    uninstall() {
      if (!installed) return;
      installed = false;
      for (const { name, desc } of previous) {
        if (desc) Object.defineProperty(target, name, desc);
        else delete target[name];
      }
    },
  };
}

export interface VmContextOptions {
  htmlFiles?: Record<string, string>;
  /**
   * Make `new Date()` and `Date.now()` inside the context read the emulated clock (default true).
   * Local-time Date methods still use the process time zone: run with TZ set to the script zone.
   */
  emulatedDate?: boolean;
  /** Allow `eval`/`new Function` inside the context (default true, as in Apps Script). */
  codeGeneration?: boolean;
}

/**
 * A `node:vm` context whose globals are the Apps Script services plus the standard JavaScript
 * built-ins of a fresh realm: no `process`, `require`, `setTimeout`, `fetch`, `TextEncoder`,
 * `Buffer` or `URL`, as in the Apps Script V8 runtime (guides/v8-runtime). Load the bundle with
 * `vm.runInContext(code, ctx)` and call entry points as `ctx.onOpen(e)`.
 */
export function createVmContext(rt: Runtime, opts: VmContextOptions = {}): vm.Context {
  const sandbox: Record<string, unknown> = {};
  const services = createServices(rt, opts.htmlFiles ?? {}, sandbox);
  Object.assign(sandbox, services);
  const ctx = vm.createContext(sandbox, {
    name: 'Apps Script (emulator)',
    // Apps Script's V8 allows eval; tests turn it off to prove the bundle never needs it.
    codeGeneration: { strings: opts.codeGeneration ?? true, wasm: false },
  });
  // Dates the services hand to the script are the context's own (realm.ts).
  rt.scriptDateConstructor = vm.runInContext('Date', ctx) as DateConstructor;
  if (opts.emulatedDate ?? true) {
    const install = vm.runInContext(
      `(function (now) {
        var D = Date;
        function EmulatedDate() {
          if (!new.target) return new D(now()).toString();
          if (arguments.length === 0) return new D(now());
          return new (Function.prototype.bind.apply(D, [null].concat(Array.prototype.slice.call(arguments))))();
        }
        EmulatedDate.prototype = D.prototype;
        EmulatedDate.now = function () { return now(); };
        EmulatedDate.UTC = D.UTC;
        EmulatedDate.parse = D.parse;
        Object.defineProperty(globalThis, 'Date', { value: EmulatedDate, writable: true, configurable: true });
      })`,
      ctx,
    ) as (now: () => number) => void;
    install(() => rt.now());
  }
  return ctx;
}
