/**
 * The response state diagram (响应状态图, `stateDiagram-v2`): standby → assessing → one state per level, with the
 * level triggers on the way in, escalation (升级) and de-escalation (降级) transitions labelled with their
 * conditions, termination with its condition and decider, then recovery (后期处置).
 */
import type { Colour, Plan } from '../model/index.js';
import { IdMap, label } from './mermaid-escape.js';
import { levelsBySeverity } from './mermaid-graph.js';
import {
  COLOURS, WORDS, formatTimeLimit, levelColour, levelTitle, planLang, readableTriggerGlued, roleName, type Lang,
} from './mermaid-text.js';

export interface StateDiagramOptions {
  lang?: Lang;
  direction?: 'TB' | 'LR';
}

const WIDTH = 24;
const cap = (c: string) => c[0].toUpperCase() + c.slice(1);

/** The response state diagram of a plan. */
export function stateDiagram(plan: Plan, opts: StateDiagramOptions = {}): string {
  const lang = planLang(plan, opts.lang);
  const w = WORDS[lang];
  const ids = new IdMap();
  const out: string[] = ['stateDiagram-v2'];
  if (opts.direction) out.push(`  direction ${opts.direction}`);
  const text = (s: string) => label(s, 'flow', { width: WIDTH });
  const levels = levelsBySeverity(plan);
  const lv = (id: string) => ids.get('lv', id);
  const byColour = new Map<Colour | 'grey', string[]>();

  out.push(`  state "${label(w.standby)}" as standby`);
  out.push(`  state "${label(w.assessing)}" as assessing`);
  for (const l of levels) {
    out.push(`  state "${label(levelTitle(l, lang))}" as ${lv(l.id)}`);
    const who = roleName(plan, l.decidedBy);
    const when = l.activation ? formatTimeLimit(l.activation, lang) : '';
    const desc = lang === 'zh' ? [who ? `${who}决定` : '', when].filter(Boolean).join(' ') : [who ? `${who} decides` : '', when].filter(Boolean).join(', ');
    if (desc) out.push(`  ${lv(l.id)} : ${text(desc)}`);
    const c = levelColour(l);
    byColour.set(c, [...(byColour.get(c) ?? []), lv(l.id)]);
  }
  out.push(`  state "${label(w.terminated)}" as terminated`);
  out.push(`  state "${label(w.recovery)}" as recovery`);

  out.push('  [*] --> standby');
  out.push(`  standby --> assessing : ${label(w.alarm)}`);
  for (const l of levels) {
    const cond = readableTriggerGlued(l.trigger, plan, lang) ?? levelTitle(l, lang);
    out.push(`  assessing --> ${lv(l.id)} : ${text(cond)}`);
  }
  if (levels.length > 0) out.push(`  assessing --> standby : ${text(w.noLevel)}`);
  else out.push(`  assessing --> terminated`);
  for (const e of plan.escalations) {
    const from = plan.levels.find((l) => l.id === e.from);
    const to = plan.levels.find((l) => l.id === e.to);
    if (!from || !to || from === to) continue;
    const verb = to.rank < from.rank ? w.escalate : w.deescalate;
    const cond = readableTriggerGlued(e.when, plan, lang) ?? '';
    out.push(`  ${lv(from.id)} --> ${lv(to.id)} : ${text(lang === 'zh' ? `${verb}：${cond}` : `${verb}: ${cond}`)}`);
  }
  for (const l of levels) out.push(`  ${lv(l.id)} --> terminated : ${text(w.endMet)}`);
  const t = plan.termination;
  const who = roleName(plan, t?.decidedBy);
  const follow = t?.followUp ? `${w.followUp} ${formatTimeLimit(t.followUp, lang)}` : '';
  const handover = [who ? (lang === 'zh' ? `${who}${w.declaredBy}` : `${w.declaredBy} ${who}`) : '', follow].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  out.push(handover ? `  terminated --> recovery : ${text(handover)}` : '  terminated --> recovery');
  out.push('  recovery --> [*]');
  const cond = readableTriggerGlued(t?.when, plan, lang);
  if (cond) out.push(`  note right of terminated : ${text(cond)}`);

  for (const [c, members] of byColour) {
    const k = COLOURS[c];
    out.push(`  classDef lv${cap(c)} fill:${k.fill},stroke:${k.stroke},stroke-width:2px,color:${k.text}`);
    out.push(`  class ${members.join(',')} lv${cap(c)}`);
  }
  return `${out.join('\n')}\n`;
}
