/**
 * A minimal but valid PDF 1.4 writer for Document.getAs('application/pdf') in the emulator:
 * the standard Helvetica fonts with WinAnsiEncoding (all Dutch diacritics fit), word-wrapped
 * text lines, horizontal rules, page breaks, PNG images, and a header/footer repeated on every
 * page with its page number and page count filled in.
 * Not a layout engine: it exists so exports and mail attachments are real, openable PDFs.
 */

export type PdfBlock =
  | { kind: 'text'; text: string; size: number; bold?: boolean; italic?: boolean; indent?: number }
  | { kind: 'rule' }
  | { kind: 'pageBreak' }
  /** A PNG picture; `width`/`height` in pixels (shown at 96 dpi, shrunk to the text width). */
  | { kind: 'image'; png: Uint8Array; width: number; height: number; alt: string };

/**
 * Placeholders for the page number and the page count in header and footer text (private-use
 * characters, replaced on every page; they never reach the PDF as text).
 */
export const PAGE_NUMBER = '\uE000';
export const PAGE_COUNT = '\uE001';

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

interface PdfImage {
  width: number;
  height: number;
  colors: 1 | 3;
  /** The PNG's zlib stream (IDAT chunks joined): PDF's FlateDecode with the PNG predictors reads it as is. */
  data: Uint8Array;
}

/**
 * Non-interlaced 8-bit greyscale or RGB PNGs go into the PDF unchanged (PDF 1.4 §3.3.3,
 * FlateDecode with /Predictor 15); other PNGs are shown as a framed description.
 */
function pdfImageOf(png: Uint8Array): PdfImage | null {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (png.length < 33 || sig.some((b, i) => png[i] !== b)) return null;
  const be = (o: number) => ((png[o]! << 24) | (png[o + 1]! << 16) | (png[o + 2]! << 8) | png[o + 3]!) >>> 0;
  const width = be(16);
  const height = be(20);
  const [depth, colorType, , , interlace] = [png[24], png[25], png[26], png[27], png[28]];
  if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 0)) return null;
  const parts: Uint8Array[] = [];
  for (let o = 8; o + 8 <= png.length; ) {
    const len = be(o);
    const type = String.fromCharCode(png[o + 4]!, png[o + 5]!, png[o + 6]!, png[o + 7]!);
    if (type === 'IDAT') parts.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const size = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { width, height, colors: colorType === 2 ? 3 : 1, data };
}

function binary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** Number of pages of a PDF this writer made (the /Count of its page tree). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = binary(pdf.subarray(0, Math.min(pdf.length, 4096)));
  const m =
    /\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text) ??
    /\/Type \/Pages[^>]*\/Count (\d+)/.exec(binary(pdf));
  if (!m) throw new Error('Geen paginaboom gevonden in de PDF.');
  return Number(m[1]);
}

/** Lays out the blocks and returns the PDF file bytes. */
export function renderPdf(input: PdfInput): Uint8Array {
  const W = input.pageWidth ?? 612;
  const H = input.pageHeight ?? 792;
  const M = input.margin ?? 72;
  const usable = W - 2 * M;
  const pages: Page[] = [];
  const images: PdfImage[] = [];
  let page: Page = { ops: [] };
  let y = H - M;

  const textOp = (x: number, yy: number, s: string, size: number, font: string) =>
    `BT ${font} ${size} Tf ${x.toFixed(2)} ${yy.toFixed(2)} Td (${escapePdfString(toWinAnsi(s))}) Tj ET`;

  const fill = (text: string, n: number, total: number) =>
    text.split(PAGE_NUMBER).join(String(n)).split(PAGE_COUNT).join(String(total));
  const decorate = (p: Page, n: number, total: number) => {
    let hy = H - M / 2;
    for (const b of input.header ?? []) {
      if (b.kind !== 'text') continue;
      p.ops.push(textOp(M, hy, fill(b.text, n, total), Math.min(b.size, 9), fontOf(b)));
      hy -= 11;
    }
    let fy = M / 2;
    for (const b of input.footer ?? []) {
      if (b.kind !== 'text') continue;
      p.ops.push(textOp(M, fy, fill(b.text, n, total), Math.min(b.size, 9), fontOf(b)));
      fy -= 11;
    }
  };
  const newPage = () => {
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
    if (b.kind === 'image') {
      // 96 pixels per inch = 0.75 pt per pixel; never wider than the text or taller than a page.
      let w = Math.min(usable, Math.max(1, b.width) * 0.75);
      let h = (w * Math.max(1, b.height)) / Math.max(1, b.width);
      if (h > H - 2 * M) {
        w = (w * (H - 2 * M)) / h;
        h = H - 2 * M;
      }
      if (y - h < M && y < H - M) newPage();
      y -= h;
      const img = pdfImageOf(b.png);
      if (img) {
        images.push(img);
        page.ops.push(
          `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} ${M.toFixed(2)} ${y.toFixed(2)} cm /Im${images.length} Do Q`,
        );
      } else {
        page.ops.push(`0.5 w ${M} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)} re S`);
        page.ops.push(textOp(M + 6, y + h - 14, b.alt, 9, '/F3'));
      }
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
  pages.push(page);
  pages.forEach((p, i) => {
    decorate(p, i + 1, pages.length);
  });
  return assemble(pages, images, W, H, input.title);
}

function assemble(pages: Page[], images: PdfImage[], W: number, H: number, title: string): Uint8Array {
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
  const firstImage = firstPage + pages.length * 2;
  const xobjects =
    images.length > 0
      ? ` /XObject << ${images.map((_, i) => `/Im${i + 1} ${firstImage + i} 0 R`).join(' ')} >>`
      : '';
  for (const [i, p] of pages.entries()) {
    const content = p.ops.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << ${fontRes} >>${xobjects} >> /Contents ${pageIds[i]! + 1} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  for (const img of images) {
    const space = img.colors === 3 ? '/DeviceRGB' : '/DeviceGray';
    objects.push(
      `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace ${space} /BitsPerComponent 8 ` +
        `/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${img.colors} /BitsPerComponent 8 /Columns ${img.width} >> ` +
        `/Length ${img.data.length} >>\nstream\n${binary(img.data)}\nendstream`,
    );
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
