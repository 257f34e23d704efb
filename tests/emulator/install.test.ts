import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createVmContext, installAppsScript } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { runDueTriggers } from '../../src/local/apps-script/script';

const GLOBALS = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'MimeType',
  'MailApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'ScriptApp',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
];

const newRt = () => new Runtime({ latency: false });

describe('installAppsScript', () => {
  it('installs every service on a target and restores what was there', () => {
    const target: Record<string, unknown> = { Logger: 'eerder' };
    const { services, uninstall } = installAppsScript(newRt(), { target });
    for (const name of [...GLOBALS, 'console']) expect(target[name], name).toBeDefined();
    expect(target.MailApp).toBe(services.MailApp);
    uninstall();
    expect(target).toEqual({ Logger: 'eerder' });
  });

  it('on globalThis it never replaces Node console, and uninstall removes the globals', () => {
    const g = globalThis as Record<string, unknown>;
    const nodeConsole = globalThis.console;
    const { uninstall } = installAppsScript(newRt());
    try {
      expect(typeof g.SpreadsheetApp).toBe('object');
      expect(typeof g.Utilities).toBe('object');
      expect(globalThis.console).toBe(nodeConsole);
    } finally {
      uninstall();
    }
    for (const name of GLOBALS) expect(name in g, name).toBe(false);
  });
});

describe('createVmContext', () => {
  it('offers the services and the JS built-ins, but nothing from Node', () => {
    const ctx = createVmContext(newRt());
    const t = (expr: string) => vm.runInContext(`typeof ${expr}`, ctx);
    for (const name of [
      'setTimeout',
      'setInterval',
      'process',
      'require',
      'fetch',
      'TextEncoder',
      'Buffer',
      'URL',
    ]) {
      expect(t(name), name).toBe('undefined');
    }
    for (const name of GLOBALS) expect(t(name), name).toBe('object');
    expect(t('JSON')).toBe('object');
    expect(t('Math.max')).toBe('function');
    expect(t('console.log')).toBe('function');
  });

  it('Date in the context reads the emulated clock', () => {
    const rt = newRt();
    const ctx = createVmContext(rt);
    expect(vm.runInContext('new Date().getTime()', ctx)).toBe(rt.now());
    rt.advance(5000);
    expect(vm.runInContext('Date.now()', ctx)).toBe(rt.now());
    expect(vm.runInContext('new Date(0) instanceof Date && new Date(2026, 0, 1).getFullYear()', ctx)).toBe(
      2026,
    );
  });

  it('runs a loaded script: logging, cross-realm dates, templates calling script functions, triggers', () => {
    const rt = newRt();
    const ctx = createVmContext(rt, {
      htmlFiles: { Stijl: '<style>p{}</style>', Pagina: "<?!= include('Stijl') ?><p><?= naam ?></p>" },
    });
    vm.runInContext(
      `
      function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      function pagina() {
        var t = HtmlService.createTemplateFromFile('Pagina');
        t.naam = '<Jan>';
        return t.evaluate().getContent();
      }
      function tik(e) {
        Logger.log('tik om %s', Utilities.formatDate(new Date(), 'Europe/Amsterdam', 'HH:mm'));
        console.info('minuut', e.minute);
      }
      function installeer() { ScriptApp.newTrigger('tik').timeBased().everyMinutes(30).create(); }
      `,
      ctx,
    );
    expect(vm.runInContext('pagina()', ctx)).toBe('<style>p{}</style><p>&lt;Jan&gt;</p>');
    vm.runInContext('installeer()', ctx);
    const runs = runDueTriggers(rt, ctx, rt.now() + 30 * 60_000);
    expect(runs.map((r) => r.error)).toEqual([undefined]);
    expect(rt.logs.map((l) => l.message)).toEqual(['tik om 09:30', 'minuut 30']);
  });
});

describe('Session and Logger', () => {
  it('report the emulated user, zone and locale; Logger keeps its own log', () => {
    const rt = new Runtime({ latency: false, userEmail: 'regie@gemeente.example', language: 'nl' });
    const { services, uninstall } = installAppsScript(rt, { target: {} });
    uninstall();
    const { Session, Logger } = services;
    expect(Session.getActiveUser().getEmail()).toBe('regie@gemeente.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('regie@gemeente.example');
    expect(Session.getScriptTimeZone()).toBe('Europe/Amsterdam');
    expect(Session.getActiveUserLocale()).toBe('nl');
    expect(Session.getTemporaryActiveUserKey()).toBe(Session.getTemporaryActiveUserKey());
    Logger.log('casus %s in stap %s', 'JG-1', 3);
    Logger.log({ a: 1 });
    expect(Logger.getLog()).toBe('casus JG-1 in stap 3\n{"a":1}\n');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    expect(rt.logs).toHaveLength(2);
  });
});
