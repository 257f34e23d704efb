/**
 * HtmlService, HtmlOutput and HtmlTemplate (reference/html/*, guides/html/templates; reference/html/html-service,
 * reliability §2.2). Templates are compiled to JavaScript and run with `new Function` (Node only).
 */
import { BlobImpl } from './blob';
import { gasError, type Runtime } from './runtime';
import { gasEnum, strict } from './strict';

export const SandboxMode = gasEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = gasEnum(['ALLOWALL', 'DEFAULT']);

/** The only names `HtmlOutput.addMetaTag` accepts (reference/html/html-output#addMetaTag). */
const META_NAMES = [
  'viewport',
  'apple-mobile-web-app-capable',
  'mobile-web-app-capable',
  'google-site-verification',
];

type Output = GoogleAppsScript.HTML.HtmlOutput;
type Template = GoogleAppsScript.HTML.HtmlTemplate;

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A printed value inside a `<script>` element becomes a JavaScript literal that cannot close the tag. */
function escapeScript(v: unknown): string {
  if (v === undefined) return 'undefined';
  const json = JSON.stringify(v) ?? 'undefined';
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function toText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function sourceText(v: unknown): string {
  if (v && typeof v === 'object' && 'getBlob' in v) {
    return (v as { getBlob(): { getDataAsString(): string } }).getBlob().getDataAsString();
  }
  return v === undefined ? '' : String(v);
}

class HtmlOutputImpl implements Omit<Output, 'getBlob' | 'getAs' | 'asTemplate'> {
  private content: string;
  private title = '';
  private width = 600;
  private height = 400;
  private favicon = '';
  private meta: { name: string; content: string }[] = [];

  constructor(
    private readonly rt: Runtime,
    private readonly globals: object,
    content: string,
  ) {
    this.content = content;
  }

  private proxy: Output | null = null;
  self(): Output {
    this.proxy ??= strict(this, 'HtmlOutput') as unknown as Output;
    return this.proxy;
  }

  getContent(): string {
    this.rt.call('HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): Output {
    this.rt.call('HtmlOutput.setContent');
    this.content = toText(content);
    return this.self();
  }
  append(addedContent: string): Output {
    this.rt.call('HtmlOutput.append');
    this.content += toText(addedContent);
    return this.self();
  }
  appendUntrusted(addedContent: string): Output {
    this.rt.call('HtmlOutput.appendUntrusted');
    this.content += escapeHtml(toText(addedContent));
    return this.self();
  }
  clear(): Output {
    this.rt.call('HtmlOutput.clear');
    this.content = '';
    return this.self();
  }
  getTitle(): string {
    this.rt.call('HtmlOutput.getTitle');
    return this.title;
  }
  setTitle(title: string): Output {
    this.rt.call('HtmlOutput.setTitle');
    this.title = toText(title);
    return this.self();
  }
  getWidth(): number {
    this.rt.call('HtmlOutput.getWidth');
    return this.width;
  }
  setWidth(width: number): Output {
    this.rt.call('HtmlOutput.setWidth');
    this.width = Math.trunc(Number(width));
    return this.self();
  }
  getHeight(): number {
    this.rt.call('HtmlOutput.getHeight');
    return this.height;
  }
  setHeight(height: number): Output {
    this.rt.call('HtmlOutput.setHeight');
    this.height = Math.trunc(Number(height));
    return this.self();
  }
  /** No effect: every page runs in IFRAME mode (reference/html/html-output#setSandboxMode). */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): Output {
    this.rt.call('HtmlOutput.setSandboxMode');
    return this.self();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Output {
    this.rt.call('HtmlOutput.setXFrameOptionsMode');
    if (!Object.hasOwn(XFrameOptionsMode, String(mode))) throw gasError('Invalid argument: mode');
    return this.self();
  }
  addMetaTag(name: string, content: string): Output {
    this.rt.call('HtmlOutput.addMetaTag');
    if (!META_NAMES.includes(name)) {
      throw gasError(`Meta tag name "${name}" is not allowed. Allowed names: ${META_NAMES.join(', ')}.`);
    }
    this.meta.push({ name, content: toText(content) });
    return this.self();
  }
  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    this.rt.call('HtmlOutput.getMetaTags');
    return this.meta.map((m) =>
      strict({ getName: () => m.name, getContent: () => m.content }, 'HtmlOutputMetaTag'),
    );
  }
  setFaviconUrl(iconUrl: string): Output {
    this.rt.call('HtmlOutput.setFaviconUrl');
    this.favicon = toText(iconUrl);
    return this.self();
  }
  getFaviconUrl(): string {
    this.rt.call('HtmlOutput.getFaviconUrl');
    return this.favicon;
  }
  getBlob(): BlobImpl {
    this.rt.call('HtmlOutput.getBlob');
    return new BlobImpl(this.content, 'text/html', this.title || null);
  }
  /** Only `text/html`: the emulator has no HTML-to-PDF conversion. */
  getAs(contentType: string): BlobImpl {
    this.rt.call('HtmlOutput.getAs');
    return new BlobImpl(this.content, 'text/html', this.title || null).getAs(contentType);
  }
  asTemplate(): Template {
    this.rt.call('HtmlOutput.asTemplate');
    return createTemplate(this.rt, this.globals, this.content);
  }
}

export function createHtmlOutput(rt: Runtime, globals: object, content: string): Output {
  return new HtmlOutputImpl(rt, globals, content).self();
}

/**
 * Compiles a template to a function body. Literal text keeps its line breaks, and code scriptlets
 * are emitted on the same line as the HTML that follows, so a `//` comment in a scriptlet comments
 * out the rest of the line including HTML, as in Apps Script (guides/html/templates).
 */
export function compileTemplate(source: string): string {
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let code = 'var __o = [];\n';
  let last = 0;
  let literal = '';
  const emitText = (text: string) => {
    literal += text;
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      const chunk = i < parts.length - 1 ? `${part}\n` : part;
      if (chunk) code += `__o.push(${JSON.stringify(chunk)});`;
      if (i < parts.length - 1) code += '\n';
    });
  };
  for (let m = re.exec(source); m; m = re.exec(source)) {
    emitText(source.slice(last, m.index));
    last = re.lastIndex;
    const kind = m[1];
    const body = m[2] ?? '';
    if (kind === undefined) {
      code += ` ${body};`;
      continue;
    }
    const expr = body.trim().replace(/;+\s*$/, '');
    if (kind === '!=') {
      code += `__o.push(__raw((${expr}\n)));`;
    } else {
      const inScript = literal.lastIndexOf('<script') > literal.lastIndexOf('</script');
      code += `__o.push(${inScript ? '__js' : '__esc'}((${expr}\n)));`;
    }
  }
  emitText(source.slice(last));
  return `${code}\nreturn __o.join('');`;
}

const INTERNAL = new WeakMap<object, { rt: Runtime; globals: object; source: string }>();

class HtmlTemplateImpl {
  evaluate(): Output {
    const s = INTERNAL.get(this);
    if (!s) throw new Error('Emulator: detached HtmlTemplate');
    s.rt.call('HtmlTemplate.evaluate');
    const scope: Record<string, unknown> = { ...(this as object) };
    const run = new Function(
      '__globals',
      '__scope',
      '__esc',
      '__raw',
      '__js',
      `with (__globals) { with (__scope) { ${compileTemplate(s.source)} } }`,
    ) as (...a: unknown[]) => string;
    const html = run(s.globals, scope, (v: unknown) => escapeHtml(toText(v)), toText, escapeScript);
    return createHtmlOutput(s.rt, s.globals, html);
  }
  getCode(): string {
    const s = INTERNAL.get(this);
    s?.rt.call('HtmlTemplate.getCode');
    return compileTemplate(s?.source ?? '');
  }
  getCodeWithComments(): string {
    return this.getCode();
  }
  getRawContent(): string {
    const s = INTERNAL.get(this);
    s?.rt.call('HtmlTemplate.getRawContent');
    return s?.source ?? '';
  }
}

/**
 * A template is a plain object: scripts assign variables on it (`t.items = …`), and reading an
 * unassigned name gives `undefined` as in Apps Script, so it is not wrapped in `strict`.
 */
function createTemplate(rt: Runtime, globals: object, source: string): Template {
  const t = new HtmlTemplateImpl();
  INTERNAL.set(t, { rt, globals, source });
  return t as unknown as Template;
}

class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly rt: Runtime,
    private readonly files: Record<string, string>,
    private readonly globals: object,
  ) {}

  createHtmlOutput(html?: unknown): Output {
    this.rt.call('HtmlService.createHtmlOutput');
    return createHtmlOutput(this.rt, this.globals, sourceText(html));
  }
  createHtmlOutputFromFile(filename: string): Output {
    this.rt.call('HtmlService.createHtmlOutputFromFile');
    return createHtmlOutput(this.rt, this.globals, this.file(filename));
  }
  createTemplate(html: unknown): Template {
    this.rt.call('HtmlService.createTemplate');
    return createTemplate(this.rt, this.globals, sourceText(html));
  }
  createTemplateFromFile(filename: string): Template {
    this.rt.call('HtmlService.createTemplateFromFile');
    return createTemplate(this.rt, this.globals, this.file(filename));
  }
  getUserAgent(): string {
    this.rt.call('HtmlService.getUserAgent');
    return 'Mozilla/5.0 (emulator)';
  }
  private file(name: string): string {
    const html = this.files[String(name)];
    if (html === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return html;
  }
}

/**
 * `htmlFiles` maps project file names (without `.html`) to their content. `globals` is the
 * script's global scope seen by scriptlets (the vm context when the bundle runs in one);
 * names not found there resolve against Node's global scope.
 */
export function createHtmlService(
  rt: Runtime,
  htmlFiles: Record<string, string>,
  globals: object = {},
): GoogleAppsScript.HTML.HtmlService {
  const svc = new HtmlServiceImpl(rt, htmlFiles, globals);
  return strict(svc, 'HtmlService') as unknown as GoogleAppsScript.HTML.HtmlService;
}
