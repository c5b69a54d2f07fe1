/**
 * The facilitator console (导调台): the clock, the room at a glance (who was told, who acted, who still owes an
 * acknowledgement, who has gone silent), the upcoming injects — reveal now, edit, reschedule, skip, reorder (not in a
 * blind drill, where nobody sees them) — manual injects with the incident facts as a form, notes, the timeline per
 * role, the participants' links and QR codes, the projector view and the after-action report (HTML and PDF).
 */
import { escapeHtml as esc } from '../html.js';
import { page, uiText } from './page-shell.js';
import type { UiLang } from './ui-text.js';

const JS = `
let view = null, board = null; const seen = new Set(); const lanes = new Map(); let editing = null;
function roleName(id) { const r = view && view.roles.find((x) => x.id === id); return r ? r.name : id; }
function roles(list) { return list && list.length ? list.map(roleName).join('、') : T.everyone; }
function factText(f) {
  if (!f) return '';
  return Object.entries(f).map(([k, v]) => { const d = view.facts.find((x) => x.id === k);
    const val = v === true ? T.yes : v === false ? T.no : String(v);
    return (d && d.label ? d.label : k) + ' ' + val + (d && d.unit && typeof v === 'number' ? ' ' + d.unit : ''); }).join('；');
}
function describe(e) {
  switch (e.type) {
    case 'drill.start': return tr('drillStart', e.mode);
    case 'inject': return tr('injectEv', e.inject, roles(e.to), e.message);
    case 'level.warranted': return tr('warrantedEv', e.level || '—');
    case 'level.declared': return roleName(e.role) + ' ' + tr('declared', e.level);
    case 'step.done': return roleName(e.role) + ' ' + tr('stepDone', e.step) + (e.text ? '：' + e.text : '');
    case 'step.overdue': return tr('overdue', e.step);
    case 'notify': return roleName(e.role) + ' ' + tr('notifiedWho', roleName(e.to)) + (e.text ? '：' + e.text : '');
    case 'ack': return roleName(e.role) + ' ' + tr('ackedWhat', e.inject || '');
    case 'action.unmatched': return roleName(e.role) + ' ' + tr('unmatched', e.text);
    case 'note': return (e.role ? roleName(e.role) + ' ' : '') + tr('note', e.text);
    case 'clock': return tr('clockEv', e.op, e.speed);
    case 'schedule': return tr('scheduleEv', e.inject, e.op === 'skip' ? T.skip : (e.at !== undefined ? fmt(e.at) : T.edit));
    case 'terminate': return roleName(e.role) + ' ' + T.terminated;
    case 'drill.end': return tr('drillEnd', e.reason);
    default: return e.type;
  }
}
function lane(key) {
  if (!lanes.has(key)) {
    const list = el('ul', { class: 'log' });
    $('lanes').append(el('div', { class: 'tile', 'data-lane': key }, el('h3', { text: key === '' ? T.facilitatorLane : roleName(key) }), list));
    lanes.set(key, list);
  }
  return lanes.get(key);
}
function add(e) {
  if (seen.has(e.seq)) return; seen.add(e.seq);
  const line = () => el('li', {}, el('span', { class: 't', text: fmt(e.t) }), '#' + e.seq + ' ' + describe(e));
  $('timeline').prepend(line());
  lane(typeof e.role === 'string' && e.type !== 'level.warranted' ? e.role : '').prepend(line());
  if (e.type === 'drill.end') { clock.ended = true; clock.running = false; drawClock(); buttons(); }
  refresh();
}
let pending = null;
function refresh() { if (pending) return; pending = setTimeout(async () => { pending = null;
  try { const r = await fetch(API + '/board'); if (r.ok) { const j = await r.json(); board = j.board; if (j.clock) { setClock(j.clock); buttons(); } if (j.upcoming) upcoming(j.upcoming); drawBoard(); } } catch (e) { /* next event retries */ } }, 200); }
function buttons() {
  $('start').textContent = clock.started ? T.resume : T.start;
  $('start').disabled = clock.running || clock.ended; $('pause').disabled = !clock.running || clock.ended; $('end').disabled = clock.ended;
  $('speed').disabled = clock.ended;
  // After the end nothing can be revealed, edited or logged: only the report is left.
  for (const b of document.querySelectorAll('#upcoming button, #injform button, #noteform button')) b.disabled = clock.ended;
  $('reportlinks').hidden = !clock.ended;
}
function idle(r) { const since = r.lastActAt !== undefined ? r.lastActAt : r.toldAt; return since === undefined ? undefined : Math.max(0, nowT() - since); }
function onTick() { if (board) drawBoard(); }
function drawBoard() {
  const grid = $('board'); if (!grid || !board) return;
  grid.replaceChildren(); const alerts = [];
  for (const r of board.roles) {
    const i = idle(r); const silent = !clock.ended && i !== undefined && i >= board.silentAfter;
    if (silent) alerts.push(tr('silentAlert', r.name, fmt(i)));
    const cls = silent ? 'silent' : r.pendingAcks.length ? 'wait' : r.actions ? 'ok' : '';
    grid.append(el('div', { class: 'tile ' + cls, 'data-role': r.id }, el('h3', { text: r.name }),
      el('div', { class: 'meta', text: r.toldAt === undefined ? T.notTold : T.told + ' ' + fmt(r.toldAt) }),
      el('div', { class: 'meta', text: T.lastAction + ' ' + (r.lastActAt === undefined ? '—' : fmt(r.lastActAt)) + (i !== undefined ? '  · ' + T.idle + ' ' + fmt(i) : '') }),
      el('div', { class: 'meta', text: T.steps + ' ' + r.steps + (r.pendingAcks.length ? '  · ' + T.pendingAcks + ' ' + r.pendingAcks.join(', ') : '') })));
  }
  const a = $('alerts'); a.replaceChildren(...alerts.map((x) => el('div', { text: x }))); a.hidden = !alerts.length;
  const acks = $('acks'); acks.replaceChildren();
  for (const k of [...board.acks].reverse()) {
    acks.append(el('div', { class: 'card', 'data-acks': k.inject }, el('div', { class: 'meta', text: fmt(k.t) + '  #' + k.inject + '  ' + tr('ackOf', Object.keys(k.acked).length, k.to.length) }),
      el('div', {}, ...k.to.map((r) => el('span', { class: 'badge ' + (r in k.acked ? 'ok' : 'wait'), text: (r in k.acked ? '✓ ' : '… ') + roleName(r) })))));
  }
}
function checks(name, selected) {
  return el('fieldset', {}, ...view.roles.map((r) => el('label', {}, el('input', { type: 'checkbox', name, value: r.id, checked: selected.includes(r.id) }), r.name)));
}
function checked(form, name) { return [...form.querySelectorAll('input[name="' + name + '"]:checked')].map((x) => x.value); }
function factsForm(values) {
  // The incident facts as a form (one field per fact the plan declares), not JSON.
  const box = el('div', { class: 'grid facts' });
  for (const f of view.facts) {
    const v = values ? values[f.id] : undefined; const label = (f.label || f.id) + (f.unit ? ' (' + f.unit + ')' : '');
    let input;
    if (f.type === 'boolean' || f.type === 'judgement') {
      input = el('select', { 'data-fact': f.id, 'data-type': 'boolean' }, el('option', { value: '', text: T.factUnset }), el('option', { value: 'true', text: T.yes }), el('option', { value: 'false', text: T.no }));
      if (v !== undefined) input.value = String(v);
    } else if (f.type === 'enum') {
      input = el('select', { 'data-fact': f.id, 'data-type': 'enum' }, el('option', { value: '', text: T.factUnset }), ...(f.values || []).map((x) => el('option', { value: x, text: x })));
      if (v !== undefined) input.value = String(v);
    } else {
      input = el('input', { type: 'number', step: f.type === 'integer' ? '1' : 'any', 'data-fact': f.id, 'data-type': 'number', value: v === undefined ? '' : String(v) });
    }
    box.append(el('label', {}, label, input));
  }
  return box;
}
function readFacts(box) {
  const out = {}; let any = false;
  for (const i of box.querySelectorAll('[data-fact]')) {
    if (i.value === '') continue; any = true;
    out[i.dataset.fact] = i.dataset.type === 'boolean' ? i.value === 'true' : i.dataset.type === 'number' ? Number(i.value) : i.value;
  }
  return any ? out : undefined;
}
function upcoming(list) {
  const box = $('upcoming'); if (!box || editing) return; box.replaceChildren();
  list.forEach((i, n) => {
    const move = (d) => { const ids = list.map((x) => x.id); [ids[n], ids[n + d]] = [ids[n + d], ids[n]]; act('/schedule', { reorder: ids }); };
    const card = el('div', { class: 'card', 'data-upcoming': i.id },
      el('div', { class: 'meta', text: fmt(i.at) + '  #' + i.id + '  → ' + roles(i.to) + (i.from ? '  ' + tr('from', i.from) : '') }),
      el('div', { text: i.message }), i.facts ? el('div', { class: 'meta', text: T.facts + '：' + factText(i.facts) }) : null,
      i.expected.length ? el('div', { class: 'meta', text: T.expected + '：' + i.expected.map((x) => roleName(x.role) + ' ' + (x.step || x.text || '')).join('；') }) : null,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'secondary', 'data-act': 'reveal', onclick: () => act('/inject', { reveal: i.id }) }, T.revealNow),
        el('button', { type: 'button', class: 'secondary', 'data-act': 'edit', onclick: () => edit(card, i) }, T.edit),
        el('button', { type: 'button', class: 'secondary', 'data-act': 'up', disabled: n === 0, onclick: () => move(-1) }, T.moveUp),
        el('button', { type: 'button', class: 'secondary', 'data-act': 'down', disabled: n === list.length - 1, onclick: () => move(1) }, T.moveDown),
        el('button', { type: 'button', class: 'secondary', 'data-act': 'skip', onclick: () => { if (confirm(tr('confirmSkip', i.id))) act('/schedule', { inject: i.id, skip: true }); } }, T.skip)));
    box.append(card);
  });
  buttons();
}
function edit(card, i) {
  editing = i.id;
  const facts = factsForm(i.facts || {});
  const form = el('form', { 'data-edit': i.id },
    el('label', {}, T.at, el('input', { name: 'at', value: fmt(i.at), inputmode: 'numeric' })),
    el('label', {}, T.message, el('textarea', { name: 'message', text: i.message })),
    el('label', {}, T.to, checks('to', i.to)), el('label', {}, T.facts, facts),
    el('div', { class: 'row' }, el('button', { type: 'submit' }, T.save), el('button', { type: 'button', class: 'secondary', onclick: () => { editing = null; refresh(); } }, T.cancel)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault(); const at = parseClock(form.elements.at.value);
    if (!Number.isFinite(at)) { say('msg', T.at, false); return; }
    editing = null;
    await act('/schedule', { inject: i.id, at, message: form.elements.message.value.trim() || i.message, to: checked(form, 'to'), facts: readFacts(facts) || null });
  });
  card.replaceChildren(form);
}
async function act(path, body) {
  try { const r = await post(path, body); if (r.clock) setClock(r.clock); buttons(); if (r.report) showReport(); say('msg', T.done + (r.seq ? ' (#' + r.seq + ')' : ''), true); refresh(); return r; }
  catch (err) { say('msg', err.message, false); }
}
function showReport() { $('reportlinks').hidden = false; }
function fill(v) {
  view = v;
  $('report').href = '/f/' + encodeURIComponent(TOKEN) + '/report'; $('reportpdf').href = '/f/' + encodeURIComponent(TOKEN) + '/report.pdf'; $('title').textContent = v.blind ? T.blindTitle : v.title;
  const links = $('links'); links.replaceChildren();
  for (const l of v.links) links.append(el('li', {}, roleName(l.role) + '  ', el('a', { href: l.url, target: '_blank', rel: 'noreferrer', text: l.url }),
    el('br'), el('img', { src: '/f/' + encodeURIComponent(TOKEN) + '/qr/' + encodeURIComponent(l.role), alt: 'QR ' + l.role, width: 132, height: 132, loading: 'lazy' })));
  if (v.projector) { $('projector').href = v.projector; $('projector').hidden = false; }
  $('injto').replaceChildren(checks('injto', []));
  $('injfacts').replaceChildren(factsForm({}));
  if (v.upcoming) upcoming(v.upcoming); else { const s = $('upsec'); if (s) s.hidden = true; }
  const sp = $('speed'); if (![...sp.options].some((o) => o.value === String(v.clock.speed))) sp.append(el('option', { text: String(v.clock.speed) }));
  sp.value = String(v.clock.speed);
  setClock(v.clock); buttons(); v.events.forEach(add); if (v.report) showReport();
  if (v.board) { board = v.board; drawBoard(); }
}
$('start').addEventListener('click', () => act('/clock', { op: clock.started ? 'resume' : 'start' }));
$('pause').addEventListener('click', () => act('/clock', { op: 'pause' }));
$('speed').addEventListener('change', () => act('/clock', { op: 'speed', speed: Number($('speed').value) }));
$('end').addEventListener('click', async () => { if (!confirm(T.confirmEnd)) return; await act('/end', {}); });
$('injform').addEventListener('submit', async (ev) => {
  ev.preventDefault(); const to = checked($('injform'), 'injto');
  const message = $('injmsg').value.trim();
  if (!message) { say('msg', T.messageRequired, false); return; }
  if (await act('/inject', { message, to, facts: readFacts($('injfacts')) })) { $('injmsg').value = ''; $('injfacts').replaceChildren(factsForm({})); }
});
$('noteform').addEventListener('submit', async (ev) => {
  ev.preventDefault(); const text = $('notetext').value.trim(); if (!text) return;
  if (await act('/note', { text })) $('notetext').value = '';
});
fetch(API + '/state').then((r) => r.json()).then((v) => { fill(v);
  stream((m) => { if (m.kind === 'clock') { setClock(m.clock); buttons(); } else if (m.kind === 'events') m.events.forEach(add);
    else if (m.kind === 'report') showReport(); else if (m.kind === 'snapshot') { setClock(m.view.clock); buttons(); m.view.events.forEach(add); } });
}).catch((err) => say('msg', String(err), false));
`;

/** The facilitator console. `blind` hides the upcoming-injects panel (it is never sent either). */
export function facilitatorPage(title: string, blind: boolean, nonce: string, lang: UiLang = 'zh-en'): string {
  const t = uiText(lang);
  return page(`${t.consoleTitle} · ${blind ? t.blindTitle : title}`, lang, nonce, `
<header><h1 id="title">${esc(blind ? t.blindTitle : title)}</h1>
<div class="clockbox"><div class="clock" id="clock">00:00</div><div class="state" id="state"></div></div>
<div class="row"><button id="start">${esc(t.start)}</button><button id="pause" class="secondary">${esc(t.pause)}</button>
<label>${esc(t.speed)} <select id="speed"><option>1</option><option>2</option><option>10</option><option>60</option></select></label>
<button id="end" class="danger">${esc(t.end)}</button>
<a id="projector" hidden target="_blank" rel="noreferrer">${esc(t.projector)}</a></div></header>
<main class="console">
<div class="wide row"><span id="msg" class="msg"></span><span id="reportlinks" hidden><a id="report" target="_blank" rel="noreferrer">${esc(t.report)}</a> · <a id="reportpdf" target="_blank" rel="noreferrer">${esc(t.reportPdf)}</a></span></div>
<div id="offline" class="wide banner bad" hidden>${esc(t.offline)}</div>
<div id="alerts" class="wide banner bad" hidden></div>
<section class="wide"><h2>${esc(t.board)}</h2><div class="grid" id="board"></div></section>
${blind ? '' : `<section id="upsec"><h2>${esc(t.upcoming)}</h2><div id="upcoming"></div></section>`}
<section><h2>${esc(t.revealed)}</h2><div id="acks"></div></section>
<section><h2>${esc(t.manualInject)}</h2><form id="injform">
<label>${esc(t.to)}<span id="injto"></span></label>
<label>${esc(t.message)}<textarea id="injmsg" maxlength="5000"></textarea></label>
<label>${esc(t.facts)}<span id="injfacts"></span></label>
<div class="row"><button type="submit">${esc(t.reveal)}</button></div></form></section>
<section><h2>${esc(t.noteTitle)}</h2><form id="noteform"><textarea id="notetext" maxlength="5000"></textarea><div class="row"><button type="submit">${esc(t.addNote)}</button></div></form></section>
<section class="wide"><h2>${esc(t.lanes)}</h2><div class="grid" id="lanes"></div></section>
<section class="wide"><h2>${esc(t.allEvents)}</h2><ul class="log" id="timeline"></ul></section>
<section class="wide"><h2>${esc(t.links)}</h2><ul class="log" id="links"></ul></section>
</main>`, JS);
}
