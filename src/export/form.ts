import type { Duration, Level, Plan, PlanMeta, ResourceUse, Section, Step, Report, Trigger } from '../model/index.js';
import { sectionKey } from '../parse/sections.js';

/** A plain JSON value. */
export type FormValue = string | number | boolean | null | FormValue[] | { [key: string]: FormValue };
/** An object of the YAML form (keys in the order they are written). */
export type FormObject = { [key: string]: FormValue };

/** Schema reference written into exports by default (plans live two folders below the repository root). */
export const DEFAULT_SCHEMA_URL = '../../schemas/plan.schema.json';

/** Builds an object from [key, value] pairs in order, leaving out undefined values, empty strings and empty lists. */
function obj(entries: [string, FormValue | undefined][], keepEmpty: readonly string[] = []): FormObject {
  const out: FormObject = {};
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    if (!keepEmpty.includes(k) && ((typeof v === 'string' && v === '') || (Array.isArray(v) && v.length === 0))) continue;
    out[k] = v;
  }
  return out;
}

const text = (t: Trigger | Duration | undefined) => t?.text;

/** Step/report `levels`: the spec as written when there is one, else the resolved ids. */
function levelsOf(node: Step | Report): FormValue | undefined {
  if (node.levelsText !== undefined) return node.levelsText;
  return node.levels.length ? node.levels : undefined;
}

function resourceUse(u: ResourceUse): FormObject {
  return obj([['resource', u.resource], ['quantity', u.quantity]]);
}

function section(s: Section): FormObject {
  return obj([
    ['key', s.key === sectionKey(s.title) ? undefined : s.key],
    ['title', s.title],
    ['depth', s.depth === 2 ? undefined : s.depth],
    ['text', s.text],
  ], ['title']);
}

/** A condition with its wording: plain text, or `{ when, note }` when the plan's own wording is kept. */
function criterion(t: Trigger): FormValue {
  return t.note === undefined ? t.text : obj([['when', t.text], ['note', t.note]]);
}

/** A level's conditions: one plain criterion is written as `trigger`, several (or one with wording) as `criteria`. */
export function levelConditions(l: Level): { trigger?: string; criteria?: FormValue[] } {
  if (l.criteria.length === 1 && l.criteria[0].note === undefined) return { trigger: l.criteria[0].text };
  return l.criteria.length ? { criteria: l.criteria.map(criterion) } : {};
}

/** The meta conventions of the YAML form (also the Markdown front matter). */
function metaExtras(m: PlanMeta): [string, FormValue | undefined][] {
  return [
    ['levelOrder', m.levelOrder], ['grading', m.grading], ['immediate', text(m.immediate)], ['regime', m.regime], ['adjustment', m.adjustment],
    ['bounds', m.bounds && obj([['above', m.bounds.above], ['below', m.bounds.below]])],
    ['source', m.source && obj([['title', m.source.title], ['issuer', m.source.issuer], ['number', m.source.number], ['date', m.source.date], ['url', m.source.url], ['note', m.source.note], ['excerpt', m.source.excerpt]])],
  ];
}

/**
 * The YAML form of a plan (SPEC.md) as a plain object: keys in a stable order, empty optionals left out, durations
 * and triggers as the text the author wrote. `JSON.stringify` of it is the JSON export; it parses back as YAML.
 */
export function planToForm(plan: Plan): FormObject {
  const m = plan.meta;
  const form: FormObject = {
    plan: obj([
      ['id', m.id], ['title', m.title], ['kind', m.kind], ['parent', m.parent], ['version', m.version], ['issued', m.issued],
      ['reviewed', m.reviewed], ['owner', m.owner], ['language', m.language], ['organization', m.organization],
      ['hazard', m.hazard], ['filedWith', m.filedWith], ['escalatesTo', m.escalatesTo], ...metaExtras(m),
    ], ['title']),
  };
  const list = (key: string, items: FormObject[]) => { if (items.length) form[key] = items; };
  list('facts', plan.facts.map((f) => obj([
    ['id', f.id], ['label', f.label], ['type', f.type], ['unit', f.unit], ['values', f.values], ['min', f.min], ['max', f.max],
    ['decidedBy', f.decidedBy],
  ], ['values'])));
  list('roles', plan.roles.map((r) => obj([
    ['id', r.id], ['name', r.name], ['holder', r.holder], ['deputies', r.deputies], ['contact', r.contact], ['duties', r.duties],
    ['memberOf', r.memberOf], ['kind', r.kind],
  ], ['name'])));
  list('warnings', plan.warnings.map((w) => obj([
    ['id', w.id], ['colour', w.colour], ['trigger', text(w.trigger)], ['lead', text(w.lead)], ['actions', w.actions],
    ['issuer', w.issuer], ['callback', text(w.callback)],
  ])));
  list('levels', plan.levels.map((l) => {
    const c = levelConditions(l);
    return obj([
      ['id', l.id], ['name', l.name], ['colour', l.colour], ['trigger', c.trigger], ['criteria', c.criteria], ['manual', l.manual],
      ['decidedBy', l.decidedBy], ['deciderAlternatives', l.deciderAlternatives], ['activation', text(l.activation)],
      ['parentLevel', l.parentLevel], ['description', l.description],
    ]);
  }));
  list('standby', plan.standby.map((s) => obj([
    ['id', s.id], ['name', s.name], ['trigger', text(s.trigger)], ['decidedBy', s.decidedBy], ['actions', s.actions],
  ])));
  if (plan.constraints.length) form.constraints = plan.constraints.map(criterion);
  list('steps', plan.steps.map((s) => obj([
    ['id', s.id], ['action', s.action], ['role', s.role], ['alternatives', s.alternatives], ['support', s.support],
    ['obligation', s.obligation], ['deadline', text(s.deadline)], ['after', s.after], ['afterAny', s.afterAny],
    ['levels', levelsOf(s)], ['resources', s.resources.map(resourceUse)], ['notify', s.notify], ['condition', text(s.condition)],
  ], ['action'])));
  list('escalations', plan.escalations.map((e) => obj([['from', e.from], ['to', e.to], ['when', text(e.when)]])));
  if (plan.termination) {
    const t = plan.termination;
    form.termination = obj([['when', text(t.when)], ['decidedBy', t.decidedBy], ['followUp', text(t.followUp)], ['description', t.description]]);
  }
  list('resources', plan.resources.map((r) => obj([
    ['id', r.id], ['name', r.name], ['quantity', r.quantity], ['unit', r.unit], ['location', r.location], ['keeper', r.keeper],
  ], ['name'])));
  list('reports', plan.reports.map((r) => obj([
    ['to', r.to], ['kind', r.kind], ['when', text(r.when)], ['within', text(r.within)], ['by', r.by], ['levels', levelsOf(r)],
    ['obligation', r.obligation], ['contact', r.contact], ['content', r.content],
  ])));
  list('sections', plan.sections.map(section));
  return form;
}
