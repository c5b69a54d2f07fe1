import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniPlan, plansFrom } from '../../test/helpers/lint.js';
import { generateShape } from '../../bench/generate.js';
import { domainRegion, evaluate, gapRegion, member, regionContains, regionOf, sampleBox, type Box, type FactValue } from '../expr/index.js';
import type { Plan } from '../model/index.js';
import { collectPlanFiles, parsePlanFile, parsePlanText } from '../parse/index.js';
import { coverageGaps, levelInversions, levelOverlaps, type RankedTrigger } from './level-analysis.js';

// Each analysis has two ways to describe a finding: exact regions (small triggers) and the solver's witness boxes
// (large ones). Forcing each way on the same plans, they must agree on every decision, and every witness must be real.
const REGIONS = { regionAtoms: Infinity };
const WITNESS = { regionAtoms: 0 };

const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 取值 |\n|---|---|---|---|---|\n| a | 甲 | integer | 人 | |\n| b | 乙 | number | kg | |\n| f | 火灾 | boolean | | |\n| w | 预警 | enum | | blue, yellow, red |';
const atom = fc.oneof(
  fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.integer({ min: 0, max: 6 })).map(([op, n]) => `a ${op} ${n}`),
  fc.tuple(fc.constantFrom('<', '>='), fc.integer({ min: 0, max: 3 })).map(([op, n]) => `b ${op} ${n * 50}`),
  fc.constantFrom('f', 'not f', 'w == red', 'w != blue', 'w in [yellow, red]'),
);
const trigger = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, fc.tuple(tie('t'), fc.constantFrom('and', 'or'), tie('t')).map(([x, op, y]) => `(${x} ${op} ${y})`)),
})).t;
const planOf = (triggers: string[]): Plan => {
  const ids = ['I', 'II', 'III', 'IV'].slice(0, triggers.length).reverse();
  const rows = triggers.map((t, i) => `| ${ids[i]} | blue | \`${t}\` | deputy | 10分钟 |`).join('\n');
  return plansFrom({ 'p.md': miniPlan({ facts, levels: `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`, escalation: '', termination: '## 8 响应终止\n\n- 条件：`not f`\n- 宣布：commander' }) })[0];
};

const itemsOf = (plan: Plan): RankedTrigger[] => {
  const seen = new Set<string>();
  return plan.levels.filter((l) => l.trigger?.ast && !seen.has(l.id) && seen.add(l.id)).map((level) => ({ level, ast: level.trigger!.ast!, rank: level.rank }));
};
const holds = (plan: Plan, i: RankedTrigger, p: Record<string, FactValue>) => evaluate(i.ast, p, plan.facts);
const inBox = (box: Box, p: Record<string, FactValue>) => [...box].every(([k, c]) => member(c, p[k]));

function agree(plan: Plan): void {
  const items = itemsOf(plan);
  const domain = domainRegion(plan.facts);
  // Overlaps: the same pairs; a witness box's sample starts both levels.
  const [byRegions, byWitness] = [levelOverlaps(plan, items, REGIONS), levelOverlaps(plan, items, WITNESS)];
  expect(byWitness.cut).toBe(false);
  expect(byWitness.found.map((o) => [o.a.id, o.b.id])).toEqual(byRegions.found.map((o) => [o.a.id, o.b.id]));
  for (const o of byWitness.found) {
    const p = sampleBox(o.box, plan.facts);
    expect(holds(plan, items.find((i) => i.level === o.a)!, p) && holds(plan, items.find((i) => i.level === o.b)!, p), JSON.stringify(p)).toBe(true);
  }
  // Coverage: witness boxes are gaps, and together they are all of the gap region.
  const gaps = gapRegion(items.map((i) => ({ id: i.level.id, region: regionOf(i.ast, plan.facts) })), domain);
  const found = coverageGaps(plan, items, 1000, WITNESS);
  expect(found.cut).toBe(false);
  expect(found.gaps.length > 0).toBe(gaps.boxes.length > 0);
  for (const g of found.gaps) {
    const p = sampleBox(g.box, plan.facts);
    expect(regionContains(gaps, p), JSON.stringify(p)).toBe(true);
  }
  for (const box of gaps.boxes) {
    const p = sampleBox(box, plan.facts);
    expect(found.gaps.some((g) => inBox(g.box, p)), JSON.stringify(p)).toBe(true);
  }
  // Inversions: the same pairs of levels; the witness is ordered and starts the levels it names.
  const [mono, monoW] = [levelInversions(plan, items, REGIONS), levelInversions(plan, items, WITNESS)];
  expect(monoW.cut).toBe(false);
  expect(monoW.violations.map((v) => [v.moreSevere, v.lessSevere])).toEqual(mono.violations.map((v) => [v.moreSevere, v.lessSevere]));
  const starts = (p: Record<string, FactValue>) => {
    const full = sampleBox(new Map(), plan.facts);
    const point = { ...full, ...p };
    return [...items].sort((x, y) => x.rank - y.rank).find((i) => holds(plan, i, point))?.level.id;
  };
  for (const v of monoW.violations) {
    const shared = sampleBox(new Map(), plan.facts);
    expect(starts({ ...shared, ...v.witness.smaller })).toBe(v.moreSevere);
    expect(starts({ ...shared, ...v.witness.larger })).toBe(v.lessSevere);
  }
}

describe('level analyses: regions and witnesses agree', () => {
  const files = collectPlanFiles(['plans/chem', 'plans/flood', 'plans/defective']).files;
  it.each(files)('%s', (file) => agree(parsePlanFile(file).plan!));

  it.each([3, 8])('generated: %i facts in every trigger', (n) => agree(parsePlanText(generateShape('facts', n)['plan.md'], 'f.md').plan!));

  it('random level tables over integer, number, boolean and enum facts', () => {
    fc.assert(fc.property(fc.array(trigger, { minLength: 2, maxLength: 4 }), (ts) => agree(planOf(ts))), { numRuns: 60, seed: 13 });
  });

  it('finds gaps, overlaps and inversions in a table with all three (the test can fail)', () => {
    const plan = planOf(['a >= 4', 'a >= 1 and a < 5', 'a < 1 and not f']); // III, II, I
    const items = itemsOf(plan);
    expect(levelOverlaps(plan, items, WITNESS).found.length).toBeGreaterThan(0);
    expect(coverageGaps(plan, items, 10, WITNESS).gaps.length).toBeGreaterThan(0);
    expect(levelInversions(plan, items, WITNESS).violations.length).toBeGreaterThan(0);
  });
});
