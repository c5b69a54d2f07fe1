/**
 * Which diagrams a plan gets, shared by `yuan render` and the review packet. The list, keys and Mermaid text come
 * from `diagrams()` in mermaid.ts (overview, level-<id>, states, gantt-<id>); this module adds a subtitle
 * for the packet pages and turns diagrams into batch jobs.
 */
import type { Plan } from '../model/index.js';
import type { DiagramFormat, RenderJob } from './batch.js';
import { diagrams as planDiagramList, type DiagramKind } from './mermaid.js';
import { formatTimeLimit, planLang, readableTrigger, roleName, type Lang } from './mermaid-text.js';

/** A diagram of a plan: `key` is its file name (`overview`, `level-II`, `states`, `gantt-II`). */
export interface PlanDiagram {
  key: string;
  kind: DiagramKind;
  title: string;
  /** One line for the packet page (a level's trigger, decider and deadline). */
  subtitle?: string;
  text: string;
  /** Level id of a per-level diagram. */
  level?: string;
}

/** Diagrams that could not be generated (a generator bug or an unusable plan). */
export interface PlanDiagramError { key: string; message: string }

export interface PlanDiagramOptions {
  /** Label language (default: the plan's language). */
  lang?: Lang;
  /** Per-level flowcharts: always (default), only when the overview is too big to read (`auto`), or never. */
  levels?: 'always' | 'auto' | 'never';
  /** Kinds to keep (default all: flowchart, state, gantt). */
  kinds?: DiagramKind[];
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
  if (level.activation) {
    const t = formatTimeLimit(level.activation, lang);
    parts.push(zh ? `启动时限：${t}` : `Activation: ${t}`);
  }
  return parts.length ? parts.join(zh ? '；' : '; ') : undefined;
}

/**
 * The diagrams of a plan in reading order: overview flowchart, per-level flowcharts (most severe first), state
 * diagram, one gantt timeline per level. When the generators fail, the error names the plan's diagrams as a whole.
 */
export function planDiagrams(plan: Plan, opts: PlanDiagramOptions = {}): { diagrams: PlanDiagram[]; errors: PlanDiagramError[] } {
  const lang = planLang(plan, opts.lang);
  // A plan with one level would get the same flowchart twice.
  const split = opts.levels === 'never' || plan.levels.length < 2 ? 'never' : opts.levels ?? 'always';
  try {
    const list = planDiagramList(plan, { lang, split })
      .filter((d) => !opts.kinds || opts.kinds.includes(d.kind))
      .map((d): PlanDiagram => ({
        key: d.key, kind: d.kind, title: d.title, text: d.text, level: d.level,
        subtitle: d.level !== undefined ? levelSubtitle(plan, d.level, lang) : undefined,
      }));
    return { diagrams: list, errors: [] };
  } catch (err) {
    return { diagrams: [], errors: [{ key: 'diagrams', message: (err as Error).message }] };
  }
}

/** Batch jobs for every diagram of a plan, named `<dir>/<key>` (dir defaults to the plan id). */
export function planJobs(plan: Plan, formats: DiagramFormat[], opts: PlanDiagramOptions & { dir?: string } = {}): { jobs: RenderJob[]; errors: PlanDiagramError[] } {
  const { diagrams, errors } = planDiagrams(plan, opts);
  const dir = opts.dir ?? plan.meta.id;
  return {
    jobs: diagrams.map((d) => ({ name: `${dir}/${d.key}`, text: d.text, formats, title: `${plan.meta.title} — ${d.title}`, lang: planLang(plan, opts.lang) })),
    errors,
  };
}
