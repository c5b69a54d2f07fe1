/**
 * The phases of a response flowchart, in the order reviewers know from published plans (接警/信息报告 → 先期处置 →
 * 研判与分级响应 → 应急处置 → 扩大响应 → 应急结束 → 后期处置), and which phase each step belongs to.
 */
import type { Step } from '../model/index.js';
import type { FlowStructure } from './mermaid-graph.js';
import type { Lang } from './mermaid-text.js';

export const PHASES = ['alarm', 'initial', 'assess', 'respond', 'expand', 'end', 'after'] as const;
export type Phase = (typeof PHASES)[number];

/** Phase names as printed in the phase column (a newline where a narrow column should break). */
export const PHASE_NAMES: Record<Lang, Record<Phase, string>> = {
  zh: { alarm: '接警与\n信息报告', initial: '先期处置', assess: '研判与\n分级响应', respond: '应急处置', expand: '扩大响应', end: '应急结束', after: '后期处置' },
  en: { alarm: 'Alarm and\nreporting', initial: 'Initial\nresponse', assess: 'Assessment\nand level', respond: 'Response', expand: 'Escalation', end: 'Stand-down', after: 'Recovery' },
};

/** Words of an alarm or a report (a step before the level decision that raises the alarm or tells someone). */
const ALARM = /报警|接警|报告|汇报|报送|通知|上报|呼叫|告知|值班|接听|alarm|report|notif|call|alert|warn/i;
/** Words of asking for outside help or handing over to a higher plan. */
const EXPAND = /请求|支援|增援|外部救援|社会力量|上级|移交|扩大|联动|request|mutual aid|outside help|external|hand ?over|escalat/i;
/** "防止事故进一步扩大" is containing the incident, not escalating it: such phrases are left out before `EXPAND`. */
const CONTAIN = /(防止|避免|控制|遏制)[^，。；,;]*?扩大|prevent(ing)? (further )?escalat\w*/gi;
/** Whether a step's words ask for outside help or hand over (escalation). */
const expands = (action: string) => EXPAND.test(action.replace(CONTAIN, ''));
/** Words of recovery after the response. */
const AFTER = /恢复生产|善后|总结|复盘|事故调查|调查处理|理赔|重建|恢复|recover|restor|debrief|after-action|investigat|clean-?up/i;
/** Words of assessing the incident and choosing the level. */
const ASSESS = /研判|评估|判断|确定.*级|assess|evaluat|determine|classif/i;

/** A step's deadline in seconds from the alarm when it counts from the alarm, else undefined. */
const fromAlarm = (s: Step) => (s.deadline && s.deadline.anchor.kind === 'incident' && Number.isFinite(s.deadline.seconds) ? s.deadline.seconds : undefined);

/**
 * Assigns each shown step a phase. Steps the level decision waits for are 接警/信息报告 (alarm and reporting words)
 * or 先期处置; the steps that feed the decision are 研判; a common step outside the decision's past that is due
 * before the decision is 先期处置; level-specific steps are 应急处置, or 扩大响应 / 后期处置 by their words. A step
 * is never in an earlier phase than a prerequisite, so every edge runs down the page.
 */
export function stepPhases(flow: FlowStructure, gated: (s: Step) => boolean): Map<string, number> {
  const byId = new Map(flow.steps.map((s) => [s.id, s] as const));
  const feeds = new Set(flow.feeds.map((s) => s.id));
  // The decision's past: every ancestor of a feed.
  const past = new Set<string>();
  const up = (id: string) => { for (const p of flow.prereqs.get(id) ?? []) if (!past.has(p.id)) { past.add(p.id); up(p.id); } };
  for (const f of feeds) up(f);
  // The decision's future: every step after a feed (or gated by a level).
  const after = new Map<string, Step[]>();
  for (const s of flow.steps) for (const p of flow.prereqs.get(s.id)!) after.set(p.id, [...(after.get(p.id) ?? []), s]);
  const future = new Set<string>();
  const down = (id: string) => { for (const n of after.get(id) ?? []) if (!future.has(n.id)) { future.add(n.id); down(n.id); } };
  for (const f of feeds) down(f);
  for (const s of flow.steps) if (gated(s)) { future.add(s.id); down(s.id); }
  const dues = flow.feeds.map(fromAlarm).filter((d): d is number => d !== undefined);
  const decisionDue = Math.max(0, ...dues);
  // No step feeding the decision has a deadline (real plans: 启动本预案 with no time): a step outside the decision's
  // future that raises the alarm or reports cannot be placed by time, so its words place it.
  const undated = !dues.length;

  const phase = new Map<string, number>();
  const idx = (p: Phase) => PHASES.indexOf(p);
  const visit = (s: Step, seen: Set<string>): number => {
    const known = phase.get(s.id);
    if (known !== undefined) return known;
    if (seen.has(s.id)) return idx('respond'); // a cycle (a lint error): any phase will do
    seen.add(s.id);
    const preds = (flow.prereqs.get(s.id) ?? []).map((p) => visit(byId.get(p.id) ?? p, seen));
    const floor = Math.max(0, ...preds);
    let own: number;
    if (feeds.has(s.id)) own = idx('assess');
    else if (past.has(s.id)) own = ALARM.test(s.action) ? idx('alarm') : idx('initial');
    else if (!future.has(s.id) && !gated(s) && (fromAlarm(s) ?? Infinity) <= decisionDue) own = ALARM.test(s.action) && floor <= idx('alarm') ? idx('alarm') : idx('initial');
    else if (!feeds.size && !preds.length && ALARM.test(s.action)) own = idx('alarm');
    else if (undated && !future.has(s.id) && !gated(s) && ALARM.test(s.action)) own = floor <= idx('alarm') ? idx('alarm') : idx('initial');
    else if (AFTER.test(s.action)) own = idx('after');
    else if (expands(s.action) && gated(s)) own = idx('expand');
    else if (ASSESS.test(s.action) && !future.has(s.id)) own = idx('assess');
    else own = idx('respond');
    // Steps in the decision's past stay before it; everything else never precedes a prerequisite.
    const p = past.has(s.id) ? Math.min(Math.max(own, floor), idx('initial')) : Math.max(own, floor);
    phase.set(s.id, p);
    return p;
  };
  for (const s of flow.steps) visit(s, new Set());
  return phase;
}
