import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fact } from '../model/plan.js';
import { compileConstraints } from './constraints.js';
import { evaluate } from './evaluate.js';
import { describeBox, domainRegion, gapRegion, monotonicityReport, overlaps, regionContains, regionOf, type Box, type FactValue } from './intervals.js';
import { solveOrder } from './order.js';
import { parseExpr } from './parse.js';

const p = (t: string) => {
  const r = parseExpr(t);
  if (!r.ast) throw new Error(`${t}: ${JSON.stringify(r.errors)}`);
  return r.ast;
};

// 气象灾害预警信号 (暴雨): 3-hour rainfall is part of 6-hour rainfall, so rain_3h ≤ rain_6h always.
// (A name cannot start with a digit — `6小时降雨量` reads as the number 6 in 小时 — so these use ids.)
const RAIN: Fact[] = [
  { id: 'rain_3h', type: 'number', unit: 'mm' },
  { id: 'rain_6h', type: 'number', unit: '毫米' },
];

describe('fact constraints: order between numeric facts', () => {
  const cs = compileConstraints([p('rain_3h <= rain_6h')], RAIN);

  it('a gap that needs rain_3h > rain_6h cannot happen and is not reported', () => {
    const levels = [
      { id: 'I', region: regionOf(p('rain_6h 100毫米以上'), RAIN) },
      { id: 'II', region: regionOf(p('rain_3h 100毫米以下'), RAIN) },
    ];
    const unconstrained = gapRegion(levels, domainRegion(RAIN));
    expect(unconstrained.boxes.map((b) => describeBox(b, RAIN, 'en'))).toEqual(['rain_3h ≥ 100 and rain_6h < 100']);
    expect(gapRegion(levels, domainRegion(RAIN), cs).boxes).toEqual([]);
    // The overlap can happen (rain_3h = 0, rain_6h = 100), so it stays, with a witness that satisfies the constraint.
    const [o] = overlaps(levels, cs);
    const w = cs.witness(o.box)!;
    expect(w.rain_3h as number).toBeLessThanOrEqual(w.rain_6h as number);
    expect(evaluate(p('rain_6h 100毫米以上 and rain_3h 100毫米以下'), w, RAIN)).toBe(true);
  });

  it('open and closed ends are exact: ≤ allows 100 = 100, < does not', () => {
    const box = regionOf(p('rain_3h >= 100 and rain_6h <= 100'), RAIN).boxes[0];
    expect(cs.witness(box)).toEqual({ rain_3h: 100, rain_6h: 100 });
    const strict = compileConstraints([p('rain_3h < rain_6h')], RAIN);
    expect(strict.feasible(box)).toBe(false);
    const open = regionOf(p('rain_3h >= 100 and rain_6h < 100.5'), RAIN).boxes[0];
    const w = strict.witness(open)!;
    expect(w.rain_3h).toBe(100);
    expect(w.rain_6h as number).toBeGreaterThan(100);
    expect(w.rain_6h as number).toBeLessThan(100.5);
  });

  it('integers: every strict step costs one', () => {
    const facts: Fact[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'integer', min: 0, max: 1 }));
    expect(compileConstraints([p('a < b and b < c')], facts).satisfiable()).toBe(false);
    const reals: Fact[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'number', min: 0, max: 1 }));
    const w = compileConstraints([p('a < b and b < c')], reals).witness(new Map())!;
    expect((w.a as number) < (w.b as number) && (w.b as number) < (w.c as number)).toBe(true);
  });

  it('死亡人数 never exceeds 伤亡人数: an integer order between counts', () => {
    const facts: Fact[] = [{ id: 'deaths', label: '死亡人数', type: 'integer' }, { id: 'casualties', label: '伤亡人数', type: 'integer' }];
    const c = compileConstraints([p('死亡人数 <= 伤亡人数')], facts);
    expect(c.feasible(regionOf(p('死亡人数 3人以上 and 伤亡人数 3人以下'), facts).boxes[0])).toBe(false);
    expect(c.feasible(regionOf(p('死亡人数 3人以上 and 伤亡人数 4人以下'), facts).boxes[0])).toBe(true);
  });
});

describe('fact constraints: implications between booleans', () => {
  // Oil-spill tiers: a spill beyond tier 2 capability is beyond tier 1 as well.
  const facts: Fact[] = [{ id: 'tier1_exceeded', type: 'boolean' }, { id: 'tier2_exceeded', type: 'boolean' }];
  const levels = [
    { id: 'Tier 3', rank: 1, region: regionOf(p('tier2_exceeded'), facts) },
    { id: 'Tier 2', rank: 2, region: regionOf(p('tier1_exceeded'), facts) },
    { id: 'Tier 1', rank: 3, region: regionOf(p('not tier1_exceeded'), facts) },
  ];
  for (const spelling of ['implies', '=>', '⇒', '→', '则']) {
    it(`tier2_exceeded ${spelling} tier1_exceeded removes the impossible overlap of Tier 3 and Tier 1`, () => {
      const cs = compileConstraints([p(`tier2_exceeded ${spelling} tier1_exceeded`)], facts);
      expect(overlaps(levels).map((o) => [o.a, o.b])).toEqual([['Tier 3', 'Tier 2'], ['Tier 3', 'Tier 1']]);
      expect(overlaps(levels, cs).map((o) => [o.a, o.b])).toEqual([['Tier 3', 'Tier 2']]);
      expect(cs.holds({ tier1_exceeded: false, tier2_exceeded: true })).toBe(false);
      expect(cs.holds({ tier1_exceeded: true, tier2_exceeded: true })).toBe(true);
    });
  }

  it('严重险情 implies 险情: monotonicity only between incidents that can happen', () => {
    const f: Fact[] = [{ id: 'danger', label: '险情', type: 'boolean' }, { id: 'severe', label: '严重险情', type: 'boolean' }];
    // A ladder whose only violation is the impossible incident "严重险情 without 险情".
    const lv = [
      { id: 'I', rank: 1, region: regionOf(p('严重险情 且 非 险情'), f) },
      { id: 'II', rank: 2, region: regionOf(p('险情'), f) },
    ];
    expect(monotonicityReport(lv, f).violations).toHaveLength(1);
    const cs = compileConstraints([p('严重险情 implies 险情')], f);
    expect(monotonicityReport(lv, f, cs).violations).toEqual([]);
  });

  it('constraints that do not check are not applied and are listed', () => {
    const cs = compileConstraints([p('unknown_fact implies tier1_exceeded'), undefined, p('tier2_exceeded => tier1_exceeded')], facts);
    expect(cs.skipped).toEqual([0, 1]);
    expect(cs.satisfiable()).toBe(true);
    expect(compileConstraints([p('tier1_exceeded'), p('not tier1_exceeded')], facts).satisfiable()).toBe(false);
  });

  it('implies is the lowest precedence and does not chain', () => {
    expect(p('a and b => c or d')).toMatchObject({ type: 'implies', left: { type: 'and' }, right: { type: 'or' } });
    expect(parseExpr('a => b => c').errors[0]).toMatchObject({ start: 7, end: 9, code: 'expr/syntax' });
    expect(p('(a => b) => c')).toMatchObject({ type: 'implies', left: { type: 'implies' } });
  });
});

describe('order solver', () => {
  it('agrees with brute force on small integer systems', () => {
    const ids = ['a', 'b', 'c'];
    const rel = fc.record({ lo: fc.constantFrom(...ids), hi: fc.constantFrom(...ids), strict: fc.boolean() });
    const bound = fc.record({ lo: fc.integer({ min: 0, max: 3 }), span: fc.integer({ min: 0, max: 3 }), loOpen: fc.boolean(), hiOpen: fc.boolean() });
    fc.assert(fc.property(fc.array(rel, { maxLength: 4 }), fc.tuple(bound, bound, bound), (rels, bs) => {
      const vars = new Map(ids.map((id, k) => [id, { lo: bs[k].lo, hi: bs[k].lo + bs[k].span, loOpen: bs[k].loOpen, hiOpen: bs[k].hiOpen, integer: true }]));
      let brute = false;
      for (let a = 0; a <= 6 && !brute; a++) for (let b = 0; b <= 6 && !brute; b++) for (let c = 0; c <= 6 && !brute; c++) {
        const v: Record<string, number> = { a, b, c };
        const inB = ids.every((id) => { const x = vars.get(id)!; const y = v[id]; return (y > x.lo || (y === x.lo && !x.loOpen)) && (y < x.hi || (y === x.hi && !x.hiOpen)); });
        if (inB && rels.every((r) => (r.strict ? v[r.lo] < v[r.hi] : v[r.lo] <= v[r.hi]))) brute = true;
      }
      expect(solveOrder(vars, rels) !== undefined).toBe(brute);
    }), { numRuns: 3000 });
  });

  it('agrees with a fine grid on small real systems (reals are dense: strict chains need no room)', () => {
    const ids = ['a', 'b', 'c'];
    const rel = fc.record({ lo: fc.constantFrom(...ids), hi: fc.constantFrom(...ids), strict: fc.boolean() });
    const bound = fc.record({ lo: fc.integer({ min: 0, max: 2 }), span: fc.integer({ min: 0, max: 2 }), loOpen: fc.boolean(), hiOpen: fc.boolean() });
    const grid = Array.from({ length: 33 }, (_, k) => k / 8);
    fc.assert(fc.property(fc.array(rel, { maxLength: 4 }), fc.tuple(bound, bound, bound), (rels, bs) => {
      const vars = new Map(ids.map((id, k) => [id, { lo: bs[k].lo, hi: bs[k].lo + bs[k].span, loOpen: bs[k].loOpen, hiOpen: bs[k].hiOpen, integer: false }]));
      let brute = false;
      for (const a of grid) { for (const b of grid) { for (const c of grid) {
        const v: Record<string, number> = { a, b, c };
        const inB = ids.every((id) => { const x = vars.get(id)!; const y = v[id]; return (y > x.lo || (y === x.lo && !x.loOpen)) && (y < x.hi || (y === x.hi && !x.hiOpen)); });
        if (inB && rels.every((r) => (r.strict ? v[r.lo] < v[r.hi] : v[r.lo] <= v[r.hi]))) { brute = true; break; }
      } if (brute) break; } if (brute) break; }
      expect(solveOrder(vars, rels) !== undefined).toBe(brute);
    }), { numRuns: 2000 });
  });
});

// ------------------------------------------------------------ properties with constraints

const PF: Fact[] = [
  { id: 'a', type: 'number', unit: 'mm', min: 0, max: 4 },
  { id: 'c', type: 'number', unit: 'mm', min: 0, max: 4 },
  { id: 'n', type: 'integer', unit: 'mm', min: 0, max: 4 },
  { id: 'b', type: 'boolean' },
  { id: 'd', type: 'judgement', decidedBy: 'gov' },
  { id: 'w', type: 'enum', values: ['lo', 'hi'] },
];
const GRID = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4];
const pointArb = fc.record({ a: fc.constantFrom(...GRID), c: fc.constantFrom(...GRID), n: fc.integer({ min: 0, max: 4 }), b: fc.boolean(), d: fc.boolean(), w: fc.constantFrom('lo', 'hi') });
const lit = fc.constantFrom('0', '1', '2', '2.5', '3', '4');
const atom = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'c', 'n'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), lit).map(([f, o, v]) => `${f} ${o} ${v}`),
  fc.tuple(fc.constantFrom('a', 'c', 'n'), lit, fc.constantFrom('以上', '以下', '以内')).map(([f, v, w]) => `${f} ${v}${w}`),
  fc.constantFrom('b', 'not b', 'd', 'not d', 'w == lo', 'w == hi'),
);
const cond = fc.array(atom, { minLength: 1, maxLength: 3 }).chain((as) => fc.constantFrom(' and ', ' or ').map((j) => as.join(j)));
const pair = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'c', 'n'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.constantFrom('a', 'c', 'n')).map(([x, o, y]) => `${x} ${o} ${y}`),
  fc.constantFrom('b == d', 'b != d', 'b implies d', 'd => w == hi'),
);
const constraintArb = fc.oneof(pair, fc.tuple(cond, pair).map(([x, y]) => `(${x}) implies (${y})`), fc.tuple(pair, pair).map(([x, y]) => `(${x}) or (${y})`));

describe('constraint properties', () => {
  it('every box that survives has a witness inside it that satisfies the constraints; evaluate ≡ membership at feasible points', () => {
    fc.assert(fc.property(fc.array(constraintArb, { minLength: 1, maxLength: 3 }), cond, fc.array(pointArb, { maxLength: 15 }), (cts, t, points) => {
      const cs = compileConstraints(cts.map(p), PF);
      expect(cs.skipped, cts.join(' ; ')).toEqual([]);
      const ast = p(t);
      const r = regionOf(ast, PF);
      const restricted = cs.restrict(r);
      for (const box of restricted.boxes) {
        const w = cs.witness(box)!;
        expect(cs.holds(w), `${cts} ${JSON.stringify(w)}`).toBe(true);
        expect(evaluate(ast, w, PF), `${t} ${JSON.stringify(w)}`).toBe(true);
        expect(inBox(box, w)).toBe(true);
      }
      for (const pt of points) {
        if (cs.holds(pt) !== true) continue;
        expect(regionContains(restricted, pt), `${t} at ${JSON.stringify(pt)} with ${cts}`).toBe(evaluate(ast, pt, PF));
      }
    }), { numRuns: 400 });
  });

  it('a dropped box has no feasible point on the grid (the constraints really exclude it)', () => {
    fc.assert(fc.property(fc.array(constraintArb, { minLength: 1, maxLength: 2 }), cond, (cts, t) => {
      const cs = compileConstraints(cts.map(p), PF);
      for (const box of regionOf(p(t), PF).boxes) {
        if (cs.feasible(box)) continue;
        for (const a of GRID) for (const c of GRID) for (let n = 0; n <= 4; n++) for (const b of [false, true]) for (const d of [false, true]) for (const w of ['lo', 'hi']) {
          const pt = { a, c, n, b, d, w };
          if (inBox(box, pt)) expect(cs.holds(pt), `${cts} at ${JSON.stringify(pt)}`).not.toBe(true);
        }
      }
    }), { numRuns: 150 });
  });
});

function inBox(box: Box, pt: Record<string, FactValue>): boolean {
  return regionContains({ boxes: [box], truncated: false, domain: domainRegion(PF).domain }, pt);
}
