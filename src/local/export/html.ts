/**
 * Document → standalone printable HTML page, and the index page linking every output.
 * All text is escaped (escape.ts); links only for http(s)/mailto targets.
 */

import { linesOf } from '../../render/text';
import { snapshotDocument } from '../apps-script/document';
import type { Runtime } from '../apps-script/runtime';
import { hexColor } from './cells';
import { blocksOf, isOrderedGlyph, nestingOf, olType, runsOf, textOf } from './docTree';
import { escapeHtml, htmlPage, safeHref } from './escape';
import type { DocCell, DocElement, DocRun, DocumentSnapshot } from './snapshots';

export { exportFormHtml, formSnapshotToHtml } from './formHtml';

const DOC_CSS = `
.banner{background:#fce8e6;color:#a50e0e;border:1px solid #f4b4ad;padding:6px 12px;border-radius:4px;font-weight:bold;text-align:center;letter-spacing:.03em;margin-bottom:20px}
.title{font-size:2em;margin:0 0 4px}
.subtitle{font-size:1.2em;color:#5f6368;margin-top:0}
p{margin:0 0 8px;white-space:normal}
.docfooter{margin-top:32px;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:.85em;text-align:center}
.pagebreak{border-top:1px dashed #c8ccd0;margin:24px 0;page-break-after:always;break-after:page}
li.nested{list-style:none}
@media print{.docfooter{margin-top:32px;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:.85em;text-align:center}
.pagebreak{border:0;margin:0}}
`;

/** Text with line breaks (Apps Script uses `\r` for soft breaks; render/text.ts LINE_END) as escaped HTML. */
function textHtml(text: string): string {
  return linesOf(text).map(escapeHtml).join('<br>');
}

function runHtml(run: DocRun): string {
  let html = textHtml(run.text);
  if (html === '') return '';
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  const color = hexColor(run.color);
  const bg = hexColor(run.background);
  const styles = [
    ...(color && color !== '000000' ? [`color:#${color}`] : []),
    ...(bg && bg !== 'ffffff' ? [`background:#${bg}`] : []),
  ];
  if (styles.length > 0) html = `<span style="${styles.join(';')}">${html}</span>`;
  const href = safeHref(run.link);
  if (href) html = `<a href="${href}" rel="noopener noreferrer">${html}</a>`;
  return html;
}

function runsHtml(el: DocElement | DocCell): string {
  return runsOf(el).map(runHtml).join('');
}

const ALIGN: Record<string, string> = { CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

function paragraphHtml(el: DocElement): string {
  const inner = runsHtml(el);
  const align = ALIGN[String(el.alignment ?? '').toUpperCase()];
  const style = align ? ` style="text-align:${align}"` : '';
  switch (el.heading) {
    case 'TITLE':
      return `<h1 class="title"${style}>${inner}</h1>`;
    case 'SUBTITLE':
      return `<p class="subtitle"${style}>${inner}</p>`;
    case 'HEADING1':
    case 'HEADING2':
    case 'HEADING3':
    case 'HEADING4':
    case 'HEADING5':
    case 'HEADING6': {
      const n = el.heading.slice(-1);
      return `<h${n}${style}>${inner}</h${n}>`;
    }
    default:
      return inner === '' ? '<p>&nbsp;</p>' : `<p${style}>${inner}</p>`;
  }
}

function tableHtml(el: DocElement): string {
  const rows = el.rows ?? [];
  const out: string[] = ['<table>'];
  rows.forEach((row, r) => {
    const tag = r === 0 && rows.length > 1 ? 'th' : 'td';
    if (r === 0 && tag === 'th') out.push('<thead>');
    if (r === 1 || (r === 0 && tag === 'td')) out.push('<tbody>');
    const cells = row.map((cell) => {
      const bg = hexColor(cell.background);
      const style = bg ? ` style="background:#${bg}"` : '';
      return `<${tag}${style}>${runsHtml(cell)}</${tag}>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
    if (r === 0 && tag === 'th') out.push('</thead>');
  });
  if (rows.length > 0) out.push('</tbody>');
  out.push('</table>');
  return out.join('\n');
}

/** A picture inline as a data: URL (only PNG bytes, base64), its description as escaped alt text. */
function imageHtml(el: DocElement): string {
  const img = el.image;
  if (!img) return '';
  const src = `data:image/png;base64,${Buffer.from(img.png).toString('base64')}`;
  const alt = escapeHtml(img.alt);
  return `<figure><img src="${src}" alt="${alt}" width="${Math.round(img.width)}" height="${Math.round(img.height)}" style="max-width:100%;height:auto"></figure>`;
}

/** Nested `<ul>`/`<ol>` from list items with nesting levels. */
function listHtml(items: DocElement[]): string {
  const out: string[] = [];
  const stack: string[] = [];
  const open = (el: DocElement): void => {
    const tag = isOrderedGlyph(el.glyph) ? 'ol' : 'ul';
    out.push(tag === 'ol' ? `<ol type="${olType(el.glyph)}">` : '<ul>');
    stack.push(tag);
  };
  for (const item of items) {
    const level = nestingOf(item);
    if (stack.length === 0 || level + 1 > stack.length) {
      // The first deeper list opens inside the current item; skipped levels get an empty item.
      open(item);
      while (stack.length < level + 1) {
        out.push('<li class="nested">');
        open(item);
      }
    } else {
      while (stack.length > level + 1) out.push(`</li></${stack.pop()}>`);
      out.push('</li>');
    }
    out.push(`<li>${runsHtml(item)}`);
  }
  while (stack.length > 0) out.push(`</li></${stack.pop()}>`);
  return out.join('');
}

/** Renders a document snapshot as a standalone HTML page. */
export function documentSnapshotToHtml(doc: DocumentSnapshot): string {
  const parts: string[] = ['<main>'];
  const header = doc.header.map(textOf).filter((t) => t.trim() !== '');
  if (header.length > 0) parts.push(`<div class="banner">${header.map(textHtml).join('<br>')}</div>`);
  for (const block of blocksOf(doc.body)) {
    if (block.kind === 'list') {
      parts.push(listHtml(block.items));
      continue;
    }
    const el = block.element;
    switch (el.type) {
      case 'TABLE':
        parts.push(tableHtml(el));
        break;
      case 'PAGE_BREAK':
        parts.push('<div class="pagebreak"></div>');
        break;
      case 'HORIZONTAL_RULE':
        parts.push('<hr>');
        break;
      case 'INLINE_IMAGE':
        parts.push(imageHtml(el));
        break;
      default:
        parts.push(paragraphHtml(el));
    }
  }
  // Page numbers mean nothing on a web page: a footer line holding them is left out.
  const footer = (doc.footer ?? [])
    .filter((el) => !(el.runs ?? []).some((r) => r.field))
    .map(textOf)
    .filter((t) => t.trim() !== '');
  if (footer.length > 0)
    parts.push(`<footer class="docfooter">${footer.map(textHtml).join('<br>')}</footer>`);
  parts.push('</main>');
  return htmlPage(doc.name, DOC_CSS, parts.join('\n'));
}

/** Exports an emulated document as a standalone HTML page, without counting service calls. */
export function exportDocumentHtml(rt: Runtime, docId: string): string {
  return documentSnapshotToHtml(rt.uncounted(() => snapshotDocument(rt, docId)));
}

export interface IndexEntry {
  title: string;
  /** Relative path of an exported file (or an http(s) URL). */
  href: string;
  group: string;
}

/** Link target for the index: relative paths (no scheme) and http(s) only. */
function indexHref(href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return safeHref(href);
  if (href.startsWith('//')) return null;
  return escapeHtml(encodeURI(href));
}

/** An index page listing all outputs, grouped in order of first appearance. */
export function exportIndexHtml(entries: IndexEntry[], title = 'Lokale uitvoer'): string {
  const groups = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const list = groups.get(e.group) ?? [];
    list.push(e);
    groups.set(e.group, list);
  }
  const parts: string[] = ['<main>', `<h1>${escapeHtml(title)}</h1>`];
  if (entries.length === 0) parts.push('<p class="muted">Er zijn geen bestanden gemaakt.</p>');
  for (const [group, list] of groups) {
    parts.push(`<h2>${escapeHtml(group)}</h2>`, '<ul>');
    for (const e of list) {
      const href = indexHref(e.href);
      parts.push(
        href
          ? `<li><a href="${href}">${escapeHtml(e.title)}</a></li>`
          : `<li>${escapeHtml(e.title)} <span class="muted">(${escapeHtml(e.href)})</span></li>`,
      );
    }
    parts.push('</ul>');
  }
  parts.push('</main>');
  return htmlPage(title, '', parts.join('\n'));
}
