/**
 * The bridge's host page: what the register looks like around the product's HTML — the menu
 * "7-stappen" as buttons, the sidebar (300 px, on the right, like Sheets shows it) and a modal
 * dialog over the page. Sidebar and dialog are iframes on the bridge (/ui/sidebar, /ui/dialog);
 * a page tells the host through postMessage that the server showed something new
 * (`{bridge:'ui'}`) or that it called google.script.host.close() (`{bridge:'close'}`).
 */
import { escapeHtml } from '../../render/html/client';

export interface HostMenuItem {
  caption: string;
  fn: string;
}

export function hostPage(menu: HostMenuItem[]): string {
  const items = menu
    .filter((m) => m.fn !== '')
    .map((m) => `<button type="button" data-fn="${escapeHtml(m.fn)}">${escapeHtml(m.caption)}</button>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Register aanpak jeugdgroepen (lokaal)</title>
<style>
body{margin:0;font:14px Arial,Helvetica,sans-serif;background:#f8f9fa;height:100vh;display:flex;flex-direction:column}
header{background:#fff;border-bottom:1px solid #dadce0;padding:6px 10px}
header h1{font-size:16px;margin:0 0 6px}
nav{display:flex;flex-wrap:wrap;gap:4px}
nav button{font:inherit;font-size:12px;padding:3px 8px;border:1px solid #dadce0;background:#fff;border-radius:3px;cursor:pointer}
#work{flex:1;display:flex;min-height:0}
#sheet{flex:1;padding:16px;color:#5f6368}
#side{width:300px;border-left:1px solid #dadce0;background:#fff;display:flex;flex-direction:column}
#side[hidden]{display:none}
#side iframe{flex:1;border:0;width:100%}
#overlay{position:fixed;inset:0;background:rgba(32,33,36,.6);display:flex;align-items:center;justify-content:center}
#overlay[hidden]{display:none}
#dialog{background:#fff;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.3);display:flex;flex-direction:column;width:600px;height:90vh}
#dialog h2{font-size:16px;margin:0;padding:12px 16px;border-bottom:1px solid #dadce0}
#dialog iframe{flex:1;border:0;width:100%}
#alert{position:fixed;top:20%;left:50%;transform:translateX(-50%);background:#fff;border:1px solid #dadce0;border-radius:8px;padding:16px;max-width:520px;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.3)}
#alert[hidden]{display:none}
</style>
</head>
<body>
<header><h1>Register aanpak jeugdgroepen</h1><nav aria-label="Menu 7-stappen">${items}</nav></header>
<div id="work">
<div id="sheet">Het register (lokaal, op de in-memory Apps Script). Kies een menu-item.</div>
<aside id="side" hidden aria-label="Zijbalk"><iframe id="sidebar-frame" title="Zijbalk"></iframe></aside>
</div>
<div id="overlay" hidden><div id="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title"><h2 id="dialog-title"></h2><iframe id="dialog-frame" title="Dialoog"></iframe></div></div>
<div id="alert" role="alertdialog" aria-modal="true" hidden><p id="alert-text"></p><button type="button" id="alert-ok">OK</button></div>
<script>
var seen={sidebars:0,dialogs:0};
function show(state){
  if(state.dialogs>seen.dialogs){document.getElementById('dialog-title').textContent=state.dialogTitle;document.getElementById('dialog-frame').src='/ui/dialog?n='+state.dialogs;document.getElementById('overlay').hidden=false}
  if(state.sidebars>seen.sidebars){document.getElementById('sidebar-frame').src='/ui/sidebar?n='+state.sidebars;document.getElementById('side').hidden=false}
  seen={sidebars:state.sidebars,dialogs:state.dialogs};
}
window.addEventListener('message',function(ev){
  var d=ev.data||{};
  if(d.bridge==='ui')show(d.ui);
  if(d.bridge==='close'){
    if(ev.source===document.getElementById('dialog-frame').contentWindow){document.getElementById('overlay').hidden=true;document.getElementById('dialog-frame').src='about:blank'}
    else document.getElementById('side').hidden=true;
  }
});
document.getElementById('alert-ok').addEventListener('click',function(){document.getElementById('alert').hidden=true});
Array.prototype.forEach.call(document.querySelectorAll('nav button'),function(b){
  b.addEventListener('click',function(){
    fetch('/menu',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({fn:b.getAttribute('data-fn')})}).then(function(r){return r.json()}).then(function(res){
      if(res.alert){document.getElementById('alert-text').textContent=res.alert;document.getElementById('alert').hidden=false}
      if(res.ui)show(res.ui);
    });
  });
});
fetch('/ui/state').then(function(r){return r.json()}).then(show);
</script>
</body>
</html>
`;
}
