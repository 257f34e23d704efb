/**
 * The OAuth scopes in appsscript.json are exactly what the bundle's services need: no service
 * outside them, and no scope that no service uses. Scopes per service from the Apps Script
 * reference (each service page lists the scopes its methods require; concepts/scopes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const AUTH = 'https://www.googleapis.com/auth/';

/** Global → the scope it needs ('' for services that need none). */
const SCOPE_OF: Record<string, string> = {
  SpreadsheetApp: 'spreadsheets',
  Sheets: 'spreadsheets',
  FormApp: 'forms',
  DocumentApp: 'documents',
  DriveApp: 'drive',
  Drive: 'drive',
  MailApp: 'script.send_mail',
  ScriptApp: 'script.scriptapp',
  HtmlService: 'script.container.ui',
  Session: 'userinfo.email',
  Charts: '',
  Utilities: '',
  PropertiesService: '',
  LockService: '',
  CacheService: '',
  Logger: '',
};

/** Services the product must never use: each would widen what the gemeente grants. */
const FORBIDDEN = [
  'UrlFetchApp',
  'GmailApp',
  'CalendarApp',
  'ContactsApp',
  'People',
  'SlidesApp',
  'Jdbc',
  'FormsApi',
  'Gmail',
  'AdminDirectory',
];

describe('OAuth-scopes', () => {
  const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
  };
  const used = (name: string) => new RegExp(`\\b${name}\\.`).test(code);

  it('de bundel gebruikt geen dienst buiten de lijst', () => {
    expect(FORBIDDEN.filter(used)).toEqual([]);
  });

  it('elke gebruikte dienst heeft zijn scope, en elke scope wordt gebruikt', () => {
    const needed = new Set(
      Object.entries(SCOPE_OF)
        .filter(([name, scope]) => scope !== '' && used(name))
        .map(([, scope]) => AUTH + scope),
    );
    expect([...manifest.oauthScopes].sort()).toEqual([...needed].sort());
  });

  it('getUi (menu en dialogen) valt onder script.container.ui', () => {
    expect(code).toMatch(/\.getUi\(\)/);
    expect(manifest.oauthScopes).toContain(`${AUTH}script.container.ui`);
  });
});
