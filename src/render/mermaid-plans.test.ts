// Every plan in plans/chem and plans/flood (and the defective ones) through every generator and Mermaid's parser.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../parse/index.js';
import { stepsAt } from '../model/query.js';
import { diagrams, flowchart, gantt, toMarkdown } from './mermaid.js';
import { hostilePlan } from './mermaid-fixture.test-helper.js';
import { flowDb, ganttDb, mermaidParse, stateDb, usingDomPurifyShim } from './mermaid-parse.test-helper.js';

function planFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? planFiles(p) : /\.(md|ya?ml)$/.test(f) ? [p] : [];
  }).sort();
}

const GOOD = [...planFiles('plans/chem'), ...planFiles('plans/flood')];
const DEFECTIVE = planFiles('plans/defective');
const sid = (id: string) => `s_${id.replace(/-/g, '_')}`;

/** The ```mermaid blocks of a Markdown document. */
function mermaidBlocks(md: string): string[] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => `${m[1]}`);
}

it('finds the example plans', () => {
  expect(GOOD.length).toBeGreaterThanOrEqual(6);
  expect(GOOD).toContain('plans/chem/hazardous-chemical-leak.md');
  expect(GOOD).toContain('plans/flood/municipal-flood.md');
  expect(DEFECTIVE.length).toBeGreaterThanOrEqual(6);
  // Documents how the parser runs here (see mermaid-parse.test-helper.ts).
  expect(typeof usingDomPurifyShim()).toBe('boolean');
});

describe.each(GOOD)('%s', (file) => {
  const plan = parsePlanFile(file).plan!;

  it('parses to a plan', () => {
    expect(plan).toBeDefined();
  });

  it('gives an overview and a flowchart per level, a state diagram and a gantt per level', () => {
    const list = diagrams(plan);
    expect(list.filter((d) => d.kind === 'flowchart')).toHaveLength(1 + plan.levels.length);
    expect(list.filter((d) => d.kind === 'state')).toHaveLength(1);
    expect(list.filter((d) => d.kind === 'gantt').map((d) => d.level).sort()).toEqual(plan.levels.map((l) => l.id).sort());
    expect(new Set(list.map((d) => d.key)).size).toBe(list.length);
  });

  it('every diagram passes Mermaid\'s parser with the expected content', async () => {
    for (const d of diagrams(plan)) {
      const type = await mermaidParse(d.text);
      if (d.kind === 'flowchart') {
        expect(type, d.key).toBe('flowchart-v2');
        const db = await flowDb(d.text);
        const steps = d.level ? stepsAt(plan, d.level) : plan.steps;
        for (const s of steps) expect(db.vertices.has(sid(s.id)), `${d.key}: ${s.id}`).toBe(true);
        for (const s of steps) for (const a of s.after) {
          if (steps.some((x) => x.id === a)) expect(db.edges.some((e) => e.start === sid(a) && e.end === sid(s.id)), `${d.key}: ${a}→${s.id}`).toBe(true);
        }
        const lanes = new Set(steps.map((s) => s.role));
        expect(db.subgraphs).toHaveLength(lanes.size);
        for (const l of d.level ? plan.levels.filter((x) => x.id === d.level) : plan.levels) {
          expect(db.vertices.get(`lv_${l.id}`)!.classes.some((c) => /^lv(Red|Orange|Yellow|Blue|Grey)$/.test(c))).toBe(true);
        }
      } else if (d.kind === 'state') {
        expect(type).toBe('stateDiagram');
        const db = await stateDb(d.text);
        for (const l of plan.levels) expect(db.states.has(`lv_${l.id}`)).toBe(true);
        for (const e of plan.escalations) expect(db.relations.some((r) => r.id1 === `lv_${e.from}` && r.id2 === `lv_${e.to}`)).toBe(true);
      } else {
        expect(type).toBe('gantt');
        const db = await ganttDb(d.text);
        expect(db.tasks.filter((t) => !t.milestone)).toHaveLength(stepsAt(plan, d.level!).length);
        for (const t of db.tasks) {
          expect(Number.isNaN(t.startTime.getTime()), `${d.key}: ${t.id}`).toBe(false);
          expect(t.endTime.getTime()).toBeGreaterThanOrEqual(t.startTime.getTime());
        }
      }
    }
  });

  it('writes a Markdown document whose mermaid blocks all parse', async () => {
    const md = toMarkdown(plan);
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(diagrams(plan).length);
    for (const b of blocks) await mermaidParse(b);
    expect(md.startsWith(`# ${plan.meta.title}`)).toBe(true);
  });
});

describe.each(DEFECTIVE)('defective plan %s', (file) => {
  it('still gets diagrams that parse', async () => {
    // Every seeded defect is a lint finding, not a parse failure: a plan that stops parsing fails here.
    const { plan, diagnostics } = parsePlanFile(file);
    expect(plan, diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const list = diagrams(plan!);
    expect(list.length).toBeGreaterThan(0);
    for (const d of list) await mermaidParse(d.text);
  });
});

describe('toMarkdown', () => {
  const leak = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
  const md = toMarkdown(leak);

  it('has the overview, per-level flowcharts, the state diagram and a gantt per level, in that order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# 危险化学品泄漏事故专项应急预案：流程图',
      '## 应急响应流程图（总览）',
      '## I级（社会级）响应流程',
      '## II级（公司级）响应流程',
      '## III级（车间级）响应流程',
      '## IV级（班组级）响应流程',
      '## 响应状态图',
      '## 时间线',
      '### I级（社会级）时间线',
      '### II级（公司级）时间线',
      '### III级（车间级）时间线',
      '### IV级（班组级）时间线',
    ]);
    expect(mermaidBlocks(md)[0].startsWith('flowchart TB\n')).toBe(true);
    expect(md.endsWith('```\n')).toBe(true);
  });

  it('is in English for an English plan', () => {
    const flood = toMarkdown(parsePlanFile('plans/flood/municipal-flood.md').plan!);
    expect(flood.split('\n')[0]).toBe('# Riverton City Flood Emergency Plan — diagrams');
    expect(flood).toContain('## Response flowchart (overview)');
    expect(flood).toContain('## Timelines');
  });

  it('can leave out the per-level flowcharts', () => {
    expect(mermaidBlocks(toMarkdown(leak, { split: 'never' }))).toHaveLength(1 + 1 + 4);
  });

  it('escapes hostile text in headings and diagrams', async () => {
    const hostile = toMarkdown(hostilePlan());
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile.split('\n')[0]).toBe('# &lt;script&gt;alert(1)&lt;/script&gt; "\\]; click A call alert(1) %%：流程图');
    // A plan cannot close a fence: the only fences are ours.
    expect(hostile.match(/^```/gm)!.length).toBe(2 * mermaidBlocks(hostile).length);
    for (const b of mermaidBlocks(hostile)) await mermaidParse(b);
  });
});

describe('docs/flowcharts.md', () => {
  const doc = readFileSync('docs/flowcharts.md', 'utf8');
  const blocks = mermaidBlocks(doc);

  it('has examples that parse', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) await mermaidParse(b);
  });

  it('shows what the generators write today (regenerate the examples when this fails)', () => {
    const leak = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
    expect(blocks).toContain(flowchart(leak, { level: 'IV' }));
    expect(blocks).toContain(gantt(leak, 'IV'));
  });
});
