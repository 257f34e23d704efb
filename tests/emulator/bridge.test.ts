/** The browser bridge without a browser: what it serves and what it refuses. */
import { join } from 'node:path';
import * as vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/local/bridge/bridge';
import { SHIM_JS, withShim } from '../../src/local/bridge/shim';
import { PARTNERS } from '../workflow/helpers';

let bridge: Bridge;
beforeAll(async () => {
  bridge = await startBridge({
    bundlePath: join(import.meta.dirname, '../../dist/Code.js'),
    now: Date.UTC(2026, 0, 12, 8, 0),
  });
  bridge.setupRegister(
    { gemeente: 'Testdorp', coordinatorEmail: 'regie@testdorp.example', retentionMonths: 12 },
    PARTNERS,
  );
});
afterAll(() => bridge.close());

const post = async (path: string, body: unknown): Promise<any> =>
  (await fetch(`${bridge.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json();

describe('de bridge', () => {
  it('luistert alleen op 127.0.0.1 en toont het menu van de bundel', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const host = await (await fetch(bridge.url)).text();
    expect(host).toContain('data-fn="menuNewCase"');
    expect(host).toContain('data-fn="menuDashboard"');
  });

  it('roept via /run alleen ui…-entry points aan; al het andere is "niet gevonden"', async () => {
    for (const fn of ['menuSetup', 'runDispatcher', 'SpreadsheetApp', 'constructor', '__app']) {
      const r = await post('/run', { fn, args: [] });
      expect(r, fn).toMatchObject({ ok: false, error: { message: `Script function not found: ${fn}` } });
    }
    const r = await post('/run', { fn: 'uiNewCase', args: [{ label: '' }] });
    expect(r.ok).toBe(true);
    expect(r.value.ok).toBe(false);
    expect(r.value.errors.label).toContain('Vul een label in');
  });

  it('een menuklik toont de dialoog; /ui/dialog geeft die met de shim als eerste script', async () => {
    expect(await post('/menu', { fn: 'uiNewCase' })).toMatchObject({ ok: false });
    const r = await post('/menu', { fn: 'menuNewCase' });
    expect(r.ui).toMatchObject({ dialogTitle: 'Nieuwe casus openen' });
    const page = await (await fetch(`${bridge.url}/ui/dialog`)).text();
    expect(page.indexOf(SHIM_JS)).toBeGreaterThan(0);
    expect(page.indexOf(SHIM_JS)).toBeLessThan(page.indexOf('<style>'));
    expect(withShim('<p>x</p>')).toBe(`<script>${SHIM_JS}</script><p>x</p>`);
  });

  it('de shim: handlers, userObject en een Date of functie als parameter weigeren, zoals google.script.run', async () => {
    const fetched: string[] = [];
    const sandbox: Record<string, unknown> = {
      console,
      Promise,
      Proxy,
      setTimeout: (f: () => void) => queueMicrotask(f),
      fetch: async (_url: string, init: { body: string }) => {
        fetched.push(init.body);
        return {
          json: async () => ({ ok: true, value: { ok: true, n: 1 }, ui: { sidebars: 0, dialogs: 0 } }),
        };
      },
    };
    sandbox.window = sandbox;
    vm.runInNewContext(SHIM_JS, sandbox);
    const run = (
      sandbox.google as {
        script: { run: Record<string, (...a: unknown[]) => Record<string, (...a: unknown[]) => unknown>> };
      }
    ).script.run;
    const got = await new Promise<unknown[]>((resolve) => {
      (run.withSuccessHandler!((v: unknown, u: unknown) => resolve([v, u])) as unknown as typeof run)
        .withUserObject!('mijn')!.uiDashboard!('JGA-2026-001');
    });
    expect(got).toEqual([{ ok: true, n: 1 }, 'mijn']);
    expect(JSON.parse(fetched[0]!)).toEqual({ fn: 'uiDashboard', args: ['JGA-2026-001'] });
    for (const bad of [new Date(), () => 1, { nested: [new Date()] }]) {
      const err = await new Promise<Error>((resolve) => {
        (run.withFailureHandler!((e: Error) => resolve(e)) as unknown as typeof run).uiNewCase!(bad);
      });
      expect(err.message).toContain('Ongeldige parameter voor uiNewCase');
    }
    expect(fetched).toHaveLength(1);
  });
});
