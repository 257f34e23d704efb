/**
 * Form → read-only HTML preview of the Google Form as a partner sees it: every item rendered
 * with disabled inputs, required marks, help texts, the confirmation message and status
 * badges. All text is escaped; nothing on the page can submit.
 */

import { snapshotForm } from '../apps-script/forms';
import type { Runtime } from '../apps-script/runtime';
import { escapeHtml, htmlPage } from './escape';
import type { FormItemSnapshot, FormSnapshot } from './snapshots';

export interface FormPreviewContext {
  caseCode?: string;
  partner?: string;
  deadline?: string;
}

const FORM_CSS = `
body{background:#f0ebf8}
main{border-top:10px solid #673ab7}
.context{font-size:.9em;color:#5f6368;margin-bottom:8px}
.badges{margin:8px 0 16px}
.badge{display:inline-block;font-size:.8em;padding:2px 10px;border-radius:12px;margin-right:6px;border:1px solid}
.badge.ok{background:#e6f4ea;color:#137333;border-color:#a8dab5}
.badge.off{background:#fce8e6;color:#a50e0e;border-color:#f4b4ad}
.description{margin:0 0 12px}
.closed{background:#fce8e6;padding:8px 12px;border-radius:6px}
.req-note{color:#d93025;font-size:.85em}
.item{border:1px solid #dadce0;border-radius:8px;padding:16px 20px;margin:12px 0}
.item h3{font-size:1em;font-weight:normal;margin:0 0 4px}
.req{color:#d93025}
.help{color:#5f6368;font-size:.9em;margin:0 0 8px}
.options{list-style:none;padding:0;margin:8px 0 0}
.options li{margin:4px 0}
.scale{display:flex;align-items:flex-end;gap:14px;flex-wrap:wrap}
.scale label{display:flex;flex-direction:column;align-items:center}
.section{margin:28px 0 8px;padding:12px 20px;background:#673ab7;color:#fff;border-radius:8px}
.section h2{margin:0;font-size:1.2em}
.section p{margin:4px 0 0}
input[type=text],input[type=date],input[type=time],input[type=datetime-local],textarea,select{font:inherit;padding:4px;min-width:260px}
textarea{width:100%;min-height:70px}
.grid td,.grid th{text-align:center}
.grid td:first-child{text-align:left}
.confirmation{margin-top:24px;padding:12px 16px;background:#f1f3f4;border-radius:8px}
.submit{margin-top:16px}
`;

/** Text with line breaks as escaped HTML. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

function choiceList(type: 'radio' | 'checkbox', name: string, choices: string[], other = false): string {
  const items = choices.map(
    (c) => `<li><label><input type="${type}" name="${name}" disabled> ${escapeHtml(c)}</label></li>`,
  );
  if (other) {
    items.push(
      `<li><label><input type="${type}" name="${name}" disabled> Anders:</label> <input type="text" disabled></li>`,
    );
  }
  return `<ul class="options">${items.join('')}</ul>`;
}

function gridTable(type: 'radio' | 'checkbox', name: string, rows: string[], columns: string[]): string {
  const head = `<tr><th></th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.map((r, i) => {
    const cells = columns.map(() => `<td><input type="${type}" name="${name}-${i}" disabled></td>`).join('');
    return `<tr><td>${escapeHtml(r)}</td>${cells}</tr>`;
  });
  return `<table class="grid"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`;
}

function scaleHtml(name: string, item: FormItemSnapshot): string {
  const [lo, hi] = item.bounds ?? [1, 5];
  const [loLabel, hiLabel] = item.labels ?? ['', ''];
  const from = Math.trunc(lo);
  const to = Math.min(Math.trunc(hi), from + 20);
  const points: string[] = [];
  for (let v = from; v <= to; v++) {
    points.push(`<label>${v}<input type="radio" name="${name}" disabled></label>`);
  }
  const left = loLabel ? `<span class="muted">${escapeHtml(loLabel)}</span>` : '';
  const right = hiLabel ? `<span class="muted">${escapeHtml(hiLabel)}</span>` : '';
  return `<div class="scale">${left}${points.join('')}${right}</div>`;
}

function inputHtml(item: FormItemSnapshot, name: string): string {
  switch (String(item.type).toUpperCase()) {
    case 'TEXT':
      return '<input type="text" disabled placeholder="Uw antwoord">';
    case 'PARAGRAPH_TEXT':
      return '<textarea disabled placeholder="Uw antwoord"></textarea>';
    case 'MULTIPLE_CHOICE':
      return choiceList('radio', name, item.choices, item.otherOption === true);
    case 'CHECKBOX':
      return choiceList('checkbox', name, item.choices, item.otherOption === true);
    case 'LIST': {
      const options = item.choices.map((c) => `<option>${escapeHtml(c)}</option>`).join('');
      return `<select disabled><option>Kiezen</option>${options}</select>`;
    }
    case 'SCALE':
      return scaleHtml(name, item);
    case 'DATE':
      return '<input type="date" disabled>';
    case 'DATETIME':
      return '<input type="datetime-local" disabled>';
    case 'TIME':
    case 'DURATION':
      return '<input type="time" disabled>';
    case 'GRID':
      return gridTable('radio', name, item.rows, item.columns);
    case 'CHECKBOX_GRID':
      return gridTable('checkbox', name, item.rows, item.columns);
    default:
      return `<p class="muted">(onderdeel van het type ${escapeHtml(item.type)})</p>`;
  }
}

function itemHtml(item: FormItemSnapshot, index: number): string {
  const type = String(item.type).toUpperCase();
  const help = item.help ? `<p>${textHtml(item.help)}</p>` : '';
  if (type === 'SECTION_HEADER' || type === 'PAGE_BREAK') {
    const tag = type === 'PAGE_BREAK' ? 'section' : 'div';
    return `<${tag} class="section" data-type="${escapeHtml(type)}"><h2>${textHtml(item.title)}</h2>${help}</${tag}>`;
  }
  const name = `item-${index}`;
  const req = item.required ? ' <span class="req" title="Verplicht">*</span>' : '';
  const helpP = item.help ? `<p class="help">${textHtml(item.help)}</p>` : '';
  return [
    `<div class="item" data-type="${escapeHtml(type)}">`,
    `<h3>${textHtml(item.title)}${req}</h3>`,
    helpP,
    inputHtml(item, name),
    '</div>',
  ].join('');
}

function contextHtml(ctx: FormPreviewContext | undefined): string {
  if (!ctx) return '';
  const parts: string[] = [];
  if (ctx.caseCode) parts.push(`Casus <strong>${escapeHtml(ctx.caseCode)}</strong>`);
  if (ctx.partner) parts.push(`Partner <strong>${escapeHtml(ctx.partner)}</strong>`);
  if (ctx.deadline) parts.push(`Invullen vóór <strong>${escapeHtml(ctx.deadline)}</strong>`);
  return parts.length > 0 ? `<div class="context">${parts.join(' · ')}</div>` : '';
}

/** Renders a form snapshot as a read-only preview page. */
export function formSnapshotToHtml(form: FormSnapshot, context?: FormPreviewContext): string {
  const badge = (ok: boolean, yes: string, no: string): string =>
    `<span class="badge ${ok ? 'ok' : 'off'}">${ok ? yes : no}</span>`;
  const anyRequired = form.items.some((i) => i.required);
  const parts: string[] = [
    '<main>',
    contextHtml(context),
    `<h1>${textHtml(form.title)}</h1>`,
    '<div class="badges">',
    badge(form.published, 'Gepubliceerd', 'Niet gepubliceerd'),
    badge(form.accepting, 'Accepteert reacties', 'Gesloten'),
    `<span class="muted">${form.responses.length} ${form.responses.length === 1 ? 'reactie' : 'reacties'} ontvangen</span>`,
    '</div>',
    !form.accepting && form.customClosedFormMessage
      ? `<p class="closed">Melding bij een gesloten formulier: ${textHtml(form.customClosedFormMessage)}</p>`
      : '',
    form.description ? `<p class="description">${textHtml(form.description)}</p>` : '',
    anyRequired ? '<p class="req-note">* Geeft een verplichte vraag aan</p>' : '',
    ...form.items.map(itemHtml),
    '<div class="submit"><button type="button" disabled>Verzenden</button></div>',
    '<div class="confirmation"><strong>Bevestiging na verzenden</strong>',
    `<p>${form.confirmationMessage ? textHtml(form.confirmationMessage) : '<span class="muted">Uw reactie is genoteerd.</span>'}</p>`,
    '</div>',
    '<p class="muted noprint">Voorbeeldweergave: dit formulier kan hier niet worden ingevuld.</p>',
    '</main>',
  ];
  return htmlPage(form.title, FORM_CSS, parts.filter((p) => p !== '').join('\n'));
}

/** Exports an emulated form as a read-only preview page, without counting service calls. */
export function exportFormHtml(rt: Runtime, formId: string, context?: FormPreviewContext): string {
  return formSnapshotToHtml(
    rt.uncounted(() => snapshotForm(rt, formId)),
    context,
  );
}
