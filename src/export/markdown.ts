import type {
  Duration, Escalation, Fact, Level, Located, Plan, Report, Resource, ResourceUse, Role, Section, SectionKey, Standby, Step,
  Termination, Trigger, WarningLevel,
} from '../model/index.js';
import { cellText, codeSpan as code, escapeInline } from '../markdown.js';
import type { TableKind } from '../parse/columns.js';
import { isNone } from '../parse/fields.js';
import { sectionKey } from '../parse/sections.js';
import { levelConditions, planToForm, type FormValue } from './form.js';
import { yamlOfMap } from './yaml.js';
import type { Lang } from '../i18n/index.js';

export type { TableKind };

/** A row of the grading-criteria table: one criterion of one level. */
interface CriterionRow extends Located { level: string; criterion: Trigger }

/** Export language: Chinese unless the plan says `language: en`. */
const langOf = (plan: Plan): Lang => (/^en\b/i.test(plan.meta.language ?? '') ? 'en' : 'zh');

/**
 * Section keys whose tables are read as each kind (mirrors the Markdown reader, SPEC.md), best owner first: a plan
 * with both 应急物资 (resources) and 应急保障 (assurance) gets its resources table under 应急物资.
 */
const OWNERS: Record<TableKind, SectionKey[]> = {
  facts: ['facts'], roles: ['organization'], warnings: ['warning'], levels: ['levels'],
  steps: ['procedure', 'activation', 'response'], escalations: ['escalation'],
  resources: ['resources', 'supplies', 'assurance'], reports: ['reports', 'information'],
  criteria: ['criteria'], standby: ['standby'], constraints: ['constraints'],
};
const KIND_OF_KEY = new Map<SectionKey, TableKind>(
  (Object.entries(OWNERS) as [TableKind, SectionKey[]][]).flatMap(([kind, keys]) => keys.map((k) => [k, kind] as [SectionKey, TableKind])));

/** Headings of generated sections (each maps back to its key through `sectionKey`). */
const GENERATED: Record<TableKind | 'termination', { key: SectionKey; zh: string; en: string }> = {
  facts: { key: 'facts', zh: '事故信息要素', en: 'Incident facts' },
  roles: { key: 'organization', zh: '应急组织机构及职责', en: 'Roles and responsibilities' },
  warnings: { key: 'warning', zh: '预警', en: 'Warnings' },
  levels: { key: 'levels', zh: '响应分级', en: 'Response levels' },
  escalations: { key: 'escalation', zh: '响应升级与降级', en: 'Escalation' },
  steps: { key: 'procedure', zh: '响应程序', en: 'Response procedure' },
  reports: { key: 'reports', zh: '信息报告', en: 'Reports' },
  termination: { key: 'termination', zh: '响应终止', en: 'Termination' },
  resources: { key: 'resources', zh: '应急物资', en: 'Resources' },
  criteria: { key: 'criteria', zh: '分级标准', en: 'Grading criteria' },
  standby: { key: 'standby', zh: '启动准备', en: 'Standby' },
  constraints: { key: 'constraints', zh: '要素约束', en: 'Fact constraints' },
};
const KINDS: TableKind[] = ['facts', 'constraints', 'roles', 'warnings', 'standby', 'levels', 'criteria', 'escalations', 'steps', 'reports', 'resources'];

/** Usual order of plan elements (GB/T 29639-2020), used to place generated sections among the written ones. */
const ORDER: SectionKey[] = [
  'general', 'scope', 'principles', 'system', 'risk', 'facts', 'constraints', 'organization', 'warning', 'standby', 'response',
  'levels', 'criteria', 'activation', 'information', 'reports', 'procedure', 'escalation', 'support', 'termination', 'aftermath', 'assurance',
  'resources', 'supplies', 'teams', 'communication', 'contacts', 'notes', 'appendix', 'other',
];
const orderOf = (key: SectionKey) => { const i = ORDER.indexOf(key); return i < 0 ? ORDER.length : i; };

// ---------------------------------------------------------------------------------------------------------------
// Layout: which section each table goes under.

/** A section as the Markdown export writes it, with the tables placed under it. */
export interface MarkdownSection {
  section: Section;
  /** True when the plan had no section for these tables and the export made one up. */
  generated: boolean;
  tables: { kind: TableKind; rows: Located[]; first: number }[];
  /** The termination `键：值` list goes here (the first termination section). */
  termination: boolean;
}

type Rows = Record<TableKind, Located[]>;
const rowsOf = (plan: Plan): Rows => ({
  facts: plan.facts, roles: plan.roles, warnings: plan.warnings, levels: plan.levels, steps: plan.steps,
  escalations: plan.escalations, resources: plan.resources, reports: plan.reports, standby: plan.standby,
  constraints: plan.constraints, criteria: criteriaRows(plan),
});

/** Criteria written as their own table: every criterion of a level that has several, or one with its wording. */
function criteriaRows(plan: Plan): CriterionRow[] {
  return plan.levels.flatMap((l) => (levelConditions(l).criteria ? l.criteria.map((c) => ({ level: l.id, criterion: c, place: c.place })) : []));
}

const within = (node: Located, s: Section) => {
  const at = node.place?.start.offset;
  return at !== undefined && s.place !== undefined && at >= s.place.start.offset && at <= s.place.end.offset;
};

/**
 * The sections the Markdown export writes, in order: the plan's own, plus a generated one (heading by language) for
 * every non-empty table kind with no owning section and for a termination with no termination section. For a plan
 * read from Markdown, tables go back under the sections they were read from (by place); otherwise under the first
 * section of the best owning key.
 */
export function markdownLayout(plan: Plan): MarkdownSection[] {
  const lang = langOf(plan);
  const out: MarkdownSection[] = plan.sections.map((section) => ({ section, generated: false, tables: [], termination: false }));
  const rows = rowsOf(plan);

  const generate = (what: TableKind | 'termination'): MarkdownSection => {
    const g = GENERATED[what];
    const entry: MarkdownSection = { section: { key: g.key, title: g[lang], depth: 2, text: '' }, generated: true, tables: [], termination: false };
    const rank = orderOf(g.key);
    let at = 0;
    out.forEach((s, i) => { if (orderOf(s.section.key) <= rank) at = i + 1; });
    out.splice(at, 0, entry);
    return entry;
  };
  const ownerOf = (kind: TableKind): MarkdownSection => {
    for (const key of OWNERS[kind]) {
      const found = out.find((s) => s.section.key === key);
      if (found) return found;
    }
    return generate(kind);
  };

  for (const kind of KINDS) {
    const list = rows[kind];
    if (!list.length) continue;
    // Back under the sections they were read from, when every row can be placed (Markdown sources only) — also a
    // section whose heading is not a standard one (`## 7.5 应急装备`), where the table was recognised by its columns.
    const homes = plan.format === 'markdown'
      ? list.map((r) => out.find((s) => !s.generated && within(r, s.section)
        && (KIND_OF_KEY.get(s.section.key) === kind || !KIND_OF_KEY.has(s.section.key))))
      : [];
    if (homes.length && homes.every((h) => h !== undefined)) {
      list.forEach((r, i) => {
        const home = homes[i]!;
        const table = home.tables.find((t) => t.kind === kind);
        if (table) table.rows.push(r);
        else home.tables.push({ kind, rows: [r], first: r.place?.start.offset ?? 0 });
      });
    } else {
      ownerOf(kind).tables.push({ kind, rows: [...list], first: Number.MAX_SAFE_INTEGER });
    }
  }
  for (const s of out) s.tables.sort((a, b) => a.first - b.first || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));

  if (plan.termination || out.some((s) => s.section.key === 'termination')) {
    const home = out.find((s) => s.section.key === 'termination') ?? generate('termination');
    home.termination = true;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells.

const SEP: Record<Lang, string> = { zh: '、', en: ', ' };
const NONE_CELL = '—';

type Cell = (node: never, lang: Lang) => string | undefined;
interface Column { field: string; zh: string; en: string; required?: boolean; cell: Cell; /** Written for an empty list cell. */ none?: string }

const txt = (v: string | undefined) => (v === undefined || v === '' ? undefined : escapeInline(cellText(v), true));
const num = (v: number | undefined) => (v === undefined ? undefined : String(v));
const list = (v: string[] | undefined, lang: Lang) => (v === undefined || v.length === 0 ? undefined : v.map((x) => escapeInline(cellText(x), true)).join(SEP[lang]));
const trig = (t: Trigger | undefined) => (t === undefined ? undefined : code(t.text, true));
const dur = (d: Duration | undefined) => (d === undefined ? undefined : escapeInline(cellText(d.text), true));
const levels = (n: Step | Report, lang: Lang) => (n.levelsText !== undefined ? txt(n.levelsText) : list(n.levels, lang));
const uses = (u: ResourceUse[], lang: Lang) =>
  (u.length === 0 ? undefined : u.map((x) => escapeInline(cellText(x.quantity === undefined ? x.resource : `${x.resource}×${x.quantity}`), true)).join(SEP[lang]));

/** Columns of each table kind: header in Chinese and English (both read by `columnField`) and how a cell is written. */
const COLUMNS: Record<TableKind, Column[]> = {
  facts: [
    { field: 'id', zh: '标识', en: 'id', required: true, cell: (f: Fact) => txt(f.id) },
    { field: 'label', zh: '名称', en: 'name', cell: (f: Fact) => txt(f.label) },
    { field: 'type', zh: '类型', en: 'type', required: true, cell: (f: Fact) => txt(f.type) },
    { field: 'unit', zh: '单位', en: 'unit', cell: (f: Fact) => txt(f.unit) },
    { field: 'values', zh: '取值', en: 'values', cell: (f: Fact, l) => list(f.values, l), none: NONE_CELL },
    { field: 'min', zh: '最小值', en: 'min', cell: (f: Fact) => num(f.min) },
    { field: 'max', zh: '最大值', en: 'max', cell: (f: Fact) => num(f.max) },
    { field: 'decidedBy', zh: '判定', en: 'decided by', cell: (f: Fact) => txt(f.decidedBy) },
  ],
  roles: [
    { field: 'id', zh: '标识', en: 'id', required: true, cell: (r: Role) => txt(r.id) },
    { field: 'name', zh: '角色', en: 'role', required: true, cell: (r: Role) => txt(r.name) },
    { field: 'holder', zh: '担任', en: 'holder', cell: (r: Role) => txt(r.holder) },
    { field: 'deputies', zh: '副职', en: 'deputies', cell: (r: Role, l) => list(r.deputies, l), none: NONE_CELL },
    { field: 'contact', zh: '联系方式', en: 'contact', cell: (r: Role) => txt(r.contact) },
    { field: 'duties', zh: '职责', en: 'duties', cell: (r: Role) => (r.duties.length ? r.duties.map((x) => escapeInline(cellText(x), true)).join('；') : undefined), none: NONE_CELL },
    { field: 'memberOf', zh: '隶属', en: 'member of', cell: (r: Role) => txt(r.memberOf) },
    { field: 'kind', zh: '类型', en: 'kind', cell: (r: Role) => txt(r.kind) },
  ],
  warnings: [
    { field: 'id', zh: '预警级别', en: 'id', required: true, cell: (w: WarningLevel) => txt(w.id) },
    { field: 'colour', zh: '颜色', en: 'colour', required: true, cell: (w: WarningLevel) => txt(w.colour) },
    { field: 'trigger', zh: '发布条件', en: 'trigger', cell: (w: WarningLevel) => trig(w.trigger) },
    { field: 'lead', zh: '提前量', en: 'lead', cell: (w: WarningLevel) => dur(w.lead) },
    { field: 'actions', zh: '措施', en: 'actions', cell: (w: WarningLevel) => txt(w.actions) },
    { field: 'issuer', zh: '发布单位', en: 'issuer', cell: (w: WarningLevel) => txt(w.issuer) },
    { field: 'callback', zh: '叫应时限', en: 'callback', cell: (w: WarningLevel) => dur(w.callback) },
  ],
  levels: [
    { field: 'id', zh: '级别', en: 'level', required: true, cell: (l: Level) => txt(l.id) },
    { field: 'name', zh: '名称', en: 'name', cell: (l: Level) => txt(l.name) },
    { field: 'colour', zh: '颜色', en: 'colour', cell: (l: Level) => txt(l.colour) },
    { field: 'trigger', zh: '启动条件', en: 'trigger', cell: (l: Level) => { const t = levelConditions(l).trigger; return t === undefined ? undefined : code(t, true); } },
    { field: 'manual', zh: '启动方式', en: 'mode', cell: (l: Level, lang) => (l.manual ? (lang === 'zh' ? '决定启动' : 'manual') : undefined) },
    { field: 'decidedBy', zh: '决策', en: 'decided by', cell: (l: Level, lang) => alternatives(l.decidedBy, l.deciderAlternatives, lang) },
    { field: 'activation', zh: '时限', en: 'activation', cell: (l: Level) => dur(l.activation) },
    { field: 'parentLevel', zh: '对应上级级别', en: 'parent level', cell: (l: Level) => txt(l.parentLevel) },
    { field: 'description', zh: '说明', en: 'description', cell: (l: Level) => txt(l.description) },
  ],
  steps: [
    { field: 'id', zh: '标识', en: 'id', required: true, cell: (s: Step) => txt(s.id) },
    { field: 'action', zh: '措施', en: 'action', required: true, cell: (s: Step) => txt(s.action) },
    { field: 'role', zh: '负责', en: 'role', cell: (s: Step, lang) => alternatives(s.role, s.alternatives, lang) },
    { field: 'support', zh: '配合', en: 'support', cell: (s: Step, l) => list(s.support, l) },
    { field: 'obligation', zh: '要求', en: 'obligation', cell: (s: Step) => txt(s.obligation) },
    { field: 'deadline', zh: '时限', en: 'deadline', cell: (s: Step) => dur(s.deadline) },
    { field: 'after', zh: '前置', en: 'after', cell: (s: Step, l) => list(s.after, l), none: NONE_CELL },
    { field: 'afterAny', zh: '任一前置', en: 'after any', cell: (s: Step, l) => list(s.afterAny, l) },
    { field: 'levels', zh: '级别', en: 'levels', cell: (s: Step, l) => levels(s, l), none: NONE_CELL },
    { field: 'resources', zh: '资源', en: 'resources', cell: (s: Step, l) => uses(s.resources, l), none: NONE_CELL },
    { field: 'notify', zh: '通知', en: 'notify', cell: (s: Step, l) => list(s.notify, l), none: NONE_CELL },
    { field: 'condition', zh: '条件', en: 'condition', cell: (s: Step) => trig(s.condition) },
  ],
  escalations: [
    { field: 'from', zh: '从', en: 'from', required: true, cell: (e: Escalation) => txt(e.from) },
    { field: 'to', zh: '到', en: 'to', required: true, cell: (e: Escalation) => txt(e.to) },
    { field: 'when', zh: '条件', en: 'when', required: true, cell: (e: Escalation) => trig(e.when) },
  ],
  resources: [
    { field: 'id', zh: '标识', en: 'id', required: true, cell: (r: Resource) => txt(r.id) },
    { field: 'name', zh: '名称', en: 'name', required: true, cell: (r: Resource) => txt(r.name) },
    { field: 'quantity', zh: '数量', en: 'quantity', cell: (r: Resource) => num(r.quantity) },
    { field: 'unit', zh: '单位', en: 'unit', cell: (r: Resource) => txt(r.unit) },
    { field: 'location', zh: '存放地点', en: 'location', cell: (r: Resource) => txt(r.location) },
    { field: 'keeper', zh: '保管', en: 'keeper', cell: (r: Resource) => txt(r.keeper) },
  ],
  reports: [
    { field: 'to', zh: '对象', en: 'to', required: true, cell: (r: Report) => txt(r.to) },
    { field: 'kind', zh: '报告类型', en: 'kind', cell: (r: Report) => txt(r.kind) },
    { field: 'when', zh: '适用条件', en: 'condition', cell: (r: Report) => trig(r.when) },
    { field: 'within', zh: '时限', en: 'within', cell: (r: Report) => dur(r.within) },
    { field: 'by', zh: '负责', en: 'by', cell: (r: Report) => txt(r.by) },
    { field: 'levels', zh: '级别', en: 'levels', cell: (r: Report, l) => levels(r, l), none: NONE_CELL },
    { field: 'contact', zh: '联系方式', en: 'contact', cell: (r: Report) => txt(r.contact) },
    { field: 'content', zh: '内容', en: 'content', cell: (r: Report) => txt(r.content) },
    { field: 'obligation', zh: '要求', en: 'obligation', cell: (r: Report) => txt(r.obligation) },
  ],
  criteria: [
    { field: 'level', zh: '级别', en: 'level', required: true, cell: (c: CriterionRow) => txt(c.level) },
    { field: 'when', zh: '条件', en: 'condition', required: true, cell: (c: CriterionRow) => trig(c.criterion) },
    { field: 'note', zh: '原文', en: 'wording', cell: (c: CriterionRow) => txt(c.criterion.note) },
  ],
  standby: [
    { field: 'id', zh: '标识', en: 'id', required: true, cell: (s: Standby) => txt(s.id) },
    { field: 'name', zh: '名称', en: 'name', cell: (s: Standby) => txt(s.name) },
    { field: 'trigger', zh: '条件', en: 'condition', cell: (s: Standby) => trig(s.trigger) },
    { field: 'decidedBy', zh: '决策', en: 'decided by', cell: (s: Standby) => txt(s.decidedBy) },
    { field: 'actions', zh: '措施', en: 'actions', cell: (s: Standby) => txt(s.actions) },
  ],
  constraints: [
    { field: 'when', zh: '约束', en: 'constraint', required: true, cell: (t: Trigger) => trig(t) },
    { field: 'note', zh: '说明', en: 'note', cell: (t: Trigger) => txt(t.note) },
  ],
};

/** A role cell: the lead, then the roles that may act instead (`a 或 b` / `a or b`). */
function alternatives(lead: string | undefined, others: string[], lang: Lang): string | undefined {
  if (lead === undefined) return undefined;
  return [lead, ...others].map((x) => escapeInline(cellText(x), true)).join(lang === 'zh' ? ' 或 ' : ' or ');
}

/** A GFM table of one kind; optional columns appear only when some row has a value. */
function table(kind: TableKind, rows: Located[], lang: Lang): string {
  const cells = rows.map((row) => COLUMNS[kind].map((c) => (c.cell as (n: Located, l: Lang) => string | undefined)(row, lang)));
  const used = COLUMNS[kind].map((c, i) => c.required || cells.some((r) => r[i] !== undefined));
  const cols = COLUMNS[kind].filter((_, i) => used[i]);
  const line = (vals: string[]) => `| ${vals.join(' | ')} |`;
  return [
    line(cols.map((c) => c[lang])),
    `|${cols.map(() => '---').join('|')}|`,
    ...cells.map((r) => line(cols.map((c) => { const v = r[COLUMNS[kind].indexOf(c)]; return v === undefined || v === '' ? c.none ?? '' : v; }))),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Document.

const TERMINATION_KEYS: Record<Lang, { when: string; decidedBy: string; followUp: string; colon: string }> = {
  zh: { when: '条件', decidedBy: '宣布', followUp: '后续报告', colon: '：' },
  en: { when: 'condition', decidedBy: 'declared by', followUp: 'follow-up', colon: ': ' },
};

function terminationList(t: Termination | undefined, lang: Lang): string | undefined {
  if (!t) return undefined;
  const k = TERMINATION_KEYS[lang];
  const items: string[] = [];
  if (t.when) items.push(`- ${k.when}${k.colon}${code(t.when.text, false)}`);
  if (t.decidedBy) items.push(`- ${k.decidedBy}${k.colon}${escapeInline(cellText(t.decidedBy), false)}`);
  if (t.followUp) items.push(`- ${k.followUp}${k.colon}${escapeInline(cellText(t.followUp.text), false)}`);
  return items.length ? items.join('\n') : undefined;
}

/** The prose a termination section carries: the section's own text, else the termination's description. */
function terminationProse(section: Section, t: Termination | undefined): string {
  return section.text || t?.description?.trim() || '';
}

function heading(s: Section): string {
  const depth = Math.min(6, Math.max(1, s.depth));
  // A trailing run of `#` would be read as a closing sequence.
  return `${'#'.repeat(depth)} ${escapeInline(cellText(s.title), false).replace(/#+$/, (m) => `\\${m}`)}`;
}

/** The front matter: the YAML form's `plan:` keys. */
function frontMatter(plan: Plan): string {
  const meta = planToForm(plan).plan as Record<string, FormValue>;
  return `---\n${yamlOfMap(meta)}---`;
}

/**
 * The Markdown form of a plan (SPEC.md): front matter, `# title`, every section in order with its prose and the
 * tables it owns, triggers in inline code, list cells joined with `、` (zh) or `, ` (en).
 */
export function exportMarkdown(plan: Plan): string {
  const lang = langOf(plan);
  const blocks: string[] = [frontMatter(plan)];
  // Always an h1, even an empty one: the reader takes the first `#` heading as the title, never as a section.
  blocks.push(`# ${escapeInline(cellText(plan.meta.title), false)}`.trimEnd());
  for (const entry of markdownLayout(plan)) {
    const { section } = entry;
    if (!(section.depth === 1 && section.title === '')) blocks.push(heading(section)); // untitled preamble prose
    const text = entry.termination ? terminationProse(section, plan.termination) : section.text;
    const list = entry.termination ? terminationList(plan.termination, lang) : undefined;
    if (list) blocks.push(list);
    const tables = entry.tables.map((t) => table(t.kind, t.rows, lang));
    // Prose that was written after the tables stays after them.
    const proseFirst = entry.tables.length === 0 || section.fields?.text === undefined
      || section.fields.text.start.offset <= entry.tables[0].first;
    if (proseFirst && text) blocks.push(text);
    blocks.push(...tables);
    if (!proseFirst && text) blocks.push(text);
  }
  return `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// What the Markdown form keeps.

/**
 * The plan as reading its Markdown export gives it back (without places). The Markdown form cannot say everything
 * the YAML form can; this is exactly what changes:
 * - sections: generated sections appear (see `markdownLayout`); every key is `sectionKey(title)`;
 * - termination: exists whenever a termination section does; its description and that section's text are the same
 *   prose (the section's text, else the description);
 * - step/report levels given as a list (no `levelsText`) come back as the spec `II、I` (resolving to the same ids);
 *   a spec that means "none" (`—`) is dropped;
 * - an empty enum `values` list comes back absent.
 * Used by round-trip tests to state the expected result precisely.
 */
export function markdownView(plan: Plan): Plan {
  const lang = langOf(plan);
  const layout = markdownLayout(plan);
  const sections: Section[] = layout.map(({ section, termination }) => {
    const s: Section = { ...section, key: sectionKey(section.title) };
    if (termination) s.text = terminationProse(section, plan.termination);
    return s;
  });
  const view: Plan = { ...plan, sections };
  const termSection = layout.find((l) => l.termination);
  if (termSection) {
    const prose = terminationProse(termSection.section, plan.termination);
    const t: Termination = { ...plan.termination };
    delete t.description;
    if (prose) t.description = prose;
    view.termination = t;
  }
  const levels = <T extends Step | Report>(n: T): T => {
    if (n.levelsText !== undefined) return isNone(n.levelsText) ? { ...n, levelsText: undefined } : n;
    return n.levels.length ? { ...n, levelsText: n.levels.join(SEP[lang]) } : n;
  };
  view.steps = plan.steps.map(levels);
  view.reports = plan.reports.map(levels);
  view.facts = plan.facts.map((f) => (f.values && f.values.length === 0 ? { ...f, values: undefined } : f));
  return view;
}
