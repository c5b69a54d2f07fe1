/**
 * The projector view (投屏态势看板): what the whole room sees on the wall — a big clock, the warranted and the declared
 * level, the countdown to the next inject (never its content; nothing at all in a blind drill), and one tile per role:
 * told or not, last action, acknowledgements owed, silent. Read-only, on its own token, so the projector's link can
 * do nothing but show.
 */
import { escapeHtml as esc } from '../html.js';
import { page, uiText } from './page-shell.js';
import type { UiLang } from './ui-text.js';

const PROJECTOR_CSS = `
body.projector{background:#0f1b2a;color:#e8eef5;font-size:1.6vw}
.projector main{max-width:none;padding:1.2vw;gap:1.2vw;grid-template-columns:1fr 1fr 1fr}
.projector section{background:#172a40;color:#e8eef5;box-shadow:none}
.projector h2{color:#9fc3ea;font-size:1.2vw}
.projector .state{font-size:2vw;opacity:.9}.projector h2#title{font-size:1.8vw;color:#e8eef5}
.projector .bigclock{font:700 9vw/1 ui-monospace,monospace;letter-spacing:.03em}
.projector .lv{font-size:3.2vw;font-weight:700;padding:.2vw 1.2vw;border-radius:.6vw;background:#2b3f57;display:inline-block}
.projector .lv.red{background:#c62828}.projector .lv.orange{background:#ef6c00}.projector .lv.yellow{background:#f9a825;color:#1b1f24}.projector .lv.blue{background:#1565c0}
.projector .count{font:700 4vw/1.1 ui-monospace,monospace}
.projector .tile{background:#1f3550;color:#e8eef5}.projector .tile .meta{color:#b8c7d8;font-size:1.1vw}
.projector .tile h3{font-size:1.5vw}.projector .tile.silent{background:#5a1d1d}
.projector .grid{grid-template-columns:repeat(auto-fill,minmax(16vw,1fr))}
.projector .wide{grid-column:1/-1}.projector .banner{font-size:1.6vw}
`;

const JS = `
let view = null, board = null;
function level(id) { return view.levels.find((l) => l.id === id); }
function showLevel(box, id) {
  const l = id ? level(id) : undefined; box.textContent = id ? id + (l && l.name ? ' ' + l.name : '') : '—';
  box.className = 'lv' + (l && l.colour ? ' ' + l.colour : '');
}
function onTick() {
  if (!board) return;
  $('bigclock').textContent = fmt(nowT());
  const next = board.nextInjectAt; $('next').textContent = next === undefined || clock.ended ? T.noNext : fmt(Math.max(0, next - nowT()));
  const grid = $('board'); grid.replaceChildren(); const alerts = [];
  for (const r of board.roles) {
    const since = r.lastActAt !== undefined ? r.lastActAt : r.toldAt; const i = since === undefined ? undefined : Math.max(0, nowT() - since);
    const silent = !clock.ended && i !== undefined && i >= board.silentAfter;
    if (silent) alerts.push(tr('silentAlert', r.name, fmt(i)));
    grid.append(el('div', { class: 'tile ' + (silent ? 'silent' : r.pendingAcks.length ? 'wait' : r.actions ? 'ok' : ''), 'data-role': r.id }, el('h3', { text: r.name }),
      el('div', { class: 'meta', text: r.toldAt === undefined ? T.notTold : T.lastAction + ' ' + (r.lastActAt === undefined ? '—' : fmt(r.lastActAt)) }),
      el('div', { class: 'meta', text: T.steps + ' ' + r.steps + (r.pendingAcks.length ? ' · ' + T.pendingAcks + ' ' + r.pendingAcks.length : '') + (silent ? ' · ' + T.silent : '') })));
  }
  const a = $('alerts'); a.replaceChildren(...alerts.map((x) => el('div', { text: x }))); a.hidden = !alerts.length;
}
function draw() { showLevel($('warranted'), board.warranted); showLevel($('declared'), board.declared); onTick(); }
let pending = null;
function refresh() { if (pending) return; pending = setTimeout(async () => { pending = null;
  try { const r = await fetch(API + '/board'); if (r.ok) { const j = await r.json(); board = j.board; if (j.clock) setClock(j.clock); draw(); } } catch (e) { /* next event retries */ } }, 200); }
fetch(API + '/state').then((r) => r.json()).then((v) => {
  view = v; board = v.board; $('title').textContent = v.title || T.blindTitle; setClock(v.clock); draw();
  if (new URLSearchParams(location.search).get('warranted') === '0') $('wbox').hidden = true;
  stream((m) => { if (m.kind === 'clock') setClock(m.clock); else if (m.kind === 'snapshot') setClock(m.view.clock); refresh(); });
});
`;

/** The projector page (read-only). `?warranted=0` hides the warranted level when the room must not see it. */
export function projectorPage(title: string, nonce: string, lang: UiLang = 'zh-en'): string {
  const t = uiText(lang);
  return page(`${t.projectorTitle} · ${title}`, lang, nonce, `
<main>
<section class="wide"><h2 id="title">${esc(title)}</h2><div class="row spread"><div class="bigclock" id="bigclock">00:00</div>
<div><div class="state" id="state"></div><div id="clock" hidden></div></div></div></section>
<div id="offline" class="wide banner bad" hidden>${esc(t.offline)}</div>
<section id="wbox"><h2>${esc(t.warranted)}</h2><span id="warranted" class="lv">—</span></section>
<section><h2>${esc(t.declaredLevel)}</h2><span id="declared" class="lv">—</span></section>
<section><h2>${esc(t.nextInject)}</h2><div class="count" id="next">—</div></section>
<div id="alerts" class="wide banner bad" hidden></div>
<section class="wide"><h2>${esc(t.board)}</h2><div class="grid" id="board"></div></section>
</main>`, JS, { css: PROJECTOR_CSS, bodyClass: 'projector' });
}
