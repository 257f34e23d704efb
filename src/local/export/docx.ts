import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  type ILevelsOptions,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { linesOf, xmlSafe } from '../../render/text';
import { snapshotDocument } from '../apps-script/document';
import type { Runtime } from '../apps-script/runtime';
import { hexColor } from './cells';
import { blocksOf, nestingOf, runsOf } from './docTree';
import type { DocCell, DocElement, DocRun, DocumentSnapshot } from './snapshots';

const BULLET_GLYPHS = ['BULLET', 'HOLLOW_BULLET', 'FILLED_BULLET', 'SQUARE_BULLET'] as const;
const NUMBER_GLYPHS = {
  NUMBER: LevelFormat.DECIMAL,
  LATIN_UPPER: LevelFormat.UPPER_LETTER,
  LATIN_LOWER: LevelFormat.LOWER_LETTER,
  ROMAN_UPPER: LevelFormat.UPPER_ROMAN,
  ROMAN_LOWER: LevelFormat.LOWER_ROMAN,
} as const;

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

function levels(glyph: string): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => {
    const indent = { left: 720 * (level + 1), hanging: 360 };
    const numberFormat = NUMBER_GLYPHS[glyph as keyof typeof NUMBER_GLYPHS];
    if (numberFormat) {
      return {
        level,
        format: numberFormat,
        text: `%${level + 1}.`,
        alignment: AlignmentType.START,
        style: { paragraph: { indent } },
      };
    }
    const symbol =
      glyph === 'HOLLOW_BULLET'
        ? '○'
        : glyph === 'SQUARE_BULLET'
          ? '■'
          : glyph === 'FILLED_BULLET'
            ? '●'
            : ['●', '○', '■'][level % 3]!;
    return {
      level,
      format: LevelFormat.BULLET,
      text: symbol,
      alignment: AlignmentType.START,
      style: { paragraph: { indent } },
    };
  });
}

function listReference(glyph: string | undefined): string {
  const g = String(glyph ?? 'BULLET').toUpperCase();
  return g in NUMBER_GLYPHS || (BULLET_GLYPHS as readonly string[]).includes(g) ? `list-${g}` : 'list-BULLET';
}

function isSafeLink(url: string | null | undefined): url is string {
  if (!url) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: reject control characters in links
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) && !/[\u0000-\u001f\u007f\s]/.test(url.trim());
}

/** Text runs for one formatted run; line ends (render/text.ts LINE_END) become Word line breaks. */
function textRuns(run: DocRun, extra: { bold?: boolean; hyperlink?: boolean } = {}): TextRun[] {
  const color = hexColor(run.color);
  const bg = hexColor(run.background);
  const lines = linesOf(xmlSafe(run.text));
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(run.bold || extra.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
        ...(run.underline ? { underline: {} } : {}),
        ...(color && color !== '000000' ? { color: color.toUpperCase() } : {}),
        ...(bg && bg !== 'ffffff'
          ? { shading: { type: ShadingType.CLEAR, fill: bg.toUpperCase(), color: 'auto' } }
          : {}),
        ...(extra.hyperlink ? { style: 'Hyperlink' } : {}),
      }),
  );
}

function children(el: DocElement | DocCell, bold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runsOf(el)) {
    if (run.text === '') continue;
    if (isSafeLink(run.link)) {
      out.push(
        new ExternalHyperlink({ link: run.link.trim(), children: textRuns(run, { bold, hyperlink: true }) }),
      );
    } else {
      out.push(...textRuns(run, { bold }));
    }
  }
  return out;
}

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

function paragraph(el: DocElement): Paragraph {
  const heading = el.heading ? HEADINGS[el.heading] : undefined;
  const alignment = ALIGN[String(el.alignment ?? '').toUpperCase()];
  return new Paragraph({
    children: children(el),
    ...(heading ? { heading } : {}),
    ...(alignment ? { alignment } : {}),
    ...(el.heading === 'SUBTITLE' ? { style: 'Subtitle' } : {}),
  });
}

function table(el: DocElement): Table | null {
  const rows = (el.rows ?? []).filter((r) => r.length > 0);
  if (rows.length === 0) return null;
  const width = Math.max(...rows.map((r) => r.length));
  const header = rows.length > 1;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          ...(header && r === 0 ? { tableHeader: true } : {}),
          children: Array.from({ length: width }, (_, c) => {
            const cell = row[c] ?? { text: '' };
            const fill = hexColor(cell.background);
            return new TableCell({
              children: [new Paragraph({ children: children(cell, header && r === 0) })],
              ...(fill
                ? { shading: { type: ShadingType.CLEAR, fill: fill.toUpperCase(), color: 'auto' } }
                : {}),
            });
          }),
        }),
    ),
  });
}

function body(doc: DocumentSnapshot): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let listNo = 0;
  for (const block of blocksOf(doc.body)) {
    if (block.kind === 'list') {
      listNo++;
      for (const item of block.items) {
        out.push(
          new Paragraph({
            children: children(item),
            numbering: { reference: listReference(item.glyph), level: nestingOf(item), instance: listNo },
          }),
        );
      }
      continue;
    }
    const el = block.element;
    if (el.type === 'TABLE') {
      const t = table(el);
      if (t) out.push(t, new Paragraph({ children: [] }));
    } else if (el.type === 'PAGE_BREAK') out.push(new Paragraph({ children: [new PageBreak()] }));
    else if (el.type === 'HORIZONTAL_RULE') out.push(new Paragraph({ children: [], thematicBreak: true }));
    else if (el.type === 'INLINE_IMAGE') {
      const img = el.image;
      if (img) {
        out.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: Buffer.from(img.png),
                transformation: { width: img.width, height: img.height },
                altText: { name: 'Grafiek', description: xmlSafe(img.alt), title: 'Grafiek' },
              }),
            ],
          }),
        );
      }
    } else out.push(paragraph(el));
  }
  return out;
}

/** Builds the .docx for a document snapshot. */
export async function documentSnapshotToDocx(doc: DocumentSnapshot): Promise<Buffer> {
  const header = doc.header.filter((el) => el.type !== 'TABLE').map(paragraph);
  const footer = (doc.footer ?? []).filter((el) => el.type !== 'TABLE').map(paragraph);
  const file = new Document({
    title: xmlSafe(doc.name),
    creator: 'zeven-stappen (lokale export)',
    styles: {
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 30, color: '5F6368' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [...BULLET_GLYPHS, ...Object.keys(NUMBER_GLYPHS)].map((g) => ({
        reference: `list-${g}`,
        levels: levels(g),
      })),
    },
    sections: [
      {
        ...(header.length > 0 ? { headers: { default: new Header({ children: header }) } } : {}),
        ...(footer.length > 0 ? { footers: { default: new Footer({ children: footer }) } } : {}),
        children: body(doc),
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** Exports an emulated document as .docx bytes, without counting service calls. */
export async function exportDocumentDocx(rt: Runtime, docId: string): Promise<Buffer> {
  return documentSnapshotToDocx(rt.uncounted(() => snapshotDocument(rt, docId)));
}
