import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type {
  Colour, Duration, Escalation, Fact, Level, Place, Plan, PlanMeta, Report, Resource, ResourceUse, Role, Section,
  SectionKey, Standby, Step, Termination, Trigger, WarningLevel,
} from '../model/index.js';
import { pendingDuration } from './duration.js';
import { parseKind, parseResourceUses, splitDuties, splitList } from './fields.js';
import { sectionKey } from './sections.js';
import { MapEntries, placeOfNode, resolveNode, type NodeContext } from './yaml-nodes.js';

/** What building needs: the composed document and a line index, the source and its file name. */
export interface BuildContext extends NodeContext {
  source: string;
  file: string;
}

const COLOURS = new Set<Colour>(['red', 'orange', 'yellow', 'blue']);
const FACT_TYPES = new Set<Fact['type']>(['number', 'integer', 'boolean', 'enum', 'judgement']);
const SECTION_KEYS = new Set<SectionKey>([
  'general', 'scope', 'principles', 'system', 'risk', 'organization', 'warning', 'response', 'information', 'levels',
  'activation', 'procedure', 'support', 'termination', 'aftermath', 'assurance', 'communication', 'teams', 'supplies',
  'notes', 'facts', 'escalation', 'resources', 'reports', 'contacts', 'appendix', 'standby', 'constraints', 'criteria', 'other',
]);

/**
 * Reads the keys of one plan map: strings also read YAML 1.1 timestamps (as ISO dates), lists split like the
 * Markdown cell, durations and triggers are left raw for the finish pass.
 */
class MapReader extends MapEntries {
  private readonly source: string;

  constructor(ctx: BuildContext, map: YAMLMap) {
    super(ctx, map);
    this.source = ctx.source;
  }

  /** A trimmed, non-empty string (dates from YAML 1.1 timestamps become ISO dates). */
  override str(key: string): string | undefined {
    return scalarString(this.values.get(key));
  }

  /** A list of strings: a YAML sequence, or one string split like the Markdown cell (`a、b, c`; duties on `；`). */
  list(key: string, split: (text: string) => string[] = splitList): string[] {
    const n = this.values.get(key);
    if (isSeq(n)) {
      const out: string[] = [];
      for (const item of n.items) {
        const s = scalarString(resolveNode(item, this.ctx.doc));
        if (s !== undefined) out.push(s);
      }
      return out;
    }
    const s = scalarString(n);
    return s === undefined ? [] : split(s);
  }

  duration(key: string): Duration | undefined {
    const text = this.str(key);
    return text === undefined ? undefined : pendingDuration(text, this.fields[key]);
  }

  /** A scalar as text whatever its YAML type (`manual: true` → "true"), for values the finish pass normalises. */
  text(key: string): string | undefined {
    const n = this.values.get(key);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return typeof n.value === 'string' ? scalarString(n) : String(n.value);
  }

  trigger(key: string): Trigger | undefined {
    return this.triggerOf(this.values.get(key), this.fields[key]);
  }

  /** A trigger from a scalar node (a map value or a list item). */
  triggerOf(n: YamlNode | null | undefined, place: Place | undefined): Trigger | undefined {
    const text = scalarString(n);
    if (text === undefined || !n?.range) return undefined;
    // Offset of the text inside the file (after a quote, block-scalar header or leading blanks); when the source
    // spells it differently (escapes, folded lines) this is the best start, and the finish pass falls back to the place.
    const [start, end] = n.range;
    const found = this.source.indexOf(text, start);
    const quoted = isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
    const textOffset = found >= 0 && found + text.length <= end ? found : start + (quoted ? 1 : 0);
    return { text, place, textOffset };
  }

  /** Criteria or constraints: a list of conditions, each a string or `{ when, note }`. */
  triggers(key: string): Trigger[] {
    const n = this.values.get(key);
    if (!isSeq(n)) { const one = this.trigger(key); return one ? [one] : []; }
    const out: Trigger[] = [];
    for (const raw of n.items) {
      const item = resolveNode(raw, this.ctx.doc);
      if (isMap(item)) {
        const m = new MapReader(this.ctx as BuildContext, item);
        const t = m.trigger('when');
        if (!t) continue;
        const note = m.str('note');
        if (note !== undefined) t.note = note;
        out.push(t);
      } else {
        const t = this.triggerOf(item, placeOfNode(item, this.ctx.lines));
        if (t) out.push(t);
      }
    }
    return out;
  }
}

function scalarString(n: YamlNode | null | undefined): string | undefined {
  if (!isScalar(n)) return undefined;
  const v = n.value;
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t ? t : undefined;
}

/** `2024-03-01T00:00:00.000Z` → `2024-03-01`; other instants keep their full ISO form. */
export function isoDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Copies the optional fields that are present (so absent ones stay absent rather than `undefined`). */
function assignDefined<T extends object>(target: T, extra: Partial<T>): T {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  return target;
}

/**
 * Builds the Plan from a composed YAML document whose root is a map. Values of the wrong type are skipped (the
 * schema validator has reported them); items missing their id are dropped. Durations, triggers and level specs are
 * left raw for the finish pass.
 */
export function buildPlan(ctx: BuildContext, root: YAMLMap): Plan {
  const top = new MapReader(ctx, root);
  const plan: Plan = {
    file: ctx.file,
    format: 'yaml',
    meta: buildMeta(ctx, top.map('plan')),
    facts: top.items('facts').map((m) => buildFact(ctx, m)).filter((x): x is Fact => !!x),
    roles: top.items('roles').map((m) => buildRole(ctx, m)).filter((x): x is Role => !!x),
    warnings: top.items('warnings').map((m) => buildWarning(ctx, m)).filter((x): x is WarningLevel => !!x),
    levels: [],
    standby: top.items('standby').map((m) => buildStandby(ctx, m)).filter((x): x is Standby => !!x),
    constraints: new MapReader(ctx, root).triggers('constraints'),
    steps: top.items('steps').map((m) => buildStep(ctx, m)).filter((x): x is Step => !!x),
    escalations: top.items('escalations').map((m) => buildEscalation(ctx, m)).filter((x): x is Escalation => !!x),
    resources: top.items('resources').map((m) => buildResource(ctx, m)).filter((x): x is Resource => !!x),
    reports: top.items('reports').map((m) => buildReport(ctx, m)).filter((x): x is Report => !!x),
    sections: top.items('sections').map((m) => buildSection(ctx, m)).filter((x): x is Section => !!x),
    place: ctx.lines.place(0, ctx.source.length),
    fields: top.fields,
  };
  for (const m of top.items('levels')) {
    const level = buildLevel(ctx, m, plan.levels.length);
    if (level) plan.levels.push(level);
  }
  const term = top.map('termination');
  if (term) plan.termination = buildTermination(ctx, term);
  return plan;
}

function buildMeta(ctx: BuildContext, map: YAMLMap | undefined): PlanMeta {
  const r = map ? new MapReader(ctx, map) : undefined;
  const base = ctx.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const meta: PlanMeta = {
    id: r?.str('id') ?? base,
    title: r?.str('title') ?? '',
    kind: parseKind(r?.str('kind')) ?? 'special',
    place: r?.place,
    fields: r?.fields ?? {},
  };
  if (r) {
    assignDefined(meta, {
      parent: r.str('parent'), version: r.str('version'), issued: r.str('issued'), reviewed: r.str('reviewed'),
      owner: r.str('owner'), language: r.str('language'), organization: r.str('organization'), hazard: r.str('hazard'),
      filedWith: r.str('filedWith'), escalatesTo: r.str('escalatesTo'), grades: r.str('grades'),
    });
    // Normalised (and checked) by the finish pass, as the Markdown front matter's strings are.
    const raw = meta as unknown as Record<string, unknown>;
    for (const k of ['levelOrder', 'grading', 'regime', 'adjustment']) { const v = r.text(k); if (v !== undefined) raw[k] = v; }
    const immediate = r.duration('immediate');
    if (immediate) meta.immediate = immediate;
    const bounds = r.map('bounds');
    if (bounds) { const b = new MapReader(ctx, bounds); raw.bounds = { above: b.str('above') ?? b.str('以上'), below: b.str('below') ?? b.str('以下') }; }
    const scope = r.map('scope');
    if (scope) { const s = new MapReader(ctx, scope); raw.scope = { below: s.str('below') ?? s.str('以下'), handledBy: s.str('handledBy') ?? s.str('由') }; }
    const source = r.map('source');
    if (source) {
      const m = new MapReader(ctx, source);
      const urls = m.list('url');
      meta.source = assignDefined({}, { title: m.str('title'), issuer: m.str('issuer'), number: m.str('number'), date: m.str('date'),
        url: urls.length > 1 ? urls : urls[0], note: m.str('note') });
      const excerpt = m.text('excerpt');
      if (excerpt !== undefined) (meta.source as Record<string, unknown>).excerpt = excerpt;
    }
  }
  if (!meta.place) delete meta.place;
  return meta;
}

function buildFact(ctx: BuildContext, map: YAMLMap): Fact | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  const type = r.str('type') as Fact['type'] | undefined;
  const values = r.node('values') ? r.list('values') : undefined;
  return assignDefined<Fact>({ id, type: type && FACT_TYPES.has(type) ? type : 'number', place: r.place, fields: r.fields },
    { label: r.str('label'), unit: r.str('unit'), values, min: r.num('min'), max: r.num('max'), decidedBy: r.str('decidedBy') });
}

function buildRole(ctx: BuildContext, map: YAMLMap): Role | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  return assignDefined<Role>({ id, name: r.str('name') ?? id, deputies: r.list('deputies'), duties: r.list('duties', splitDuties), place: r.place, fields: r.fields },
    { holder: r.str('holder'), contact: r.str('contact'), memberOf: r.str('memberOf'), kind: r.str('kind') as Role['kind'] });
}

function colourOf(text: string | undefined): Colour | undefined {
  return text !== undefined && COLOURS.has(text as Colour) ? (text as Colour) : undefined;
}

function buildWarning(ctx: BuildContext, map: YAMLMap): WarningLevel | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  const colour = colourOf(r.str('colour')) ?? colourOf(id) ?? 'blue';
  return assignDefined<WarningLevel>({ id, colour, place: r.place, fields: r.fields },
    { trigger: r.trigger('trigger'), lead: r.duration('lead'), actions: r.str('actions'), issuer: r.str('issuer'), callback: r.duration('callback') });
}

function buildLevel(ctx: BuildContext, map: YAMLMap, index: number): Level | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  return assignDefined<Level>({ id, rank: index + 1, criteria: r.triggers('criteria'), deciderAlternatives: r.list('deciderAlternatives'), place: r.place, fields: r.fields }, {
    name: r.str('name'), colour: colourOf(r.str('colour')), trigger: r.trigger('trigger'), decidedBy: r.str('decidedBy'),
    activation: r.duration('activation'), parentLevel: r.str('parentLevel'), description: r.str('description'),
    manual: r.text('manual') as unknown as boolean,
  });
}

function buildStandby(ctx: BuildContext, map: YAMLMap): Standby | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  return assignDefined<Standby>({ id, place: r.place, fields: r.fields },
    { name: r.str('name'), trigger: r.trigger('trigger'), decidedBy: r.str('decidedBy'), actions: r.str('actions') });
}

/** Step/report `levels`: a list gives level ids, a string is a spec resolved by the finish pass. */
function levelsOf(r: MapReader): { levels: string[]; levelsText?: string } {
  const n = r.node('levels');
  if (isSeq(n)) return { levels: r.list('levels') };
  const text = r.str('levels');
  return text === undefined ? { levels: [] } : { levels: [], levelsText: text };
}

function resourceUsesOf(ctx: BuildContext, r: MapReader): ResourceUse[] {
  const n = r.node('resources');
  const fromText = (text: string | undefined, place: Place | undefined): ResourceUse[] =>
    parseResourceUses(text).map((u) => assignDefined<ResourceUse>({ resource: u.resource, place }, { quantity: u.quantity }));
  if (!isSeq(n)) return fromText(r.str('resources'), r.fields.resources);
  const out: ResourceUse[] = [];
  for (const raw of n.items) {
    const item = resolveNode(raw, ctx.doc);
    const place = placeOfNode(item, ctx.lines);
    if (isMap(item)) {
      const m = new MapReader(ctx, item);
      const resource = m.str('resource');
      if (resource !== undefined) out.push(assignDefined<ResourceUse>({ resource, place: m.place, fields: m.fields }, { quantity: m.num('quantity') }));
    } else {
      out.push(...fromText(scalarString(item), place));
    }
  }
  return out;
}

function buildStep(ctx: BuildContext, map: YAMLMap): Step | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  const { levels, levelsText } = levelsOf(r);
  return assignDefined<Step>({
    id, action: r.str('action') ?? '', levels, after: rawAfter(r), afterAny: r.list('afterAny'), alternatives: r.list('alternatives'),
    support: r.list('support'), resources: resourceUsesOf(ctx, r), notify: r.list('notify'), place: r.place, fields: r.fields,
  }, { role: r.str('role'), levelsText, deadline: r.duration('deadline'), condition: r.trigger('condition'), obligation: r.str('obligation') as Step['obligation'] });
}

/** `after`: a list is all-of; a string is kept whole for the finish pass (`a 或 b` is any-of, `a, b` all-of). */
function rawAfter(r: MapReader): string[] {
  const text = r.str('after');
  return text === undefined ? r.list('after') : [text];
}

function buildEscalation(ctx: BuildContext, map: YAMLMap): Escalation | undefined {
  const r = new MapReader(ctx, map);
  const from = r.str('from');
  const to = r.str('to');
  const when = r.trigger('when');
  if (from === undefined || to === undefined || when === undefined) return undefined;
  return { from, to, when, place: r.place, fields: r.fields };
}

function buildTermination(ctx: BuildContext, map: YAMLMap): Termination {
  const r = new MapReader(ctx, map);
  return assignDefined<Termination>({ place: r.place, fields: r.fields }, {
    when: r.trigger('when'), decidedBy: r.str('decidedBy'), followUp: r.duration('followUp'), description: r.str('description'),
  });
}

function buildResource(ctx: BuildContext, map: YAMLMap): Resource | undefined {
  const r = new MapReader(ctx, map);
  const id = r.str('id');
  if (id === undefined) return undefined;
  return assignDefined<Resource>({ id, name: r.str('name') ?? id, place: r.place, fields: r.fields }, {
    quantity: r.num('quantity'), unit: r.str('unit'), location: r.str('location'), keeper: r.str('keeper'),
  });
}

function buildReport(ctx: BuildContext, map: YAMLMap): Report | undefined {
  const r = new MapReader(ctx, map);
  const to = r.str('to');
  if (to === undefined) return undefined;
  const { levels, levelsText } = levelsOf(r);
  return assignDefined<Report>({ to, levels, place: r.place, fields: r.fields }, {
    within: r.duration('within'), by: r.str('by'), levelsText, contact: r.str('contact'), content: r.str('content'),
    kind: r.str('kind') as Report['kind'], when: r.trigger('when'), obligation: r.str('obligation') as Report['obligation'],
  });
}

function buildSection(ctx: BuildContext, map: YAMLMap): Section | undefined {
  const r = new MapReader(ctx, map);
  // An empty title is the untitled preamble (prose before the first heading in Markdown); only a missing one is dropped.
  const title = r.str('title') ?? (r.has('title') ? '' : undefined);
  if (title === undefined) return undefined;
  const key = r.str('key') as SectionKey | undefined;
  const depth = r.num('depth');
  return {
    key: key && SECTION_KEYS.has(key) ? key : sectionKey(title),
    title,
    depth: depth !== undefined && Number.isInteger(depth) && depth >= 1 && depth <= 6 ? depth : 2,
    text: r.str('text') ?? '',
    place: r.place,
    fields: r.fields,
  };
}
