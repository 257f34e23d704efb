import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/local/apps-script/install';
import { Runtime } from '../../src/local/apps-script/runtime';
import { writeOutputs } from '../../src/local/export/writeAll';
import { writeSpreadsheetXlsx } from '../../src/local/export/xlsx';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'zs-export-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function world() {
  const rt = new Runtime({ latency: false });
  const s = createServices(rt);
  const ss = s.SpreadsheetApp.create('Casus J-2026-001');
  ss.getSheets()[0]!
    .getRange(1, 1, 2, 2)
    .setValues([
      ['Code', 'Stap'],
      ['J-2026-001', '2A'],
    ]);
  const doc = s.DocumentApp.create('Integraal beeld');
  doc.getBody().appendParagraph('Overzicht');
  doc.saveAndClose();
  const form = s.FormApp.create('Stap 2A – Politie');
  form.addTextItem().setTitle('Omvang');
  s.MailApp.sendEmail('politie@partner.example', 'Uitnodiging stap 2A', 'Graag invullen.');
  return { rt, ssId: ss.getId(), docId: doc.getId(), formId: form.getId() };
}

describe('writeOutputs', () => {
  it('writes xlsx, docx+html, form previews, mail and an index linking them', async () => {
    const { rt, ssId, docId, formId } = world();
    const dir = await tempDir();
    const written = await writeOutputs(rt, dir, {
      spreadsheets: [{ id: ssId, file: 'casus.xlsx' }],
      documents: [{ id: docId, file: 'integraal-beeld' }],
      forms: [
        { id: formId, file: 'stap-2a-politie', context: { caseCode: 'J-2026-001', partner: 'Politie' } },
      ],
    });
    const rel = written.map((p) => relative(dir, p).split('\\').join('/'));
    expect(rel).toEqual([
      'casus.xlsx',
      'integraal-beeld.docx',
      'integraal-beeld.html',
      'integraal-beeld.pdf',
      'forms/stap-2a-politie.html',
      'mail/001-uitnodiging-stap-2a.eml',
      'mail/outbox.html',
      'mail/outbox.json',
      'index.html',
    ]);
    for (const p of written) expect(existsSync(p)).toBe(true);
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    for (const href of [
      'casus.xlsx',
      'integraal-beeld.docx',
      'integraal-beeld.html',
      'forms/stap-2a-politie.html',
    ]) {
      expect(index).toContain(`href="${href}"`);
    }
    expect(index).toContain('href="mail/outbox.html"');
    expect(index).toContain('Stap 2A – Politie<');
    expect(index).toContain('Verzonden e-mails (1)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'casus.xlsx'));
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('J-2026-001');
    const preview = await readFile(join(dir, 'forms/stap-2a-politie.html'), 'utf8');
    expect(preview).toContain('Omvang');
  });

  it('refuses file names that would escape the output directory', async () => {
    const { rt, ssId } = world();
    const dir = await tempDir();
    await expect(
      writeOutputs(rt, dir, {
        spreadsheets: [{ id: ssId, file: '../buiten.xlsx' }],
        documents: [],
        forms: [],
      }),
    ).rejects.toThrow('Ongeldige bestandsnaam');
    expect(existsSync(join(dir, '..', 'buiten.xlsx'))).toBe(false);
  });

  it('writeSpreadsheetXlsx creates missing directories', async () => {
    const { rt, ssId } = world();
    const dir = await tempDir();
    const path = join(dir, 'a', 'b', 'casus.xlsx');
    await writeSpreadsheetXlsx(rt, ssId, path);
    expect(existsSync(path)).toBe(true);
  });
});
