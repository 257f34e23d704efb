import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRYPOINTS } from '../../src/entrypoints';
import { createVmContext } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { MENU_TITLE } from '../../src/ui/menu';

const root = join(__dirname, '../..');
const dist = join(root, 'dist');
let code = '';

beforeAll(() => {
  // dist/ is freshly built by the global setup (tests/setup/buildOnce.ts) before any file runs.
  code = readFileSync(join(dist, 'Code.js'), 'utf8');
});

function load(rt: Runtime) {
  const ctx = createVmContext(rt, {});
  vm.runInContext(code, ctx, { filename: 'Code.js' });
  return ctx as Record<string, unknown>;
}

describe('dist/Code.js', () => {
  it('bevat alleen Code.js, appsscript.json en de HTML-bestanden van src/ui', () => {
    const ui = readdirSync(join(root, 'src/ui')).filter((f) => f.endsWith('.html'));
    expect(readdirSync(dist).sort()).toEqual(['Code.js', 'appsscript.json', ...ui].sort());
  });

  it('clasp show-file-status noemt precies de bestanden in dist/', () => {
    const out = execFileSync('npx', ['clasp', 'show-file-status'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const tracked = out.split('Untracked files:')[0]!;
    const files = [...tracked.matchAll(/dist\/(\S+)/g)].map((m) => m[1]).sort();
    expect(files).toEqual(readdirSync(dist).sort());
  });

  it('gebruikt niets wat Apps Script niet heeft', () => {
    for (const banned of [
      /\brequire\(/,
      /\bprocess\./,
      /\bsetTimeout\(/,
      /\bfetch\(/,
      /\bTextEncoder\b/,
      /\bTextDecoder\b/,
      /from "node:/,
    ]) {
      expect(banned.test(code), String(banned)).toBe(false);
    }
  });

  it('is klein genoeg (grootte in de testuitvoer)', () => {
    const bytes = statSync(join(dist, 'Code.js')).size;
    console.log(`dist/Code.js: ${(bytes / 1024).toFixed(1)} KiB`);
    // A budget, not a platform limit: the HTML pages of the sidebar and dialogs (src/render/html)
    // are strings in the bundle, and the digest and Zelftest add their routines; since then the
    // letters, rights and sharing checks (privacy) and the error kinds in two languages added
    // about 30 KiB (778 KiB on 4 December 2026). The budget keeps growth a decision.
    expect(bytes).toBeLessThan(850 * 1024);
  });

  it('elke entry point is een top-level function-declaratie', () => {
    for (const name of ENTRYPOINTS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('laden roept geen enkele service aan', () => {
    const rt = new Runtime();
    const ctx = load(rt);
    expect(rt.totalCalls()).toBe(0);
    for (const name of ENTRYPOINTS) expect(typeof ctx[name], name).toBe('function');
  });

  it('onOpen zet het menu neer en elk menu-item noemt een bestaande top-level functie', () => {
    const rt = new Runtime();
    const ctx = load(rt);
    (ctx.onOpen as () => void)();
    const menu = rt.ui.menus.find((m) => m.caption === MENU_TITLE);
    expect(menu).toBeDefined();
    const items = menu!.items.filter((i) => i.functionName !== ''); // separators have no function
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(typeof ctx[item.functionName], item.functionName).toBe('function');
  });

  it('draait zonder eval: zod staat in jitless-modus (register inrichten valideert instellingen met zod)', () => {
    const rt = new Runtime();
    const ctx = createVmContext(rt, { codeGeneration: false }) as Record<string, unknown>;
    vm.runInContext(code, ctx as vm.Context);
    expect(() => vm.runInContext('new Function("return 1")', ctx as vm.Context)).toThrow();
    const ss = (ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).create('Register');
    rt.boundContainerId = ss.getId();
    rt.ui.answers.push({ button: 'OK' });
    (ctx.menuSetup as () => void)();
    expect(rt.ui.alerts.at(-1)?.prompt).toContain('Het register is ingericht');
    expect(ss.getSheetByName('Instellingen')).not.toBeNull();
    // Opening a case before the template is filled in names the cells to fill in.
    rt.ui.answers.push({ button: 'OK' });
    (ctx.menuNewCase as () => void)();
    const alert = rt.ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toContain('Instellingen!B2: vul "Gemeente" in');
    expect(alert).toMatch(
      /Instellingen!B\d+: vul "E-mailadres procesregisseur" in|Instellingen!B\d+: vul ".*procesregisseur.*" in/,
    );
  });
});
