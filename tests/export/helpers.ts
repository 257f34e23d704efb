/** Hand-built snapshots for exporter tests (fictional data only). */
import type {
  DocumentSnapshot,
  FormItemSnapshot,
  FormSnapshot,
  SheetSnapshot,
} from '../../src/local/export/snapshots';

/** A sheet snapshot from a grid of values with default formatting. */
export function sheetOf(name: string, values: unknown[][], over: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const grid = <T>(v: T): T[][] => values.map((row) => row.map(() => v));
  return {
    name,
    hidden: false,
    frozenRows: 0,
    frozenColumns: 0,
    tabColor: null,
    values,
    formulas: grid(''),
    backgrounds: grid<string | null>('#ffffff'),
    fontWeights: grid('normal'),
    fontColors: grid('#000000'),
    numberFormats: grid('0.###############'),
    notes: grid(''),
    columnWidths: {},
    protected: false,
    ...over,
  };
}

export const XSS = '<img src=x onerror=alert(1)>';

export const sampleDoc: DocumentSnapshot = {
  name: 'Integraal beeld J-2026-001',
  header: [{ type: 'PARAGRAPH', heading: 'NORMAL', text: 'Vertrouwelijk' }],
  body: [
    { type: 'PARAGRAPH', heading: 'TITLE', text: 'Integraal beeld' },
    { type: 'PARAGRAPH', heading: 'SUBTITLE', text: 'Groep Parkweg' },
    { type: 'PARAGRAPH', heading: 'HEADING1', text: 'Aanleiding' },
    {
      type: 'PARAGRAPH',
      heading: 'NORMAL',
      text: 'Overlast bij het winkelcentrum, zie {{naam}} en uitleg.',
      runs: [
        { text: 'Overlast ', bold: true },
        { text: 'bij het winkelcentrum', italic: true, color: '#a50e0e' },
        { text: ', zie {{naam}} en ' },
        { text: 'uitleg', link: 'https://www.example.org/uitleg' },
        { text: '.', link: 'javascript:alert(1)' },
      ],
    },
    { type: 'PARAGRAPH', heading: 'NORMAL', text: XSS },
    { type: 'LIST_ITEM', text: 'Eerste punt', glyph: 'BULLET', nesting: 0, listId: 'a' },
    { type: 'LIST_ITEM', text: 'Subpunt één', glyph: 'HOLLOW_BULLET', nesting: 1, listId: 'a' },
    { type: 'LIST_ITEM', text: 'Tweede punt', glyph: 'BULLET', nesting: 0, listId: 'a' },
    { type: 'HORIZONTAL_RULE' },
    { type: 'PARAGRAPH', heading: 'HEADING2', text: 'Duiding per partner' },
    {
      type: 'TABLE',
      rows: [
        [
          { text: 'Partner', background: '#e8eaed' },
          { text: 'Ernst', background: '#e8eaed' },
        ],
        [{ text: 'Politie' }, { text: 'Hoog – Zoë 👍' }],
        [{ text: 'Jongerenwerk' }, { text: 'Midden', background: '#fce8e6' }],
      ],
    },
    { type: 'LIST_ITEM', text: 'Stap één', glyph: 'NUMBER', nesting: 0, listId: 'b' },
    { type: 'LIST_ITEM', text: 'Stap twee', glyph: 'NUMBER', nesting: 0, listId: 'b' },
    { type: 'PAGE_BREAK' },
    { type: 'PARAGRAPH', heading: 'HEADING3', text: 'Bijlage\rtweede regel' },
  ],
};

function item(
  id: number,
  type: string,
  title: string,
  over: Partial<FormItemSnapshot> = {},
): FormItemSnapshot {
  const base = { help: '', required: false, choices: [], rows: [], columns: [], bounds: null, labels: null };
  return { id, type, title, ...base, ...over };
}

export const sampleForm: FormSnapshot = {
  title: 'Stap 2A – Groepsbeeld (Jongerenwerk)',
  description: 'Vul dit formulier in vóór de deadline.\nAlleen groepsniveau, geen namen. {{naam}}',
  confirmationMessage: 'Dank u wel, uw antwoorden zijn ontvangen.',
  published: true,
  accepting: false,
  items: [
    item(1, 'SECTION_HEADER', 'Deel A: de groep', { help: 'Beschrijf wat u ziet.' }),
    item(2, 'TEXT', 'Hoe groot is de groep?', { required: true }),
    item(3, 'PARAGRAPH_TEXT', `Beschrijving ${XSS}`, { help: 'Help <b>vet</b>' }),
    item(4, 'MULTIPLE_CHOICE', 'Frequentie', {
      required: true,
      choices: ['Dagelijks', 'Wekelijks', '<script>x</script>'],
    }),
    item(5, 'CHECKBOX', 'Locaties', { choices: ['Parkweg', 'Station'] }),
    item(6, 'SCALE', 'Ernst van de overlast', { bounds: [1, 5], labels: ['Gering', 'Zeer ernstig'] }),
    item(7, 'DATE', 'Datum laatste incident'),
    item(8, 'GRID', 'Duiding per dimensie', {
      rows: ['Ernst', 'Cohesie'],
      columns: ['Laag', 'Midden', 'Hoog'],
    }),
    item(9, 'CHECKBOX_GRID', 'Signalen per dagdeel', {
      rows: ['Ochtend'],
      columns: ['Overlast', 'Criminaliteit'],
    }),
    item(10, 'LIST', 'Wijk', { choices: ['Noord', 'Zuid'] }),
    item(11, 'PAGE_BREAK', 'Deel B: afsluiting'),
  ],
  responses: [{ id: 'r1', timestamp: 0, answers: [] }],
};
