/**
 * The coordinator's dashboard in the register's sidebar: a case picker, the step timeline, the
 * partner × step matrix, the next sensible actions as buttons, every other action, and links.
 * The page itself holds no case data: it asks the server with `uiDashboard` and runs actions
 * with `uiRunAction` (guides/html/reference/run), and puts what comes back on the page with
 * `textContent` and `createElement` only. Native buttons, a select and links: all of it works
 * by keyboard; every state in the matrix is written out, colour only repeats it.
 */
import { htmlPage } from './client';

export const SIDEBAR_TITLE = 'Dashboard 7-stappen';

/** The buttons under "Alle acties": every action on a case, always reachable (kind, label). */
export const ALL_ACTIONS: readonly (readonly [string, string])[] = [
  ['startStep', 'Stap starten (formulieren maken en versturen)'],
  ['refresh', 'Nu bijwerken (antwoorden ophalen)'],
  ['recordDecision', 'Besluit vastleggen'],
  ['remind', 'Herinnering sturen aan wie te laat is'],
  ['namesList', 'Namenlijst aanmaken of bijwerken (vanaf stap 2B)'],
  ['letters', 'Informatiebrieven maken (na sluiten: afsluitbrieven)'],
  ['replaceForms', 'Ontbrekende formulieren opnieuw maken'],
  ['resendMail', 'Mislukte mails opnieuw versturen'],
  ['publish', 'Integraal beeld bijwerken'],
  ['exportPdf', 'PDF van het integraal beeld maken'],
];

const CSS = `
body{padding:10px 12px}
.row{display:flex;gap:6px;align-items:center;justify-content:space-between;margin-top:4px}
.row .help{margin:0}
select{width:100%;padding:6px;border:1px solid #80868b;border-radius:4px;font:inherit;background:#fff}
section{margin-top:14px}
.meta{color:#5f6368;margin:2px 0}
.next{display:flex;flex-direction:column;gap:8px}
.next button{text-align:left}
.reason{display:block;font-size:12px;color:#5f6368;margin:2px 0 0}
.all{display:flex;flex-direction:column;gap:6px}
.all button{text-align:left}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{padding:3px 0 3px 10px;border-left:4px solid #dadce0}
ol.timeline li[data-state=done]{border-color:#137333}
ol.timeline li[data-state=current]{border-color:#e37400;font-weight:bold}
ol.timeline li[data-state=skipped]{color:#5f6368}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:12px}
caption{text-align:left;color:#5f6368;padding:0 0 4px}
th,td{border:1px solid #dadce0;padding:3px 5px;vertical-align:top;text-align:left}
thead th{background:#f1f3f4}
td[data-kind=answered]{background:#e6f4ea}
td[data-kind=asked],td[data-kind=reminded]{background:#fef7e0}
td[data-kind=late],td[data-kind=missing],td[data-kind=not_sent]{background:#fce8e6;font-weight:bold}
td[data-kind=closed]{background:#f3e8fd}
td[data-kind=not_asked],td[data-kind=future]{color:#5f6368}
ul.links{padding-left:18px;margin:0}
progress{width:100%}
.result a{word-break:break-all}
`;

/** The whole sidebar page; it holds no data (everything comes through uiDashboard). */
export function sidebarPage(): string {
  const all = ALL_ACTIONS.map(
    ([kind, label]) => `<button type="button" data-kind="${kind}" data-label="${label}">${label}</button>`,
  ).join('\n');
  const body = `<main>
<h1>${SIDEBAR_TITLE}</h1>
<div class="field"><label for="case">Casus</label>
<select id="case" aria-describedby="case-help"></select>
<div class="row"><p class="help" id="case-help">Code en uw eigen label; geen namen.</p>
<button type="button" id="reload">Vernieuwen</button></div></div>
<progress id="progress" hidden aria-label="Bezig"></progress>
<p class="status" id="status" role="status" aria-live="polite"></p>
<div class="result" id="result" aria-live="polite" hidden></div>
<div id="case-view" hidden>
<p class="meta" id="case-title"></p>
<p class="meta" id="case-step"></p>
<p class="meta" id="case-progress"></p>
<section aria-labelledby="h-next"><h2 id="h-next">Volgende stappen</h2>
<div class="next" id="next"></div></section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">Verloop</h2>
<ol class="timeline" id="timeline"></ol></section>
<section aria-labelledby="h-matrix"><h2 id="h-matrix">Partners per stap</h2>
<p class="help" id="matrix-help">Per partner en stap: gevraagd (met deadline), herinnerd, te laat, beantwoord, gesloten zonder antwoord, volgt of niet gevraagd. Schuif opzij voor de latere stappen.</p>
<div class="scroll" tabindex="0" role="region" aria-labelledby="h-matrix" aria-describedby="matrix-help"><table id="matrix">
<caption>Stand per partner en stap</caption>
<thead></thead><tbody></tbody></table></div></section>
<section aria-labelledby="h-links"><h2 id="h-links">Links</h2>
<ul class="links" id="links"></ul></section>
<section aria-labelledby="h-all"><h2 id="h-all">Alle acties</h2>
<div class="all" id="all">
${all}
</div></section>
<p class="meta" id="as-of"></p>
</div>
<p id="empty" hidden>Er zijn nog geen casussen. Open een casus via het menu 7-stappen, "Nieuwe casus openen".</p>
</main>`;
  return htmlPage({ title: SIDEBAR_TITLE, body, script: SCRIPT, css: CSS });
}

const SCRIPT = `
var current=null;
var picker=document.getElementById('case');
function $(id){return document.getElementById(id)}
function node(tag,text,attrs){var e=document.createElement(tag);if(text!==undefined&&text!==null)e.textContent=String(text);if(attrs)for(var k in attrs)e.setAttribute(k,attrs[k]);return e}
function clear(e){while(e.firstChild)e.removeChild(e.firstChild)}
function working(on,text){$('progress').hidden=!on;busy(on,text)}
function showResult(text,url){var out=$('result');clear(out);if(!text){out.hidden=true;return}out.appendChild(node('p',text));if(url&&/^https:\\/\\//.test(url)){var a=node('a','Openen',{href:url,target:'_blank',rel:'noopener'});out.appendChild(a)}out.hidden=false}
function failText(r){if(r.message)return r.message;var e=r.errors||{};return Object.keys(e).map(function(k){return e[k]}).join(' ')||'Dat lukte niet.'}
function fillPicker(cases){
  clear(picker);
  cases.forEach(function(c){var o=node('option',c.code+(c.label?' \\u2014 '+c.label:'')+' ('+(c.status==='open'?'stap '+c.step:'gesloten')+')',{value:c.code});picker.appendChild(o)});
  if(current)picker.value=current;
}
function renderTimeline(list){
  var ol=$('timeline');clear(ol);
  list.forEach(function(t){
    var li=node('li','Stap '+t.step+' \\u2014 '+t.name+': '+t.text,{'data-state':t.state});
    if(t.state==='current')li.setAttribute('aria-current','step');
    t.decisions.forEach(function(d){li.appendChild(node('span','; besluit'+(d.round>1?' ronde '+d.round:'')+': '+d.outcome+' ('+d.date+')'))});
    ol.appendChild(li);
  });
}
function renderMatrix(m){
  var table=$('matrix');var head=table.tHead;var body=table.tBodies[0];clear(head);clear(body);
  var tr=node('tr');tr.appendChild(node('th','Partner',{scope:'col'}));
  m.steps.forEach(function(s){tr.appendChild(node('th','Stap '+s,{scope:'col'}))});
  head.appendChild(tr);
  m.rows.forEach(function(r){
    var row=node('tr');row.appendChild(node('th',r.partner,{scope:'row'}));
    r.cells.forEach(function(c){row.appendChild(node('td',c.text,{'data-kind':c.kind}))});
    body.appendChild(row);
  });
  if(!m.rows.length){var empty=node('tr');empty.appendChild(node('td','Nog geen partners in de tab Partners.',{colspan:String(m.steps.length+1)}));body.appendChild(empty)}
}
function renderNext(actions){
  var box=$('next');clear(box);
  if(!actions.length){box.appendChild(node('p','Nu niets te doen: wacht op de antwoorden of de deadline. Alle acties staan hieronder.'));return}
  actions.forEach(function(a,i){
    var id='reason-'+i;
    var b=node('button',a.label,{type:'button','data-kind':a.kind,'data-label':a.label,'aria-describedby':id});
    if(i===0)b.className='primary';
    var wrap=node('div');wrap.appendChild(b);wrap.appendChild(node('span',a.reason,{id:id,'class':'reason'}));
    box.appendChild(wrap);
  });
}
function renderLinks(links){
  var ul=$('links');clear(ul);
  links.forEach(function(l){if(!/^https:\\/\\//.test(l.url))return;var li=node('li');li.appendChild(node('a',l.label,{href:l.url,target:'_blank',rel:'noopener'}));ul.appendChild(li)});
}
function render(data){
  fillPicker(data.cases);
  var c=data.selected;
  $('empty').hidden=data.cases.length>0;
  $('case-view').hidden=!c;
  if(!c)return;
  current=c.code;picker.value=c.code;
  $('case-title').textContent='Casus '+c.code+(c.label?' \\u2014 '+c.label:'')+' \\u00b7 '+c.statusText;
  $('case-step').textContent=c.status==='open'?c.stepTitle+(c.round>1?' (ronde '+c.round+')':''):'';
  $('case-progress').textContent=c.progress;
  $('as-of').textContent='Stand van '+c.asOf;
  renderNext(c.actions);renderTimeline(c.timeline);renderMatrix(c.matrix);renderLinks(c.links);
}
function load(code){
  working(true,'Dashboard laden\\u2026');
  return run('uiDashboard',code||null).then(function(r){
    working(false);
    if(!r.ok){setStatus(failText(r),'error');return}
    render(r);
  },function(e){working(false);setStatus('Het dashboard kon niet laden: '+((e&&e.message)||e),'error')});
}
function act(kind,label){
  if(!current){setStatus('Kies eerst een casus.','error');return}
  showResult('');
  working(true,label+': bezig\\u2026 Dit kan enkele minuten duren; sluit de zijbalk niet.');
  run('uiRunAction',{code:current,kind:kind}).then(function(r){
    working(false);
    if(!r.ok){setStatus(failText(r),'error');return}
    setStatus(label+': klaar.','ok');
    showResult(r.message,r.url);
    if(r.dashboard)render(r.dashboard);
  },function(e){working(false);setStatus(label+' is niet gelukt: '+((e&&e.message)||e)+' Wat al klaar was, blijft bewaard; probeer het opnieuw.','error')});
}
document.addEventListener('click',function(ev){
  var b=ev.target&&ev.target.closest?ev.target.closest('button[data-kind]'):null;
  if(!b||b.disabled)return;
  act(b.getAttribute('data-kind'),b.getAttribute('data-label'));
});
picker.addEventListener('change',function(){current=picker.value;showResult('');load(current)});
$('reload').addEventListener('click',function(){showResult('');load(current)});
load(null);
`;
