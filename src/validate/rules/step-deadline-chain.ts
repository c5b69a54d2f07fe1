import { dueSeconds, type Plan, type Step } from '../../model/index.js';
import { components, longestPaths, topologicalOrder } from '../graph.js';
import { stepsAt } from '../../model/query.js';
import { defineRule } from '../rule.js';
import { absoluteDeadlines, type AbsoluteDeadline } from '../../model/deadlines.js';
import { minutes } from '../timing.js';

/** The latest a step can be forced to start: its prerequisites' latest finishes, and the chain that sets it. */
interface Start {
  seconds: number;
  /**
   * The end of the critical path (at most its last `SHOWN` steps), up to the last prerequisite, with each step's
   * latest finish (undefined: no deadline).
   */
  path: { step: Step; seconds?: number }[];
  /** Steps of the critical path before `path`. */
  omitted: number;
}

interface Violation {
  step: Step;
  deadline: AbsoluteDeadline;
  start: Start;
  levels: string[];
}

/** Longest critical paths shown in a message; a longer one shows its last steps after an ellipsis. */
const SHOWN = 12;

/**
 * Every violation at one level (or the whole plan when it declares no levels), in one topological pass: the latest
 * start of a step is the largest latest finish among its active prerequisites, where a prerequisite without a
 * deadline passes its own prerequisites' time through.
 */
function violationsAt(plan: Plan, levelId: string | undefined, cyclic: ReadonlySet<string>): Violation[] {
  const abs = absoluteDeadlines(plan, levelId);
  // Steps caught in a dependency cycle have no finish time at all (step-cycle reports them): leave them out.
  const active = new Set((levelId === undefined ? plan.steps : stepsAt(plan, levelId)).map((s) => s.id).filter((id) => !cyclic.has(id)));
  const latest = longestPaths<number | undefined>(plan, topologicalOrder(plan, active), (p, before) => {
    const own = abs.get(p.id)?.seconds;
    const finish = own ?? before?.value;
    return finish === undefined ? undefined : { value: finish, data: own };
  });
  // Length of each critical path, so a message can name the steps it leaves out without walking them all.
  const length = new Map<string, number>();
  const lengthOf = (id: string): number => {
    const walk: string[] = [];
    let n = 0;
    for (let x = latest.get(id); x; x = latest.get(x.via.id)) {
      const known = length.get(x.via.id);
      if (known !== undefined) { n = known + 1; break; }
      walk.push(x.via.id);
    }
    for (let i = walk.length - 1; i >= 0; i--) { length.set(walk[i], n); n++; }
    return n;
  };
  const out: Violation[] = [];
  for (const s of plan.steps) {
    if (!active.has(s.id)) continue;
    const d = abs.get(s.id);
    const start = latest.get(s.id);
    if (!d || !start || d.seconds >= start.value) continue;
    const path: Start['path'] = [];
    for (let x = latest.get(s.id); x && path.length < SHOWN; x = latest.get(x.via.id)) path.push({ step: x.via, seconds: x.data });
    out.push({ step: s, deadline: d, start: { seconds: start.value, path: path.reverse(), omitted: lengthOf(s.id) - path.length }, levels: levelId === undefined ? [] : [levelId] });
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
    const { cyclic } = components(plan);
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
      const { path: shown, omitted } = v.start;
      const pathEn = (omitted ? `… (${omitted} earlier steps) → ` : '') + shown.map((x) => `${x.step.id} (${x.seconds === undefined ? 'no deadline' : minutes(x.seconds, 'en')})`).join(' → ');
      const pathZh = (omitted ? `…（前 ${omitted} 个步骤）→ ` : '') + shown.map((x) => `${x.step.id}（${x.seconds === undefined ? '无时限' : minutes(x.seconds, 'zh')}）`).join(' → ');
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
        related: shown.filter((x) => x.seconds !== undefined).map((x) => ({
          node: x.step, field: 'deadline',
          message: `\`${x.step.id}\` may finish as late as ${minutes(x.seconds!, 'en')}`,
          messageZh: `\`${x.step.id}\` 最迟可在 ${minutes(x.seconds!, 'zh')} 完成`,
        })),
      });
    }
  },
});
