/**
 * Daily creation quotas (guides/services/quotas: "Documents created" 250 consumer / 1,500
 * Workspace, "Spreadsheets created" 250 / 3,200; per user, reset 24 hours after the first
 * request): the creation past the quota fails before anything is made, in the account's language.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentApp } from '../../src/local/apps-script/document';
import { createDriveApp } from '../../src/local/apps-script/drive';
import { UNKNOWN_DUTCH } from '../../src/local/apps-script/messages';
import {
  CREATE_QUOTA_CONSUMER,
  CREATE_QUOTA_WORKSPACE,
  MIME,
  Runtime,
} from '../../src/local/apps-script/runtime';
import { createSpreadsheetApp } from '../../src/local/apps-script/spreadsheet';

const DAY = 24 * 3_600_000;

describe('dagquotum voor nieuwe bestanden', () => {
  it('de standaard is Workspace; het consumentenquotum is 250 per soort', () => {
    expect(new Runtime().createDailyQuota).toEqual(CREATE_QUOTA_WORKSPACE);
    expect(CREATE_QUOTA_WORKSPACE).toEqual({ documents: 1500, spreadsheets: 3200, conversions: 4000 });
    expect(CREATE_QUOTA_CONSUMER).toEqual({ documents: 250, spreadsheets: 250, conversions: 2000 });
  });

  it('de spreadsheet voorbij het quotum faalt zonder iets te maken; 24 uur na de eerste kan het weer', () => {
    const rt = new Runtime({ latency: false, createDailyQuota: { spreadsheets: 3 } });
    const app = createSpreadsheetApp(rt);
    for (let i = 0; i < 3; i++) app.create(`s${i}`);
    rt.advance(DAY - 1);
    expect(() => app.create('te veel')).toThrow(
      'Service invoked too many times for one day: spreadsheets create.',
    );
    expect(rt.entriesOf(MIME.spreadsheet)).toHaveLength(3);
    expect(rt.creationsToday('spreadsheets')).toBe(3);
    rt.advance(1);
    expect(rt.creationsToday('spreadsheets')).toBe(0);
    app.create('morgen');
    expect(rt.entriesOf(MIME.spreadsheet)).toHaveLength(4);
  });

  it('een pdf van een document is een conversie: die telt apart, ook via Drive, en voorbij het quotum faalt ze', () => {
    const rt = new Runtime({ latency: false, createDailyQuota: { conversions: 2 } });
    const doc = createDocumentApp(rt).create('verslag');
    const file = createDriveApp(rt).getFileById(doc.getId());
    expect(doc.getAs(MIME.pdf).getContentType()).toBe(MIME.pdf);
    expect(file.getAs(MIME.pdf).getContentType()).toBe(MIME.pdf);
    expect(rt.creationsToday('conversions')).toBe(2);
    expect(rt.creationsToday('documents')).toBe(1);
    expect(() => doc.getBlob()).toThrow('Service invoked too many times for one day: file conversion.');
    // An unsupported type fails for its own reason and uses nothing up.
    rt.advance(DAY);
    expect(() => doc.getAs('image/png')).toThrow(/is not supported/);
    expect(rt.creationsToday('conversions')).toBe(0);
    expect(file.getBlob().getContentType()).toBe(MIME.pdf);
  });

  it('documenten tellen apart, en de fout komt in de taal van het account', () => {
    const rt = new Runtime({ latency: false, language: 'nl', createDailyQuota: { documents: 1 } });
    const docs = createDocumentApp(rt);
    createSpreadsheetApp(rt).create('telt niet mee voor documenten');
    docs.create('een');
    let message = '';
    try {
      docs.create('twee');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith(UNKNOWN_DUTCH)).toBe(true);
    expect(message).not.toMatch(/too many/);
    expect(rt.entriesOf(MIME.document)).toHaveLength(1);
  });
});
