/**
 * DocTree → .docx (Office Open XML, ECMA-376 Part 1), pure: the bytes Drive converts into the
 * Google Doc in one upload (workspace/docs.ts) and the local export writes as the Word file.
 *
 * What it writes: A4 pages (w:pgSz 11906 × 16838 twips), the tree's header on every page, a
 * footer "Pagina N van M" from PAGE and NUMPAGES fields, a real TOC field over heading levels 1–2
 * (its entries pre-filled so a reader that does not update fields still sees them), heading
 * styles with outline levels, lists through numbering definitions, tables with a repeated and
 * shaded header row and per-cell shading, page breaks, and chart images (PNG) inline. Every text
 * goes in as a text node, escaped: nothing a partner typed is ever read as markup or a field.
 */
import type { DocNode, DocTree, Run } from '../docTree';
import { linesOf } from '../text';
import { utf8 } from './bytes';
import { pngSize } from './png';
import { xmlText } from './xml';
import { type ZipEntry, zipStore } from './zip';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** PNG bytes per chart node, in the order the chart nodes appear; a missing image falls back to a table. */
export type ChartImages = readonly (Uint8Array | null | undefined)[];

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A4 in twentieths of a point, 2.5 cm side margins: 16 cm of text width. */
export const PAGE = { width: 11906, height: 16838, margin: 1418, headerDistance: 709 } as const;
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin;
/** English Metric Units per twip (ECMA-376 §20.1.2.1: 914400 EMU per inch, 1440 twips per inch). */
const EMU_PER_TWIP = 635;
const HEADER_FILL = 'D9D9D9';

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;

function colorVal(css: string | undefined): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(css ?? '');
  return m ? m[1]!.toUpperCase() : null;
}

/**
 * One text run; a line end (render/text.ts LINE_END: CR LF, CR, LF, NEL, LS, PS) becomes a line
 * break and a tab a tab character, inside the same run. A CR left in `w:t` would be read as white
 * space (XML 1.0 §2.11 normalises line ends), so the break is written as `w:br`.
 */
function run(text: string, fmt: Omit<Run, 'text'> = {}): string {
  const props: string[] = [];
  if (fmt.bold) props.push('<w:b/>');
  if (fmt.italic) props.push('<w:i/>');
  const color = colorVal(fmt.color);
  if (color) props.push(`<w:color w:val="${color}"/>`);
  const rPr = props.length > 0 ? `<w:rPr>${props.join('')}</w:rPr>` : '';
  const pieces = linesOf(text).map((line) =>
    line
      .split('\t')
      .map((p) => (p === '' ? '' : `<w:t xml:space="preserve">${xmlText(p)}</w:t>`))
      .join('<w:tab/>'),
  );
  return `<w:r>${rPr}${pieces.join('<w:br/>')}</w:r>`;
}

function para(content: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
}

const styled = (style: string, extra = '') => `<w:pStyle w:val="${style}"/>${extra}`;

interface State {
  bookmark: number;
  /** numId per list, numbering definitions written to numbering.xml. */
  lists: { numId: number; ordered: boolean }[];
  images: { rid: string; file: string; data: Uint8Array }[];
  drawingId: number;
  chartIndex: number;
  /** Heading → bookmark name, filled before the body is written (the TOC links to them). */
  anchors: Map<number, string>;
}

function headingXml(
  node: Extract<DocNode, { type: 'heading' }>,
  anchor: string | undefined,
  st: State,
): string {
  const id = st.bookmark++;
  const body = run(node.text);
  const inner = anchor
    ? `<w:bookmarkStart w:id="${id}" w:name="${anchor}"/>${body}<w:bookmarkEnd w:id="${id}"/>`
    : body;
  return para(inner, styled(HEADING_STYLE[node.level]));
}

function fieldRuns(instr: string, result: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    run(result) +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

function tocXml(tree: DocTree, from: number, st: State): string {
  const entries: string[] = [];
  tree.nodes.forEach((n, i) => {
    if (i <= from || n.type !== 'heading' || n.level > 2) return;
    const anchor = st.anchors.get(i)!;
    entries.push(
      `<w:hyperlink w:anchor="${anchor}" w:history="1">${run(n.text)}</w:hyperlink>`,
      `TOC${n.level}`,
    );
  });
  const out = [para(run('Inhoud'), styled('TOCHeading'))];
  const begin =
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  if (entries.length === 0) {
    out.push(para(begin + end, styled('TOC1')));
    return out.join('');
  }
  for (let k = 0; k < entries.length; k += 2) {
    const first = k === 0 ? begin : '';
    const last = k === entries.length - 2 ? end : '';
    out.push(para(first + entries[k]! + last, styled(entries[k + 1]!)));
  }
  return out.join('');
}

function cellXml(text: string, width: number, fill: string | null, bold: boolean): string {
  const shd = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : '';
  const paras = String(text)
    .split('\n')
    .map((line) => para(line === '' ? '' : run(line, { bold }), styled('TableText')));
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shd}</w:tcPr>${paras.join('')}</w:tc>`;
}

function tableXml(node: Extract<DocNode, { type: 'table' }>): string {
  const cols = Math.max(1, node.header.length);
  const width = Math.floor(TEXT_WIDTH_TWIPS / cols);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const cell = (row: readonly string[], c: number) => String(row[c] ?? '');
  const header = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${Array.from({ length: cols }, (_, c) =>
    cellXml(cell(node.header, c), width, HEADER_FILL, true),
  ).join('')}</w:tr>`;
  const rows = node.rows.map(
    (row, r) =>
      `<w:tr><w:trPr><w:cantSplit/></w:trPr>${Array.from({ length: cols }, (_, c) =>
        cellXml(cell(row, c), width, colorVal(node.shading?.[r]?.[c] ?? undefined), false),
      ).join('')}</w:tr>`,
  );
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${width * cols}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(cols)}</w:tblGrid>${header}${rows.join('')}</w:tbl>` +
    // A paragraph after every table keeps two tables apart (Word merges adjacent tables).
    para('', styled('TableGap'))
  );
}

function imageXml(png: Uint8Array, alt: string, title: string, st: State): string | null {
  const size = pngSize(png);
  if (!size) return null;
  const n = st.images.length + 1;
  const rid = `rIdImg${n}`;
  st.images.push({ rid, file: `media/grafiek${n}.png`, data: png });
  const maxCx = TEXT_WIDTH_TWIPS * EMU_PER_TWIP;
  // 96 dpi: 9525 EMU per pixel; shrink to the text width, keep the aspect ratio.
  const cx = Math.min(maxCx, size.width * 9525);
  const cy = Math.round((cx * size.height) / size.width);
  const id = st.drawingId++;
  const descr = xmlText(alt);
  return para(
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="Grafiek ${n}" descr="${descr}" title="${xmlText(title)}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
      `<pic:nvPicPr><pic:cNvPr id="${id}" name="grafiek${n}.png" descr="${descr}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
    styled('Figure'),
  );
}

function chartXml(node: Extract<DocNode, { type: 'chart' }>, images: ChartImages, st: State): string {
  const png = images[st.chartIndex++];
  const chart = node.chart;
  const image = png ? imageXml(png, chart.alt, chart.title, st) : null;
  if (image) return image + para(run(chart.title), styled('Caption'));
  // No image: the chart's data as a table under its title, so nothing is lost.
  return (
    para(run(chart.title), styled('Heading3')) +
    para(run(chart.alt, { italic: true })) +
    tableXml({
      type: 'table',
      header: ['', ...chart.series.map((s) => s.name)],
      rows: chart.categories.map((c, i) => [c, ...chart.series.map((s) => String(s.values[i] ?? ''))]),
    })
  );
}

function nodeXml(tree: DocTree, index: number, images: ChartImages, st: State): string {
  const node = tree.nodes[index]!;
  switch (node.type) {
    case 'heading':
      return headingXml(node, st.anchors.get(index), st);
    case 'paragraph':
      return para(node.runs.map((r) => run(r.text, r)).join(''));
    case 'list': {
      const numId = st.lists.length + 1;
      st.lists.push({ numId, ordered: !!node.ordered });
      const pPr = styled(
        'ListParagraph',
        `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`,
      );
      return node.items.map((item) => para(item.map((r) => run(r.text, r)).join(''), pPr)).join('');
    }
    case 'table':
      return tableXml(node);
    case 'pagebreak':
      return para('<w:r><w:br w:type="page"/></w:r>');
    case 'toc':
      return tocXml(tree, index, st);
    case 'chart':
      return chartXml(node, images, st);
  }
}

function documentXml(tree: DocTree, images: ChartImages, st: State): string {
  tree.nodes.forEach((n, i) => {
    if (n.type === 'heading' && n.level <= 2) st.anchors.set(i, `_Toc${String(i).padStart(5, '0')}`);
  });
  const parts = [para(run(tree.title), styled('Title'))];
  if (tree.subtitle) parts.push(para(run(tree.subtitle), styled('Subtitle')));
  tree.nodes.forEach((_, i) => {
    parts.push(nodeXml(tree, i, images, st));
  });
  const sect =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>' +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="${PAGE.headerDistance}" w:footer="${PAGE.headerDistance}" w:gutter="0"/>` +
    '</w:sectPr>';
  return `${XML_DECL}<w:document ${NS}><w:body>${parts.join('')}${sect}</w:body></w:document>`;
}

function headerXml(text: string): string {
  return `${XML_DECL}<w:hdr ${NS}>${para(run(text), styled('Header'))}</w:hdr>`;
}

function footerXml(): string {
  const content = `${run('Pagina ')}${fieldRuns('PAGE', '1')}${run(' van ')}${fieldRuns('NUMPAGES', '1')}`;
  return `${XML_DECL}<w:ftr ${NS}>${para(content, styled('Footer'))}</w:ftr>`;
}

function numberingXml(lists: State['lists']): string {
  const level = (ordered: boolean, ilvl: number) => {
    const indent = `<w:pPr><w:ind w:left="${360 * (ilvl + 1) + 360}" w:hanging="360"/></w:pPr>`;
    return ordered
      ? `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${ilvl + 1}."/><w:lvlJc w:val="left"/>${indent}</w:lvl>`
      : `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>${indent}</w:lvl>`;
  };
  const abstract = (id: number, ordered: boolean) =>
    `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${[0, 1, 2].map((l) => level(ordered, l)).join('')}</w:abstractNum>`;
  // Every ordered list gets its own abstract definition, so its numbering starts at 1 again.
  const abstracts = [abstract(0, false)];
  const nums: string[] = [];
  for (const l of lists) {
    if (l.ordered) {
      abstracts.push(abstract(l.numId, true));
      nums.push(`<w:num w:numId="${l.numId}"><w:abstractNumId w:val="${l.numId}"/></w:num>`);
    } else nums.push(`<w:num w:numId="${l.numId}"><w:abstractNumId w:val="0"/></w:num>`);
  }
  return `${XML_DECL}<w:numbering ${NS}>${abstracts.join('')}${nums.join('')}</w:numbering>`;
}

function style(id: string, name: string, pPr: string, rPr: string, extra = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

function stylesXml(): string {
  const heading = (lvl: number, size: number, before: number) =>
    style(
      `Heading${lvl}`,
      `heading ${lvl}`,
      `<w:keepNext/><w:spacing w:before="${before}" w:after="80"/><w:outlineLvl w:val="${lvl - 1}"/>`,
      `<w:b/><w:color w:val="1F3864"/><w:sz w:val="${size}"/>`,
      '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>',
    );
  return (
    `${XML_DECL}<w:styles ${NS}>` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/>' +
    '<w:sz w:val="21"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    style(
      'Title',
      'Title',
      '<w:spacing w:after="120"/>',
      '<w:b/><w:color w:val="1F3864"/><w:sz w:val="40"/>',
    ) +
    style(
      'Subtitle',
      'Subtitle',
      '<w:spacing w:after="240"/>',
      '<w:color w:val="595959"/><w:sz w:val="26"/>',
    ) +
    heading(1, 32, 360) +
    heading(2, 26, 240) +
    heading(3, 22, 160) +
    style(
      'TOCHeading',
      'TOC Heading',
      '<w:keepNext/><w:spacing w:before="240" w:after="120"/>',
      '<w:b/><w:sz w:val="28"/>',
    ) +
    style(
      'TOC1',
      'toc 1',
      '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="60"/>',
      '',
    ) +
    style(
      'TOC2',
      'toc 2',
      '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="284"/>',
      '',
    ) +
    style('ListParagraph', 'List Paragraph', '<w:spacing w:after="40"/><w:contextualSpacing/>', '') +
    style('TableText', 'Table Text', '<w:spacing w:after="0"/>', '<w:sz w:val="19"/>') +
    style('TableGap', 'Table Gap', '<w:spacing w:after="120"/>', '<w:sz w:val="8"/>') +
    style(
      'Figure',
      'Figure',
      '<w:keepNext/><w:jc w:val="center"/><w:spacing w:before="120" w:after="40"/>',
      '',
    ) +
    style(
      'Caption',
      'caption',
      '<w:jc w:val="center"/><w:spacing w:after="200"/>',
      '<w:i/><w:sz w:val="18"/>',
    ) +
    style('Header', 'header', '<w:spacing w:after="0"/>', '<w:color w:val="7F7F7F"/><w:sz w:val="16"/>') +
    style(
      'Footer',
      'footer',
      '<w:jc w:val="right"/><w:spacing w:after="0"/>',
      '<w:color w:val="7F7F7F"/><w:sz w:val="16"/>',
    ) +
    '</w:styles>'
  );
}

function settingsXml(): string {
  // updateFields: Word asks to refresh the TOC and page fields when the file is opened (ECMA-376 §17.15.1.90).
  return `${XML_DECL}<w:settings ${NS}><w:updateFields w:val="true"/><w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

function contentTypesXml(): string {
  const wml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const over = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
    over('/word/document.xml', `${wml}.document.main+xml`) +
    over('/word/styles.xml', `${wml}.styles+xml`) +
    over('/word/settings.xml', `${wml}.settings+xml`) +
    over('/word/numbering.xml', `${wml}.numbering+xml`) +
    over('/word/header1.xml', `${wml}.header+xml`) +
    over('/word/footer1.xml', `${wml}.footer+xml`) +
    over('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    '</Types>'
  );
}

function coreXml(title: string): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' +
    `${xmlText(title)}</dc:title><dc:language>nl-NL</dc:language></cp:coreProperties>`
  );
}

/** The parts of the package, in a fixed order (same tree and images → same bytes). */
export function docxParts(tree: DocTree, images: ChartImages = []): ZipEntry[] {
  const st: State = { bookmark: 0, lists: [], images: [], drawingId: 1, chartIndex: 0, anchors: new Map() };
  const document = documentXml(tree, images, st);
  const docRels = [
    { id: 'rIdStyles', type: `${REL_NS}/styles`, target: 'styles.xml' },
    { id: 'rIdSettings', type: `${REL_NS}/settings`, target: 'settings.xml' },
    { id: 'rIdNumbering', type: `${REL_NS}/numbering`, target: 'numbering.xml' },
    { id: 'rIdHeader', type: `${REL_NS}/header`, target: 'header1.xml' },
    { id: 'rIdFooter', type: `${REL_NS}/footer`, target: 'footer1.xml' },
    ...st.images.map((i) => ({ id: i.rid, type: `${REL_NS}/image`, target: i.file })),
  ];
  const text = (name: string, xml: string): ZipEntry => ({ name, data: utf8(xml) });
  return [
    text('[Content_Types].xml', contentTypesXml()),
    text(
      '_rels/.rels',
      relsXml([
        { id: 'rIdDoc', type: `${REL_NS}/officeDocument`, target: 'word/document.xml' },
        {
          id: 'rIdCore',
          type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          target: 'docProps/core.xml',
        },
      ]),
    ),
    text('docProps/core.xml', coreXml(tree.title)),
    text('word/document.xml', document),
    text('word/_rels/document.xml.rels', relsXml(docRels)),
    text('word/styles.xml', stylesXml()),
    text('word/settings.xml', settingsXml()),
    text('word/numbering.xml', numberingXml(st.lists)),
    text('word/header1.xml', headerXml(tree.header)),
    text('word/footer1.xml', footerXml()),
    ...st.images.map((i) => ({ name: `word/${i.file}`, data: i.data })),
  ];
}

/** The .docx file bytes. */
export function docTreeToDocx(tree: DocTree, images: ChartImages = []): Uint8Array {
  return zipStore(docxParts(tree, images));
}

/** The chart nodes of a tree, in document order (the order `images` follows). */
export function chartsOf(tree: DocTree): Extract<DocNode, { type: 'chart' }>['chart'][] {
  return tree.nodes.flatMap((n) => (n.type === 'chart' ? [n.chart] : []));
}
