/**
 * Writes a DocTree into a Google Doc, structurally: every partner text goes in through
 * append calls as plain data, never through replaceText (a pattern language). Written for few
 * service calls: one appendTable per table, formatting only where a run asks for it.
 */
import type { DocNode, DocTree, Run } from '../render/docTree';

type Body = GoogleAppsScript.Document.Body;
type Text = GoogleAppsScript.Document.Text;

/** A formatting range over a paragraph's text, end inclusive (Apps Script convention). */
interface Span<V> {
  start: number;
  end: number;
  value: V;
}

/** Ranges where `pick` gives a value, adjacent runs with the same value merged. */
function spans<V>(runs: readonly Run[], pick: (r: Run) => V | undefined): Span<V>[] {
  const out: Span<V>[] = [];
  let offset = 0;
  for (const run of runs) {
    const value = pick(run);
    const len = run.text.length;
    if (len > 0 && value !== undefined) {
      const last = out[out.length - 1];
      if (last && last.end === offset - 1 && last.value === value) last.end = offset + len - 1;
      else out.push({ start: offset, end: offset + len - 1, value });
    }
    offset += len;
  }
  return out;
}

/** Applies bold, italic and colour of the runs to text that already holds their joined text. */
function formatRuns(edit: () => Text, runs: readonly Run[]): void {
  const bold = spans(runs, (r) => (r.bold ? true : undefined));
  const italic = spans(runs, (r) => (r.italic ? true : undefined));
  const color = spans(runs, (r) => r.color);
  if (bold.length + italic.length + color.length === 0) return;
  const text = edit();
  for (const s of bold) text.setBold(s.start, s.end, true);
  for (const s of italic) text.setItalic(s.start, s.end, true);
  for (const s of color) text.setForegroundColor(s.start, s.end, s.value);
}

const joined = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

function writeHeader(doc: GoogleAppsScript.Document.Document, text: string): void {
  // setText replaces whatever the header held: clear and reuse in one call.
  const header = doc.getHeader() ?? doc.addHeader();
  header.setText(text);
}

function writeTable(body: Body, node: Extract<DocNode, { type: 'table' }>): void {
  const width = node.header.length;
  // Every row as wide as the header, every cell a string: appendTable takes String[][] only.
  const toRow = (row: readonly string[]) => Array.from({ length: width }, (_, i) => String(row[i] ?? ''));
  const table = body.appendTable([toRow(node.header), ...node.rows.map(toRow)]);
  table.getRow(0).editAsText().setBold(true);
  node.shading?.forEach((row, r) => {
    row.forEach((color, c) => {
      if (color && r < node.rows.length && c < width) table.getCell(r + 1, c).setBackgroundColor(color);
    });
  });
}

function writeNode(body: Body, node: DocNode, nodes: readonly DocNode[]): void {
  const P = DocumentApp.ParagraphHeading;
  switch (node.type) {
    case 'heading': {
      const level = { 1: P.HEADING1, 2: P.HEADING2, 3: P.HEADING3 }[node.level];
      body.appendParagraph(node.text).setHeading(level);
      return;
    }
    case 'paragraph': {
      const p = body.appendParagraph(joined(node.runs));
      formatRuns(() => p.editAsText(), node.runs);
      return;
    }
    case 'list': {
      const glyph = node.ordered ? DocumentApp.GlyphType.NUMBER : DocumentApp.GlyphType.BULLET;
      for (const item of node.items) {
        const li = body.appendListItem(joined(item)).setGlyphType(glyph);
        formatRuns(() => li.editAsText(), item);
      }
      return;
    }
    case 'table':
      writeTable(body, node);
      return;
    case 'pagebreak':
      body.appendPageBreak();
      return;
    case 'toc':
      // Body has no method that inserts a table of contents
      // (https://developers.google.com/apps-script/reference/document/body): list the headings.
      writeContents(body, nodes);
      return;
    case 'chart':
      // Without an image route the chart's data is written as a table under its title.
      body.appendParagraph(node.chart.title).setHeading(P.HEADING3);
      writeTable(body, {
        type: 'table',
        header: ['', ...node.chart.series.map((s) => s.name)],
        rows: node.chart.categories.map((c, i) => [
          c,
          ...node.chart.series.map((s) => String(s.values[i] ?? '')),
        ]),
      });
      return;
  }
}

function writeContents(body: Body, nodes: readonly DocNode[]): void {
  body.appendParagraph('Inhoud').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  for (const n of nodes) {
    if (n.type === 'heading' && n.level <= 2) body.appendListItem(n.text).setNestingLevel(n.level - 1);
  }
}

/** Replaces the document's header and body with the tree. */
export function writeDocTree(doc: GoogleAppsScript.Document.Document, tree: DocTree): void {
  writeHeader(doc, tree.header);
  const body = doc.getBody();
  body.clear();
  // A cleared body keeps one empty paragraph: it becomes the title.
  const first = body.getParagraphs()[0];
  if (first) {
    first.setText(tree.title);
    first.setHeading(DocumentApp.ParagraphHeading.TITLE);
  } else {
    body.appendParagraph(tree.title).setHeading(DocumentApp.ParagraphHeading.TITLE);
  }
  if (tree.subtitle) body.appendParagraph(tree.subtitle).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
  for (const node of tree.nodes) writeNode(body, node, tree.nodes);
}
