import { describe, expect, it } from 'vitest';
import type { BlobImpl } from '../../src/local/apps-script/blob';
import { createDocumentApp, snapshotDocument } from '../../src/local/apps-script/document';
import { createDriveApp } from '../../src/local/apps-script/drive';
import { renderPdf, toWinAnsi } from '../../src/local/apps-script/pdf';
import { MIME, Runtime } from '../../src/local/apps-script/runtime';

function setup() {
  const rt = new Runtime({ latency: false });
  return { rt, DocumentApp: createDocumentApp(rt) };
}

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}

describe('DocumentApp basics', () => {
  it('create gives a Drive document whose body has one empty paragraph', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('Integraal beeld');
    expect(rt.getEntry(doc.getId()).mimeType).toBe(MIME.document);
    expect(doc.getName()).toBe('Integraal beeld');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    expect(DocumentApp.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(DocumentApp.getActiveDocument()).toBeNull();
    expect(() => DocumentApp.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });

  it('paragraphs, headings, text and counting', () => {
    const { rt, DocumentApp } = setup();
    const body = DocumentApp.create('D').getBody();
    const h = body.appendParagraph('Stap 3: Duiding').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    expect(h.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(String(h.getType())).toBe('PARAGRAPH');
    h.appendText(' (concept)');
    expect(h.getText()).toBe('Stap 3: Duiding (concept)');
    expect(body.getChildIndex(h)).toBe(1);
    expect(body.getChild(1).asParagraph().getText()).toBe('Stap 3: Duiding (concept)');
    expect(() => body.getChild(1).asTable()).toThrow(/Cannot cast Paragraph/);
    expect(() => h.setHeading('H1' as unknown as GoogleAppsScript.Document.ParagraphHeading)).toThrow(
      /don't match the method signature/,
    );
    expect(rt.counts.get('Body.appendParagraph')).toBe(1);
    expect(rt.counts.get('Paragraph.setHeading')).toBe(2);
    body.insertParagraph(0, 'Eerst');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['Eerst', '', 'Stap 3: Duiding (concept)']);
  });

  it('consecutive list items share a list id; a paragraph in between starts a new list', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('L').getBody();
    const a = body.appendListItem('Politie');
    const b = body.appendListItem('Jongerenwerk').setNestingLevel(1);
    body.appendParagraph('tussendoor');
    const c = body.appendListItem('Leerplicht').setGlyphType(DocumentApp.GlyphType.NUMBER);
    expect(a.getListId()).toBe(b.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    expect(b.getNestingLevel()).toBe(1);
    expect(c.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(body.getListItems().length).toBe(3);
    expect(() => a.setNestingLevel(9)).toThrow();
  });

  it('appendTable: strings only (signature error otherwise) and an empty paragraph after it', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    expect(() => body.appendTable([[1, 2]] as unknown as string[][])).toThrow(
      "The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
    expect(body.getNumChildren()).toBe(1);
    const t = body.appendTable([
      ['Partner', 'Signaal'],
      ['Politie', 'Overlast'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    const after = body.getChild(2);
    expect(String(after.getType())).toBe('PARAGRAPH');
    expect(after.asParagraph().getText()).toBe('');
    expect(t.getNumRows()).toBe(2);
    expect(t.getCell(1, 0).getText()).toBe('Politie');
    t.getCell(0, 0).setBackgroundColor('#eeeeee').editAsText().setBold(true);
    expect(t.getCell(0, 0).getBackgroundColor()).toBe('#eeeeee');
    t.appendTableRow().appendTableCell('Leerplicht');
    expect(t.getRow(2).getNumCells()).toBe(1);
    expect(body.appendTable().getNumRows()).toBe(0);
    expect(body.getTables().length).toBe(2);
  });

  it('page break and horizontal rule are wrapped in new paragraphs', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('P').getBody();
    const pb = body.appendPageBreak();
    expect(String(pb.getType())).toBe('PAGE_BREAK');
    expect(String(pb.getParent().getType())).toBe('PARAGRAPH');
    const hr = body.appendHorizontalRule();
    expect(String(hr.getParent().getType())).toBe('PARAGRAPH');
    expect(body.getNumChildren()).toBe(3);
  });

  it('appending an attached element throws; a copy can be appended', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('C').getBody();
    const p = body.appendParagraph('Herhaald');
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
    const copy = body.appendParagraph(p.copy());
    expect(copy.getText()).toBe('Herhaald');
    expect(body.getNumChildren()).toBe(3);
  });

  it('clear keeps one empty paragraph; the last paragraph cannot be removed', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('X').getBody();
    body.appendParagraph('a');
    body.appendTable([['x']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(() => body.getChild(0).removeFromParent()).toThrow(/last paragraph/);
  });
});

describe('Text formatting and replaceText', () => {
  it('setBold with an inclusive end offset; isBold per offset; link and colour', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('F').getBody().appendParagraph('Groep Noord');
    const t = p.editAsText();
    t.setBold(0, 4, true);
    expect(t.isBold(4)).toBe(true);
    expect(t.isBold(5)).toBeNull(); // never set (unconfirmed: real may say false)
    expect(t.isBold()).toBeNull(); // mixed
    t.setLinkUrl(6, 10, 'https://example.org/noord').setForegroundColor(0, 0, '#aa0000');
    expect(t.getLinkUrl(7)).toBe('https://example.org/noord');
    expect(t.getForegroundColor(0)).toBe('#aa0000');
    expect(t.getTextAttributeIndices()).toEqual([0, 1, 5, 6]);
    expect(() => t.setBold(0, 99, true)).toThrow();
    t.insertText(5, ' West').deleteText(0, 0);
    expect(t.getText()).toBe('roep West Noord');
    const attrs = p.getAttributes();
    expect(attrs[DocumentApp.Attribute.HEADING]).toBe('NORMAL');
  });

  it('replaceText uses RE2 rules per paragraph and keeps formatting', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('R').getBody();
    const a = body.appendParagraph('Casus {{naam}} in {{wijk}}');
    a.editAsText().setBold(6, 13, true);
    body.appendParagraph('{{naam}}');
    body.replaceText('\\{\\{naam\\}\\}', 'Groep Noord');
    expect(a.getText()).toBe('Casus Groep Noord in {{wijk}}');
    expect(a.editAsText().isBold(6)).toBe(true);
    expect(body.getChild(2).asParagraph().getText()).toBe('Groep Noord');
    expect(() => body.replaceText('(?=x)', 'y')).toThrow(/RE2/);
    expect(() => body.replaceText('(a)\\1', 'y')).toThrow(/RE2/);
    // No match across paragraphs.
    body.replaceText('Noord\\nGroep', 'X');
    expect(body.getText()).toContain('Noord');
  });
});

describe('Document sections, closing and PDF', () => {
  it('header is null until added; addHeader twice returns the same header', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('H');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('Vertrouwelijk');
    expect(doc.addHeader().getText()).toBe('\nVertrouwelijk');
    expect(doc.getFooter()).toBeNull();
    doc.addFooter().setText('Pagina');
    expect(doc.getFooter().getText()).toBe('Pagina');
  });

  it('after saveAndClose every edit through old handles throws; reopening works', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('S');
    const body = doc.getBody();
    const p = body.appendParagraph('voor');
    doc.saveAndClose();
    const closed = 'Document is closed, its contents cannot be updated.';
    expect(() => body.appendParagraph('na')).toThrow(closed);
    expect(() => p.setText('na')).toThrow(closed);
    expect(() => p.editAsText().setBold(true)).toThrow(closed);
    expect(() => doc.setName('nieuw')).toThrow(closed);
    expect(p.getText()).toBe('voor');
    DocumentApp.openById(doc.getId()).getBody().appendParagraph('na');
    expect(DocumentApp.openById(doc.getId()).getBody().getText()).toBe('\nvoor\nna');
  });

  it('getAs(pdf) and DriveApp getAs(pdf) give a valid PDF; other types throw', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('Overzicht');
    const body = doc.getBody();
    body
      .appendParagraph('Integraal beeld — één groep, geïnventariseerd')
      .setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendListItem('Signaal politie');
    body.appendTable([['Partner', 'Duiding']]);
    body.appendPageBreak();
    body.appendParagraph('Tweede pagina');
    const blob = doc.getAs('application/pdf') as unknown as BlobImpl;
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('Overzicht.pdf');
    const text = latin1(blob.rawBytes());
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/xref\n0 \d+\n0000000000 65535 f \n/);
    expect(text).toMatch(/trailer\n<< \/Size \d+ \/Root 1 0 R/);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('/Count 2'); // the page break made a second page
    expect(text).toContain('\u00e9\u00e9n'); // "één" in WinAnsi
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const firstObj = Number(/xref\n0 \d+\n0000000000 65535 f \n(\d{10})/.exec(text)![1]);
    expect(text.slice(firstObj, firstObj + 7)).toBe('1 0 obj');
    expect(() => doc.getAs('text/plain')).toThrow(/not supported/);

    const viaDrive = createDriveApp(rt)
      .getFileById(doc.getId())
      .getAs('application/pdf') as unknown as BlobImpl;
    expect(latin1(viaDrive.rawBytes()).startsWith('%PDF-1.4')).toBe(true);
  });

  it('WinAnsi mapping covers Dutch text', () => {
    expect(toWinAnsi('ĳs – “één” €5')).toBe('ijs \u0096 \u0093\u00e9\u00e9n\u0094 \u00805');
    const long = renderPdf({
      title: 't',
      body: Array.from({ length: 200 }, () => ({ kind: 'text', text: 'regel', size: 11 })),
    });
    expect(latin1(long)).toMatch(/\/Count [2-9]/);
  });

  it('snapshotDocument is uncounted and describes runs, lists and tables', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('Snap');
    const body = doc.getBody();
    body.appendParagraph('Kop').setHeading(DocumentApp.ParagraphHeading.HEADING2);
    const p = body.appendParagraph('vet en link');
    p.editAsText().setBold(0, 2, true).setLinkUrl(7, 10, 'https://example.org');
    body.appendListItem('punt');
    const t = body.appendTable([['a', 'b']]);
    t.getCell(0, 1).setBackgroundColor('#ffeeaa');
    const id = doc.getId();
    const before = rt.totalCalls();
    const snap = snapshotDocument(rt, id);
    expect(rt.totalCalls()).toBe(before);
    expect(snap.name).toBe('Snap');
    expect(snap.body[1]).toMatchObject({ type: 'PARAGRAPH', heading: 'HEADING2', text: 'Kop' });
    expect(snap.body[2]!.runs!.map((r) => [r.text, r.bold, r.link])).toEqual([
      ['vet', true, null],
      [' en ', false, null],
      ['link', false, 'https://example.org'],
    ]);
    expect(snap.body[3]).toMatchObject({ type: 'LIST_ITEM', glyph: 'BULLET', nesting: 0 });
    expect(snap.body[4]!.rows![0]!.map((c) => [c.text, c.background])).toEqual([
      ['a', null],
      ['b', '#ffeeaa'],
    ]);
    expect(snap.header).toEqual([]);
  });
});
