/**
 * Writes every local output of a run into one directory (`out/` for `npm start`):
 * spreadsheets as .xlsx, documents as .docx, .html and .pdf, form previews under `forms/`, the
 * mailbox under `mail/`, and an `index.html` linking them all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { importedDocx } from '../apps-script/advanced/drive-files';
import { documentPdf, snapshotDocument } from '../apps-script/document';
import type { DocModel } from '../apps-script/document-model';
import { snapshotForm } from '../apps-script/forms';
import { pdfPageCount } from '../apps-script/pdf';
import type { Runtime } from '../apps-script/runtime';
import { snapshotSpreadsheet } from '../apps-script/spreadsheet';
import { documentSnapshotToDocx } from './docx';
import { type FormPreviewContext, formSnapshotToHtml } from './formHtml';
import { documentSnapshotToHtml, exportIndexHtml, type IndexEntry } from './html';
import { exportOutbox } from './outbox';
import { spreadsheetSnapshotToXlsx } from './xlsx';

export interface OutputManifest {
  spreadsheets: { id: string; file: string }[];
  /** `file` without extension (or ending in .docx / .html / .pdf): all three are written. */
  documents: { id: string; file: string }[];
  /** `file` relative to `forms/`; `.html` is added when missing. */
  forms: { id: string; file: string; context?: FormPreviewContext }[];
  /** Ordinary Drive files (e.g. the PDF of the overview), written byte for byte. */
  files?: { id: string; file: string }[];
}

const GROUPS = {
  sheets: 'Spreadsheets',
  docs: 'Documenten',
  forms: 'Formulieren (voorbeeldweergave)',
  mail: 'E-mail',
} as const;

/** Resolves `rel` inside `dir`; a path escaping the directory is refused. */
function inside(dir: string, rel: string): string {
  const root = resolve(dir);
  const full = resolve(root, rel);
  const r = relative(root, full);
  if (rel === '' || r === '' || r.startsWith('..') || isAbsolute(r)) {
    throw new Error(`Ongeldige bestandsnaam voor uitvoer: ${rel}`);
  }
  return full;
}

function withExt(file: string, ext: string): string {
  return file.toLowerCase().endsWith(ext) ? file : `${file}${ext}`;
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}

/** Writes all outputs for the manifest and returns the written paths (index.html last). */
export async function writeOutputs(rt: Runtime, dir: string, manifest: OutputManifest): Promise<string[]> {
  const written: string[] = [];
  const index: IndexEntry[] = [];
  const root = resolve(dir);
  await mkdir(root, { recursive: true });

  const put = async (rel: string, data: string | Buffer, title: string, group: string): Promise<void> => {
    const full = inside(root, rel);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
    written.push(full);
    index.push({ title, href: toPosix(relative(root, full)), group });
  };

  for (const s of manifest.spreadsheets) {
    const snap = rt.uncounted(() => snapshotSpreadsheet(rt, s.id));
    const buf = await spreadsheetSnapshotToXlsx(snap, { at: rt.nowDate() });
    await put(withExt(s.file, '.xlsx'), buf, `${snap.name} (Excel)`, GROUPS.sheets);
  }

  for (const d of manifest.documents) {
    const snap = rt.uncounted(() => snapshotDocument(rt, d.id));
    const base = d.file.replace(/\.(docx|html|pdf)$/i, '');
    // A document written through Drive (workspace/docs.ts): the .docx is the uploaded file itself.
    const uploaded = importedDocx(rt).get(d.id);
    const docx = uploaded ? Buffer.from(uploaded) : await documentSnapshotToDocx(snap);
    await put(`${base}.docx`, docx, `${snap.name} (Word)`, GROUPS.docs);
    await put(`${base}.html`, documentSnapshotToHtml(snap), `${snap.name} (webpagina)`, GROUPS.docs);
    const pdf = rt.uncounted(() => documentPdf(snap.name, rt.getEntry(d.id).data as DocModel));
    const pages = pdfPageCount(pdf);
    await put(
      `${base}.pdf`,
      Buffer.from(pdf),
      `${snap.name} (PDF, ${pages} ${pages === 1 ? 'pagina' : "pagina's"})`,
      GROUPS.docs,
    );
  }

  for (const f of manifest.files ?? []) {
    const entry = rt.getEntry(f.id);
    if (!entry.bytes) throw new Error(`Bestand ${entry.name} heeft geen inhoud om te schrijven.`);
    await put(f.file, Buffer.from(entry.bytes), entry.name, GROUPS.docs);
  }

  for (const f of manifest.forms) {
    const snap = rt.uncounted(() => snapshotForm(rt, f.id));
    const partner = f.context?.partner;
    const label = partner && !snap.title.includes(partner) ? `${snap.title} (${partner})` : snap.title;
    await put(
      join('forms', withExt(f.file, '.html')),
      formSnapshotToHtml(snap, f.context),
      label,
      GROUPS.forms,
    );
  }

  const outbox = exportOutbox(rt.mailbox, { from: rt.userEmail, timeZone: rt.timeZone });
  for (const file of outbox.files) {
    const full = inside(root, join('mail', file.name));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.content, 'utf8');
    written.push(full);
  }
  index.push({
    title: `Verzonden e-mails (${rt.mailbox.length})`,
    href: 'mail/outbox.html',
    group: GROUPS.mail,
  });

  const indexPath = join(root, 'index.html');
  await writeFile(indexPath, exportIndexHtml(index), 'utf8');
  written.push(indexPath);
  return written;
}
