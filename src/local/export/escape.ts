/**
 * Escaping for every HTML the exporters write. Text from documents, forms and mails is
 * partner input: it is always escaped, never interpreted (OWASP Cross Site Scripting
 * Prevention Cheat Sheet: https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html). The same escaping is safe inside double- and single-quoted attribute values.
 * Characters XML cannot hold are replaced visibly first (render/text.ts xmlSafe, the rule of every
 * writer): the HTML standard counts control characters and noncharacters as parse errors
 * (https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream), and a lone
 * surrogate cannot be written as UTF-8.
 */
import { xmlSafe } from '../../render/text';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : xmlSafe(String(value));
  return text.replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * A link target that is safe to put into `href`: only http(s) and mailto URLs, escaped.
 * Anything else (`javascript:`, `data:`, relative tricks) gives null; show it as text instead.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  // Control characters or whitespace inside a URL are a smuggling sign; refuse.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: intentional check for control characters
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  return escapeHtml(trimmed);
}

/** A relative link between exported files: path segments URL-encoded, then escaped. */
export function relativeHref(path: string): string {
  return escapeHtml(
    path
      .split('/')
      .map((seg) => encodeURIComponent(seg))
      .join('/'),
  );
}

/** The shared start of every exported page: standalone, printable, Dutch, inline CSS. */
export function htmlPage(title: string, css: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BASE_CSS}${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const BASE_CSS = `
body{font-family:Arial,Helvetica,sans-serif;color:#202124;margin:0;background:#f8f9fa;line-height:1.45}
main{max-width:820px;margin:24px auto;background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1,h2,h3,h4,h5,h6{line-height:1.25}
table{border-collapse:collapse;width:100%;margin:12px 0}
th,td{border:1px solid #c8ccd0;padding:6px 8px;text-align:left;vertical-align:top}
.muted{color:#5f6368}
@media print{body{background:#fff}main{box-shadow:none;margin:0;max-width:none;padding:0}.noprint{display:none}}
`;
