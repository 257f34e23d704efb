/**
 * The browser side of the bridge: `google.script.run` and `google.script.host` for a page the
 * bridge serves, injected as the first script of the page. It follows the client-side API
 * (guides/html/reference/run, guides/html/reference/host):
 * - `google.script.run.withSuccessHandler(f).withFailureHandler(g).withUserObject(o).name(...args)`
 *   is asynchronous and returns nothing; every `with…` returns a runner with that handler set;
 * - legal parameters are primitives, null, and objects and arrays of those; a Date, a function,
 *   a DOM element or a circular object makes the request fail (failure handler), `undefined`
 *   inside an array becomes null; the server gets a copy;
 * - the failure handler receives an Error whose message is the server's; without one the error
 *   goes to the console;
 * - `google.script.host.close()` closes the dialog or sidebar (here: the host page hides it).
 */

export const SHIM_JS = `
(function(){
  function illegal(v,seen){
    if(v===null)return false;
    var t=typeof v;
    if(t==='function'||t==='symbol'||t==='bigint')return true;
    if(t!=='object')return false;
    if(Object.prototype.toString.call(v)==='[object Date]')return true;
    if(typeof Node!=='undefined'&&v instanceof Node)return true;
    if(seen.indexOf(v)>=0)return true;
    seen.push(v);
    var keys=Object.keys(v);
    for(var i=0;i<keys.length;i++)if(illegal(v[keys[i]],seen))return true;
    seen.pop();
    return false;
  }
  function notify(ui){try{if(window.parent&&window.parent!==window)window.parent.postMessage({bridge:'ui',ui:ui},'*')}catch(e){}}
  function call(name,args,ok,fail,user){
    var failWith=function(err){if(fail)fail(err,user);else console.error(err)};
    for(var i=0;i<args.length;i++)if(illegal(args[i],[])){var e=new Error('Ongeldige parameter voor '+name+': een Date, functie, DOM-element of kringverwijzing kan niet naar de server.');setTimeout(function(){failWith(e)},0);return}
    var body=JSON.stringify({fn:name,args:args});
    fetch('/run',{method:'POST',headers:{'content-type':'application/json'},body:body}).then(function(r){return r.json()}).then(function(res){
      if(res.ui)notify(res.ui);
      if(res.ok){if(ok)ok(res.value,user)}else{var err=new Error(res.error.message);err.name=res.error.name||'ScriptError';failWith(err)}
    },function(e){failWith(e)});
  }
  function runner(ok,fail,user){
    return new Proxy({},{get:function(_,name){
      if(name==='withSuccessHandler')return function(h){return runner(h,fail,user)};
      if(name==='withFailureHandler')return function(h){return runner(ok,h,user)};
      if(name==='withUserObject')return function(o){return runner(ok,fail,o)};
      if(typeof name!=='string')return undefined;
      return function(){call(name,Array.prototype.slice.call(arguments),ok,fail,user)};
    }});
  }
  window.google={script:{
    run:runner(null,null,undefined),
    host:{
      close:function(){try{window.parent.postMessage({bridge:'close'},'*')}catch(e){}},
      setHeight:function(){},setWidth:function(){},
      editor:{focus:function(){}}
    }
  }};
})();
`;

/** The page with the shim as the first script of its head. */
export function withShim(html: string): string {
  const tag = `<script>${SHIM_JS}</script>`;
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return `${tag}${html}`;
  const end = html.indexOf('>', at) + 1;
  return `${html.slice(0, end)}\n${tag}${html.slice(end)}`;
}
