/**
 * What every HTML page of the product shares (sidebar and dialogs): the page shell with its
 * inline CSS, the data blob, and the client helpers. Pure: each page is one complete HTML
 * string without external resources, turned into an HtmlOutput in src/main.ts.
 *
 * Data reaches a page only in a `<script type="application/json">` element (read with
 * `JSON.parse(el.textContent)`) or through `google.script.run`; client code puts data on the
 * page with `textContent` and `createElement`, never with `innerHTML`.
 * HtmlService serves the page in an IFRAME sandbox; `google.script.run` and
 * `google.script.host.close()` are the documented client API (guides/html/reference/run,
 * guides/html/reference/host).
 */

/** Text for HTML content or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that can stand inside a `<script>` element: it cannot close the element or start a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The source of a self-contained pure function (one that uses nothing outside its body), to run
 * the same check in the browser as on the server. Refuses source that could end the script element.
 */
export function functionSource(fn: (...args: never[]) => unknown): string {
  const src = fn.toString();
  if (/<\/script|<!--/i.test(src)) throw new Error(`${fn.name}: bron kan niet in een script-element`);
  return `(${src})`;
}

export const CLIENT_CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:0;padding:12px 16px}
h1{font-size:17px;margin:0 0 8px}
h2{font-size:15px;margin:14px 0 6px}
p{margin:4px 0 8px}
.field{margin:0 0 12px}
.field>label,legend{display:block;font-weight:bold;margin:0 0 3px}
fieldset{border:0;margin:0 0 12px;padding:0}
.choice{display:flex;gap:6px;align-items:flex-start;margin:3px 0;font-weight:normal}
.choice input{margin-top:3px}
.help{color:#5f6368;font-size:12px;margin:2px 0 0}
input[type=text],input[type=email],input[type=number],input[type=date],textarea{width:100%;padding:6px;border:1px solid #80868b;border-radius:4px;font:inherit}
textarea{min-height:76px;resize:vertical}
[aria-invalid=true]{border-color:#c5221f;outline:1px solid #c5221f}
.error{color:#c5221f;font-weight:bold;margin:3px 0 0}
.error:empty{display:none}
:focus-visible{outline:3px solid #1a73e8;outline-offset:1px}
button{font:inherit;padding:7px 14px;border-radius:4px;border:1px solid #1a73e8;background:#fff;color:#1a73e8;cursor:pointer}
button.primary{background:#1a73e8;color:#fff}
button:disabled{opacity:.55;cursor:default}
.actions{display:flex;gap:8px;margin-top:12px}
.status{min-height:1.3em;color:#5f6368}
.status[data-kind=error]{color:#c5221f;font-weight:bold}
.status[data-kind=ok]{color:#137333;font-weight:bold}
.result{border-left:4px solid #137333;padding:6px 10px;background:#e6f4ea;white-space:pre-wrap}
[hidden]{display:none!important}
`;

/**
 * The client helpers, as plain browser JavaScript:
 * - `readData()` the page's JSON blob;
 * - `run(fn, ...args)` a promise around `google.script.run[fn]` (failure handler rejects);
 * - `setStatus(text, kind)` the live status line (role=status), `busy(on, text)` disables the
 *   page's buttons while a long action runs and says so;
 * - `dutchDate(iso)` jjjj-mm-dd as dd-mm-jjjj;
 * - `formValues(form)` the named fields (checkbox groups as arrays, radios as the chosen value);
 * - `clearFieldErrors(form)` / `showFieldErrors(form, errors, order)` inline messages per field
 *   (`#err-<field>`, `aria-invalid`), focus to the first field in `order` that is wrong.
 */
export const CLIENT_JS = `
function readData(){var el=document.getElementById('page-data');return el?JSON.parse(el.textContent):null}
function run(fn){var args=Array.prototype.slice.call(arguments,1);return new Promise(function(resolve,reject){var gsr=google.script.run;var r=gsr.withSuccessHandler(resolve).withFailureHandler(reject);r[fn].apply(r,args)})}
function setStatus(text,kind){var el=document.getElementById('status');if(!el)return;el.textContent=text||'';if(kind)el.setAttribute('data-kind',kind);else el.removeAttribute('data-kind')}
function busy(on,text){document.body.setAttribute('aria-busy',on?'true':'false');var bs=document.querySelectorAll('button');for(var i=0;i<bs.length;i++){if(on){bs[i].setAttribute('data-was',bs[i].disabled?'1':'');bs[i].disabled=true}else{bs[i].disabled=bs[i].getAttribute('data-was')==='1'}}setStatus(on?text:'')}
function dutchDate(iso){var m=/^(\\d{4})-(\\d{2})-(\\d{2})/.exec(String(iso||''));return m?m[3]+'-'+m[2]+'-'+m[1]:String(iso||'')}
function formValues(form){var out={};var els=form.elements;for(var i=0;i<els.length;i++){var el=els[i];if(!el.name)continue;if(el.type==='checkbox'){if(!Array.isArray(out[el.name]))out[el.name]=[];if(el.checked)out[el.name].push(el.value)}else if(el.type==='radio'){if(!(el.name in out))out[el.name]='';if(el.checked)out[el.name]=el.value}else{out[el.name]=el.value}}return out}
function fieldControls(form,name){return form.querySelectorAll('[name="'+name+'"]')}
function clearFieldErrors(form){var errs=form.querySelectorAll('[data-error-for]');for(var i=0;i<errs.length;i++){errs[i].textContent='';var cs=fieldControls(form,errs[i].getAttribute('data-error-for'));for(var j=0;j<cs.length;j++)cs[j].removeAttribute('aria-invalid')}}
function closeDialog(){google.script.host.close()}
function wireDialog(){var b=['cancel','close'];for(var i=0;i<b.length;i++){var el=document.getElementById(b[i]);if(el)el.addEventListener('click',closeDialog)}}
function dialogDone(form,r){form.hidden=true;setStatus('');var out=document.getElementById('result');out.textContent=r.message;out.hidden=false;var c=document.getElementById('close');c.hidden=false;c.focus()}
function showFieldErrors(form,errors,order){clearFieldErrors(form);var first=null;var names=order.concat(Object.keys(errors).filter(function(k){return order.indexOf(k)<0}));for(var i=0;i<names.length;i++){var name=names[i];var msg=errors[name];if(!msg)continue;var el=document.getElementById('err-'+name);var cs=fieldControls(form,name);if(!el||!cs.length){setStatus(msg,'error');continue}el.textContent=msg;for(var j=0;j<cs.length;j++)cs[j].setAttribute('aria-invalid','true');if(!first)first=cs[0]}if(first)first.focus();return first}
`;

/**
 * The end of a dialog's form and what follows it: submit and cancel, the live status line, the
 * result shown after success and its close button (wired by the client's wireDialog()).
 */
export function dialogFooter(submitLabel: string, opts: { disabled?: boolean } = {}): string {
  return `<div class="actions">
<button type="submit" class="primary" id="submit"${opts.disabled ? ' disabled' : ''}>${escapeHtml(submitLabel)}</button>
<button type="button" id="cancel">Annuleren</button>
</div>
</form>
<p class="status" id="status" role="status" aria-live="polite"></p>
<p class="result" id="result" role="status" hidden></p>
<div class="actions"><button type="button" class="primary" id="close" hidden>Sluiten</button></div>`;
}

export interface PageParts {
  /** The page title (also the dialog's title in HtmlOutput.setTitle). */
  title: string;
  /** The body's HTML; every piece of data in it already escaped. */
  body: string;
  /** Data for the client, read with readData(). */
  data?: unknown;
  /** The page's own client script (runs after CLIENT_JS). */
  script: string;
  css?: string;
}

/** One complete HTML page: inline CSS, the data blob, the shared helpers and the page's script. */
export function htmlPage(parts: PageParts): string {
  const data =
    parts.data === undefined
      ? ''
      : `<script type="application/json" id="page-data">${jsonForScript(parts.data)}</script>\n`;
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<base target="_top">
<title>${escapeHtml(parts.title)}</title>
<style>${CLIENT_CSS}${parts.css ?? ''}</style>
</head>
<body>
${parts.body}
${data}<script>
${CLIENT_JS}
${parts.script}
</script>
</body>
</html>
`;
}
