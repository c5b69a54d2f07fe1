/**
 * The two pages the live server serves (导调台 facilitator console, 参演席位 participant page): small,
 * dependency-free HTML + JS, Chinese with English labels, usable on a phone.
 *
 * Nothing about the drill is written into the HTML except the escaped role name and plan title: the script reads
 * its token from the URL, fetches its view from the API and follows the server's Server-Sent Events. Every dynamic
 * text is set with `textContent` (never `innerHTML`), so no logged text can become markup; the script runs under a
 * per-response CSP nonce.
 */
import { esc } from '../report/escape.js';

const CSS = `
*{box-sizing:border-box}[hidden]{display:none!important}header label{color:#fff;display:flex;gap:.3rem;align-items:center}body{margin:0;font:15px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1f24;background:#f4f5f7}
header{position:sticky;top:0;z-index:2;background:#17324d;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header h1{font-size:1.05rem;margin:0;flex:1 1 12rem}
.clock{font:600 1.4rem/1 ui-monospace,monospace;letter-spacing:.05em}.state{font-size:.85rem;opacity:.85}
main{padding:.8rem;max-width:70rem;margin:0 auto;display:grid;gap:.8rem}
section{background:#fff;border-radius:8px;padding:.7rem .9rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:.95rem;margin:.1rem 0 .5rem;color:#17324d}
.card{border-left:4px solid #2f6fb0;background:#f7faff;padding:.45rem .6rem;margin:.4rem 0;border-radius:4px}
.card.acked{border-color:#3a9a5b;background:#f5fbf7}.card .meta{font-size:.8rem;color:#5a6470}
.facts{font:12px ui-monospace,monospace;color:#444;word-break:break-all}
button,select,input,textarea{font:inherit;padding:.4rem .6rem;border-radius:6px;border:1px solid #b8c0ca;background:#fff;max-width:100%}
button{background:#2f6fb0;color:#fff;border-color:#2f6fb0;cursor:pointer}button.secondary{background:#fff;color:#2f6fb0}
button.danger{background:#b3261e;border-color:#b3261e}button:disabled{opacity:.5;cursor:default}
form{display:grid;gap:.45rem}label{font-size:.85rem;color:#38424d;display:grid;gap:.15rem}
textarea{min-height:3.2rem;width:100%}.row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.msg{min-height:1.3em;font-size:.85rem}.msg.err{color:#b3261e}.msg.ok{color:#3a9a5b}
ul.log{list-style:none;padding:0;margin:0;font-size:.88rem}ul.log li{padding:.2rem 0;border-bottom:1px dashed #e1e5ea}
.lanes{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.5rem}
.lane{background:#f7f8fa;border-radius:6px;padding:.4rem .5rem}.lane h3{font-size:.85rem;margin:.1rem 0 .3rem}
.t{font-family:ui-monospace,monospace;color:#5a6470;margin-right:.3rem}
a{color:#2f6fb0;word-break:break-all}
@media (max-width:600px){header h1{font-size:.95rem}.clock{font-size:1.2rem}main{padding:.5rem}}
`;

/** Client helpers shared by both pages (plain ES2020; data only ever reaches the DOM through textContent). */
const COMMON_JS = `
const TOKEN = location.pathname.split('/')[2] || '';
const API = '/api/' + encodeURIComponent(TOKEN);
const $ = (id) => document.getElementById(id);
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
function requestId() { const b = new Uint8Array(16); crypto.getRandomValues(b); return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''); }
async function post(path, body) {
  // One id per action: when the answer is lost (network drop), the retry carries the same id and the server answers
  // it from the log instead of storing the action twice.
  const id = requestId();
  for (let attempt = 1; ; attempt++) {
    let r;
    try {
      r = await fetch(API + path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': id }, body: JSON.stringify(body || {}) });
    } catch (e) {
      if (attempt >= 4) throw new Error('网络中断，请稍后重试 · network error, please retry');
      await new Promise((ok) => setTimeout(ok, 500 * attempt));
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
function drawClock() {
  $('clock').textContent = fmt(nowT());
  $('state').textContent = clock.ended ? '已结束 · ended' : !clock.started ? '未开始 · not started' : clock.running ? '进行中 · running x' + clock.speed : '已暂停 · paused';
}
setInterval(drawClock, 250);
function factsText(f) { return f ? Object.entries(f).map(([k, v]) => k + '=' + v).join('  ') : ''; }
function stream(onMsg) {
  const es = new EventSource(API + '/stream');
  es.addEventListener('message', (ev) => { try { onMsg(JSON.parse(ev.data)); } catch (e) { /* ignore a bad frame */ } });
  return es;
}
`;

const PARTICIPANT_JS = `
let view = null; const seen = new Set(); const acked = new Set();
function roleName(id) { const r = view && view.roles.find((x) => x.id === id); return r ? r.name + ' (' + id + ')' : id; }
function describe(e) {
  switch (e.type) {
    case 'step.done': return (e.mine ? '完成步骤 · step ' : roleName(e.role) + ' 完成步骤 · step ') + e.step + (e.text ? '：' + e.text : '');
    case 'level.declared': return '启动响应 · level ' + e.level;
    case 'notify': return e.mine ? '通知 · notified ' + roleName(e.to) + (e.text ? '：' + e.text : '') : roleName(e.role) + ' 通知你 · notified you' + (e.text ? '：' + e.text : '');
    case 'ack': return '确认收到 · acknowledged' + (e.inject ? ' ' + e.inject : '');
    case 'action.unmatched': return '记录（未匹配步骤）· unmatched: ' + e.text;
    case 'note': return '记录 · note: ' + e.text;
    case 'terminate': return '宣布响应终止 · terminate';
    default: return e.type;
  }
}
function add(e) {
  if (seen.has(e.seq)) return; seen.add(e.seq);
  if (e.type === 'ack' && e.inject) { acked.add(e.inject); const c = document.querySelector('[data-inject="' + CSS.escape(e.inject) + '"]'); if (c) { c.classList.add('acked'); const b = c.querySelector('button'); if (b) b.disabled = true; } }
  if (e.type === 'inject') {
    const done = acked.has(e.inject);
    const card = el('div', { class: 'card' + (done ? ' acked' : ''), 'data-inject': e.inject },
      el('div', { class: 'meta', text: fmt(e.t) + '  ' + (e.from ? '来自 · from ' + e.from + '  ' : '') + '#' + e.inject }),
      el('div', { text: e.message }),
      e.facts ? el('div', { class: 'facts', text: factsText(e.facts) }) : null,
      el('button', { class: 'secondary', disabled: done, onclick: (ev) => ack(ev.target, e.inject) }, '确认收到 · Acknowledge'));
    $('injects').prepend(card); $('noinject').hidden = true; return;
  }
  if (e.type === 'drill.end') { clock.ended = true; clock.running = false; drawClock(); $('submit').disabled = true; return; }
  if (!e.mine) {
    const li = el('div', { class: 'card' }, el('div', { class: 'meta', text: fmt(e.t) }), el('div', { text: describe(e) }),
      e.type === 'notify' ? el('button', { class: 'secondary', onclick: (ev) => ack(ev.target, null) }, '确认收到 · Acknowledge') : null);
    $('inbox').prepend(li); $('noinbox').hidden = true; return;
  }
  $('mine').prepend(el('li', {}, el('span', { class: 't', text: fmt(e.t) }), describe(e)));
}
async function ack(btn, inject) {
  btn.disabled = true;
  try { const r = await post('/action', { kind: 'ack', inject }); (r.events || []).forEach(add); say('msg', '已确认 · acknowledged (#' + r.seq + ')', true); }
  catch (err) { btn.disabled = false; say('msg', err.message, false); }
}
function fill(v) {
  view = v; $('role').textContent = v.role.name + ' · ' + v.role.id; $('plan').textContent = v.plan.title;
  const steps = $('step'); steps.replaceChildren(el('option', { value: '', text: '— 按文字匹配 · match by text —' }));
  const own = el('optgroup', { label: '本角色步骤 · your steps' }), other = el('optgroup', { label: '其他步骤 · other steps' });
  for (const s of v.steps) (s.own ? own : other).append(el('option', { value: s.id, text: s.id + ' — ' + s.action }));
  steps.append(own, other);
  $('level').replaceChildren(...v.levels.map((l) => el('option', { value: l.id, text: l.id + (l.name ? ' ' + l.name : '') })));
  $('to').replaceChildren(...v.roles.filter((r) => r.id !== v.role.id).map((r) => el('option', { value: r.id, text: r.name + ' (' + r.id + ')' })));
  setClock(v.clock); v.events.forEach(add); kind();
}
function kind() {
  const k = $('kind').value;
  $('stepbox').hidden = k !== 'step'; $('levelbox').hidden = k !== 'level'; $('tobox').hidden = k !== 'notify';
}
$('kind').addEventListener('change', kind);
$('form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const k = $('kind').value, text = $('text').value.trim();
  const body = { kind: k };
  if (text) body.text = text;
  if (k === 'step' && $('step').value) body.step = $('step').value;
  if (k === 'level') body.level = $('level').value;
  if (k === 'notify') body.to = $('to').value;
  if ((k === 'note' || (k === 'step' && !body.step)) && !text) { say('msg', '请填写内容 · please write what you did', false); return; }
  $('submit').disabled = true;
  try { const r = await post('/action', body); (r.events || []).forEach(add); $('text').value = ''; say('msg', '已记录 · logged (#' + r.seq + ')', true); }
  catch (err) { say('msg', err.message, false); }
  finally { $('submit').disabled = clock.ended; }
});
fetch(API + '/state').then((r) => r.json()).then((v) => { fill(v);
  stream((m) => { if (m.kind === 'clock') setClock(m.clock); else if (m.kind === 'events') m.events.forEach(add); else if (m.kind === 'snapshot') { setClock(m.view.clock); m.view.events.forEach(add); } });
}).catch((err) => say('msg', String(err), false));
`;

const FACILITATOR_JS = `
let view = null; const seen = new Set(); const lanes = new Map();
function roleName(id) { const r = view && view.roles.find((x) => x.id === id); return r ? r.name : id; }
function describe(e) {
  switch (e.type) {
    case 'drill.start': return '演练开始 · drill start (' + e.mode + ')';
    case 'inject': return '注入 · inject ' + e.inject + ' → ' + (e.to.length ? e.to.join(', ') : '全体 · all') + '：' + e.message;
    case 'level.warranted': return '态势对应级别 · warranted level: ' + (e.level || '—') + '  ' + factsText(e.facts);
    case 'level.declared': return '启动响应 · declared level ' + e.level;
    case 'step.done': return '完成步骤 · step ' + e.step + (e.match === 'text' ? '（文字匹配 · by text）' : '') + (e.text ? '：' + e.text : '');
    case 'step.overdue': return '超时 · overdue: ' + e.step;
    case 'notify': return '通知 · notify ' + e.to + (e.text ? '：' + e.text : '');
    case 'ack': return '确认 · ack' + (e.inject ? ' ' + e.inject : '');
    case 'action.unmatched': return '未匹配 · unmatched: ' + e.text;
    case 'note': return '记录 · note: ' + e.text;
    case 'clock': return '时钟 · clock ' + e.op + ' x' + e.speed;
    case 'terminate': return '宣布响应终止 · terminate';
    case 'drill.end': return '演练结束 · drill end (' + e.reason + ')';
    default: return e.type;
  }
}
function lane(key) {
  if (!lanes.has(key)) {
    const list = el('ul', { class: 'log' });
    const box = el('div', { class: 'lane', 'data-lane': key }, el('h3', { text: key === '' ? '导调 / 引擎 · facilitator / engine' : roleName(key) + ' · ' + key }), list);
    $('lanes').append(box); lanes.set(key, list);
  }
  return lanes.get(key);
}
function add(e) {
  if (seen.has(e.seq)) return; seen.add(e.seq);
  const line = () => el('li', {}, el('span', { class: 't', text: fmt(e.t) }), '#' + e.seq + ' ' + describe(e));
  $('timeline').prepend(line());
  lane(typeof e.role === 'string' && e.type !== 'level.warranted' ? e.role : '').prepend(line());
  if (e.type === 'inject') { const u = document.querySelector('[data-upcoming="' + CSS.escape(e.inject) + '"]'); if (u) u.remove(); }
  if (e.type === 'drill.end') { clock.ended = true; clock.running = false; drawClock(); buttons(); }
}
function buttons() {
  $('start').textContent = clock.started ? '继续 · Resume' : '开始 · Start';
  $('start').disabled = clock.running || clock.ended; $('pause').disabled = !clock.running || clock.ended; $('end').disabled = clock.ended;
}
function upcoming(list) {
  const box = $('upcoming'); if (!box) return; box.replaceChildren();
  for (const i of list) box.append(el('div', { class: 'card', 'data-upcoming': i.id },
    el('div', { class: 'meta', text: fmt(i.at) + '  #' + i.id + '  → ' + (i.to.length ? i.to.join(', ') : '全体 · all') + (i.from ? '  来自 · from ' + i.from : '') }),
    el('div', { text: i.message }), i.facts ? el('div', { class: 'facts', text: factsText(i.facts) }) : null,
    i.expected.length ? el('div', { class: 'meta', text: '预期 · expected: ' + i.expected.map((x) => x.role + ' ' + (x.step || x.text || '')).join('；') }) : null,
    el('button', { class: 'secondary', onclick: () => act('/inject', { reveal: i.id }) }, '立即发布 · Reveal now')));
}
async function act(path, body) {
  try { const r = await post(path, body); if (r.clock) setClock(r.clock); buttons(); if (r.report) showReport(r.report); say('msg', '完成 · done' + (r.seq ? ' (#' + r.seq + ')' : ''), true); return r; }
  catch (err) { say('msg', err.message, false); }
}
function showReport(url) { const a = $('report'); a.href = url; a.hidden = false; a.textContent = '评估报告 · After-action report'; }
function fill(v) {
  view = v; $('title').textContent = v.blind ? '双盲演练 · blind drill（脚本已密封 · scenario sealed）' : v.title;
  const links = $('links'); links.replaceChildren();
  for (const l of v.links) links.append(el('li', {}, roleName(l.role) + ' · ' + l.role + '  ', el('a', { href: l.url, target: '_blank', rel: 'noreferrer', text: l.url }),
    el('br'), el('img', { src: '/f/' + encodeURIComponent(TOKEN) + '/qr/' + encodeURIComponent(l.role), alt: 'QR ' + l.role, width: 132, height: 132, loading: 'lazy' })));
  const to = $('injto'); to.replaceChildren(el('option', { value: '', text: '全体 · everyone' }), ...v.roles.map((r) => el('option', { value: r.id, text: r.name + ' (' + r.id + ')' })));
  if (v.upcoming) upcoming(v.upcoming); else { const s = $('upsec'); if (s) s.hidden = true; }
  const sp = $('speed'); if (![...sp.options].some((o) => o.value === String(v.clock.speed))) sp.append(el('option', { text: String(v.clock.speed) }));
  sp.value = String(v.clock.speed);
  setClock(v.clock); buttons(); v.events.forEach(add); if (v.report) showReport(v.report);
}
$('start').addEventListener('click', () => act('/clock', { op: clock.started ? 'resume' : 'start' }));
$('pause').addEventListener('click', () => act('/clock', { op: 'pause' }));
$('speed').addEventListener('change', () => act('/clock', { op: 'speed', speed: Number($('speed').value) }));
$('end').addEventListener('click', async () => { if (!confirm('结束演练并生成评估报告？ End the drill and score it?')) return; await act('/end', {}); });
$('injform').addEventListener('submit', async (ev) => {
  ev.preventDefault(); const to = [...$('injto').selectedOptions].map((o) => o.value).filter(Boolean);
  let facts; const ft = $('injfacts').value.trim();
  if (ft) { try { facts = JSON.parse(ft); } catch (e) { say('msg', '事实须为 JSON · facts must be JSON', false); return; } }
  if (!$('injmsg').value.trim()) { say('msg', '请填写注入内容 · message required', false); return; }
  if (await act('/inject', { message: $('injmsg').value.trim(), to, facts })) { $('injmsg').value = ''; $('injfacts').value = ''; }
});
$('noteform').addEventListener('submit', async (ev) => {
  ev.preventDefault(); const text = $('notetext').value.trim(); if (!text) return;
  if (await act('/note', { text })) $('notetext').value = '';
});
fetch(API + '/state').then((r) => r.json()).then((v) => { fill(v);
  stream((m) => { if (m.kind === 'clock') { setClock(m.clock); buttons(); } else if (m.kind === 'events') m.events.forEach(add);
    else if (m.kind === 'upcoming') upcoming(m.upcoming); else if (m.kind === 'report') showReport(m.report); else if (m.kind === 'snapshot') { setClock(m.view.clock); buttons(); m.view.events.forEach(add); } });
}).catch((err) => say('msg', String(err), false));
`;

function page(title: string, nonce: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)}</title><style nonce="${esc(nonce)}">${CSS}</style></head>
<body>${body}
<script nonce="${esc(nonce)}">"use strict";${COMMON_JS}${script}</script></body></html>`;
}

/** The participant page of one role. Only the role's name and the plan's title are written into it. */
export function participantPage(roleName: string, planTitle: string, nonce: string): string {
  return page(`${roleName} · 演练席位 Participant`, nonce, `
<header><h1><span id="role">${esc(roleName)}</span><br><small id="plan">${esc(planTitle)}</small></h1>
<div><div class="clock" id="clock">00:00</div><div class="state" id="state"></div></div></header>
<main>
<section><h2>情景注入 · Injects</h2><p id="noinject" class="meta">暂无 · none yet</p><div id="injects"></div></section>
<section><h2>通知 · Notifications</h2><p id="noinbox" class="meta">暂无 · none yet</p><div id="inbox"></div></section>
<section><h2>记录行动 · Log an action</h2>
<form id="form">
<label>类型 · Kind<select id="kind">
<option value="step">完成步骤 · step done</option><option value="level">启动响应级别 · declare level</option>
<option value="notify">通知 · notify</option><option value="note">记录 · note</option><option value="terminate">宣布响应终止 · terminate</option>
</select></label>
<label id="stepbox">预案步骤 · Plan step<select id="step"></select></label>
<label id="levelbox" hidden>级别 · Level<select id="level"></select></label>
<label id="tobox" hidden>通知对象 · Notify<select id="to"></select></label>
<label>说明 · What you did<textarea id="text" maxlength="2000" placeholder="如：关闭2#储罐出口紧急切断阀 · e.g. closed the tank outlet valve"></textarea></label>
<div class="row"><button id="submit" type="submit">提交 · Submit</button><span id="msg" class="msg"></span></div>
</form></section>
<section><h2>我的记录 · My log</h2><ul class="log" id="mine"></ul></section>
</main>`, PARTICIPANT_JS);
}

/** The facilitator console. `blind` hides the upcoming-injects panel. */
export function facilitatorPage(title: string, blind: boolean, nonce: string): string {
  return page(`导调台 Facilitator · ${blind ? 'blind' : title}`, nonce, `
<header><h1 id="title">${esc(blind ? '双盲演练 · blind drill' : title)}</h1>
<div><div class="clock" id="clock">00:00</div><div class="state" id="state"></div></div>
<div class="row"><button id="start">开始 · Start</button><button id="pause" class="secondary">暂停 · Pause</button>
<label>倍速 · Speed <select id="speed"><option>1</option><option>2</option><option>10</option><option>60</option></select></label>
<button id="end" class="danger">结束演练 · End drill</button></div></header>
<main>
<div class="row"><span id="msg" class="msg"></span><a id="report" hidden target="_blank" rel="noreferrer"></a></div>
${blind ? '' : '<section id="upsec"><h2>待发布注入 · Upcoming injects</h2><div id="upcoming"></div></section>'}
<section><h2>人工注入 · Manual inject</h2><form id="injform">
<label>发给 · To (多选 · multi-select; 不选为全体 · none = everyone)<select id="injto" multiple size="4"></select></label>
<label>内容 · Message<textarea id="injmsg" maxlength="5000"></textarea></label>
<label>事实（可选，JSON）· Facts (optional, JSON)<input id="injfacts" placeholder='{"leak_kg": 150}'></label>
<div class="row"><button type="submit">发布 · Reveal</button></div></form></section>
<section><h2>导调记录 · Note</h2><form id="noteform"><textarea id="notetext" maxlength="5000"></textarea><div class="row"><button type="submit">记录 · Add note</button></div></form></section>
<section><h2>分角色时间线 · Timeline per role</h2><div class="lanes" id="lanes"></div></section>
<section><h2>全部事件 · All events</h2><ul class="log" id="timeline"></ul></section>
<section><h2>参演链接 · Participant links</h2><ul class="log" id="links"></ul></section>
</main>`, FACILITATOR_JS);
}
