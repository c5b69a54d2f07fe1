import type { Diagnostic, Related, Severity } from '../diagnostics.js';
import type { Fact, Located, Plan, Role } from '../model/index.js';
import { placeOf } from '../model/place.js';
import { standsIn } from '../model/query.js';
import { expectedOneOf } from '../suggest.js';
import { formatOffset } from './scenario-time.js';
import type { FactValue, Scenario } from './types.js';

/** Expected-action steps of the form `level:II` are level declarations. */
const LEVEL_STEP = /^level:(.+)$/;

/**
 * Cross-checks a scenario against the plan it exercises and reports, each at its exact place: unknown roles (in
 * `to`, expected actions, scripted actions and notify targets), unknown steps and levels, facts the plan does not
 * declare or of the wrong type, injects out of time order, duplicate inject and objective ids, expected actions
 * given to a role the plan does not make responsible for the step, and contradictory expectations.
 *
 * Like the plan parser's finishing pass, it first resolves, in place, role names, holders and unique deputies
 * (值班长, 当班值班长, 副值班长) to role ids and level names (公司级) to level ids, so the engine only ever sees ids.
 */
export function checkScenario(scenario: Scenario, plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = scenario.file;
  const report = (ruleId: string, severity: Severity, message: string, messageZh: string, node: Located | undefined, field?: string, related?: Related[]) =>
    out.push({ ruleId, severity, message, messageZh, file, place: placeOf(node, field) ?? scenario.place, ...(related ? { related } : {}) });

  const roleIds = plan.roles.map((r) => r.id);
  const roles = new Map<string, Role>(plan.roles.map((r) => [r.id, r]));
  const roleOf = roleResolver(plan);
  const stepIds = plan.steps.map((s) => s.id);
  const steps = new Map(plan.steps.map((s) => [s.id, s]));
  const levelIds = plan.levels.map((l) => l.id);
  const levelByName = new Map(plan.levels.filter((l) => l.name).map((l) => [l.name!, l.id]));
  const facts = new Map(plan.facts.map((f) => [f.id, f]));

  /** Resolves a role reference; reports it when it names no role. Returns the id (or the text as written). */
  const role = (ref: string, node: Located, field: string): string => {
    const id = roleOf(ref);
    if (id) return id;
    const exp = expectedOneOf(ref, roleIds, 'role', '角色');
    report('scenario/unknown-role', 'error', `Unexpected role \`${ref}\`, ${exp.en}`, `未定义的角色 \`${ref}\`，${exp.zh}`, node, field);
    return ref;
  };
  const level = (ref: string, node: Located, field: string): string => {
    if (levelIds.includes(ref)) return ref;
    const id = levelByName.get(ref);
    if (id) return id;
    const exp = expectedOneOf(ref, levelIds, 'level', '响应级别');
    report('scenario/unknown-level', 'error', `Unexpected level \`${ref}\`, ${exp.en}`, `未定义的响应级别 \`${ref}\`，${exp.zh}`, node, field);
    return ref;
  };
  const step = (ref: string, node: Located, field: string): void => {
    if (steps.has(ref)) return;
    const exp = expectedOneOf(ref, stepIds, 'step', '步骤');
    report('scenario/unknown-step', 'error', `Unexpected step \`${ref}\`, ${exp.en}`, `未定义的处置步骤 \`${ref}\`，${exp.zh}`, node, field);
  };

  duplicates('inject', '情景注入', scenario.injects, file, report);
  duplicates('objective', '演练目标', scenario.objectives, file, report);

  for (const o of scenario.objectives) o.steps.forEach((s, i) => step(s, o, `steps[${i}]`));

  let latest: { at: number; id: string } | undefined;
  for (const inj of scenario.injects) {
    if (Number.isFinite(inj.at)) {
      if (latest && inj.at < latest.at) {
        report('scenario/inject-order', 'error',
          `Unexpected inject \`${inj.id}\` at ${formatOffset(inj.at)} after \`${latest.id}\` at ${formatOffset(latest.at)}, expected injects in time order`,
          `情景注入 \`${inj.id}\`（${formatOffset(inj.at)}）排在 \`${latest.id}\`（${formatOffset(latest.at)}）之后，注入应按时间顺序排列`, inj, 'at');
      }
      if (!latest || inj.at >= latest.at) latest = { at: inj.at, id: inj.id };
    }
    inj.to = inj.to.map((r, i) => role(r, inj, `to[${i}]`));
    for (const [id, value] of Object.entries(inj.facts ?? {})) {
      const fact = facts.get(id);
      if (!fact) {
        const exp = expectedOneOf(id, [...facts.keys()], 'fact', '事故信息要素');
        report('scenario/unknown-fact', 'error', `Unexpected fact \`${id}\`, ${exp.en}`, `预案未声明事故信息要素 \`${id}\`，${exp.zh}`, inj, `facts.${id}.key`);
        continue;
      }
      const wrong = factProblem(fact, value);
      if (wrong) report('scenario/fact-type', 'error', wrong.en, wrong.zh, inj, `facts.${id}`);
    }
    for (const x of inj.expected) {
      x.role = role(x.role, x, 'role');
      const m = x.step && LEVEL_STEP.exec(x.step);
      if (m) x.step = `level:${level(m[1], x, 'step')}`;
      else if (x.step) {
        step(x.step, x, 'step');
        const owner = steps.get(x.step)?.role;
        const o = owner ? roles.get(owner) : undefined;
        if (owner && roles.has(x.role) && x.role !== owner && !(o && standsIn(plan, o, x.role))) {
          const name = roles.get(owner)?.name ?? owner;
          report('scenario/expected-role', 'warning',
            `Unexpected role \`${x.role}\` expected to do step \`${x.step}\`, expected \`${owner}\` (${name}), the role the plan makes responsible, or one of its deputies`,
            `预期由 \`${x.role}\` 执行步骤 \`${x.step}\`，但预案规定的负责角色是 \`${owner}\`（${name}）或其副职`, x, 'role');
        }
      }
    }
  }

  for (const a of scenario.actions) {
    a.role = role(a.role, a, 'role');
    if (a.step !== undefined) step(a.step, a, 'step');
    if (a.level !== undefined) a.level = level(a.level, a, 'level');
    if (a.to !== undefined) a.to = role(a.to, a, 'to');
  }

  const ex = scenario.expect;
  if (ex?.level !== undefined) ex.level = level(ex.level, ex, 'level');
  ex?.gaps?.forEach((g, i) => {
    if (ex.noGaps?.includes(g)) {
      report('scenario/expect-conflict', 'error', `Unexpected gap kind \`${g}\` in both \`gaps\` and \`noGaps\`, expected it in one of them`,
        `问题类型 \`${g}\` 同时出现在 \`gaps\` 和 \`noGaps\` 中，只能写在其中之一`, ex, `gaps[${i}]`);
    }
  });
  return out;
}

/** What is wrong with a fact value, in both languages; undefined when it fits the fact's declared type and domain. */
function factProblem(fact: Fact, value: FactValue): { en: string; zh: string } | undefined {
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  const kind = { number: 'a number', integer: 'an integer', boolean: 'true or false', judgement: 'true or false', enum: `one of: ${fact.values?.join(', ')}` }[fact.type];
  const kindZh = { number: '数值', integer: '整数', boolean: 'true 或 false', judgement: 'true 或 false', enum: `以下之一：${fact.values?.join('、')}` }[fact.type];
  const typed = fact.type === 'boolean' || fact.type === 'judgement' ? typeof value === 'boolean'
    : fact.type === 'enum' ? typeof value === 'string' && (fact.values ?? []).includes(value)
      : typeof value === 'number' && (fact.type === 'number' || Number.isInteger(value));
  const unit = fact.unit ? ` ${fact.unit}` : '';
  if (!typed) {
    return { en: `Unexpected ${shown} for fact \`${fact.id}\` (${fact.type}), expected ${kind}`,
      zh: `事故信息要素 \`${fact.id}\`${fact.label ? `（${fact.label}）` : ''}的值 ${shown} 类型不对，应为${kindZh}` };
  }
  if (typeof value === 'number') {
    const min = fact.min ?? 0;
    if (value < min || (fact.max !== undefined && value > fact.max)) {
      const range = fact.max !== undefined ? `${min}–${fact.max}${unit}` : `>= ${min}${unit}`;
      return { en: `Unexpected ${shown} for fact \`${fact.id}\`, expected a value ${range}`,
        zh: `事故信息要素 \`${fact.id}\`${fact.label ? `（${fact.label}）` : ''}的值 ${shown} 超出范围，应为 ${range}` };
    }
  }
  return undefined;
}

function duplicates(kind: string, kindZh: string, list: readonly (Located & { id: string })[], file: string,
  report: (ruleId: string, severity: Severity, message: string, messageZh: string, node: Located | undefined, field?: string, related?: Related[]) => void): void {
  const seen = new Map<string, Located>();
  for (const node of list) {
    const first = seen.get(node.id);
    if (!first) { seen.set(node.id, node); continue; }
    report('scenario/duplicate-id', 'error', `Unexpected duplicate ${kind} id \`${node.id}\`, expected each id once`,
      `重复的${kindZh}标识 \`${node.id}\`，每个标识只能出现一次`, node, 'id',
      [{ message: 'first defined here', messageZh: '首次定义于此', file, place: placeOf(first, 'id') }]);
  }
}

/**
 * Resolves what people write for a role (id `duty-officer`, name 值班长, holder 当班值班长, or a deputy listed
 * for exactly one role such as 副值班长) to the role id; undefined when it names no role.
 */
export function roleResolver(plan: Plan | undefined): (text: string) => string | undefined {
  if (!plan) return () => undefined;
  const exact = new Map<string, string>();
  const deputies = new Map<string, string[]>();
  for (const r of plan.roles) {
    exact.set(fold(r.id), r.id);
    exact.set(fold(r.name), r.id);
    if (r.holder) exact.set(fold(r.holder), r.id);
    for (const d of r.deputies) deputies.set(fold(d), [...(deputies.get(fold(d)) ?? []), r.id]);
  }
  return (text) => {
    const t = fold(text);
    const id = exact.get(t);
    if (id) return id;
    const ds = deputies.get(t);
    return ds?.length === 1 ? ds[0] : undefined;
  };
}

function fold(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

