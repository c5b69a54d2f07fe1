import { dueSeconds, type Plan, type Step } from '../../model/index.js';
import { stepsAt } from '../../model/query.js';
import { defineRule } from '../rule.js';
import { absoluteDeadlines, type AbsoluteDeadline } from '../../model/deadlines.js';
import { minutes } from '../timing.js';
import { ancestors, prerequisites } from '../step-graph.js';

/** The latest a step can be forced to start: its prerequisites' latest finishes, and the chain that sets it. */
interface Start {
  seconds: number;
  /** Critical path from the first step to the last prerequisite, with each step's latest finish (undefined: no deadline). */
  path: { step: Step; seconds?: number }[];
}

interface Violation {
  step: Step;
  deadline: AbsoluteDeadline;
  start: Start;
  levels: string[];
}

/** Every violation at one level (or the whole plan when it declares no levels). */
function violationsAt(plan: Plan, levelId: string | undefined, cyclic: Set<string>): Violation[] {
  const abs = absoluteDeadlines(plan, levelId);
  // Steps caught in a dependency cycle have no finish time at all (step-cycle reports them): leave them out.
  const active = new Set((levelId === undefined ? plan.steps : stepsAt(plan, levelId)).map((s) => s.id).filter((id) => !cyclic.has(id)));
  const pre = prerequisites(plan);
  const memo = new Map<string, Start | undefined>();
  const visiting = new Set<string>();
  // Latest start of `s`: the largest latest finish among its active prerequisites; a prerequisite without a deadline
  // passes its own prerequisites' time through.
  const startOf = (s: Step): Start | undefined => {
    if (memo.has(s.id)) return memo.get(s.id);
    if (visiting.has(s.id)) return undefined; // defensive: cyclic steps are already excluded
    visiting.add(s.id);
    let best: Start | undefined;
    for (const p of pre.get(s.id) ?? []) {
      if (!active.has(p.id)) continue; // step-level-gap reports it
      const own = abs.get(p.id);
      const through = startOf(p);
      const finish = own?.seconds ?? through?.seconds;
      if (finish === undefined) continue;
      if (!best || finish > best.seconds) best = { seconds: finish, path: [...(through?.path ?? []), { step: p, seconds: own?.seconds }] };
    }
    visiting.delete(s.id);
    memo.set(s.id, best);
    return best;
  };
  const out: Violation[] = [];
  for (const s of plan.steps) {
    if (!active.has(s.id)) continue;
    const d = abs.get(s.id);
    const start = startOf(s);
    if (d && start && d.seconds < start.seconds) out.push({ step: s, deadline: d, start, levels: levelId === undefined ? [] : [levelId] });
  }
  return out;
}

/** A step's deadline is not earlier than the deadlines of the steps it must wait for. */
export default defineRule({
  meta: {
    id: 'step-deadline-chain',
    description: { en: 'A step’s deadline leaves time after its prerequisites’ deadlines', zh: '步骤时限不得早于其前置步骤的时限' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.3.4、7.4（处置程序与时限）',
  },
  check({ plan, report }) {
    // One finding per step: the level with the largest shortfall, naming every level where it occurs.
    const worst = new Map<string, Violation>();
    const levelIds = plan.levels.length ? plan.levels.map((l) => l.id) : [undefined];
    const cyclic = new Set([...ancestors(plan)].filter(([id, before]) => before.has(id)).map(([id]) => id));
    for (const levelId of levelIds) {
      for (const v of violationsAt(plan, levelId, cyclic)) {
        const prev = worst.get(v.step.id);
        if (!prev) { worst.set(v.step.id, v); continue; }
        const levels = [...prev.levels, ...v.levels];
        const gap = (x: Violation) => x.start.seconds - x.deadline.seconds;
        worst.set(v.step.id, gap(v) > gap(prev) ? { ...v, levels } : { ...prev, levels });
      }
    }
    for (const s of plan.steps) {
      const v = worst.get(s.id);
      if (!v) continue;
      const pathEn = v.start.path.map((x) => `${x.step.id} (${x.seconds === undefined ? 'no deadline' : minutes(x.seconds, 'en')})`).join(' → ');
      const pathZh = v.start.path.map((x) => `${x.step.id}（${x.seconds === undefined ? '无时限' : minutes(x.seconds, 'zh')}）`).join(' → ');
      const last = v.start.path[v.start.path.length - 1].step.id;
      const ownText = s.deadline?.text ?? '';
      const every = v.levels.length === plan.levels.length;
      const at = !v.levels.length ? '' : every && v.levels.length > 1 ? ' at every level' : ` at level${v.levels.length > 1 ? 's' : ''} ${v.levels.join(', ')}`;
      const atZh = !v.levels.length ? '' : every && v.levels.length > 1 ? '在各级响应中，' : `在${v.levels.join('、')}级响应中，`;
      const zhText = /[\u3400-\u9fff]/u.test(ownText) || plan.meta.language === 'zh';
      const rewrite = zhText ? `${last} 完成后${ownText}` : `${ownText} after ${last}`;
      const total = v.start.seconds + (s.deadline?.anchor.kind === 'incident' ? dueSeconds(s.deadline) ?? 0 : 0);
      const hint = s.deadline?.anchor.kind === 'incident'
        ? `; if ${ownText} is the time \`${s.id}\` itself needs, write \`${rewrite}\` (${minutes(total, 'en')})`
        : '';
      const hintZh = s.deadline?.anchor.kind === 'incident'
        ? `；若 ${ownText} 是本步骤自身所需时间，应写作“${rewrite}”（共${minutes(total, 'zh')}）`
        : '';
      report({
        node: s, field: 'deadline',
        message: `Unexpected deadline ${minutes(v.deadline.seconds, 'en')} for \`${s.id}\`${at}, expected at least ${minutes(v.start.seconds, 'en')}: critical path ${pathEn} + \`${s.id}\` itself${hint}`,
        messageZh: `${atZh}步骤 \`${s.id}\` 的时限 ${minutes(v.deadline.seconds, 'zh')} 早于其前置步骤可能完成的时间，应不少于 ${minutes(v.start.seconds, 'zh')}：关键路径 ${pathZh} + \`${s.id}\` 本身${hintZh}`,
        related: v.start.path.filter((x) => x.seconds !== undefined).map((x) => ({
          node: x.step, field: 'deadline',
          message: `\`${x.step.id}\` may finish as late as ${minutes(x.seconds!, 'en')}`,
          messageZh: `\`${x.step.id}\` 最迟可在 ${minutes(x.seconds!, 'zh')} 完成`,
        })),
      });
    }
  },
});
