/**
 * The dialog "Besluit vastleggen": one form with only what the gate of the case's current step
 * allows — the outcomes (radio group), the follow-up routes when the chosen outcome takes them
 * (checkboxes), the reason when acuut, the motivation, who decided (prefilled), the date (a date
 * picker: dd-mm-jjjj in a Dutch browser, posted as jjjj-mm-dd) and the driehoek's directions in
 * step 4. The browser checks with the server's own rules (model/decisionInput.ts) and shows each
 * message under its field; a refusal by the server does the same. The form is never reset or
 * closed on an error: nothing typed is lost. A stale form (someone else decided meanwhile) is
 * told so and cannot be sent twice.
 */
import {
  checkDecisionFields,
  DECISION_FIELDS,
  type DecisionRules,
  MOTIVATION_MAX,
} from '../../model/decisionInput';
import { dialogFooter, escapeHtml, functionSource, htmlPage } from './client';

export const DECISION_TITLE = 'Besluit vastleggen';

/** One case in the picker. */
export interface DecisionCaseChoice {
  code: string;
  label: string;
  /** "stap 2A" or "gesloten". */
  where: string;
}

/** What the form of one case needs (also the answer of `uiDecisionForm`). */
export interface DecisionFormData {
  rules: DecisionRules;
  /** The case's label (the coordinator's own words). */
  label: string;
  /** Prefill for "Besloten door": the active user's address. */
  decidedBy: string;
}

export interface DecisionDialogData {
  cases: DecisionCaseChoice[];
  /** The form of the case chosen beforehand (from the dashboard), or null: pick a case first. */
  form: DecisionFormData | null;
}

function textField(name: string, label: string, control: string, help: string, hiddenField = false): string {
  return `<div class="field" id="fld-${name}"${hiddenField ? ' hidden' : ''}>
<label for="f-${name}">${escapeHtml(label)}</label>
${control}
<p class="help" id="help-${name}">${escapeHtml(help)}</p>
<p class="error" id="err-${name}" data-error-for="${name}" aria-live="polite"></p>
</div>`;
}

const described = (name: string) => `aria-describedby="help-${name} err-${name}"`;

export function decisionDialogPage(data: DecisionDialogData): string {
  const body = `<main>
<h1>${DECISION_TITLE}</h1>
<form id="form" novalidate>
<div class="field">
<label for="f-code">Casus</label>
<select id="f-code" name="code" aria-describedby="help-code"></select>
<p class="help" id="help-code">Alleen de besluiten die de poort van de huidige stap toestaat, worden getoond.</p>
</div>
<div id="gate" hidden>
<p id="where"></p>
<fieldset id="fs-outcome" aria-describedby="err-outcome">
<legend>Besluit</legend>
<div id="outcomes"></div>
<p class="error" id="err-outcome" data-error-for="outcome" aria-live="polite"></p>
</fieldset>
<fieldset id="fs-routes" aria-describedby="help-routes err-routes" hidden>
<legend id="routes-legend">Vervolgroutes</legend>
<div id="routes"></div>
<p class="help" id="help-routes">Waar de aanpak heen gaat na dit besluit; één of meer.</p>
<p class="error" id="err-routes" data-error-for="routes" aria-live="polite"></p>
</fieldset>
<p class="help" id="plan-note" hidden>Bij dit besluit wordt het plan van aanpak gelezen uit de tab Plan van aanpak van de casusspreadsheet.</p>
${textField('acuteReason', 'Waarom acuut?', `<textarea id="f-acuteReason" name="acuteReason" ${described('acuteReason')}></textarea>`, 'Waarom kunnen de namenlijst en de groepsscan (2B) niet wachten op het besluit van 2A? Noem geen namen.', true)}
${textField('motivation', 'Motivering', `<textarea id="f-motivation" name="motivation" maxlength="${MOTIVATION_MAX}" ${described('motivation')}></textarea>`, 'Waarom is dit besloten? Noem geen namen.')}
${textField('decidedBy', 'Besloten door', `<input type="text" id="f-decidedBy" name="decidedBy" list="decided-by-list" autocomplete="off" ${described('decidedBy')}><datalist id="decided-by-list"></datalist>`, 'Wie nam het besluit: bijvoorbeeld de lokale driehoek, het partneroverleg of uzelf.')}
${textField('date', 'Datum van het besluit', `<input type="date" id="f-date" name="date" ${described('date')}>`, 'Niet later dan vandaag.')}
${textField('directions', 'Aanwijzingen van de driehoek', `<textarea id="f-directions" name="directions" ${described('directions')}></textarea>`, 'Wat de driehoek meegeeft voor de aanpak (niet verplicht).', true)}
<input type="hidden" name="expected" id="f-expected">
</div>
${dialogFooter('Besluit vastleggen', { disabled: true })}
</main>`;
  const script = `
var DATA=readData();
var ORDER=${JSON.stringify(DECISION_FIELDS)};
var checkFields=${functionSource(checkDecisionFields)};
var form=document.getElementById('form');
var picker=document.getElementById('f-code');
var current=null;
function byId(id){return document.getElementById(id)}
function clear(el){while(el.firstChild)el.removeChild(el.firstChild)}
wireDialog();
function fillPicker(){
  clear(picker);
  var none=document.createElement('option');none.value='';none.textContent='Kies een casus';picker.appendChild(none);
  DATA.cases.forEach(function(c){var o=document.createElement('option');o.value=c.code;o.textContent=c.code+(c.label?' — '+c.label:'')+' ('+c.where+')';picker.appendChild(o)});
}
function chosenOutcome(){if(!current)return null;var v=formValues(form).outcome;for(var i=0;i<current.rules.outcomes.length;i++)if(current.rules.outcomes[i].key===v)return current.rules.outcomes[i];return null}
function updateOutcome(){
  var o=chosenOutcome();var box=byId('routes');
  var kept=formValues(form).routes||[];
  clear(box);
  var routes=o?o.routes:[];
  routes.forEach(function(r,i){var lab=document.createElement('label');lab.className='choice';var cb=document.createElement('input');cb.type='checkbox';cb.name='routes';cb.value=r.key;cb.id='r-'+i;cb.checked=kept.indexOf(r.key)>=0;lab.htmlFor=cb.id;var span=document.createElement('span');span.textContent=r.label;lab.appendChild(cb);lab.appendChild(span);box.appendChild(lab)});
  byId('fs-routes').hidden=routes.length===0;
  byId('routes-legend').textContent=o&&o.requiresRoute?'Vervolgroutes (kies er minstens één)':'Vervolgroutes (mag leeg blijven)';
  byId('fld-acuteReason').hidden=!(o&&o.requiresAcuteReason);
  byId('plan-note').hidden=!(o&&o.usesPlan);
}
function render(f){
  current=f;var r=f.rules;
  byId('where').textContent='Casus '+r.code+(f.label?' — '+f.label:'')+': '+r.where+'.';
  var box=byId('outcomes');clear(box);
  r.outcomes.forEach(function(o,i){var lab=document.createElement('label');lab.className='choice';var rb=document.createElement('input');rb.type='radio';rb.name='outcome';rb.value=o.key;rb.id='o-'+i;lab.htmlFor=rb.id;var span=document.createElement('span');var b=document.createElement('strong');b.textContent=o.label;span.appendChild(b);var d=document.createElement('span');d.className='help';d.textContent=' — '+o.description;span.appendChild(d);lab.appendChild(rb);lab.appendChild(span);box.appendChild(lab);rb.addEventListener('change',updateOutcome)});
  var dl=byId('decided-by-list');clear(dl);[r.decidedByDefault,f.decidedBy].forEach(function(v){if(!v)return;var o=document.createElement('option');o.value=v;dl.appendChild(o)});
  if(!byId('f-decidedBy').value)byId('f-decidedBy').value=f.decidedBy||r.decidedByDefault;
  var d=byId('f-date');d.max=r.today;d.min=r.minDate;if(!d.value)d.value=r.today;
  byId('help-date').textContent='Niet later dan vandaag ('+dutchDate(r.today)+') en niet vóór '+r.minDateReason+' ('+dutchDate(r.minDate)+').';
  byId('fld-directions').hidden=!r.hasDirections;
  byId('f-expected').value=String(r.expected);
  byId('gate').hidden=false;byId('submit').disabled=false;
  clearFieldErrors(form);setStatus('');
  updateOutcome();
}
picker.addEventListener('change',function(){
  var code=picker.value;current=null;byId('gate').hidden=true;byId('submit').disabled=true;
  if(!code)return;
  busy(true,'De poort van '+code+' wordt opgehaald…');
  run('uiDecisionForm',code).then(function(r){busy(false);if(!r.ok){byId('submit').disabled=true;setStatus(r.message||'Deze casus kan nu niet.','error');return}render(r.form)},function(e){busy(false);byId('submit').disabled=true;setStatus('Er ging iets mis: '+((e&&e.message)||e),'error')});
});
function done(r){dialogDone(form,r)}
form.addEventListener('submit',function(ev){
  ev.preventDefault();
  if(!current)return;
  var values=formValues(form);var code=values.code;delete values.code;
  var checked=checkFields(values,current.rules);
  if(Object.keys(checked.errors).length){showFieldErrors(form,checked.errors,ORDER);setStatus('Herstel de velden met een melding; de rest blijft staan.','error');return}
  clearFieldErrors(form);
  busy(true,'Het besluit wordt vastgelegd en de casus bijgewerkt…');
  run('uiRecordDecision',code,values).then(function(r){
    busy(false);
    if(!r.ok){showFieldErrors(form,r.errors||{},ORDER);setStatus(r.message||'Herstel de velden met een melding; de rest blijft staan.','error');if(r.stale)byId('submit').disabled=true;return}
    done(r);
  },function(e){busy(false);setStatus('Er ging iets mis: '+((e&&e.message)||e)+' Wat u typte staat er nog; probeer het opnieuw.','error')});
});
fillPicker();
if(DATA.form){picker.value=DATA.form.rules.code;render(DATA.form);var first=form.querySelector('input[name=outcome]');if(first)first.focus()}else{picker.focus()}
`;
  return htmlPage({ title: DECISION_TITLE, body, data, script });
}
