/**
 * What the three live pages share: the page shell (CSP nonce, viewport for phones), the stylesheet, and the client
 * helpers (plain ES2020, no library). Nothing about the drill is written into the HTML except escaped names and the
 * UI words; the script reads its token from the URL, fetches its view from the API and follows the server's events.
 * Every dynamic text reaches the DOM through `textContent`, never `innerHTML`.
 */
import { escapeHtml as esc } from '../html.js';
import { uiText, type UiLang } from './ui-text.js';

/**
 * Mobile first: everything fits a 360 px phone (no fixed widths; form controls take the column's width, so a long
 * step name cannot widen the page; long words wrap), and grows into columns on a console or a projector.
 */
export const CSS = `
*{box-sizing:border-box;min-width:0}[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1f24;background:#f4f5f7;overflow-wrap:anywhere}
header{position:sticky;top:0;z-index:2;background:#17324d;color:#fff;padding:.5rem .8rem;display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center}
header h1{font-size:1rem;margin:0;flex:1 1 10rem;line-height:1.3}header h1 small{font-weight:normal;opacity:.8}
header label{color:#fff;display:flex;gap:.3rem;align-items:center}header select{width:auto}
header a{color:#cfe3ff}
.clockbox{text-align:right}.clock{font:600 1.35rem/1 ui-monospace,monospace;letter-spacing:.04em}.state{font-size:.8rem;opacity:.85}
main{padding:.6rem;max-width:72rem;margin:0 auto;display:grid;gap:.6rem}
section{background:#fff;border-radius:8px;padding:.6rem .75rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:.95rem;margin:.1rem 0 .4rem;color:#17324d}
.card{border-left:4px solid #2f6fb0;background:#f7faff;padding:.45rem .6rem;margin:.4rem 0;border-radius:4px}
.card.acked{border-color:#3a9a5b;background:#f5fbf7}.card .meta{font-size:.8rem;color:#5a6470}
.banner{padding:.5rem .7rem;border-radius:6px;background:#fff4e5;color:#7a4b00;border:1px solid #f0c36d}
.banner.bad{background:#fdecea;color:#8a1c12;border-color:#f1a9a0}
button,select,input,textarea{font:inherit;padding:.45rem .6rem;border-radius:6px;border:1px solid #b8c0ca;background:#fff;max-width:100%}
select,input:not([type=checkbox]),textarea{width:100%}
button{background:#2f6fb0;color:#fff;border-color:#2f6fb0;cursor:pointer;min-height:2.4rem}button.secondary{background:#fff;color:#2f6fb0}
button.danger{background:#b3261e;border-color:#b3261e}button:disabled{opacity:.5;cursor:default}
form{display:grid;gap:.45rem}label{font-size:.85rem;color:#38424d;display:grid;gap:.15rem}
fieldset{border:1px solid #dde3ea;border-radius:6px;padding:.3rem .5rem;margin:0}fieldset label{display:inline-flex;gap:.25rem;margin-right:.6rem}
textarea{min-height:3.2rem}.row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.msg{min-height:1.3em;font-size:.85rem}.msg.err{color:#b3261e}.msg.ok{color:#3a9a5b}
ul.log{list-style:none;padding:0;margin:0;font-size:.88rem}ul.log li{padding:.2rem 0;border-bottom:1px dashed #e1e5ea}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem}
.tile{background:#f7f8fa;border-radius:6px;padding:.4rem .55rem;border-left:5px solid #9aa5b1}
.tile h3{font-size:.9rem;margin:.05rem 0 .2rem}.tile.ok{border-color:#3a9a5b}.tile.wait{border-color:#e0a100}.tile.silent{border-color:#b3261e;background:#fdf1f0}
.spread{justify-content:space-between}.t{font-family:ui-monospace,monospace;color:#5a6470;margin-right:.3rem}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:.8rem;font-size:.8rem;background:#e8edf3;color:#17324d;margin:.1rem .2rem .1rem 0}
.badge.ok{background:#e3f4e8;color:#1f6b3a}.badge.wait{background:#fff2cc;color:#7a5a00}
a{color:#2f6fb0}
@media (min-width:900px){main.console{grid-template-columns:1fr 1fr}main.console .wide{grid-column:1/-1}}
`;

/** Client helpers shared by the pages. `T` (the UI words) is defined before this runs. */
export const COMMON_JS = `
const TOKEN = location.pathname.split('/')[2] || '';
const API = '/api/' + encodeURIComponent(TOKEN);
const $ = (id) => document.getElementById(id);
function tr(key, ...args) { let s = T[key] || key; args.forEach((a, i) => { s = s.split('{' + i + '}').join(String(a)); }); return s; }
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const k of kids) if (k !== undefined && k !== null) e.append(typeof k === 'string' ? document.createTextNode(k) : k);
  return e;
}
function fmt(t) { t = Math.max(0, Math.floor(t)); const h = Math.floor(t / 3600), m = Math.floor(t % 3600 / 60), s = t % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : String(m).padStart(2, '0')) + ':' + String(s).padStart(2, '0'); }
function parseClock(s) { const p = String(s).trim().split(':').map(Number); if (!p.length || p.some((x) => !Number.isFinite(x) || x < 0)) return NaN;
  return p.reduce((a, x) => a * 60 + x, 0); }
function requestId() { const b = new Uint8Array(16); crypto.getRandomValues(b); return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''); }
async function post(path, body) {
  // One id per action: when the answer is lost (a dropped connection), the retry carries the same id and the server
  // answers it from the log instead of storing the action twice.
  const id = requestId();
  for (let attempt = 1; ; attempt++) {
    let r;
    try {
      r = await fetch(API + path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': id }, body: JSON.stringify(body || {}) });
    } catch (e) {
      if (attempt >= 6) throw new Error(T.offline);
      await new Promise((ok) => setTimeout(ok, 400 * attempt));
      continue;
    }
    let j = {}; try { j = await r.json(); } catch (e) { j = { error: r.statusText }; }
    if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
    return j;
  }
}
function say(id, text, ok) { const m = $(id); if (!m) return; m.textContent = text; m.className = 'msg ' + (ok ? 'ok' : 'err'); }
let clock = { t: 0, running: false, speed: 1, started: false, ended: false }, clockAt = performance.now();
function setClock(c) { clock = c; clockAt = performance.now(); drawClock(); }
function nowT() { return clock.running ? clock.t + (performance.now() - clockAt) / 1000 * clock.speed : clock.t; }
function stateText() { return clock.ended ? T.ended : !clock.started ? T.notStarted : clock.running ? tr('running', clock.speed) : T.paused; }
function drawClock() { const c = $('clock'); if (c) c.textContent = fmt(nowT()); const s = $('state'); if (s) s.textContent = stateText(); if (typeof onTick === 'function') onTick(); }
setInterval(drawClock, 250);
function stream(onMsg) {
  // EventSource reconnects by itself and sends the last event id it saw: the server replays only what was missed.
  const es = new EventSource(API + '/stream');
  es.addEventListener('message', (ev) => { try { onMsg(JSON.parse(ev.data)); } catch (e) { /* a bad frame */ } });
  es.addEventListener('open', () => { const b = $('offline'); if (b) b.hidden = true; });
  es.addEventListener('error', () => { const b = $('offline'); if (b && !clock.ended) b.hidden = false; });
  return es;
}
`;

/** A JSON value for a script element (no `</script>`, no line separators that end a JS string). */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The HTML shell of a live page: UI words for `lang`, the shared CSS and helpers, then the page's own body and script. */
export function page(title: string, lang: UiLang, nonce: string, body: string, script: string, opts: { css?: string; bodyClass?: string } = {}): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)}</title><style nonce="${esc(nonce)}">${CSS}${opts.css ?? ''}</style></head>
<body${opts.bodyClass ? ` class="${esc(opts.bodyClass)}"` : ''}>${body}
<script nonce="${esc(nonce)}">"use strict";const T=${scriptJson(uiText(lang))};${COMMON_JS}${script}</script></body></html>`;
}

/** The UI words of a language mode, for the server-rendered parts of a page. */
export { uiText };
