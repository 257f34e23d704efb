/**
 * A minimal but valid PDF 1.4 writer for Document.getAs('application/pdf') in the emulator:
 * the standard Helvetica fonts with WinAnsiEncoding (all Dutch diacritics fit), word-wrapped
 * text lines, horizontal rules, page breaks, and a header/footer repeated on every page.
 * Not a layout engine: it exists so exports and mail attachments are real, openable PDFs.
 */

export type PdfBlock =
  | { kind: 'text'; text: string; size: number; bold?: boolean; italic?: boolean; indent?: number }
  | { kind: 'rule' }
  | { kind: 'pageBreak' };

export interface PdfInput {
  title: string;
  body: PdfBlock[];
  header?: PdfBlock[];
  footer?: PdfBlock[];
  /** Points; default US Letter with one-inch margins like a new Google Doc. */
  pageWidth?: number;
  pageHeight?: number;
  margin?: number;
}

/** Unicode → WinAnsiEncoding (cp1252) for the characters outside Latin-1 that cp1252 has. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const SPELLED: Record<string, string> = { ĳ: 'ij', Ĳ: 'IJ', '\t': ' ', '\u00a0': ' ', '→': '->', '✓': 'v' };

/** One byte per character (as a binary string); unknown characters become '?'. */
export function toWinAnsi(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff)) out += ch;
    else if (CP1252[ch] !== undefined) out += String.fromCharCode(CP1252[ch]);
    else out += '?';
  }
  return out;
}

function escapePdfString(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** Rough Helvetica advance widths (per 1 pt of font size); enough for wrapping. */
function charWidth(c: string): number {
  if (" .,;:!|ijlI'`tf".includes(c)) return 0.28;
  if ('mwMW@'.includes(c)) return 0.86;
  if (c >= 'A' && c <= 'Z') return 0.68;
  return 0.53;
}

function textWidth(s: string, size: number, bold: boolean): number {
  let w = 0;
  for (const c of s) w += charWidth(c);
  return w * size * (bold ? 1.06 : 1);
}

function wrap(text: string, size: number, bold: boolean, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && textWidth(candidate, size, bold) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
      while (textWidth(line, size, bold) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), size, bold) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

function fontOf(b: { bold?: boolean; italic?: boolean }): string {
  if (b.bold && b.italic) return '/F4';
  if (b.bold) return '/F2';
  if (b.italic) return '/F3';
  return '/F1';
}

interface Page {
  ops: string[];
}

/** Lays out the blocks and returns the PDF file bytes. */
export function renderPdf(input: PdfInput): Uint8Array {
  const W = input.pageWidth ?? 612;
  const H = input.pageHeight ?? 792;
  const M = input.margin ?? 72;
  const usable = W - 2 * M;
  const pages: Page[] = [];
  let page: Page = { ops: [] };
  let y = H - M;

  const textOp = (x: number, yy: number, s: string, size: number, font: string) =>
    `BT ${font} ${size} Tf ${x.toFixed(2)} ${yy.toFixed(2)} Td (${escapePdfString(toWinAnsi(s))}) Tj ET`;

  const decorate = (p: Page) => {
    let hy = H - M / 2;
    for (const b of input.header ?? []) {
      if (b.kind !== 'text') continue;
      p.ops.push(textOp(M, hy, b.text, Math.min(b.size, 9), fontOf(b)));
      hy -= 11;
    }
    let fy = M / 2;
    for (const b of input.footer ?? []) {
      if (b.kind !== 'text') continue;
      p.ops.push(textOp(M, fy, b.text, Math.min(b.size, 9), fontOf(b)));
      fy -= 11;
    }
  };
  const newPage = () => {
    decorate(page);
    pages.push(page);
    page = { ops: [] };
    y = H - M;
  };

  for (const b of input.body) {
    if (b.kind === 'pageBreak') {
      newPage();
      continue;
    }
    if (b.kind === 'rule') {
      if (y - 8 < M) newPage();
      y -= 6;
      page.ops.push(`0.5 w ${M} ${y.toFixed(2)} m ${W - M} ${y.toFixed(2)} l S`);
      y -= 6;
      continue;
    }
    const lead = b.size * 1.35;
    const indent = b.indent ?? 0;
    for (const line of wrap(b.text, b.size, !!b.bold, usable - indent)) {
      if (y - lead < M) newPage();
      y -= lead;
      if (line !== '') page.ops.push(textOp(M + indent, y, line, b.size, fontOf(b)));
    }
  }
  decorate(page);
  pages.push(page);
  return assemble(pages, W, H, input.title);
}

function assemble(pages: Page[], W: number, H: number, title: string): Uint8Array {
  const objects: string[] = [];
  const fonts = ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'];
  const firstPage = 3 + fonts.length + 1;
  const pageIds = pages.map((_, i) => firstPage + i * 2);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  );
  for (const f of fonts)
    objects.push(`<< /Type /Font /Subtype /Type1 /BaseFont /${f} /Encoding /WinAnsiEncoding >>`);
  objects.push(`<< /Title (${escapePdfString(toWinAnsi(title))}) /Producer (zeven-stappen emulator) >>`);
  const fontRes = fonts.map((_, i) => `/F${i + 1} ${3 + i} 0 R`).join(' ');
  for (const [i, p] of pages.entries()) {
    const content = p.ops.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << ${fontRes} >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const infoId = 3 + fonts.length;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}
