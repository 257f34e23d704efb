/**
 * The browser bridge: the built bundle (dist/Code.js) on the in-memory Apps Script, behind a
 * small HTTP server on 127.0.0.1 (a free port), so the sidebar and the dialogs run in a real
 * browser. It serves
 * - `/` a host page standing in for the register: the menu, the last sidebar on the right and
 *   the last modal dialog on top (both in iframes, as HtmlService serves them in an IFRAME
 *   sandbox: reference/html/sandbox-mode);
 * - `/ui/sidebar` and `/ui/dialog` the HTML the bundle last gave to `Ui.showSidebar` /
 *   `Ui.showModalDialog`, with the `google.script.run` shim (shim.ts) as first script;
 * - `POST /run {fn, args}` one execution of an entry point: only names in ENTRYPOINTS that the
 *   pages may call (`ui…`), never anything else in the bundle;
 * - `POST /menu {fn}` a menu click (an ENTRYPOINTS `menu…` name) and the alert it showed;
 * - test hooks: `POST /hook/answer {caseCode, formKey}` a partner answers a form, `POST
 *   /hook/dispatch` the time-driven trigger runs once.
 * Only for tests and manual checks; never part of the bundle.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vm from 'node:vm';
import { ENTRYPOINTS } from '../../entrypoints';
import { PartnerListSchema, partnersToRows, SettingsSchema, settingsToRows } from '../../model/schemas';
import type { Partner } from '../../model/types';
import { snapshotForm, submitAsRespondent } from '../apps-script/forms';
import { createVmContext } from '../apps-script/install';
import { Runtime, type RuntimeOptions } from '../apps-script/runtime';
import { snapshotSpreadsheet } from '../apps-script/spreadsheet';
import { hostPage } from './host';
import { withShim } from './shim';

type Ctx = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

export interface BridgeOptions extends RuntimeOptions {
  /** The built bundle (default dist/Code.js). */
  bundlePath: string;
}

export interface UiState {
  sidebars: number;
  dialogs: number;
  /** Title of the last dialog (what the host page shows above it). */
  dialogTitle: string;
}

export interface Bridge {
  url: string;
  rt: Runtime;
  /** One execution of any entry point, as Apps Script would run it. */
  call(fn: string, ...args: unknown[]): unknown;
  /** Menu Register inrichten plus the Instellingen and Partners tabs, as a coordinator fills them in. */
  setupRegister(settings: Record<string, unknown>, partners: readonly Record<string, unknown>[]): void;
  /** A partner fills in every required item of a form of the case (a test hook). */
  answer(caseCode: string, formKey: string, text?: string): string;
  /** One run of the time-driven dispatcher (no UI). */
  dispatch(): void;
  uiState(): UiState;
  close(): Promise<void>;
}

/** Names the pages may call through google.script.run. */
const CLIENT_CALLABLE = new Set<string>(ENTRYPOINTS.filter((n) => n.startsWith('ui')));
const MENU_CALLABLE = new Set<string>(ENTRYPOINTS.filter((n) => n.startsWith('menu')));

/**
 * A server function's return value must be legal for google.script.run (primitives, null, and
 * objects/arrays of those; guides/html/reference/run): a Date or a function fails the call.
 */
function illegalValue(v: unknown, seen: unknown[] = []): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return t;
  if (t !== 'object') return null;
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (seen.includes(v)) return 'kringverwijzing';
  seen.push(v);
  for (const k of Object.keys(v as object)) {
    const bad = illegalValue((v as Record<string, unknown>)[k], seen);
    if (bad) return bad;
  }
  seen.pop();
  return null;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const { bundlePath, ...rtOpts } = opts;
  const rt = new Runtime(rtOpts);
  const ctx = createVmContext(rt, {}) as Ctx;
  vm.runInContext(readFileSync(bundlePath, 'utf8'), ctx as vm.Context, { filename: 'Code.js' });
  const SpreadsheetApp = ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const register = SpreadsheetApp.create('Register aanpak jeugdgroepen');
  rt.boundContainerId = register.getId();

  const call = (fn: string, ...args: unknown[]): unknown => {
    const f = ctx[fn];
    if (typeof f !== 'function') throw new Error(`Geen functie ${fn} in de bundel.`);
    rt.beginExecution();
    try {
      return (f as Fn)(...args);
    } finally {
      rt.endExecution();
    }
  };
  // Opening the register runs the onOpen simple trigger: the menu appears.
  call('onOpen');

  const uiState = (): UiState => ({
    sidebars: rt.ui.sidebars.length,
    dialogs: rt.ui.dialogs.length,
    dialogTitle: rt.ui.dialogs.at(-1)?.title ?? '',
  });

  const menuClick = (fn: string): string => {
    const before = rt.ui.alerts.length;
    // An alert waits for OK; a prompt is not part of any menu item any more.
    rt.ui.answers.push({ button: 'OK' }, { button: 'OK' });
    try {
      call(fn);
    } finally {
      rt.ui.answers.length = 0;
    }
    return rt.ui.alerts.slice(before).at(-1)?.prompt ?? '';
  };

  const writeTab = (name: string, rows: (string | number)[][]) => {
    const sh = register.getSheetByName(name)!;
    sh.clearContents();
    const width = Math.max(...rows.map((r) => r.length));
    sh.getRange(1, 1, rows.length, width).setValues(
      rows.map((r) =>
        Array.from({ length: width }, (_, i) => (typeof r[i] === 'string' ? `'${r[i]}` : (r[i] ?? ''))),
      ),
    );
  };

  const caseFormId = (caseCode: string, formKey: string): string => {
    const entry = [...rt.drive.values()].find((e) => e.name === `${caseCode} casusspreadsheet`);
    if (!entry) throw new Error(`Geen casusspreadsheet voor ${caseCode}.`);
    const forms =
      snapshotSpreadsheet(rt, entry.id).sheets.find((s) => s.name === '_formulieren')?.values ?? [];
    const row = forms.find((r) => r[0] === formKey);
    if (!row) throw new Error(`Geen formulier ${formKey} in ${caseCode}.`);
    return String(row[4]);
  };

  const answer = (caseCode: string, formKey: string, text = 'Ingevuld door de partner.'): string =>
    answerEveryRequired(rt, caseFormId(caseCode, formKey), text);

  const dispatch = (): void => {
    const before = rt.ui.uiAvailable;
    rt.ui.uiAvailable = false;
    rt.beginExecution({ trigger: true });
    try {
      (ctx.runDispatcher as Fn)();
    } finally {
      rt.endExecution();
      rt.ui.uiAvailable = before;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/') {
      const menu = rt.ui.menus.flatMap((m) =>
        m.items.map((i) => ({ caption: i.caption, fn: i.functionName })),
      );
      return send(res, 200, 'text/html', hostPage(menu));
    }
    if (req.method === 'GET' && url.pathname === '/ui/state') return sendJson(res, uiState());
    if (req.method === 'GET' && (url.pathname === '/ui/sidebar' || url.pathname === '/ui/dialog')) {
      const list = url.pathname === '/ui/sidebar' ? rt.ui.sidebars : rt.ui.dialogs;
      const last = list.at(-1);
      if (!last) return send(res, 404, 'text/plain', 'Er is nog niets getoond.');
      return send(res, 200, 'text/html', withShim(last.html));
    }
    if (req.method !== 'POST') return send(res, 404, 'text/plain', 'Onbekend adres.');
    const body = (await readBody(req)) as {
      fn?: unknown;
      args?: unknown;
      caseCode?: unknown;
      formKey?: unknown;
    };
    if (url.pathname === '/run') {
      const fn = typeof body.fn === 'string' ? body.fn : '';
      if (!CLIENT_CALLABLE.has(fn)) {
        return sendJson(res, {
          ok: false,
          error: { name: 'ScriptError', message: `Script function not found: ${fn}` },
          ui: uiState(),
        });
      }
      try {
        const value = call(fn, ...(Array.isArray(body.args) ? body.args : []));
        const bad = illegalValue(value);
        if (bad) throw new Error(`${fn} gaf een waarde terug die niet naar de browser kan (${bad}).`);
        return sendJson(res, { ok: true, value: value === undefined ? null : value, ui: uiState() });
      } catch (e) {
        const err = e as Error;
        return sendJson(res, { ok: false, error: { name: err.name, message: err.message }, ui: uiState() });
      }
    }
    if (url.pathname === '/menu') {
      const fn = typeof body.fn === 'string' ? body.fn : '';
      if (!MENU_CALLABLE.has(fn)) return sendJson(res, { ok: false, alert: `Geen menu-item ${fn}.` }, 400);
      try {
        return sendJson(res, { ok: true, alert: menuClick(fn), ui: uiState() });
      } catch (e) {
        return sendJson(res, { ok: false, alert: (e as Error).message, ui: uiState() });
      }
    }
    if (url.pathname === '/hook/answer') {
      try {
        const id = answer(String(body.caseCode ?? ''), String(body.formKey ?? ''));
        return sendJson(res, { ok: true, responseId: id });
      } catch (e) {
        return sendJson(res, { ok: false, error: (e as Error).message }, 400);
      }
    }
    if (url.pathname === '/hook/dispatch') {
      dispatch();
      return sendJson(res, { ok: true });
    }
    return send(res, 404, 'text/plain', 'Onbekend adres.');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, 'text/plain', String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    rt,
    call,
    setupRegister(settings, partners) {
      menuClick('menuSetup');
      writeTab('Instellingen', settingsToRows(SettingsSchema.parse(settings)));
      writeTab('Partners', partnersToRows(PartnerListSchema.parse(partners) as Partner[]));
    },
    answer,
    dispatch,
    uiState,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** A partner filling in a form: every required item gets a valid answer (the first choice). */
export function answerEveryRequired(rt: Runtime, formId: string, text: string, all = false): string {
  const snap = snapshotForm(rt, formId);
  const answers: Record<number, string | string[] | string[][]> = {};
  for (const it of snap.items) {
    if (!it.required && !all) continue;
    if (it.type === 'SECTION_HEADER' || it.type === 'PAGE_BREAK') continue;
    if (it.type === 'MULTIPLE_CHOICE' || it.type === 'LIST') answers[it.id] = it.choices[0]!;
    else if (it.type === 'CHECKBOX') answers[it.id] = [it.choices[0]!];
    else if (it.type === 'SCALE') answers[it.id] = String(it.bounds![0]);
    else if (it.type === 'DATE') answers[it.id] = new Date(rt.now()).toISOString().slice(0, 10);
    else if (it.type === 'GRID') answers[it.id] = it.rows.map(() => it.columns[0]!);
    else if (it.type === 'CHECKBOX_GRID') answers[it.id] = it.rows.map(() => [it.columns[0]!]);
    else answers[it.id] = text;
  }
  return submitAsRespondent(rt, formId, answers);
}
