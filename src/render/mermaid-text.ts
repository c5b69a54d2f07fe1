/**
 * Human-readable text for diagram labels (plain strings; escaping happens later in mermaid-escape.ts):
 * durations, deadlines, level and role titles, and trigger conditions written for reviewers rather than for the
 * parser (`泄漏量 ≥ 100 kg 或 受伤人数 ≥ 1 人`).
 */
import type { CompareOp, Expr, ValueExpr } from '../expr/ast.js';
import { isChain, printBoundTerms } from '../expr/print.js';
import { factLookup, type FactLookup } from '../expr/resolve.js';
import { appliesAt, appliesAtEveryLevel, formatDuration as formatTimeLimit, formatSeconds, type Colour, type Fact, type Level, type Plan, type Role, type Step, type Trigger } from '../model/index.js';

export { formatTimeLimit };

export type { Lang } from '../i18n/index.js';
import type { Lang } from '../i18n/index.js';

/** The diagram language of a plan: its declared language when English, else Chinese. */
export function planLang(plan: Plan, lang?: Lang): Lang {
  return lang ?? (plan.meta.language?.toLowerCase().startsWith('en') ? 'en' : 'zh');
}

/** Fixed words of the diagrams. */
export const WORDS = {
  zh: {
    alarm: '接警', terminated: '响应终止', declaredBy: '宣布', followUp: '书面报告', noLevel: '未达任何级别启动条件',
    yes: '是', no: '否', escalate: '升级', deescalate: '降级', decides: '决定', unassigned: '未指定角色',
    standby: '待命（日常值守）', assessing: '接警研判、确定响应级别', recovery: '后期处置与恢复', endMet: '满足终止条件',
    milestones: '里程碑', activation: '响应启动时限', report: '报告', noDeadline: '无时限', late: '时限早于前序步骤完成',
    condition: '若', overview: '总览', timeline: '时间线', flowchart: '应急响应流程图', states: '响应状态图',
    responseAt: '响应流程', see: '见', ifWord: '若',
  },
  en: {
    alarm: 'Alarm received', terminated: 'Response terminated', declaredBy: 'declared by', followUp: 'written report',
    noLevel: 'No level triggered', yes: 'yes', no: 'no', escalate: 'escalate', deescalate: 'de-escalate',
    decides: 'decides', unassigned: 'Unassigned', standby: 'Standby', assessing: 'Assessing: set the response level',
    recovery: 'Recovery', endMet: 'end conditions met', milestones: 'Milestones', activation: 'activation deadline',
    report: 'Report', noDeadline: 'no deadline', late: 'deadline before prerequisites finish', condition: 'if',
    overview: 'overview', timeline: 'timeline', flowchart: 'Response flowchart', states: 'Response states',
    responseAt: 'response', see: 'see', ifWord: 'if',
  },
} as const;

/** Fill colour, border colour and text colour of each warning/response colour. */
export const COLOURS: Readonly<Record<Colour | 'grey', { fill: string; stroke: string; text: string }>> = {
  red: { fill: '#d32f2f', stroke: '#b71c1c', text: '#ffffff' },
  orange: { fill: '#f57c00', stroke: '#e65100', text: '#ffffff' },
  yellow: { fill: '#fbc02d', stroke: '#f57f17', text: '#000000' },
  blue: { fill: '#1976d2', stroke: '#0d47a1', text: '#ffffff' },
  grey: { fill: '#757575', stroke: '#424242', text: '#ffffff' },
};

const RANK_COLOURS: Colour[] = ['red', 'orange', 'yellow', 'blue'];

/** A level's colour: as declared, else the conventional colour of ranks 1–4 (I red … IV blue), else grey. */
export function levelColour(level: Level): Colour | 'grey' {
  return level.colour ?? RANK_COLOURS[level.rank - 1] ?? 'grey';
}

/** A duration for people: `3分钟`, `1小时30分钟`, `7天` / `3 min`, `1 h 30 min`, `7 d` (the model's one formatter). */
export const formatDuration = formatSeconds;

/** 1-based number of each step in plan order; the same in every diagram so deadlines can refer to "step 5". */
export function stepNumbers(plan: Plan): Map<string, number> {
  const out = new Map<string, number>();
  plan.steps.forEach((s, i) => { if (!out.has(s.id)) out.set(s.id, i + 1); });
  return out;
}

/** A step's deadline as shown on its node: `≤ 3分钟`, `≤ 响应启动后15分钟`, `≤ 第6步完成后10分钟`. */
export function deadlineText(step: Step, numbers: Map<string, number>, lang: Lang): string | undefined {
  const d = step.deadline;
  if (!d) return undefined;
  return formatTimeLimit(d, lang, (id) => {
    const n = numbers.get(id);
    return n === undefined ? id : lang === 'zh' ? `第${n}步` : `step ${n}`;
  });
}

const ROMAN = /^[IVX]+$/;

/** A level's short name: `IV级` / `Level IV` for roman ids, else the id. */
export function levelShort(level: Level, lang: Lang): string {
  if (ROMAN.test(level.id)) return lang === 'zh' ? `${level.id}级` : `Level ${level.id}`;
  return level.id;
}

/** A level's full title: `IV级（班组级）` / `Level IV (minor)`; a name that already says the level is kept as is. */
export function levelTitle(level: Level, lang: Lang): string {
  const short = levelShort(level, lang);
  const name = level.name?.trim();
  if (!name || name === short || name === level.id) return short;
  if (name.includes(short)) return name;
  if (lang === 'zh') return /[（(]/.test(name) ? `${short} ${name}` : `${short}（${name}）`;
  return /[(]/.test(name) ? `${short}: ${name}` : `${short} (${name})`;
}

/** A role's lane title: `岗位操作工（当班操作工）` / `Incident Commander (Mayor of Riverton)`. */
export function roleTitle(role: Role | undefined, id: string | undefined, lang: Lang): string {
  if (!role) return id ?? WORDS[lang].unassigned;
  const holder = role.holder?.trim();
  if (!holder || holder === role.name) return role.name;
  return lang === 'zh' ? `${role.name}（${holder}）` : `${role.name} (${holder})`;
}

/** Name of a role id for running text (the role's name, or the id when undeclared). */
export function roleName(plan: Plan, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return plan.roles.find((r) => r.id === id)?.name ?? id;
}

/**
 * Which levels a step applies to, for a reader: undefined for every level; else `III级及以上` / `Level III+` when
 * the levels are "this rank and every more severe one", `仅I级` / `Level I only` for one level, or a list.
 */
export function applicabilityText(plan: Plan, step: Pick<Step, 'levels'>, lang: Lang): string | undefined {
  if (appliesAtEveryLevel(step, plan.levels)) return undefined;
  const known = plan.levels.filter((l) => appliesAt(step, l.id));
  if (known.length === 0) return lang === 'zh' ? `级别：${step.levels.join('、')}` : `levels: ${step.levels.join(', ')}`;
  if (known.length === 1) return lang === 'zh' ? `仅${levelShort(known[0], lang)}` : `${levelShort(known[0], lang)} only`;
  const least = known.reduce((a, b) => (b.rank > a.rank ? b : a));
  const upward = plan.levels.filter((l) => l.rank <= least.rank);
  if (upward.length === known.length && upward.every((l) => known.includes(l))) {
    return lang === 'zh' ? `${levelShort(least, lang)}及以上` : `${levelShort(least, lang)}+`;
  }
  const sorted = [...known].sort((a, b) => b.rank - a.rank);
  return lang === 'zh' ? sorted.map((l) => levelShort(l, lang)).join('、') : sorted.map((l) => levelShort(l, lang)).join(', ');
}

/** No-break space: joins the parts of one comparison so wrapping keeps `泄漏量 ≥ 100 kg` on one line. */
const NB = '\u00A0';
/** Narrow no-break space: a number and its unit are never split. */
const NB_UNIT = '\u202F';

const OPS: Readonly<Record<CompareOp, string>> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=', '!=': '≠' };

/**
 * A trigger condition written for reviewers: fact labels instead of ids, `≥`/`≤`/`≠`, the fact's unit after bare
 * numbers, `且`/`或`/`非` (or `and`/`or`/`not`). Falls back to the text as written when it did not parse.
 */
export function readableTrigger(trigger: Trigger | undefined, plan: Plan, lang: Lang): string | undefined {
  return readableTriggerGlued(trigger, plan, lang)?.replace(/[\u00A0\u202F]/g, ' ');
}

/**
 * {@link readableTrigger} for diagram labels: inside one comparison the spaces are no-break spaces (U+00A0; U+202F
 * between a number and its unit) so label wrapping keeps `泄漏量 ≥ 100 kg` whole; `label()` prints them as spaces.
 */
export function readableTriggerGlued(trigger: Trigger | undefined, plan: Plan, lang: Lang): string | undefined {
  if (!trigger) return undefined;
  if (!trigger.ast) return trigger.text.trim() || undefined;
  return new ReadablePrinter(factLookup(plan.facts), lang).print(trigger.ast);
}

class ReadablePrinter {
  constructor(private readonly lookup: FactLookup, private readonly lang: Lang) {}

  private get and() { return this.lang === 'zh' ? ' 且 ' : ' and '; }
  private get or() { return this.lang === 'zh' ? ' 或 ' : ' or '; }
  private paren(s: string) { return this.lang === 'zh' ? `（${s}）` : `(${s})`; }

  print(e: Expr): string {
    switch (e.type) {
      case 'implies': {
        // `若 a 则 b 或 c` reads two ways; compound sides keep their parentheses.
        const side = (x: Expr) => (x.type === 'implies' || x.type === 'or' || (x.type === 'and' && !isChain(x.operands)) ? this.paren(this.print(x)) : this.print(x));
        return this.lang === 'zh' ? `若${side(e.left)}则${side(e.right)}` : `if ${side(e.left)} then ${side(e.right)}`;
      }
      case 'bound': {
        // As the regulation writes it (以上/以下 keep their statutory meaning for the reader).
        const terms = printBoundTerms(e).replace(/ /g, NB);
        return e.boundFirst ? `${terms}${NB}${this.name(e.fact.name)}` : `${this.name(e.fact.name)}${NB}${terms}`;
      }
      case 'or':
        return e.operands.map((o) => (o.type === 'or' || o.type === 'implies' ? this.paren(this.print(o)) : this.print(o))).join(this.or);
      case 'and':
        if (isChain(e.operands)) return this.chain(e.operands as Extract<Expr, { type: 'compare' }>[]);
        return e.operands.map((o) => (o.type === 'or' || o.type === 'implies' || (o.type === 'and' && !isChain(o.operands))
          ? this.paren(this.print(o)) : this.print(o))).join(this.and);
      case 'not': {
        const o = e.operand;
        const f = o.type === 'ident' ? this.lookup(o.name) : undefined;
        if (o.type === 'ident' && (f?.type === 'boolean' || f?.type === 'judgement')) {
          return this.lang === 'zh' ? `${this.name(o.name)}${NB}=${NB}否` : `not${NB}${this.name(o.name)}`;
        }
        const inner = o.type === 'or' || o.type === 'and' || o.type === 'implies' ? this.paren(this.print(o)) : this.print(o);
        return this.lang === 'zh' ? `非${inner}` : `not ${inner}`;
      }
      case 'compare': {
        const fact = this.factOf(e.left) ?? this.factOf(e.right);
        return `${this.value(e.left, fact)}${NB}${OPS[e.op]}${NB}${this.value(e.right, fact)}`;
      }
      case 'in': {
        const fact = this.factOf(e.left);
        const sym = e.negated ? '∉' : '∈';
        return `${this.value(e.left, fact)}${NB}${sym}${NB}{${e.values.map((v) => this.value(v, fact)).join(`,${NB}`)}}`;
      }
      default:
        return this.value(e, undefined);
    }
  }

  private chain(ops: Extract<Expr, { type: 'compare' }>[]): string {
    const fact = ops.map((o) => this.factOf(o.left) ?? this.factOf(o.right)).find(Boolean);
    let s = this.value(ops[0].left, fact);
    for (const c of ops) s += `${NB}${OPS[c.op]}${NB}${this.value(c.right, fact)}`;
    return s;
  }

  private factOf(v: ValueExpr): Fact | undefined {
    return v.type === 'ident' ? this.lookup(v.name) : undefined;
  }

  private name(id: string): string {
    const f = this.lookup(id);
    return f?.label?.trim() || id;
  }

  private value(v: ValueExpr, fact: Fact | undefined): string {
    switch (v.type) {
      case 'ident': return this.lookup(v.name) ? this.name(v.name) : v.name;
      case 'boolean': return v.value ? WORDS[this.lang].yes : WORDS[this.lang].no;
      case 'string': return this.lang === 'zh' ? `“${v.value}”` : `'${v.value}'`;
      case 'number': {
        const unit = v.unit ?? (fact && (fact.type === 'number' || fact.type === 'integer') ? fact.unit : undefined);
        const n = v.text ?? String(v.value);
        return unit ? `${n}${NB_UNIT}${unit}` : n;
      }
    }
  }
}

