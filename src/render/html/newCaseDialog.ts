/**
 * The dialog "Nieuwe casus openen": label, wijk, first signal and bewaartermijn in one form.
 * The browser checks each field with the server's own rules (model/newCaseInput.ts) and shows
 * the message under the field; the server checks again (`uiNewCase`). Nothing typed is lost
 * when the server refuses: the form stays as it was with the messages under the fields.
 */
import { checkNewCaseFields, NEW_CASE_FIELDS, type NewCaseRules } from '../../model/newCaseInput';
import { dialogFooter, escapeHtml, functionSource, htmlPage } from './client';

export const NEW_CASE_TITLE = 'Nieuwe casus openen';

export interface NewCaseDialogData {
  rules: NewCaseRules;
  /** Prefilled bewaartermijn: the register's setting. */
  retentionDefault: number;
}

function field(name: string, label: string, input: string, help: string): string {
  return `<div class="field">
<label for="f-${name}">${escapeHtml(label)}</label>
${input}
<p class="help" id="help-${name}">${escapeHtml(help)}</p>
<p class="error" id="err-${name}" data-error-for="${name}" aria-live="polite"></p>
</div>`;
}

const described = (name: string) => `aria-describedby="help-${name} err-${name}"`;

export function newCaseDialogPage(data: NewCaseDialogData): string {
  const r = data.rules;
  const body = `<main>
<h1>${NEW_CASE_TITLE}</h1>
<p>De casus krijgt vanzelf een code. Het label is alleen voor uzelf in het register: noem geen namen.</p>
<form id="form" novalidate>
${field('label', 'Label', `<input type="text" id="f-label" name="label" autocomplete="off" required ${described('label')}>`, 'Een korte omschrijving waaraan u de casus herkent, bijv. "Groep bij het winkelcentrum". Hooguit 60 tekens, geen namen of codes.')}
${field('wijk', 'Wijk of buurt', `<input type="text" id="f-wijk" name="wijk" autocomplete="off" required ${described('wijk')}>`, 'Waar de groep zich vooral ophoudt.')}
${field('eersteSignaal', 'Eerste signaal', `<input type="date" id="f-eersteSignaal" name="eersteSignaal" required max="${escapeHtml(r.today)}" ${described('eersteSignaal')}>`, 'De datum waarop het eerste signaal over de groep binnenkwam; niet later dan vandaag.')}
${field('bewaartermijnMaanden', 'Bewaartermijn (maanden)', `<input type="number" id="f-bewaartermijnMaanden" name="bewaartermijnMaanden" inputmode="numeric" min="${r.retentionMin}" max="${r.retentionMax}" step="1" value="${data.retentionDefault}" required ${described('bewaartermijnMaanden')}>`, `Zoveel maanden na het sluiten van de casus worden de persoonsgegevens verwijderd (${r.retentionMin} tot en met ${r.retentionMax}); standaard de waarde uit Instellingen.`)}
${dialogFooter('Casus openen')}
</main>`;
  const script = `
var DATA=readData();
var ORDER=${JSON.stringify(NEW_CASE_FIELDS)};
var checkFields=${functionSource(checkNewCaseFields)};
var form=document.getElementById('form');
wireDialog();
function done(r){dialogDone(form,r)}
form.addEventListener('submit',function(ev){
  ev.preventDefault();
  var values=formValues(form);
  var checked=checkFields(values,DATA.rules);
  if(Object.keys(checked.errors).length){showFieldErrors(form,checked.errors,ORDER);setStatus('Herstel de velden met een melding.','error');return}
  clearFieldErrors(form);
  busy(true,'De casus wordt geopend…');
  run('uiNewCase',values).then(function(r){
    busy(false);
    if(!r.ok){showFieldErrors(form,r.errors||{},ORDER);setStatus(r.message||'Herstel de velden met een melding.','error');return}
    done(r);
  },function(e){
    busy(false);
    setStatus('Er ging iets mis: '+((e&&e.message)||e)+' Wat u typte staat er nog; probeer het opnieuw.','error');
  });
});
document.getElementById('f-label').focus();
`;
  return htmlPage({ title: NEW_CASE_TITLE, body, data, script });
}
