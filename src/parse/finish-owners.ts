import type { Plan, Step } from '../model/index.js';
import { parseObligation, parseOwners, parsePrerequisites, parseReportKind, parseRoleKind } from './fields.js';
import type { Reporter } from './finish.js';

/** A step's obligation written as its first word: 宜… / 建议… / Should … (可 is left to the column: 可燃 is not "may"). */
const SHOULD_FIRST = /^(?:宜|建议|should\b)/iu;

/**
 * Owners and prerequisites as written in both syntaxes: `a 会同 b` / `a 牵头，b 配合` (lead and support), `a 或 b`
 * (alternatives), `after: a 或 b` (any one of), obligations (应 / 宜 / 可), role and report kinds; then every role
 * reference (id or name) is resolved to the role id. Several roles with no word saying how they share a duty are a
 * `role/ambiguous` finding, never a silent pick.
 */
export function finishOwners(plan: Plan, report: Reporter): void {
  const roleNames = new Set(plan.roles.flatMap((r) => [r.id, r.name, ...(r.holder ? [r.holder] : [])]));
  const stepIds = new Set(plan.steps.map((s) => s.id));
  const isRole = (t: string) => roleNames.has(t);
  const isStep = (t: string) => stepIds.has(t);
  for (const s of plan.steps) finishStep(s, report, isRole, isStep);
  for (const l of plan.levels) {
    if (l.decidedBy === undefined) continue;
    const o = parseOwners(l.decidedBy, isRole);
    l.decidedBy = o.lead;
    l.deciderAlternatives = [...o.alternatives, ...l.deciderAlternatives];
    if (o.ambiguous || o.support.length) ambiguous(report, o.ambiguous ?? l.decidedBy ?? '', l.fields?.decidedBy ?? l.place, 'decider');
  }
  for (const r of plan.roles) {
    const kind = (r as { kind?: string }).kind;
    if (kind === undefined) continue;
    const k = parseRoleKind(kind);
    if (k) r.kind = k;
    else { delete r.kind; invalid(report, 'kind', kind, 'post (岗位), body (机构) or public (公众)', r.fields?.kind ?? r.place); }
  }
  for (const r of plan.reports) {
    const kind = (r as { kind?: string }).kind;
    if (kind !== undefined) {
      const k = parseReportKind(kind);
      if (k) r.kind = k;
      else { delete r.kind; invalid(report, 'kind', kind, 'first (首报), hop (逐级上报), supplementary (补报) or follow-up (续报)', r.fields?.kind ?? r.place); }
    }
    obligation(r, report);
  }
  resolveRoles(plan);
}

function finishStep(s: Step, report: Reporter, isRole: (t: string) => boolean, isStep: (t: string) => boolean): void {
  s.alternatives ??= [];
  s.support ??= [];
  s.afterAny ??= [];
  if (s.role !== undefined) {
    const o = parseOwners(s.role, isRole);
    s.role = o.lead;
    s.alternatives = [...o.alternatives, ...s.alternatives];
    s.support = [...o.support, ...s.support];
    if (o.ambiguous) ambiguous(report, o.ambiguous, s.fields?.role ?? s.place, 'owner');
  }
  const after = s.after as unknown;
  const text = typeof after === 'string' ? after : Array.isArray(after) && after.length === 1 ? String(after[0]) : undefined;
  if (text !== undefined) {
    const p = parsePrerequisites(text, isStep);
    s.after = p.all;
    s.afterAny = [...p.any, ...s.afterAny];
    if (p.ambiguous) {
      report('step/ambiguous-after', 'error', `Unexpected prerequisites \`${p.ambiguous}\` mixing "all of" and "any of", expected \`a, b\` (all) or \`a 或 b\` (any one)`,
        `前置步骤 \`${p.ambiguous}\` 同时含“全部”和“任一”，应写成 \`a、b\`（全部完成）或 \`a 或 b\`（任一完成）`, s.fields?.after ?? s.place);
    }
  } else s.after ??= [];
  obligation(s, report);
  if (s.obligation === undefined && SHOULD_FIRST.test(s.action.trim())) s.obligation = 'should';
}

function obligation(node: { obligation?: string; fields?: Record<string, import('../model/index.js').Place>; place?: import('../model/index.js').Place }, report: Reporter): void {
  if (node.obligation === undefined) return;
  const o = parseObligation(node.obligation);
  if (o) { node.obligation = o; return; }
  invalid(report, 'obligation', node.obligation, 'shall (应), should (宜) or may (可)', node.fields?.obligation ?? node.place);
  delete node.obligation;
}

function invalid(report: Reporter, key: string, value: string, expected: string, place: import('../model/index.js').Place | undefined): void {
  report('meta/invalid', 'error', `Unexpected ${key} \`${value}\`, expected ${expected}`, `无法识别的 ${key} \`${value}\`，应为 ${expected}`, place);
}

function ambiguous(report: Reporter, text: string, place: import('../model/index.js').Place | undefined, what: 'owner' | 'decider'): void {
  const zh = what === 'owner' ? '负责' : '决策';
  report('role/ambiguous', 'error',
    `Unexpected several roles \`${text}\` as ${what === 'owner' ? 'owner' : 'decider'}, expected one lead with support (\`a 会同 b\`, \`a 牵头，b 配合\`) or alternatives (\`a 或 b\`)`,
    `${zh}栏 \`${text}\` 列出多个角色但未说明分工，应写成牵头与配合（\`a 会同 b\`、\`a 牵头，b 配合\`）或任选其一（\`a 或 b\`）`, place);
}

/** Maps role names (总指挥) and holders to ids (commander) wherever a role is referenced. */
function resolveRoles(plan: Plan): void {
  const byName = new Map<string, string>();
  for (const r of plan.roles) { byName.set(r.name, r.id); if (r.holder) byName.set(r.holder, r.id); }
  const ids = new Set(plan.roles.map((r) => r.id));
  const one = (ref: string | undefined) => (ref === undefined || ids.has(ref) ? ref : byName.get(ref) ?? ref);
  const many = (refs: string[]) => refs.map((n) => one(n)!);
  for (const s of plan.steps) { s.role = one(s.role); s.alternatives = many(s.alternatives); s.support = many(s.support); s.notify = many(s.notify); }
  for (const l of plan.levels) { l.decidedBy = one(l.decidedBy); l.deciderAlternatives = many(l.deciderAlternatives); }
  if (plan.termination) plan.termination.decidedBy = one(plan.termination.decidedBy);
  for (const r of plan.reports) r.by = one(r.by);
  for (const r of plan.resources) r.keeper = one(r.keeper);
  for (const r of plan.roles) r.memberOf = one(r.memberOf);
  for (const s of plan.standby) s.decidedBy = one(s.decidedBy);
  for (const f of plan.facts) f.decidedBy = one(f.decidedBy);
  // Absent stays absent (no `role: undefined` keys in the model).
  for (const node of [...plan.steps, ...plan.levels, ...plan.reports, ...plan.resources, ...plan.roles, ...plan.standby, ...plan.facts] as unknown as Record<string, unknown>[]) {
    for (const k of ['role', 'decidedBy', 'by', 'keeper', 'memberOf']) if (k in node && node[k] === undefined) delete node[k];
  }
}
