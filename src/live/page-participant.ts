/**
 * The participant page (参演席位): one role's phone or laptop. It shows the injects and notifications that reached the
 * role (as the scenario author wrote them — never the scenario's facts as variables), lets the role log what it does
 * (a plan step, a level, a notification, a note, the termination), offers in one tap the notifications the plan asks
 * for after a step, and keeps the role's own log. Fits a 360 px screen.
 */
import { escapeHtml as esc } from '../html.js';
import { page, uiText } from './page-shell.js';
import type { UiLang } from './ui-text.js';

const JS = `
let view = null; const seen = new Set(); const acked = new Set(); const injectAt = new Map();
function roleName(id) { const r = view && view.roles.find((x) => x.id === id); return r ? r.name : id; }
function stepOf(id) { return view && view.steps.find((s) => s.id === id); }
function describe(e) {
  switch (e.type) {
    case 'step.done': { const s = stepOf(e.step); return tr('stepDone', s ? s.action : e.step) + (e.text ? '：' + e.text : ''); }
    case 'level.declared': return tr('declared', e.level);
    case 'notify': return (e.mine ? tr('notifiedWho', roleName(e.to)) : tr('notifiedYou', roleName(e.role))) + (e.text ? '：' + e.text : '');
    case 'ack': return tr('ackedWhat', e.inject && injectAt.has(e.inject) ? fmt(injectAt.get(e.inject)) + ' ' + T.injects : T.notifications);
    case 'action.unmatched': return tr('unmatched', e.text);
    case 'note': return tr('note', e.text);
    case 'terminate': return T.terminated;
    default: return e.type;
  }
}
function ackButton(inject) {
  const done = inject !== null && acked.has(inject);
  return el('button', { class: 'secondary', type: 'button', disabled: done || clock.ended, onclick: (ev) => ack(ev.target, inject) }, done ? T.acknowledged : T.acknowledge);
}
function markAcked(inject) {
  acked.add(inject);
  const c = document.querySelector('[data-inject="' + CSS.escape(inject) + '"]');
  if (c) { c.classList.add('acked'); const b = c.querySelector('button'); if (b) { b.disabled = true; b.textContent = T.acknowledged; } }
}
function add(e) {
  if (seen.has(e.seq)) return; seen.add(e.seq);
  if (e.type === 'ack' && e.inject) markAcked(e.inject);
  if (e.type === 'inject') {
    injectAt.set(e.inject, e.t);
    const card = el('div', { class: 'card' + (acked.has(e.inject) ? ' acked' : ''), 'data-inject': e.inject },
      el('div', { class: 'meta', text: fmt(e.t) + (e.from ? '  ' + tr('from', e.from) : '') }),
      el('div', { text: e.message }), ackButton(e.inject));
    $('injects').prepend(card); $('noinject').hidden = true; return;
  }
  if (e.type === 'drill.end') { ended(); return; }
  if (!e.mine) {
    const card = el('div', { class: 'card', 'data-notify': String(e.seq) }, el('div', { class: 'meta', text: fmt(e.t) }), el('div', { text: describe(e) }),
      e.type === 'notify' ? ackButton(null) : null);
    $('inbox').prepend(card); $('noinbox').hidden = true; return;
  }
  $('mine').prepend(el('li', {}, el('span', { class: 't', text: fmt(e.t) }), describe(e)));
}
function ended() {
  clock.ended = true; clock.running = false; drawClock();
  $('over').hidden = false;
  for (const b of document.querySelectorAll('button')) b.disabled = true;
}
async function ack(btn, inject) {
  btn.disabled = true;
  try { const r = await post('/action', { kind: 'ack', inject }); (r.events || []).forEach(add); if (inject === null) btn.textContent = T.acknowledged; say('msg', tr('logged', r.seq), true); }
  catch (err) { btn.disabled = false; say('msg', err.message, false); }
}
function offerNotify(stepId) {
  // The plan's row says whom to notify when this step is done: one tap each (the notification is what they will see).
  const s = stepOf(stepId); const box = $('offer'); box.replaceChildren();
  const to = s ? s.notify.filter((r) => r !== view.role.id) : [];
  if (!to.length) { box.hidden = true; return; }
  box.append(el('span', { text: T.notifyOffer }));
  for (const r of to) box.append(el('button', { type: 'button', class: 'secondary', 'data-notify-to': r, onclick: async (ev) => {
    ev.target.disabled = true;
    try { const res = await post('/action', { kind: 'notify', to: r, text: tr('doneNotice', s.action) }); (res.events || []).forEach(add); ev.target.textContent = tr('notified', roleName(r)); }
    catch (err) { ev.target.disabled = false; say('msg', err.message, false); }
  } }, roleName(r)));
  box.hidden = false;
}
function fill(v) {
  view = v; $('role').textContent = v.role.name; $('plan').textContent = v.plan.title;
  const steps = $('step'); steps.replaceChildren(el('option', { value: '', text: T.byText }));
  const own = el('optgroup', { label: T.yourSteps }), other = el('optgroup', { label: T.otherSteps });
  for (const s of v.steps) (s.own ? own : other).append(el('option', { value: s.id, text: s.action }));
  steps.append(own, other);
  $('level').replaceChildren(...v.levels.map((l) => el('option', { value: l.id, text: l.id + (l.name ? ' ' + l.name : '') })));
  $('to').replaceChildren(...v.roles.filter((r) => r.id !== v.role.id).map((r) => el('option', { value: r.id, text: r.name })));
  setClock(v.clock); v.events.forEach(add); kind();
  if (v.clock.ended) ended();
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
  if ((k === 'note' || (k === 'step' && !body.step)) && !text) { say('msg', T.writeWhat, false); return; }
  $('submit').disabled = true;
  try {
    const r = await post('/action', body); (r.events || []).forEach(add); $('text').value = ''; say('msg', tr('logged', r.seq), true);
    const done = (r.events || []).find((e) => e.type === 'step.done');
    if (done) offerNotify(done.step); else $('offer').hidden = true;
  } catch (err) { say('msg', err.message, false); }
  finally { $('submit').disabled = clock.ended; }
});
function start() {
  stream((m) => { if (m.kind === 'clock') { setClock(m.clock); if (m.clock.ended) ended(); } else if (m.kind === 'events') m.events.forEach(add);
    else if (m.kind === 'snapshot') { setClock(m.view.clock); m.view.events.forEach(add); if (m.view.clock.ended) ended(); } });
}
fetch(API + '/state').then((r) => r.json()).then((v) => { fill(v); start(); }).catch((err) => say('msg', String(err), false));
`;

/** The participant page of one role. Only the role's name and the plan's title are written into it. */
export function participantPage(roleName: string, planTitle: string, nonce: string, lang: UiLang = 'zh-en'): string {
  const t = uiText(lang);
  const opt = (v: string, k: keyof typeof t) => `<option value="${v}">${esc(t[k])}</option>`;
  return page(`${roleName} · ${t.participantTitle}`, lang, nonce, `
<header><h1><span id="role">${esc(roleName)}</span><br><small id="plan">${esc(planTitle)}</small></h1>
<div class="clockbox"><div class="clock" id="clock">00:00</div><div class="state" id="state"></div></div></header>
<main>
<div id="offline" class="banner bad" hidden>${esc(t.offline)}</div>
<div id="over" class="banner" hidden>${esc(t.endedBanner)}</div>
<section><h2>${esc(t.injects)}</h2><p id="noinject" class="meta">${esc(t.none)}</p><div id="injects"></div></section>
<section><h2>${esc(t.notifications)}</h2><p id="noinbox" class="meta">${esc(t.none)}</p><div id="inbox"></div></section>
<section><h2>${esc(t.logAction)}</h2>
<form id="form">
<label>${esc(t.kind)}<select id="kind">${opt('step', 'kindStep')}${opt('level', 'kindLevel')}${opt('notify', 'kindNotify')}${opt('note', 'kindNote')}${opt('terminate', 'kindTerminate')}</select></label>
<label id="stepbox">${esc(t.planStep)}<select id="step"></select></label>
<label id="levelbox" hidden>${esc(t.level)}<select id="level"></select></label>
<label id="tobox" hidden>${esc(t.notifyWho)}<select id="to"></select></label>
<label>${esc(t.whatYouDid)}<textarea id="text" maxlength="2000" placeholder="${esc(t.whatPlaceholder)}"></textarea></label>
<div class="row"><button id="submit" type="submit">${esc(t.submit)}</button><span id="msg" class="msg"></span></div>
<div id="offer" class="row" hidden></div>
</form></section>
<section><h2>${esc(t.myLog)}</h2><ul class="log" id="mine"></ul></section>
</main>`, JS);
}
