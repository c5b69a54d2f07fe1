import { describe, expect, it } from 'vitest';
import { miniPlan } from '../../test/helpers/lint.js';
import type { Plan } from '../model/index.js';
import { collectPlanFiles, parsePlanFile, parsePlanText } from '../parse/index.js';
import { svgsOf, svgTextSizesPt } from './packet.test-helper.js';
import { packetHtml } from './packet.js';
import { contentBox, DIAGRAM_PAGE } from './pdf.js';
import { flowGraph } from './swimlane-graph.js';
import type { Layout, PlacedNode } from './swimlane-layout.js';
import { PHASES } from './swimlane-phases.js';
import { planCharts } from './swimlane-print.js';
import { stateChart } from './swimlane-state.js';
import { ganttChart } from './gantt-chart.js';
import { viewSteps } from './mermaid-graph.js';

const LEAK = 'plans/chem/hazardous-chemical-leak.md';
const leak = () => parsePlanFile(LEAK).plan!;

/** Every plan under plans/ that parses, the real-plan corpus included (not its golden files or README). */
function allPlans(): Plan[] {
  return collectPlanFiles(['plans']).files.filter((f) => !/\.expected\.ya?ml$|README\.md$/.test(f)).map((f) => parsePlanFile(f))
    .filter((r) => r.plan && !r.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('parse/'))).map((r) => r.plan!);
}

const phaseOf = (g: ReturnType<typeof flowGraph>, id: string) => PHASES[g.nodes.find((n) => n.id === id)!.phase];

describe('flow graph of the leak plan', () => {
  it('puts each step in the phase reviewers expect, one lane per role and a side lane for reports', () => {
    const g = flowGraph(leak(), { lang: 'zh' });
    expect(phaseOf(g, 's:alarm')).toBe('alarm');
    expect(phaseOf(g, 's:isolate')).toBe('initial');
    expect(phaseOf(g, 's:assess')).toBe('assess');
    expect(phaseOf(g, 'decision')).toBe('assess');
    for (const s of ['cordon', 'rescue', 'first-aid', 'shutdown', 'monitor', 'absorb', 'report', 'evacuate']) expect(phaseOf(g, `s:${s}`)).toBe('respond');
    expect(phaseOf(g, 'handover')).toBe('expand');
    expect(phaseOf(g, 'end')).toBe('end');
    expect(phaseOf(g, 'followup')).toBe('after');
    const lanes = g.lanes.map((l) => l.key);
    expect(lanes[lanes.length - 1]).toBe('#reports');
    expect(new Set(lanes).size).toBe(lanes.length);
    expect(lanes.filter((k) => !k.startsWith('#')).sort()).toEqual([...new Set(leak().steps.map((s) => s.role!)), 'commander', 'deputy'].filter((v, i, a) => a.indexOf(v) === i).sort());
  });

  it('places a real plan\'s reports by their words when the level decision has no deadline', () => {
    // cn-enterprise-chem-injury-special: 启动本预案 has no time, so nothing can be placed before it by deadline.
    const g = flowGraph(parsePlanFile('plans/real/cn-enterprise-chem-injury-special.md').plan!, { lang: 'zh' });
    for (const s of ['duty-watch', 'duty-report', 'warn-notify', 'find-notify', 'shift-report']) expect(phaseOf(g, `s:${s}`), s).toBe('alarm');
    expect(phaseOf(g, 's:start')).toBe('assess');
    for (const s of ['check-injuries', 'first-aid', 'call-medical']) expect(phaseOf(g, `s:${s}`), s).toBe('respond');
  });

  it('ends a level\'s chart from its last steps, not from the assessment that feeds the decision', () => {
    // At IV the assessment has no later step: its way on is the decision, not a line of its own to 应急结束.
    const g = flowGraph(leak(), { lang: 'zh', level: 'IV' });
    expect(g.edges.filter((e) => e.to === 'end').map((e) => e.from)).toEqual(['s:absorb']);
  });

  it('orders the levels IV → I, summarises their criteria and gives the full conditions as numbered notes', () => {
    const g = flowGraph(leak(), { lang: 'zh' });
    const levels = g.nodes.filter((n) => n.kind === 'level');
    expect(levels.map((n) => n.id)).toEqual(['l:IV', 'l:III', 'l:II', 'l:I']);
    expect(levels[0].paras.map((p) => p.text)).toEqual(['IV级（班组级）响应', '条件①：泄漏量、重伤人数等6项', '值班长决定', '≤ 5分钟']);
    expect(g.notes[0].text).toBe('IV级（班组级）启动条件：泄漏量\u00A0<\u00A0100\u202Fkg 且 重伤人数\u00A0=\u00A00\u202F人 且 死亡人数\u00A0=\u00A00\u202F人 且 发生火灾或爆炸\u00A0=\u00A0否 且 扩散至厂外\u00A0=\u00A0否 且 厂界有毒气体浓度\u00A0≤\u00A030\u202Fppm');
    // Escalation IV→III and III⇄II (escalation and de-escalation on one two-headed edge).
    const esc = g.edges.filter((e) => e.kind === 'escalation').map((e) => `${e.from}>${e.to}${e.both ? '⇄' : ''} ${e.label}`);
    expect(esc).toEqual(['l:IV>l:III ⑤', 'l:III>l:II⇄ ⑥⑨', 'l:II>l:I⇄ ⑦⑧']);
    // Reports to authorities after the level that requires them.
    expect(g.edges.filter((e) => e.to.startsWith('r:')).map((e) => `${e.from}>${e.to}`)).toEqual(['l:II>r:0', 'l:I>r:1']);
  });

  it('as a map, folds each level\'s own steps into one box, and a level\'s chart starts at the decision', () => {
    const map = flowGraph(leak(), { lang: 'zh', view: 'map', pageOf: (k) => ({ 'level-III': 6 } as Record<string, number>)[k] });
    const summary = map.nodes.find((n) => n.id === 'g:III')!;
    expect(summary.paras.map((p) => p.text)).toEqual(['III级增加的处置', '4. 设置警戒区（IV级…', '5. 佩戴空气呼吸器进入…', '6. 检伤分类、现场急救…', '详见第6页']);
    expect(map.nodes.some((n) => n.id === 's:cordon')).toBe(false);
    const level = flowGraph(leak(), { lang: 'en', view: 'map', level: 'II', pageOf: () => 3 });
    expect(level.nodes.some((n) => n.id === 's:alarm' || n.id === 's:assess' || n.id === 'start')).toBe(false);
    expect(level.nodes.find((n) => n.id === 'entry')!.paras.map((p) => p.text)).toEqual(['Alarm to assessment', 'overview, p. 3']);
    expect(level.edges).toContainEqual(expect.objectContaining({ from: 'decision', to: 'l:II', label: 'yes' }));
    expect(level.nodes.find((n) => n.id === 'x:I')!.paras[0].text).toBe('Escalate to Level I (社会级)');
  });

  it('prints 立即 as 立即 / immediately, never as ≤ 0秒', () => {
    const text = miniPlan({ steps: '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 | 通知 |\n|---|---|---|---|---|---|---|---|\n| alarm | 报警 | operator | 立即 | — | 全部 | — | deputy |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | — | deputy |' });
    const plan = parsePlanText(text, 'now.md').plan!;
    for (const lang of ['zh', 'en'] as const) {
      const paras = flowGraph(plan, { lang }).nodes.find((n) => n.id === 's:alarm')!.paras.map((p) => p.text);
      expect(paras).toContain(lang === 'zh' ? '立即' : 'immediately');
      expect(paras.join(' ')).not.toMatch(/0\s*(秒|s\b)/);
    }
  });
});

/** Boxes that overlap (with a small tolerance), as pairs of ids. */
function overlaps(nodes: PlacedNode[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]; const b = nodes[j];
      if (a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01) out.push(`${a.node.id}/${b.node.id}`);
    }
  }
  return out;
}

/** Edge segments that run through the inside of a box other than their own ends'. */
function crossings(layout: Layout): string[] {
  const out: string[] = [];
  for (const p of layout.paths) {
    for (let k = 1; k < p.points.length; k++) {
      const [x0, y0] = p.points[k - 1]; const [x1, y1] = p.points[k];
      expect(Math.abs(x0 - x1) < 1e-6 || Math.abs(y0 - y1) < 1e-6).toBe(true);
      for (const n of layout.nodes) {
        if (n.node.id === p.edge.from || n.node.id === p.edge.to) continue;
        const inside = Math.min(x0, x1) < n.x + n.w - 0.05 && Math.max(x0, x1) > n.x + 0.05 && Math.min(y0, y1) < n.y + n.h - 0.05 && Math.max(y0, y1) > n.y + 0.05;
        if (inside) out.push(`${p.edge.from}>${p.edge.to} through ${n.node.id}`);
      }
    }
  }
  return out;
}

describe('flowcharts of every plan on A4', () => {
  const plans = allPlans();
  it('finds the example plans and the real-plan corpus', () => {
    expect(plans.length).toBeGreaterThanOrEqual(10);
    expect(plans.some((p) => p.file.startsWith('plans/real/'))).toBe(true);
  });

  for (const plan of plans) {
    it(`${plan.file}: every page fits A4, text ≥ 7 pt, no box cut, overlapped or crossed, markers paired`, () => {
      const charts = planCharts(plan, undefined, 3);
      let page = 3;
      for (const chart of charts) {
        const seen = new Map<string, number>();
        const outs: string[] = [];
        const ins: string[] = [];
        for (const [i, p] of chart.pages.entries()) {
          const box = contentBox(p.landscape);
          expect(p.width).toBeLessThanOrEqual(box.width);
          expect(p.height).toBeLessThanOrEqual(box.height - DIAGRAM_PAGE.heading);
          expect(Math.min(...svgTextSizesPt(p.svg))).toBeGreaterThanOrEqual(7);
          expect(overlaps(p.layout!.nodes)).toEqual([]);
          expect(crossings(p.layout!)).toEqual([]);
          for (const n of p.layout!.nodes) {
            // Whole boxes only: inside the page's drawing.
            expect(n.x).toBeGreaterThanOrEqual(0);
            expect(n.y + n.h).toBeLessThanOrEqual(p.layout!.gridBottom + 1e-6);
            expect(n.x + n.w).toBeLessThanOrEqual(p.width + 1e-6);
            if (n.node.kind === 'connector') {
              const t = n.node.paras[0].text;
              const out = /^→ (?:接第|p\. )([\d、, ]+)页? ?\(?([A-Z]+)\)?$/.exec(t);
              const inn = /^\(?([A-Z]+)\)? ← (?:接第|p\. )(\d+)/.exec(t);
              if (out) for (const to of out[1].trim().split(/[、,]\s*/)) outs.push(`${page + i}>${to}:${out[2]}`);
              else if (inn) ins.push(`${inn[2]}>${page + i}:${inn[1]}`);
              else throw new Error(`marker text ${t}`);
            } else seen.set(n.node.id, (seen.get(n.node.id) ?? 0) + 1);
          }
        }
        // Every box of the chart is printed exactly once, and every marker has its partner on the page it names.
        const graph = flowGraph(plan, { view: 'map', level: chart.level });
        expect([...seen.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
        expect([...seen.values()].every((v) => v === 1)).toBe(true);
        expect([...new Set(outs)].sort()).toEqual([...new Set(ins)].sort());
        page += chart.pages.length;
      }
    });
  }

  it('every packet prints its flowcharts at ≥ 7 pt, each within its page', () => {
    for (const plan of plans) {
      const html = packetHtml([{ plan, diagnostics: [], diagrams: [] }], { lang: plan.meta.language === 'en' ? 'en' : 'zh', date: '2026-11-25' });
      const svgs = svgsOf(html, 'yuan-swimlane');
      expect(svgs.length).toBeGreaterThan(0);
      for (const svg of svgs) expect(Math.min(...svgTextSizesPt(svg))).toBeGreaterThanOrEqual(7);
      // Each chart section holds one SVG no taller than the section less its heading.
      for (const m of html.matchAll(/<section class="page diagram flow( landscape)?" style="height:([\d.]+)mm">[\s\S]*?<svg[^>]*\sheight="([\d.]+)mm"/g)) {
        expect(Number(m[3])).toBeLessThanOrEqual(Number(m[2]) - DIAGRAM_PAGE.heading + 0.5);
      }
    }
  });

  it('draws every plan\'s state diagram and timelines on A4 at ≥ 7 pt, with every level and every step', () => {
    for (const plan of plans) {
      const state = stateChart(plan);
      const svg = state.pages.map((p) => p.svg).join('');
      for (const l of plan.levels) expect(svg).toContain(`data-id="l:${l.id}"`);
      const charts = [state, ...plan.levels.map((l) => ganttChart(plan, l.id))];
      for (const c of charts) {
        for (const p of c.pages) {
          const box = contentBox(p.landscape);
          expect(p.width).toBeLessThanOrEqual(box.width);
          expect(p.height).toBeLessThanOrEqual(box.height - DIAGRAM_PAGE.heading);
          expect(Math.min(...svgTextSizesPt(p.svg))).toBeGreaterThanOrEqual(7);
        }
      }
      for (const [i, l] of plan.levels.entries()) {
        const text = charts[i + 1].pages.map((p) => p.svg).join('');
        for (const st of viewSteps(plan, l.id)) expect(text).toContain(`>${plan.steps.indexOf(st) + 1}. `);
      }
    }
  });
});
