/**
 * The reviewer packet (评审材料): one HTML document per PDF, printed by Chromium on A4.
 *
 * Layout, per plan: a portrait cover (metadata, counts, lint summary, a sign-off table for the committee); one page
 * per diagram (overview flowchart, one flowchart per response level, the response state diagram), each in the
 * orientation that draws it larger and scaled down to fit when needed (never split across pages); then portrait
 * tables of roles, levels, steps, resources and reports; and the lint findings for the plan.
 *
 * Every piece of plan text goes through `escapeHtml`; diagrams are inline SVG from mermaid (strict security level),
 * with any script element or event attribute stripped again here, and the print page runs with JavaScript disabled.
 */
import { localize, type Diagnostic } from '../diagnostics.js';
import type { Colour, Duration, Plan, PlanKind, Trigger } from '../model/index.js';
import { levelTitle, readableTrigger } from './mermaid-text.js';
import type { Renderer } from './browser.js';
import type { JobError } from './batch.js';
import { baseCss, DIAGRAM_CSS, diagramSections, escapeHtml as esc, type Box, type PdfLang } from './pdf.js';

/** A diagram of the packet: Mermaid text plus where it goes. */
export interface PacketDiagram {
  /** File-safe key (`overview`, `level-II`, `states`). */
  key: string;
  /** flowchart (with `level` for a per-level one), state or gantt. */
  kind?: 'flowchart' | 'state' | 'gantt';
  level?: string;
  title: string;
  /** One line under the title (level trigger, decider, deadline). */
  subtitle?: string;
  text: string;
}

/** One plan of a packet: the model, its lint findings, its diagrams. */
export interface PacketPlan { plan: Plan; diagnostics: Diagnostic[]; diagrams: PacketDiagram[] }

/** A packet diagram after rendering: its SVG, or the error that replaced it. */
export interface RenderedDiagram extends PacketDiagram { svg?: string; error?: string; textBoxes?: Box[] }

export interface PacketOptions {
  lang: PdfLang;
  /** Date printed on the cover (default: today, ISO). */
  date?: string;
  /** Title of a combined packet (several plans). */
  title?: string;
}

const WORDS = {
  zh: {
    packet: '应急预案评审材料', reviewPacket: '评审材料', planTitle: '预案名称', kind: '预案类型', id: '预案编号', version: '版本', owner: '编制部门',
    issued: '发布日期', reviewed: '最近评审', organization: '单位', hazard: '危险因素', parent: '上级预案', filedWith: '备案机关',
    file: '源文件', generated: '生成日期', counts: '概况', countsText: (r: number, l: number, s: number, res: number, rep: number) => `角色 ${r} 个，响应级别 ${l} 级，处置步骤 ${s} 项，物资 ${res} 项，信息报告 ${rep} 项`,
    lint: '检查结果', lintText: (e: number, w: number, i: number) => `错误 ${e} 条，警告 ${w} 条，提示 ${i} 条`,
    signoff: '评审意见', reviewer: '评审人', opinion: '意见', signDate: '日期',
    roles: '应急组织机构及职责', levels: '响应分级', steps: '响应程序', resources: '应急物资与装备', reports: '信息报告', findings: '检查发现的问题',
    rid: '标识', rname: '角色', holder: '担任', deputies: '副职', contact: '联系方式', duties: '职责',
    level: '级别', colour: '颜色', trigger: '启动条件', decider: '决策', activation: '启动时限', parentLevel: '对应上级级别',
    sid: '标识', action: '措施', role: '负责', deadline: '时限', after: '前置', appliesTo: '适用级别', all: '全部',
    resName: '名称', quantity: '数量', unit: '单位', location: '存放地点', keeper: '保管',
    to: '报告对象', within: '时限', by: '负责', content: '内容',
    severity: '严重性', rule: '规则', place: '位置', message: '说明', noFindings: '未发现问题。', none: '（无）',
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
    kinds: { general: '综合应急预案', special: '专项应急预案', onsite: '现场处置方案' } as Record<PlanKind, string>,
    colours: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' } as Record<Colour, string>,
    diagramFailed: '此图无法绘制：', mapNote: '各级别的详细流程见后续页面', contents: '目录', planCount: (n: number) => `共 ${n} 项预案`,
  },
  en: {
    packet: 'Emergency plan review packet', reviewPacket: 'Review packet', planTitle: 'Title', kind: 'Kind', id: 'Plan id', version: 'Version', owner: 'Owner',
    issued: 'Issued', reviewed: 'Last review', organization: 'Organization', hazard: 'Hazard', parent: 'Parent plan', filedWith: 'Filed with',
    file: 'Source file', generated: 'Generated', counts: 'Summary', countsText: (r: number, l: number, s: number, res: number, rep: number) => `${r} roles, ${l} response levels, ${s} steps, ${res} resources, ${rep} reporting duties`,
    lint: 'Lint', lintText: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} notes`,
    signoff: 'Review sign-off', reviewer: 'Reviewer', opinion: 'Opinion', signDate: 'Date',
    roles: 'Roles and duties', levels: 'Response levels', steps: 'Response steps', resources: 'Resources', reports: 'Reporting duties', findings: 'Lint findings',
    rid: 'Id', rname: 'Role', holder: 'Holder', deputies: 'Deputies', contact: 'Contact', duties: 'Duties',
    level: 'Level', colour: 'Colour', trigger: 'Trigger', decider: 'Decided by', activation: 'Activation', parentLevel: 'Parent level',
    sid: 'Id', action: 'Action', role: 'Role', deadline: 'Deadline', after: 'After', appliesTo: 'Levels', all: 'all',
    resName: 'Name', quantity: 'Qty', unit: 'Unit', location: 'Location', keeper: 'Keeper',
    to: 'To', within: 'Within', by: 'By', content: 'Content',
    severity: 'Severity', rule: 'Rule', place: 'Line:col', message: 'Message', noFindings: 'No problems found.', none: '(none)',
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    kinds: { general: 'General plan', special: 'Special plan', onsite: 'On-site procedure' } as Record<PlanKind, string>,
    colours: { red: 'red', orange: 'orange', yellow: 'yellow', blue: 'blue' } as Record<Colour, string>,
    diagramFailed: 'This diagram could not be drawn: ', mapNote: 'each level in detail on the following pages', contents: 'Contents', planCount: (n: number) => `${n} plans`,
  },
} as const;

/** Swatch colours of warning/response levels (printed; match the diagrams' palette). */
const SWATCH: Record<Colour, string> = { red: '#d32f2f', orange: '#f57c00', yellow: '#fbc02d', blue: '#1976d2' };
const RANK_COLOURS: Colour[] = ['red', 'orange', 'yellow', 'blue'];

/** Removes script elements and event-handler attributes from an SVG (mermaid's strict mode already does; this is a second lock). */
export function scrubSvg(svg: string): string {
  return svg
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/?>/gi, '')
    // Only inside tags: text like "on=" in a label is left alone.
    .replace(/<[^>]*>/g, (tag) => tag
      .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/(href\s*=\s*["'])\s*javascript:[^"']*/gi, '$1#'));
}

const dur = (d: Duration | undefined) => d?.text ?? '';

/** A trigger for reviewers: the readable form (fact names, ≥, 且/或) with the condition as written under it. */
function triggerCell(trigger: Trigger | undefined, plan: Plan, lang: PdfLang): string {
  if (!trigger) return '';
  const readable = readableTrigger(trigger, plan, lang);
  const code = `<code class="trigger">${esc(trigger.text)}</code>`;
  return readable && readable !== trigger.text.trim() ? `${esc(readable)}${code}` : code;
}

/** Builds the packet's HTML: one document, page breaks and orientation by CSS named pages. */
export function packetHtml(entries: { plan: Plan; diagnostics: Diagnostic[]; diagrams: RenderedDiagram[] }[], opts: PacketOptions): string {
  const w = WORDS[opts.lang];
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const docTitle = entries.length === 1
    ? `${entries[0].plan.meta.title}${entries[0].plan.meta.version ? ` v${entries[0].plan.meta.version}` : ''} — ${w.reviewPacket}`
    : opts.title ?? w.packet;
  const parts: string[] = [];
  if (entries.length > 1) parts.push(contentsPage(entries.map((e) => e.plan), docTitle, date, opts.lang));
  for (const e of entries) parts.push(planSections(e, date, opts.lang));
  return `<!doctype html><html lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`
    + `<title>${esc(docTitle)}</title><style>${baseCss()}${DIAGRAM_CSS}${PACKET_CSS}</style></head><body>${parts.join('\n')}</body></html>`;
}

const PACKET_CSS = `
.cover h1 { font-size: 22pt; margin-top: 30mm; line-height: 1.3; }
.cover .sub { font-size: 13pt; color: #333; margin-bottom: 12mm; }
.meta { font-size: 10.5pt; table-layout: auto; }
.meta th { width: 32mm; background: #f0f1f6; }
.signoff td { height: 12mm; }
.swatch { display: inline-block; width: 4mm; height: 4mm; border: 0.2mm solid #333; vertical-align: -0.6mm; margin-right: 1.5mm; }
.error-box { border: 0.4mm solid #b71c1c; background: #fdecea; padding: 3mm; font-size: 9pt; white-space: pre-wrap; overflow-wrap: anywhere; }
.sev-error { color: #b71c1c; font-weight: 700; }
.sev-warning { color: #a05a00; font-weight: 700; }
.trigger { display: block; font-size: 7.5pt; color: #555; margin-top: 0.8mm; }
.toc td { font-size: 10pt; }
`;

function contentsPage(plans: Plan[], title: string, date: string, lang: PdfLang): string {
  const w = WORDS[lang];
  const rows = plans.map((p, i) => [String(i + 1), p.meta.title, p.meta.id, w.kinds[p.meta.kind] ?? p.meta.kind, p.meta.version ?? '', p.meta.owner ?? '']);
  return `<section class="page cover"><h1>${esc(title)}</h1><div class="sub">${esc(w.planCount(plans.length))} · ${esc(w.generated)} ${esc(date)}</div>`
    + `<h2>${esc(w.contents)}</h2>${table(['#', w.planTitle, w.id, w.kind, w.version, w.owner], rows, 'toc')}</section>`;
}

function planSections(e: { plan: Plan; diagnostics: Diagnostic[]; diagrams: RenderedDiagram[] }, date: string, lang: PdfLang): string {
  const { plan } = e;
  const w = WORDS[lang];
  const m = plan.meta;
  const roleName = (id: string | undefined) => {
    if (!id) return '';
    const r = plan.roles.find((x) => x.id === id);
    return r ? r.name : id;
  };
  const count = (s: string) => e.diagnostics.filter((d) => d.severity === s).length;

  // Cover.
  const metaRows: [string, string | undefined][] = [
    [w.kind, w.kinds[m.kind] ?? m.kind], [w.id, m.id], [w.version, m.version], [w.owner, m.owner], [w.organization, m.organization],
    [w.issued, m.issued], [w.reviewed, m.reviewed], [w.hazard, m.hazard], [w.parent, m.parent], [w.filedWith, m.filedWith],
    [w.file, plan.file], [w.generated, date],
    [w.counts, w.countsText(plan.roles.length, plan.levels.length, plan.steps.length, plan.resources.length, plan.reports.length)],
    [w.lint, w.lintText(count('error'), count('warning'), count('info'))],
  ];
  const cover = `<section class="page cover"><h1>${esc(m.title)}</h1><div class="sub">${esc(w.reviewPacket)}</div>`
    + `<table class="meta"><tbody>${metaRows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`
    + `<h3>${esc(w.signoff)}</h3>${table([w.reviewer, w.opinion, w.signDate], [['', '', ''], ['', '', ''], ['', '', '']], 'signoff')}</section>`;

  // One page per diagram (plus tiles for a diagram too large to read on one page).
  const levelCharts = e.diagrams.some((d) => d.kind === 'flowchart' && d.level !== undefined && d.svg);
  const diagrams = e.diagrams.map((d) => {
    if (!d.svg) {
      return `<section class="page"><h2>${esc(d.title)}</h2>${d.subtitle ? `<div class="subtitle">${esc(d.subtitle)}</div>` : ''}`
        + `<div class="error-box">${esc(w.diagramFailed)}${esc(d.error ?? '')}</div></section>`;
    }
    // With per-level flowcharts to read the details in, the overview is a one-page map: it is not tiled.
    const map = d.kind === 'flowchart' && d.level === undefined && levelCharts;
    return diagramSections(d.svg, {
      title: d.title, subtitle: d.subtitle, lang, transform: scrubSvg, textBoxes: d.textBoxes,
      minScale: map ? 0 : undefined, note: map ? w.mapNote : undefined,
    });
  });

  // Tables.
  const swatch = (c: Colour | undefined) => (c ? `<span class="swatch" style="background:${SWATCH[c]}"></span>${esc(w.colours[c])}` : '');
  const roles = table([w.rid, w.rname, w.holder, w.deputies, w.contact, w.duties], plan.roles.map((r) => [
    r.id, r.name, r.holder ?? '', r.deputies.map((d) => roleNameOr(plan, d)).join(lang === 'zh' ? '、' : ', '), r.contact ?? '',
    r.duties.join(lang === 'zh' ? '；' : '; '),
  ]), 'roles');
  const levels = tableHtml([w.level, w.colour, w.trigger, w.decider, w.activation, w.parentLevel], plan.levels.map((l) => [
    esc(levelTitle(l, lang)),
    swatch(l.colour ?? RANK_COLOURS[l.rank - 1]),
    triggerCell(l.trigger, plan, lang),
    esc(roleName(l.decidedBy)), esc(dur(l.activation)), esc(l.parentLevel ?? ''),
  ]), 'levels');
  // Numbered as in the flowcharts ("3. 研判…"), so a reviewer can go from a node to its row.
  const steps = table(['#', w.sid, w.action, w.role, w.deadline, w.after, w.appliesTo], plan.steps.map((s, i) => [
    String(i + 1), s.id, s.action, roleName(s.role), dur(s.deadline), s.after.join(lang === 'zh' ? '、' : ', '),
    s.levelsText ?? (s.levels.length ? s.levels.join(lang === 'zh' ? '、' : ', ') : w.all),
  ]), 'steps');
  const resources = table([w.rid, w.resName, w.quantity, w.unit, w.location, w.keeper], plan.resources.map((r) => [
    r.id, r.name, r.quantity === undefined ? '' : String(r.quantity), r.unit ?? '', r.location ?? '', roleName(r.keeper),
  ]), 'resources');
  const reports = table([w.to, w.within, w.by, w.appliesTo, w.contact, w.content], plan.reports.map((r) => [
    r.to, dur(r.within), roleName(r.by), r.levelsText ?? (r.levels.length ? r.levels.join(lang === 'zh' ? '、' : ', ') : w.all),
    r.contact ?? '', r.content ?? '',
  ]), 'reports');
  const tables = `<section class="page"><h2>${esc(w.roles)}</h2>${plan.roles.length ? roles : none(w.none)}`
    + `<h2>${esc(w.levels)}</h2>${plan.levels.length ? levels : none(w.none)}</section>`
    + `<section class="page"><h2>${esc(w.steps)}</h2>${plan.steps.length ? steps : none(w.none)}`
    + `<h2>${esc(w.resources)}</h2>${plan.resources.length ? resources : none(w.none)}`
    + `<h2>${esc(w.reports)}</h2>${plan.reports.length ? reports : none(w.none)}</section>`;

  // Lint findings.
  const findings = e.diagnostics.length
    ? tableHtml([w.severity, w.rule, w.place, w.message], e.diagnostics.map((d) => [
      `<span class="sev-${esc(d.severity)}">${esc(w.sev[d.severity] ?? d.severity)}</span>`, `<code>${esc(d.ruleId)}</code>`,
      esc(d.place ? `${d.place.start.line}:${d.place.start.column}` : ''), esc(localize(d, lang)),
    ]), 'findings')
    : `<p>${esc(w.noFindings)}</p>`;
  return [cover, ...diagrams, tables, `<section class="page"><h2>${esc(w.findings)}</h2>${findings}</section>`].join('\n');
}

function roleNameOr(plan: Plan, id: string): string {
  return plan.roles.find((r) => r.id === id)?.name ?? id;
}

const none = (text: string) => `<p class="muted">${esc(text)}</p>`;

/**
 * Column widths (%) of each table. Fixed layout keeps every table inside the page however long a cell is (long
 * ids and triggers wrap instead of pushing the last columns off the paper).
 */
const WIDTHS: Record<string, number[]> = {
  toc: [5, 40, 15, 14, 8, 18],
  signoff: [25, 50, 25],
  roles: [14, 12, 13, 13, 14, 34],
  levels: [14, 9, 43, 14, 10, 10],
  steps: [4, 11, 37, 14, 12, 11, 11],
  resources: [14, 24, 8, 7, 27, 20],
  reports: [18, 9, 15, 10, 14, 34],
  findings: [8, 20, 8, 64],
};

/** A table of plain-text cells (escaped here). */
function table(head: readonly string[], rows: string[][], cls: string): string {
  return tableHtml(head, rows.map((r) => r.map(esc)), cls);
}

/** A table whose cells are already HTML. */
function tableHtml(head: readonly string[], rows: string[][], cls: string): string {
  const widths = WIDTHS[cls];
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table class="${cls}">${cols}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Renders the diagrams of every plan (errors become a note on the diagram's page) and returns the packet HTML. */
export async function buildPacket(plans: PacketPlan[], renderer: Renderer, opts: PacketOptions): Promise<{ html: string; errors: JobError[] }> {
  const errors: JobError[] = [];
  const entries = [];
  for (const p of plans) {
    const diagrams: RenderedDiagram[] = [];
    for (const d of p.diagrams) {
      const name = `${p.plan.meta.id}/${d.key}`;
      try {
        const r = await renderer.renderDiagram(d.text, name);
        diagrams.push({ ...d, svg: r.svg, textBoxes: r.textBoxes });
      } catch (err) {
        const diag = (err as { diagnostic?: Diagnostic }).diagnostic;
        const message = diag ? localize(diag, opts.lang) : (err as Error).message;
        errors.push({ name, message: diag?.message ?? message, messageZh: diag?.messageZh, diagnostic: diag });
        diagrams.push({ ...d, error: message });
      }
    }
    entries.push({ plan: p.plan, diagnostics: p.diagnostics, diagrams });
  }
  return { html: packetHtml(entries, opts), errors };
}

/** Renders a packet to PDF bytes (A4, footer "第 X 页 / 共 Y 页"). */
export async function renderPacket(plans: PacketPlan[], renderer: Renderer, opts: PacketOptions): Promise<{ pdf: Buffer; html: string; errors: JobError[] }> {
  const { html, errors } = await buildPacket(plans, renderer, opts);
  const pdf = await renderer.htmlToPdf(html, { footer: true, lang: opts.lang, outline: true });
  return { pdf, html, errors };
}
