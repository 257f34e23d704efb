import { describe, expect, it } from 'vitest';
import { createHtmlService } from '../../src/local/apps-script/html';
import { createLockService } from '../../src/local/apps-script/lock';
import { Runtime } from '../../src/local/apps-script/runtime';
import { createUi } from '../../src/local/apps-script/ui';

const newRt = () => new Runtime({ latency: false });

describe('getUi context', () => {
  it('throws the Apps Script text with the calling app when no UI is available', () => {
    const rt = newRt();
    rt.ui.uiAvailable = false;
    expect(() => createUi(rt, 'SpreadsheetApp')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(() => createUi(rt, 'DocumentApp')).toThrow('Cannot call DocumentApp.getUi() from this context.');
    try {
      createUi(rt, 'FormApp');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
  });

  it('unknown members fail loudly instead of returning undefined', () => {
    const ui = createUi(newRt(), 'SpreadsheetApp') as unknown as Record<string, () => void>;
    expect(() => ui.showDialog?.()).toThrow('Niet geëmuleerd: Ui.showDialog');
  });
});

describe('menus', () => {
  it('records items, separators and sub-menus on addToUi only', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    const menu = ui
      .createMenu('7 stappen')
      .addItem('Nieuwe casus', 'nieuweCasus')
      .addSeparator()
      .addSubMenu(ui.createMenu('Beheer').addItem('Instellingen', 'toonInstellingen'));
    expect(rt.ui.menus).toEqual([]);
    menu.addToUi();
    expect(rt.ui.menus).toEqual([
      {
        caption: '7 stappen',
        items: [
          { caption: 'Nieuwe casus', functionName: 'nieuweCasus' },
          { caption: '---', functionName: '' },
          { caption: 'Beheer > Instellingen', functionName: 'toonInstellingen' },
        ],
      },
    ]);
  });

  it('a menu with the same caption replaces the earlier one', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    ui.createMenu('Hulp').addItem('Over', 'over').addToUi();
    ui.createMenu('7 stappen').addItem('Oud', 'oud').addToUi();
    ui.createMenu('7 stappen').addItem('Nieuw', 'nieuw').addToUi();
    expect(rt.ui.menus.map((m) => m.caption)).toEqual(['Hulp', '7 stappen']);
    expect(rt.ui.menus[1]?.items).toEqual([{ caption: 'Nieuw', functionName: 'nieuw' }]);
  });
});

describe('alert and prompt', () => {
  it('consumes scripted answers and returns the matching Button', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    rt.ui.answers.push({ button: 'YES' }, { button: 'OK' });
    expect(ui.alert('Zeker?', 'Casus sluiten?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Klaar')).toBe(ui.Button.OK);
    expect(rt.ui.alerts).toEqual([
      { title: 'Zeker?', prompt: 'Casus sluiten?' },
      { title: '', prompt: 'Klaar' },
    ]);
    expect(rt.ui.answers).toEqual([]);
  });

  it('without a scripted answer the test is told to script one', () => {
    const ui = createUi(newRt(), 'SpreadsheetApp');
    expect(() => ui.alert('Zeker?')).toThrow(/rt\.ui\.answers/);
  });

  it('rejects a scripted button that is not on the ButtonSet', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    rt.ui.answers.push({ button: 'YES' });
    expect(() => ui.alert('Let op', ui.ButtonSet.OK)).toThrow(/not on ButtonSet\.OK/);
  });

  it('prompt returns the text and the button', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    rt.ui.answers.push({ button: 'OK', text: 'JG-2026-001' });
    const r = ui.prompt('Casuscode', 'Welke casus?', ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('JG-2026-001');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
  });

  it('locks are lost across the suspension of an alert', () => {
    const rt = newRt();
    const lock = createLockService(rt).getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    rt.ui.answers.push({ button: 'OK' });
    createUi(rt, 'SpreadsheetApp').alert('Doorgaan?');
    expect(lock.hasLock()).toBe(false);
  });
});

describe('sidebars and dialogs', () => {
  it('record title and HTML content', () => {
    const rt = newRt();
    const ui = createUi(rt, 'SpreadsheetApp');
    const html = createHtmlService(rt, {});
    ui.showSidebar(html.createHtmlOutput('<p>Zijbalk</p>').setTitle('Casus'));
    ui.showModalDialog(html.createHtmlOutput('<p>Modaal</p>').setTitle('genegeerd'), 'Besluit');
    ui.showModelessDialog(html.createHtmlOutput('<p>Vrij</p>'), 'Info');
    expect(rt.ui.sidebars).toEqual([{ title: 'Casus', html: '<p>Zijbalk</p>' }]);
    expect(rt.ui.dialogs).toEqual([
      { title: 'Besluit', html: '<p>Modaal</p>', modal: true },
      { title: 'Info', html: '<p>Vrij</p>', modal: false },
    ]);
  });
});
