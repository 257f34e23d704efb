/**
 * Exporters on state built through the emulator's public Apps Script API.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { exportDocumentDocx } from '../../src/local/export/docx';
import { exportDocumentHtml, exportFormHtml } from '../../src/local/export/html';
import { exportOutbox } from '../../src/local/export/outbox';
import { exportSpreadsheetXlsx } from '../../src/local/export/xlsx';
import { XSS } from './helpers';

function setup() {
  const rt = new Runtime({ latency: false });
  return { rt, ...createServices(rt) };
}

describe('xlsx from an emulated spreadsheet', () => {
  it('keeps injection strings, phone numbers, diacritics and emoji as text; types and layout survive', async () => {
    const { rt, SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.create('Casus J-2026-001');
    const sheet = ss.getSheets()[0]!.setName('Antwoorden');
    sheet.getRange(1, 1, 1, 4).setValues([['Code', 'Telefoon', 'Opmerking', 'Aantal']]);
    sheet.getRange(2, 1, 2, 4).setValues([
      ['J-01', "'+31612345678", '\'=IMPORTXML("https://evil.example";"//a")', 3],
      ['J-02', 'Zoë, Anaïs en Daniël 🙂', `'${XSS}`, 4.5],
    ]);
    sheet.getRange(3, 5).setValue(new Date(Date.UTC(2026, 0, 5, 8, 30)));
    sheet.getRange(3, 6).setValue(true);
    sheet.getRange(2, 4).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(3, 280);
    sheet.getRange(2, 1).setNote('Alleen pseudoniemen');
    const hidden = ss.insertSheet('_systeem');
    hidden.getRange(1, 1).setValue('intern');
    hidden.hideSheet();
    const id = ss.getId();
    const callsBefore = rt.totalCalls();
    const clockBefore = rt.now();

    const buf = await exportSpreadsheetXlsx(rt, id);
    expect(rt.totalCalls()).toBe(callsBefore);
    expect(rt.now()).toBe(clockBefore);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Antwoorden')!;
    expect(ws.getCell('B2').value).toBe('+31612345678');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C2').value).toBe('=IMPORTXML("https://evil.example";"//a")');
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C3').value).toBe(XSS);
    expect(ws.getCell('B3').value).toBe('Zoë, Anaïs en Daniël 🙂');
    expect(ws.getCell('D2').value).toBe(3);
    expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D2').font?.bold).toBe(true);
    expect(ws.getCell('D3').font?.bold).toBeFalsy();
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('E3').type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell('E3').value as Date).toISOString()).toBe('2026-01-05T09:30:00.000Z');
    expect(ws.getCell('F3').value).toBe(true);
    expect((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(1);
    expect(ws.getColumn(3).width).toBe(40);
    const note = ws.getCell('A2').note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toBe(
      'Alleen pseudoniemen',
    );
    expect(wb.getWorksheet('_systeem')!.state).toBe('hidden');
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
  });
});

describe('xlsx formulas', () => {
  it('writes a formula only where the sheet holds one; typed-looking text stays text', async () => {
    const { rt, SpreadsheetApp } = setup();
    const ss = SpreadsheetApp.create('Telling');
    const sheet = ss.getSheets()[0]!;
    sheet.getRange(1, 1, 1, 2).setValues([[2, "'=A1*100"]]);
    sheet.getRange(1, 3).setFormula('=A1+1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportSpreadsheetXlsx(rt, ss.getId())) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('B1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B1').value).toBe('=A1*100');
    expect(ws.getCell('C1').type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell('C1').formula).toBe('A1+1');
  });
});

describe('docx and html from an emulated document', () => {
  function buildDoc() {
    const s = setup();
    const doc = s.DocumentApp.create('Integraal beeld J-2026-001');
    doc.addHeader().appendParagraph('Vertrouwelijk');
    const body = doc.getBody();
    body.appendParagraph('Integraal beeld').setHeading(s.DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph('Aanleiding').setHeading(s.DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('Antwoord van een partner: {{naam}} en ' + XSS);
    body.appendListItem('Overlast bij het station').setGlyphType(s.DocumentApp.GlyphType.BULLET);
    body
      .appendListItem('Vooral ’s avonds')
      .setNestingLevel(1)
      .setGlyphType(s.DocumentApp.GlyphType.HOLLOW_BULLET);
    body.appendHorizontalRule();
    body.appendParagraph('Duiding').setHeading(s.DocumentApp.ParagraphHeading.HEADING2);
    const table = body.appendTable([
      ['Partner', 'Ernst'],
      ['Politie', 'Hoog'],
      ['Jongerenwerk', 'Midden 😐'],
    ]);
    table.getRow(0).getCell(0).setBackgroundColor('#e8eaed');
    body.appendPageBreak();
    body.appendParagraph('Bijlage').setHeading(s.DocumentApp.ParagraphHeading.HEADING3);
    doc.saveAndClose();
    return { ...s, id: doc.getId() };
  }

  it('writes a .docx with the header, headings, lists and table cells', async () => {
    const { rt, id } = buildDoc();
    const buffer = await exportDocumentDocx(rt, id);
    const { value: text } = await mammoth.extractRawText({ buffer });
    for (const t of ['Aanleiding', 'Overlast bij het station', 'Vooral ’s avonds', 'Politie', 'Midden 😐']) {
      expect(text).toContain(t);
    }
    expect(text).toContain(`{{naam}} en ${XSS}`);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<h1>Aanleiding</h1>');
    expect(html).toContain('<h2>Duiding</h2>');
    expect(html).toMatch(/<ul><li>Overlast bij het station<ul><li>Vooral ’s avonds<\/li><\/ul><\/li><\/ul>/);
    expect(html).not.toContain('<img');
    const zip = await JSZip.loadAsync(buffer);
    const headerFile = Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headerFile).toBeDefined();
    expect(await zip.file(headerFile!)!.async('string')).toContain('Vertrouwelijk');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:fill="E8EAED"');
    expect(xml).toContain('w:type="page"');
  });

  it('writes an escaped, printable html page with the header as banner', () => {
    const { rt, id } = buildDoc();
    const html = exportDocumentHtml(rt, id);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<div class="banner">Vertrouwelijk</div>');
    expect(html).toContain('<h1>Aanleiding</h1>');
    expect(html).toContain('{{naam}} en &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<td>Jongerenwerk</td>');
    expect(html).toContain('<hr>');
  });
});

describe('form preview from an emulated form', () => {
  it('shows every item title escaped, with status and context', () => {
    const { rt, FormApp } = setup();
    const form = FormApp.create('Stap 2A – Groepsbeeld');
    form.setDescription('Alleen groepsniveau. <b>Geen namen</b>.');
    form.setConfirmationMessage('Dank u wel voor uw bijdrage.');
    form.addSectionHeaderItem().setTitle('Deel A');
    form.addTextItem().setTitle('Omvang van de groep').setRequired(true);
    form.addParagraphTextItem().setTitle(`Toelichting ${XSS}`).setHelpText('Beschrijf {{naam}} niet.');
    form.addMultipleChoiceItem().setTitle('Frequentie').setChoiceValues(['Dagelijks', 'Wekelijks']);
    form.addCheckboxItem().setTitle('Locaties').setChoiceValues(['Station', 'Parkweg']);
    form.addScaleItem().setTitle('Ernst').setBounds(1, 5).setLabels('Laag', 'Hoog');
    form.addDateItem().setTitle('Laatste incident');
    form
      .addGridItem()
      .setTitle('Duiding')
      .setRows(['Cohesie', 'Ernst'])
      .setColumns(['Laag', 'Midden', 'Hoog']);
    form.setAcceptingResponses(false);

    const html = exportFormHtml(rt, form.getId(), { caseCode: 'J-2026-001', partner: 'Politie' });
    for (const item of form.getItems()) {
      expect(html).toContain(item.getTitle().replace('<', '&lt;').replace('>', '&gt;'));
    }
    expect(html).toContain('Toelichting &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Alleen groepsniveau. &lt;b&gt;Geen namen&lt;/b&gt;.');
    expect(html).toContain('Beschrijf {{naam}} niet.');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Omvang van de groep <span class="req" title="Verplicht">*</span>');
    expect(html).toContain('>Gesloten<');
    expect(html).toContain('Dank u wel voor uw bijdrage.');
    expect(html).toContain('Partner <strong>Politie</strong>');
    expect(html).toContain('<td>Cohesie</td>');
    expect(html).toContain('<input type="date" disabled>');
  });
});

describe('outbox from the emulated MailApp', () => {
  it('writes an .eml with an RFC 2047 Dutch subject for a sent mail', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail(
      'politie@partner.example',
      'Herinnering: vóór vrijdag reageren',
      'Beste partner,\nGraag vóór vrijdag.',
    );
    const { files } = exportOutbox(rt.mailbox, { from: rt.userEmail, timeZone: rt.timeZone });
    expect(files.map((f) => f.name)).toEqual([
      '001-herinnering-voor-vrijdag-reageren.eml',
      'outbox.html',
      'outbox.json',
    ]);
    const eml = files[0]!.content;
    expect(eml).toContain('To: politie@partner.example');
    expect(eml).toMatch(/Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=/);
    const subject = /Subject: (.*(?:\r\n .*)*)/.exec(eml)![1]!;
    const decoded = subject
      .split('\r\n ')
      .map((w) => Buffer.from(/=\?UTF-8\?B\?(.*)\?=/.exec(w)![1]!, 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('Herinnering: vóór vrijdag reageren');
    expect(eml).toContain('Graag vóór vrijdag.');
  });
});
