/**
 * An estimate of a document's length in A4 pages, computed from the tree alone, so budgets can
 * be tested without a layout engine (the PDF export gives the real count).
 *
 * The rule: an A4 page (21 × 29.7 cm) with 2.5 cm margins leaves 16 cm by 24.7 cm. At 11 pt
 * text with 1.15 line spacing that is about 95 characters per line and 48 lines per page.
 * - title 3 lines, subtitle 2; headings 3 (level 1), 2.5 (level 2) or 2 lines (level 3);
 * - a paragraph takes its wrapped lines plus half a line of spacing;
 * - a list item its wrapped lines (4 characters narrower);
 * - a table row the wrapped lines of its fullest cell, each column getting an equal share of
 *   the width, plus 0.4 line of cell padding; one line after the table;
 * - a chart 18 lines (an image of about 8 cm high with its title);
 * - contents: 3 lines plus one per level 1 or 2 heading;
 * - a page break ends the page.
 */
import type { DocNode, DocTree, Run } from './docTree';

export const CHARS_PER_LINE = 95;
export const LINES_PER_PAGE = 48;

const HEADING_LINES = { 1: 3, 2: 2.5, 3: 2 } as const;

function wrapped(text: string, width: number): number {
  const w = Math.max(width, 4);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / w)), 0);
}

const joined = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/** Lines a node takes by the rule above (a page break: none). */
export function nodeLines(node: DocNode, all: readonly DocNode[]): number {
  switch (node.type) {
    case 'heading':
      return HEADING_LINES[node.level];
    case 'paragraph':
      return wrapped(joined(node.runs), CHARS_PER_LINE) + 0.5;
    case 'list':
      return node.items.reduce((n, item) => n + wrapped(joined(item), CHARS_PER_LINE - 4), 0) + 0.5;
    case 'table': {
      const cols = Math.max(node.header.length, 1);
      const width = Math.floor(CHARS_PER_LINE / cols) - 2;
      const row = (cells: readonly string[]) =>
        Math.max(1, ...cells.map((c) => wrapped(String(c ?? ''), width))) + 0.4;
      return row(node.header) + node.rows.reduce((n, r) => n + row(r), 0) + 1;
    }
    case 'chart':
      return 18;
    case 'toc':
      return 3 + all.filter((n) => n.type === 'heading' && n.level <= 2).length;
    case 'pagebreak':
      return 0;
  }
}

export interface LengthEstimate {
  pages: number;
  headings: number;
  paragraphs: number;
  tableRows: number;
}

export function estimateLength(tree: DocTree): LengthEstimate {
  let pages = 1;
  let used = (tree.title ? 3 : 0) + (tree.subtitle ? 2 : 0);
  const add = (lines: number) => {
    used += lines;
    while (used > LINES_PER_PAGE) {
      pages++;
      used -= LINES_PER_PAGE;
    }
  };
  let headings = 0;
  let paragraphs = 0;
  let tableRows = 0;
  for (const node of tree.nodes) {
    if (node.type === 'pagebreak') {
      if (used > 0) {
        pages++;
        used = 0;
      }
      continue;
    }
    if (node.type === 'heading') headings++;
    if (node.type === 'paragraph') paragraphs++;
    if (node.type === 'table') tableRows += node.rows.length;
    add(nodeLines(node, tree.nodes));
  }
  if (used === 0 && pages > 1) pages--;
  return { pages, headings, paragraphs, tableRows };
}
