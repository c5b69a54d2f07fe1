/**
 * Which diagrams a plan gets, with file-safe keys and titles — shared by `yuan render` and the review packet.
 * The Mermaid text itself comes from the generators in mermaid-*.ts; this module only picks and names them.
 */
import type { Plan } from '../model/index.js';
import { flowcharts } from './mermaid-flowchart.js';
import { gantt } from './mermaid-gantt.js';
import { stateDiagram } from './mermaid-state.js';
import { WORDS, formatDuration, levelTitle, planLang, readableTrigger, roleName, type Lang } from './mermaid-text.js';
import { levelsBySeverity } from './mermaid-graph.js';

/** A diagram of a plan: `key` is its file name (`overview`, `level-II`, `states`, `gantt-II`). */
export interface PlanDiagram {
  key: string;
  kind: 'flowchart' | 'state' | 'gantt';
  title: string;
  /** One line for the packet page (a level's trigger, decider and deadline). */
  subtitle?: string;
  text: string;
  /** Level id of a per-level diagram. */
  level?: string;
}

/** A diagram the generators could not produce (a bug or an unusable plan); the rest still render. */
export interface PlanDiagramError { key: string; message: string }

export interface PlanDiagramOptions {
  /** Label language (default: the plan's language). */
  lang?: Lang;
  /** Per-level flowcharts: always (default), or only when the overview is too big to read (`auto`). */
  levels?: 'always' | 'auto' | 'never';
  /** State diagram (default true). */
  states?: boolean;
  /** Gantt timeline per level (default true). */
  gantt?: boolean;
}

/** A level's trigger, decider and activation deadline as one line for reviewers. */
export function levelSubtitle(plan: Plan, levelId: string, lang: Lang): string | undefined {
  const level = plan.levels.find((l) => l.id === levelId);
  if (!level) return undefined;
  const zh = lang === 'zh';
  const parts: string[] = [];
  const trig = readableTrigger(level.trigger, plan, lang);
  if (trig) parts.push(zh ? `启动条件：${trig}` : `Trigger: ${trig}`);
  const by = roleName(plan, level.decidedBy);
  if (by) parts.push(zh ? `决策：${by}` : `Decided by: ${by}`);
  if (level.activation) parts.push(zh ? `启动时限：${formatDuration(level.activation.seconds, lang)}` : `Activation: ${formatDuration(level.activation.seconds, lang)}`);
  return parts.length ? parts.join(zh ? '；' : '; ') : undefined;
}

/**
 * The diagrams of a plan: the overview flowchart, one flowchart per level (most severe first), the response state
 * diagram and one gantt timeline per level. A generator that throws costs only its own diagram.
 */
export function planDiagrams(plan: Plan, opts: PlanDiagramOptions = {}): { diagrams: PlanDiagram[]; errors: PlanDiagramError[] } {
  const lang = planLang(plan, opts.lang);
  const diagrams: PlanDiagram[] = [];
  const errors: PlanDiagramError[] = [];
  const attempt = (key: string, fn: () => void) => {
    try { fn(); } catch (err) { errors.push({ key, message: (err as Error).message }); }
  };
  attempt('overview', () => {
    const split = opts.levels === 'never' ? 'never' : opts.levels === 'auto' ? 'auto' : 'always';
    for (const d of flowcharts(plan, { lang, split })) {
      diagrams.push({ key: d.key, kind: 'flowchart', title: d.title, text: d.text, level: d.level,
        subtitle: d.level ? levelSubtitle(plan, d.level, lang) : undefined });
    }
  });
  if (opts.states !== false && plan.levels.length) {
    attempt('states', () => diagrams.push({ key: 'states', kind: 'state', title: WORDS[lang].states, text: stateDiagram(plan, { lang }) }));
  }
  if (opts.gantt !== false) {
    for (const level of levelsBySeverity(plan)) {
      attempt(`gantt-${level.id}`, () => diagrams.push({
        key: `gantt-${level.id}`, kind: 'gantt', level: level.id, text: gantt(plan, level.id, { lang }),
        title: lang === 'zh' ? `${levelTitle(level, lang)}响应时间线` : `${levelTitle(level, lang)} timeline`,
      }));
    }
  }
  return { diagrams, errors };
}
