import type { Heading, Root, RootContent } from 'mdast';
import type { Place } from '../model/place.js';
import type { Plan, PlanMeta, Section, Termination } from '../model/plan.js';
import { parseKind } from './fields.js';
import { at1, contentPlace, placeAt, placeOf, plainText, report, type Ctx } from './markdown-context.js';
import { kindFromTitle, readFrontMatter, type FrontMatter } from './markdown-frontmatter.js';
import { readTable } from './markdown-tables.js';
import { readTerminationList } from './markdown-termination.js';
import { sectionKey } from './sections.js';

/** A section being read: prose runs (offset pairs) between structured nodes, and where its content ends. */
interface Open {
  section: Section;
  runs: [number, number][];
  inRun: boolean;
  end: Place['end'];
  headingPlace: Place;
}

/**
 * Builds the raw Plan from a remark tree in one pass over the root's children (durations, triggers, level specs and
 * role references stay as written: `finishPlan` completes them).
 */
export function buildPlan(tree: Root, ctx: Ctx): Plan {
  const plan: Plan = {
    file: ctx.file, format: 'markdown', meta: { id: '', title: '', kind: 'special' },
    facts: [], roles: [], warnings: [], levels: [], standby: [], constraints: [], steps: [], escalations: [], resources: [], reports: [], sections: [],
    place: placeOf(tree),
  };
  let fm: FrontMatter | undefined;
  let h1: Heading | undefined;
  let open: Open | undefined;
  let termination: Termination | undefined;
  let terminationListed = false;

  const close = () => {
    if (!open) return;
    const { section, runs } = open;
    section.text = runs.map(([s, e]) => ctx.source.slice(s, e)).join('\n\n');
    section.place = { start: section.place!.start, end: open.end };
    if (section.key === 'termination' && termination && !terminationListed && termination.place === open.headingPlace) termination.place = section.place;
    if (runs.length) section.fields!.text = placeAt(ctx.source, section.place.start, runs[0][0], runs[runs.length - 1][1] - runs[0][0]);
    if (section.key === 'termination' && termination && termination.description === undefined && section.text) {
      termination.description = section.text;
      termination.fields!.description = section.fields!.text;
    }
    open = undefined;
  };

  tree.children.forEach((child: RootContent, index) => {
    if (child.type === 'yaml') {
      if (index === 0) fm = readFrontMatter(child, ctx);
      return;
    }
    if (child.type === 'heading') {
      close();
      if (child.depth === 1 && !h1) { h1 = child; return; }
      const title = plainText(child);
      const place = placeOf(child);
      const section: Section = { key: sectionKey(title), title, depth: child.depth, text: '', place, fields: { title: contentPlace(child) } };
      plan.sections.push(section);
      open = { section, runs: [], inRun: false, end: place.end, headingPlace: place };
      if (section.key === 'termination' && !termination) {
        termination = { place, fields: {} };
        plan.termination = termination;
      }
      return;
    }
    const place = placeOf(child);
    let structured = false;
    if (child.type === 'table') structured = readTable(child, open?.section.key, plan, ctx);
    else if (child.type === 'list' && open?.section.key === 'termination' && termination) {
      structured = readTerminationList(child, termination, ctx);
      if (structured && !terminationListed) { termination.place = place; terminationListed = true; }
    }
    if (!open && !structured) {
      // Prose between the title and the first section heading: kept as an untitled depth-1 section so nothing is
      // lost on export (the Markdown writer prints it without a heading).
      const section: Section = { key: 'other', title: '', depth: 1, text: '', place, fields: {} };
      plan.sections.push(section);
      open = { section, runs: [], inRun: false, end: place.end, headingPlace: place };
    }
    if (!open) return;
    open.end = place.end;
    if (structured) { open.inRun = false; return; }
    if (open.inRun) open.runs[open.runs.length - 1][1] = place.end.offset;
    else { open.runs.push([place.start.offset, place.end.offset]); open.inRun = true; }
  });
  close();
  plan.meta = buildMeta(fm, h1, ctx);
  return plan;
}

const SET_ABOVE = new Set(['id', 'title', 'kind']);

/** PlanMeta from front matter values (which win) and the first `#` heading; reports a missing or invalid kind/title. */
function buildMeta(fm: FrontMatter | undefined, h1: Heading | undefined, ctx: Ctx): PlanMeta {
  const all = fm?.values ?? {};
  // Scalar keys as text; `source` / `bounds` maps are copied as they are and read by the finish pass.
  const values = Object.fromEntries(Object.entries(all).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const fields: Record<string, Place> = { ...fm?.fields };
  let title = values.title;
  if (title === undefined && h1) { title = plainText(h1); fields.title = contentPlace(h1); }
  const where = fm?.place ?? (h1 ? placeOf(h1) : at1());
  const quiet = fm?.broken === true;
  if (!title && !quiet) {
    report(ctx, 'parse/missing-field', 'error', 'Unexpected plan without a title, expected `title:` in the front matter or a `# ` heading',
      '预案缺少标题，应在前置元数据中写 `title:` 或使用一级标题 `# `', where);
  }
  let kind = parseKind(values.kind);
  if (values.kind === undefined) {
    if (!quiet) {
      report(ctx, 'parse/missing-field', 'error', 'Unexpected plan without `kind`, expected `kind: general`, `special` or `onsite` in the front matter',
        '预案缺少 `kind`（预案类型），应在前置元数据中写 `kind: general`（综合）、`special`（专项）或 `onsite`（现场处置）', where);
    }
  } else if (!kind) {
    report(ctx, 'parse/front-matter', 'error', `Unexpected kind \`${values.kind}\`, expected general, special or onsite (综合, 专项, 现场)`,
      `无法识别的预案类型 \`${values.kind}\`，应为 general、special 或 onsite（综合、专项、现场）`, fields.kind ?? where);
  }
  kind ??= kindFromTitle(title) ?? 'special';
  const meta: PlanMeta = { id: values.id ?? basename(ctx.file), title: title ?? '', kind };
  for (const [k, v] of Object.entries(all)) if (!SET_ABOVE.has(k)) (meta as unknown as Record<string, unknown>)[k] = v;
  meta.place = where;
  meta.fields = fields;
  return meta;
}

/** File name without folders and extension: `plans/chem/leak.md` → `leak`. */
export function basename(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
