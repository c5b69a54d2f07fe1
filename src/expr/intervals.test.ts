import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Fact } from '../model/plan.js';
import { CRIMINAL_LAW_BOUNDS } from './bounds.js';
import { parseExpr } from './parse.js';
import { evaluate, type FactValues } from './evaluate.js';
import {
  coverageGaps, describeBox, domainRegion, gapRegion, intersect, isEmpty, MAX_BOXES, monotonicityReport, monotonicityViolations, overlaps,
  regionContains, regionOf, sampleBox, subtract, union, type Box, type Constraint, type FactValue, type Region,
} from './intervals.js';

const SAMPLE_FACTS: Fact[] = [
  { id: 'leak_kg', label: '泄漏量', type: 'number', unit: 'kg', min: 0 },
  { id: 'injured', label: '受伤人数', type: 'integer' },
  { id: 'deaths', type: 'integer' },
  { id: 'fire', label: '火灾', type: 'boolean' },
  { id: 'offsite', type: 'boolean' },
  { id: 'gas_ppm', type: 'number', unit: 'ppm' },
  { id: 'warning', type: 'enum', values: ['blue', 'yellow', 'orange', 'red'] },
  { id: 'grade', type: 'integer', min: 1, max: 4 },
  { id: 'temp', type: 'number', min: -40, max: 60 },
];

const SAMPLE_LEVELS = [
  { id: 'IV', rank: 4, text: 'leak_kg < 100 and injured == 0 and not fire' },
  { id: 'III', rank: 3, text: '100 <= leak_kg < 1000 or 1 <= injured <= 2' },
  { id: 'II', rank: 2, text: 'leak_kg >= 1000 or fire or injured >= 3 or deaths >= 1' },
  { id: 'I', rank: 1, text: 'offsite or gas_ppm > 30 or deaths >= 3' },
];

function reg(text: string, facts: Fact[] = SAMPLE_FACTS): Region {
  const r = parseExpr(text);
  expect(r.errors).toEqual([]);
  return regionOf(r.ast!, facts);
}

const iv = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean, integer = false): Constraint =>
  ({ kind: 'interval', lo, hi, loOpen, hiOpen, integer });
const box = (o: Record<string, Constraint>): Box => new Map(Object.entries(o));
const en = (b: Box) => describeBox(b, SAMPLE_FACTS, 'en');
const levelsOf = (defs: Array<{ id: string; rank: number; text: string }>, facts: Fact[] = SAMPLE_FACTS) =>
  defs.map((d) => ({ id: d.id, rank: d.rank, region: reg(d.text, facts) }));

describe('regionOf: exact boxes', () => {
  it('clips to the domain (number facts start at 0)', () => {
    expect(reg('leak_kg < 100').boxes).toEqual([box({ leak_kg: iv(0, 100, false, true) })]);
    expect(reg('leak_kg >= 0').boxes).toEqual([box({})]);
    expect(reg('leak_kg < 0').boxes).toEqual([]);
    expect(reg('temp > 50').boxes).toEqual([box({ temp: iv(50, 60, true, false) })]);
    expect(reg('temp < -50').boxes).toEqual([]);
  });

  it('`!=` becomes two intervals', () => {
    expect(reg('leak_kg != 100').boxes).toEqual([
      box({ leak_kg: iv(0, 100, false, true) }),
      box({ leak_kg: iv(100, Infinity, true, true) }),
    ]);
  });

  it('integer facts use closed integer bounds', () => {
    expect(reg('injured < 3').boxes).toEqual([box({ injured: iv(0, 2, false, false, true) })]);
    expect(reg('injured > 0.5').boxes).toEqual([box({ injured: iv(1, Infinity, false, true, true) })]);
    expect(reg('injured != 1').boxes).toEqual([
      box({ injured: iv(0, 0, false, false, true) }),
      box({ injured: iv(2, Infinity, false, true, true) }),
    ]);
    expect(reg('injured == 1.5').boxes).toEqual([]);
    expect(reg('grade >= 4').boxes).toEqual([box({ grade: iv(4, 4, false, false, true) })]);
    expect(reg('1 < injured < 2').boxes).toEqual([]);
  });

  it('pushes not inward (De Morgan) and complements inside the domain', () => {
    expect(reg('not (leak_kg >= 100 and fire)').boxes).toEqual([
      box({ leak_kg: iv(0, 100, false, true) }),
      box({ fire: { kind: 'boolean', values: [false] } }),
    ]);
    expect(reg('not not fire').boxes).toEqual([box({ fire: { kind: 'boolean', values: [true] } })]);
    expect(reg('not (injured in [0, 2])').boxes).toEqual([
      box({ injured: iv(1, 1, false, false, true) }),
      box({ injured: iv(3, Infinity, false, true, true) }),
    ]);
  });

  it('enum and boolean sets', () => {
    expect(reg('warning not in [orange, red]').boxes).toEqual([box({ warning: { kind: 'enum', values: ['blue', 'yellow'] } })]);
    expect(reg('warning in [orange, purple]').boxes).toEqual([box({ warning: { kind: 'enum', values: ['orange'] } })]);
    expect(reg('warning == red or warning == orange').boxes).toEqual([box({ warning: { kind: 'enum', values: ['orange', 'red'] } })]);
    expect(reg('fire == false').boxes).toEqual([box({ fire: { kind: 'boolean', values: [false] } })]);
    expect(reg('fire or not fire').boxes).toEqual([box({})]);
  });

  it('labels and units', () => {
    expect(reg('泄漏量 >= 1 t').boxes).toEqual([box({ leak_kg: iv(1000, Infinity, false, true) })]);
    expect(reg('leak_kg < 500 g').boxes).toEqual([box({ leak_kg: iv(0, 0.5, false, true) })]);
  });

  it('unknown comparisons hold nowhere, and neither do their negations', () => {
    for (const t of ['fire > true', 'leak_kg > 1 ppm', "leak_kg == 'x'", 'zzz', 'leak_kg', 'leak_kg > injured', '3']) {
      expect(reg(t).boxes, t).toEqual([]);
      expect(reg(`not (${t})`).boxes, t).toEqual([]);
    }
    expect(reg('true').boxes).toEqual([box({})]);
    expect(reg('false').boxes).toEqual([]);
    expect(reg('1 t > 500 kg').boxes).toEqual([box({})]);
  });

  it('bounds the number of boxes and reports truncation', () => {
    const facts: Fact[] = [];
    const parts: string[] = [];
    for (let i = 0; i < 13; i++) {
      facts.push({ id: `p${i}`, type: 'boolean' }, { id: `q${i}`, type: 'boolean' });
      parts.push(`(p${i} or q${i})`);
    }
    const r = reg(parts.join(' and '), facts);
    expect(r.truncated).toBe(true);
    expect(r.boxes.length).toBe(MAX_BOXES);
    expect(reg(parts.slice(0, 11).join(' and '), facts).truncated).toBe(false);
  });

  // Speed is measured in `npm run bench hostile`; here: the regions stay small (the work they bound).
  it('stays small on long hostile inputs', () => {
    const x: Fact[] = [{ id: 'x', type: 'number' }];
    const ne = Array.from({ length: 280 }, (_, i) => `x != ${i}`).join(' and ');
    const r = reg(ne, x);
    expect(r.truncated).toBe(false);
    expect(r.boxes.length).toBe(280); // (0,1), (1,2) … (279,∞): x starts at 0
    // An `and` of many small `or`s over one fact collapses instead of multiplying.
    const ors = reg(Array.from({ length: 100 }, (_, i) => `(x < ${i} or x > ${i + 1})`).join(' and '), x);
    expect(ors.truncated).toBe(false);
    const list = reg(`injured not in [${Array.from({ length: 600 }, (_, i) => i * 2).join(', ')}]`);
    expect(list.boxes.length).toBe(600); // the odd numbers below 1199, then [1199, ∞)
    expect(list.truncated).toBe(false);
  });

  it('bounds the work of set operations on huge regions and says so', () => {
    const facts: Fact[] = [];
    const parts: string[] = [];
    for (let i = 0; i < 13; i++) {
      facts.push({ id: `p${i}`, type: 'boolean' }, { id: `q${i}`, type: 'boolean' });
      parts.push(`(p${i} or q${i})`);
    }
    const small = reg(parts.slice(0, 11).join(' and '), facts);
    const big = reg(parts.join(' and '), facts);
    // A trigger's own region is complemented by negating the trigger: exact and small.
    const notSmall = subtract(domainRegion(facts), small);
    expect(notSmall.truncated).toBe(false);
    expect(notSmall.boxes).toHaveLength(11); // (not p0 and not q0) or … or (not p10 and not q10)
    // A region with no trigger behind it ({...r}) is carved box by box, within MAX_WORK.
    expect(subtract(domainRegion(facts), { ...big }).truncated).toBe(true);
    expect(intersect(big, { ...big }).truncated).toBe(true);
    const m = monotonicityReport([{ id: 'A', rank: 1, region: big }, { id: 'B', rank: 2, region: { ...big } }], facts);
    expect(m.truncated).toBe(true);
  });
});

describe('region algebra', () => {
  it('domainRegion is one free box, empty when min > max', () => {
    expect(domainRegion(SAMPLE_FACTS).boxes).toEqual([box({})]);
    expect(domainRegion(SAMPLE_FACTS).domain.get('leak_kg')).toEqual(iv(0, Infinity, false, true));
    expect(isEmpty(domainRegion([{ id: 'x', type: 'number', min: 5, max: 1 }]))).toBe(true);
  });

  it('subtract, intersect, union', () => {
    const d = domainRegion(SAMPLE_FACTS);
    expect(subtract(d, reg('leak_kg < 100')).boxes).toEqual([box({ leak_kg: iv(100, Infinity, false, true) })]);
    expect(subtract(reg('warning in [orange, red]'), reg('warning == red')).boxes).toEqual([box({ warning: { kind: 'enum', values: ['orange'] } })]);
    expect(intersect(reg('leak_kg < 1000'), reg('leak_kg >= 100')).boxes).toEqual([box({ leak_kg: iv(100, 1000, false, true) })]);
    expect(isEmpty(intersect(reg('leak_kg < 100'), reg('leak_kg >= 100')))).toBe(true);
    // Touching pieces merge back into the whole domain.
    expect(union(reg('leak_kg < 100'), reg('leak_kg >= 100')).boxes).toEqual([box({})]);
    expect(union(reg('injured <= 2'), reg('injured >= 3')).boxes).toEqual([box({})]);
    expect(union(reg('gas_ppm <= 2'), reg('gas_ppm >= 3')).boxes).toHaveLength(2);
    expect(isEmpty(subtract(reg('fire and leak_kg > 5'), reg('fire')))).toBe(true);
  });

  it('regionContains checks points against boxes and the domain', () => {
    const r = reg('100 <= leak_kg < 1000 or fire');
    expect(regionContains(r, { leak_kg: 100, fire: false })).toBe(true);
    expect(regionContains(r, { leak_kg: 1000, fire: false })).toBe(false);
    expect(regionContains(r, { leak_kg: 5, fire: true })).toBe(true);
    expect(regionContains(r, { leak_kg: -5, fire: true })).toBe(false);
  });
});

describe('describeBox', () => {
  it('writes intervals, points, sets and booleans; omits bounds implied by the domain', () => {
    expect(en(box({ leak_kg: iv(100, 200, false, true) }))).toBe('100 ≤ leak_kg < 200');
    expect(en(box({ leak_kg: iv(0, 100, false, true) }))).toBe('leak_kg < 100');
    expect(en(box({ leak_kg: iv(100, Infinity, true, true) }))).toBe('leak_kg > 100');
    expect(en(box({ injured: iv(0, 0, false, false, true) }))).toBe('injured = 0');
    expect(en(box({ temp: iv(-40, 0, false, true) }))).toBe('temp < 0');
    expect(en(box({ fire: { kind: 'boolean', values: [true] } }))).toBe('fire = true');
    expect(en(box({ warning: { kind: 'enum', values: ['orange', 'red'] } }))).toBe('warning ∈ {orange, red}');
    expect(en(box({}))).toBe('any values');
    expect(describeBox(box({}), SAMPLE_FACTS, 'zh')).toBe('任意取值');
  });

  it('orders by the fact list and uses labels in Chinese', () => {
    const b = box({ fire: { kind: 'boolean', values: [true] }, leak_kg: iv(100, 1000, false, true) });
    expect(en(b)).toBe('100 ≤ leak_kg < 1000 and fire = true');
    expect(describeBox(b, SAMPLE_FACTS, 'zh')).toBe('100 ≤ 泄漏量 < 1000 且 火灾 = 是');
  });
});

describe('the sample level set (worked out by hand)', () => {
  const levels = levelsOf(SAMPLE_LEVELS);

  it('level regions', () => {
    expect(levels.map((l) => l.region.boxes.map(en))).toEqual([
      ['leak_kg < 100 and injured = 0 and fire = false'],
      ['100 ≤ leak_kg < 1000', '1 ≤ injured ≤ 2'],
      ['leak_kg ≥ 1000', 'fire = true', 'injured ≥ 3', 'deaths ≥ 1'],
      ['offsite = true', 'gas_ppm > 30', 'deaths ≥ 3'],
    ]);
  });

  it('has no coverage gaps: anything not II and not III is IV', () => {
    expect(coverageGaps(levels, domainRegion(SAMPLE_FACTS))).toEqual([]);
    expect(gapRegion(levels, domainRegion(SAMPLE_FACTS)).truncated).toBe(false);
  });

  it('without IV the gap is exactly the quiet corner IV used to cover (minus I and II)', () => {
    const gaps = coverageGaps(levels.filter((l) => l.id !== 'IV'), domainRegion(SAMPLE_FACTS));
    expect(gaps.map(en)).toEqual(['leak_kg < 100 and injured = 0 and deaths = 0 and fire = false and offsite = false and gas_ppm ≤ 30']);
    expect(gaps).toEqual([box({
      leak_kg: iv(0, 100, false, true),
      injured: iv(0, 0, false, false, true),
      deaths: iv(0, 0, false, false, true),
      fire: { kind: 'boolean', values: [false] },
      offsite: { kind: 'boolean', values: [false] },
      gas_ppm: iv(0, 30, false, false),
    })]);
  });

  it('overlaps: every pair but IV/III, with the boxes computed by hand', () => {
    const o = overlaps(levels);
    expect(o.map((x) => [x.a, x.b, en(x.box)])).toEqual([
      ['IV', 'II', 'leak_kg < 100 and injured = 0 and deaths ≥ 1 and fire = false'],
      ['IV', 'I', 'leak_kg < 100 and injured = 0 and fire = false and offsite = true'],
      ['III', 'II', '100 ≤ leak_kg < 1000 and fire = true'],
      ['III', 'I', '100 ≤ leak_kg < 1000 and offsite = true'],
      ['II', 'I', 'deaths ≥ 3'],
    ]);
    expect(o[1].region.boxes.map(en)).toEqual([
      'leak_kg < 100 and injured = 0 and fire = false and offsite = true',
      'leak_kg < 100 and injured = 0 and fire = false and gas_ppm > 30',
      'leak_kg < 100 and injured = 0 and deaths ≥ 3 and fire = false',
    ]);
    expect(o[2].region.boxes.map(en)).toEqual([
      '100 ≤ leak_kg < 1000 and fire = true',
      '100 ≤ leak_kg < 1000 and injured ≥ 3',
      '100 ≤ leak_kg < 1000 and deaths ≥ 1',
      'leak_kg ≥ 1000 and 1 ≤ injured ≤ 2',
      '1 ≤ injured ≤ 2 and fire = true',
      '1 ≤ injured ≤ 2 and deaths ≥ 1',
    ]);
    // The overlap the brief calls out: leak 500 kg with a fire starts both II and III.
    expect(regionContains(o[2].region, { leak_kg: 500, fire: true })).toBe(true);
    expect(sampleBox(o[2].box, SAMPLE_FACTS)).toMatchObject({ leak_kg: 100, fire: true });
  });

  it('is monotone', () => {
    expect(monotonicityViolations(levels, SAMPLE_FACTS)).toEqual([]);
  });
});

describe('coverage gaps and monotonicity on small ladders', () => {
  it('finds a gap between two levels, and a single missing point', () => {
    const g = (a: string, b: string) => coverageGaps(levelsOf([{ id: 'A', rank: 1, text: a }, { id: 'B', rank: 2, text: b }]), domainRegion(SAMPLE_FACTS)).map(en);
    expect(g('leak_kg >= 1000', 'leak_kg < 100')).toEqual(['100 ≤ leak_kg < 1000']);
    expect(g('leak_kg > 100', 'leak_kg < 100')).toEqual(['leak_kg = 100']);
    expect(g('injured >= 3', 'injured <= 2')).toEqual([]);
    expect(g('gas_ppm >= 3', 'gas_ppm <= 2')).toEqual(['2 < gas_ppm < 3']);
    expect(g('warning in [orange, red]', 'warning == blue')).toEqual(['warning = yellow']);
  });

  it('a smaller incident starting a more severe level is reported with witnesses', () => {
    const v = monotonicityViolations(levelsOf([
      { id: 'II', rank: 2, text: 'leak_kg >= 1000 and not fire' },
      { id: 'III', rank: 3, text: 'fire' },
    ]), SAMPLE_FACTS);
    expect(v).toEqual([{
      moreSevere: 'II', lessSevere: 'III',
      smaller: box({ leak_kg: iv(1000, Infinity, false, true), fire: { kind: 'boolean', values: [false] } }),
      larger: box({ fire: { kind: 'boolean', values: [true] } }),
      witness: { smaller: { leak_kg: 1000, fire: false }, larger: { leak_kg: 1000, fire: true } },
    }]);
    const inverted = monotonicityViolations(levelsOf([
      { id: 'I', rank: 1, text: 'leak_kg < 100' },
      { id: 'IV', rank: 4, text: 'leak_kg >= 1000' },
    ]), SAMPLE_FACTS);
    expect(inverted.map((x) => [x.moreSevere, x.lessSevere, x.witness])).toEqual([
      ['I', 'IV', { smaller: { leak_kg: 0 }, larger: { leak_kg: 1000 } }],
    ]);
  });

  it('uses precedence: overlapping but monotone ladders are fine', () => {
    expect(monotonicityViolations(levelsOf([
      { id: 'II', rank: 2, text: 'leak_kg >= 1000 or fire' },
      { id: 'III', rank: 3, text: '100 <= leak_kg < 1000' },
    ]), SAMPLE_FACTS)).toEqual([]);
  });

  it('enum values are unordered: only equal values compare', () => {
    expect(monotonicityViolations(levelsOf([
      { id: 'I', rank: 1, text: 'warning == orange' },
      { id: 'II', rank: 2, text: 'warning == red' },
    ]), SAMPLE_FACTS)).toEqual([]);
    expect(monotonicityViolations(levelsOf([
      { id: 'I', rank: 1, text: 'warning == red and leak_kg < 10' },
      { id: 'II', rank: 2, text: 'warning == red and leak_kg >= 10' },
    ]), SAMPLE_FACTS).map((x) => x.witness)).toEqual([{ smaller: { leak_kg: 0, warning: 'red' }, larger: { leak_kg: 10, warning: 'red' } }]);
  });
});

// ------------------------------------------------------------ properties

const PFACTS: Fact[] = [
  { id: 'a', label: '泄漏量', type: 'number', unit: 'kg', min: 0 },
  { id: 'n', type: 'integer', min: 0, max: 10 },
  { id: 'b', type: 'boolean' },
  { id: 'w', type: 'enum', values: ['lo', 'mid', 'hi'] },
  { id: 'j', label: '超出处置能力', type: 'judgement', decidedBy: '省人民政府' },
];
const A_POINTS = [0, 0.0005, 0.001, 0.002, 0.5, 1, 1.5, 2, 2.5, 3, 10, 99, 100, 101, 1000, 2000, 2500, 1e6];
const LITS = ['0', '0.5', '1', '2', '2.5', '3', '10', '100', '1000', '-1'];
const OPS = ['<', '<=', '>', '>=', '==', '!=', '≥', '='];

const pointArb = fc.record({
  a: fc.constantFrom(...A_POINTS),
  n: fc.integer({ min: 0, max: 10 }),
  b: fc.boolean(),
  w: fc.constantFrom('lo', 'mid', 'hi'),
  j: fc.boolean(),
});

const aName = fc.constantFrom('a', '泄漏量');
const aLit = fc.tuple(fc.constantFrom(...LITS), fc.constantFrom('', '', '', 'kg', ' t', 'g', ' ppm')).map(([v, u]) => v + u);
const nLit = fc.tuple(fc.constantFrom(...LITS), fc.constantFrom('', '', '', '', '人', 'kg')).map(([v, u]) => v + u);
const numAtom = fc.oneof(
  fc.tuple(aName, fc.constantFrom(...OPS), aLit).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(aLit, fc.constantFrom(...OPS), aName).map(([v, op, f]) => `${v} ${op} ${f}`),
  fc.tuple(fc.constantFrom(...OPS), nLit).map(([op, v]) => `n ${op} ${v}`),
  fc.tuple(nLit, fc.constantFrom(...OPS), fc.constant('n')).map(([v, op, f]) => `${v} ${op} ${f}`),
  fc.tuple(aLit, fc.constantFrom('<', '<='), aName, fc.constantFrom('<', '<='), aLit).map((p) => p.join(' ')),
  fc.tuple(nLit, fc.constantFrom('>', '>='), fc.constant('n'), fc.constantFrom('>', '>='), nLit).map((p) => p.join(' ')),
  fc.tuple(fc.constantFrom('in', 'not in'), fc.array(nLit, { minLength: 1, maxLength: 3 })).map(([k, vs]) => `n ${k} [${vs.join(', ')}]`),
  fc.tuple(aName, fc.constantFrom('in', 'not in'), fc.array(aLit, { minLength: 1, maxLength: 3 })).map(([f, k, vs]) => `${f} ${k} [${vs.join(', ')}]`),
  // Bounds as regulations write them (以上 / 以下 / 超过 …), after the fact, glued to it, or first.
  fc.tuple(aName, aLit.filter((v) => !v.startsWith('-') && !v.includes(' ')), fc.constantFrom('以上', '以下', '以内', '及以上', '及以下')).map(([f, v, w]) => `${f} ${v}${w}`),
  fc.tuple(fc.constantFrom('超过', '不足', '不超过', '至少'), nLit.filter((v) => !v.startsWith('-'))).map(([w, v]) => `n ${w}${v}`),
  fc.tuple(nLit.filter((v) => !v.startsWith('-')), nLit.filter((v) => !v.startsWith('-'))).map(([x, y]) => `n${x}以上${y}以下`),
  fc.tuple(nLit.filter((v) => !v.startsWith('-')), fc.constantFrom('以上', '以下')).map(([v, w]) => `${v}${w} n`),
);
const otherAtom = fc.constantFrom(
  'b', 'not b', 'b == true', 'b != true', 'b == false', 'b < true', 'w == lo', 'w != mid', "w == 'hi'", 'w in [lo, hi]',
  'w not in [mid]', 'w > lo', 'w == zz', 'zz > 1', 'true', 'false', '1 < 2', 'a > n', 'j', 'not 超出处置能力', 'j != b',
);
const { cond } = fc.letrec<{ cond: string; atom: string }>((tie) => ({
  atom: fc.oneof({ weight: 4, arbitrary: numAtom }, { weight: 1, arbitrary: otherAtom }),
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('atom'),
    tie('cond').map((c) => `not (${c})`),
    fc.array(tie('cond'), { minLength: 2, maxLength: 3 }).map((cs) => cs.map((c) => `(${c})`).join(' and ')),
    fc.array(tie('cond'), { minLength: 2, maxLength: 3 }).map((cs) => cs.map((c) => `(${c})`).join(' or ')),
    fc.tuple(tie('cond'), tie('cond')).map(([x, y]) => `(${x}) implies (${y})`),
  ),
}));
// Fact-vs-fact comparisons are the one form regions cannot box; keep them out of the equivalence checks.
const boxable = cond.filter((t) => !t.includes('a > n') && !t.includes('j != b'));

function parsed(t: string) {
  const r = parseExpr(t);
  if (!r.ast) throw new Error(`${t}: ${JSON.stringify(r.errors)}`);
  return r.ast;
}

/** The most severe level (smallest rank) whose trigger holds at `p`, as an index into `levels`. */
function levelAt(levels: Array<{ rank: number; text: string }>, p: FactValues): number | undefined {
  let best: number | undefined;
  levels.forEach((l, i) => {
    if (evaluate(parsed(l.text), p, PFACTS) && (best === undefined || l.rank < levels[best].rank)) best = i;
  });
  return best;
}

const full = (w: Record<string, FactValue>, fill: Record<string, FactValue>): FactValues => ({ ...fill, ...w });

describe('interval properties', () => {
  it('(c) evaluate agrees with membership in regionOf at random points', () => {
    fc.assert(fc.property(boxable, fc.array(pointArb, { minLength: 1, maxLength: 12 }), (t, points) => {
      const ast = parsed(t);
      const r = regionOf(ast, PFACTS);
      expect(r.truncated).toBe(false);
      for (const p of points) {
        expect(regionContains(r, p), `${t} at ${JSON.stringify(p)}`).toBe(evaluate(ast, p, PFACTS));
      }
    }), { numRuns: 2000 });
  });

  it('with 刑法 Art. 99\'s convention too: evaluate and regionOf read 以下 the same way', () => {
    fc.assert(fc.property(boxable, fc.array(pointArb, { minLength: 1, maxLength: 12 }), (t, points) => {
      const ast = parsed(t);
      const r = regionOf(ast, PFACTS, { bounds: CRIMINAL_LAW_BOUNDS });
      for (const p of points) {
        expect(regionContains(r, p), `${t} at ${JSON.stringify(p)}`).toBe(evaluate(ast, p, PFACTS, { bounds: CRIMINAL_LAW_BOUNDS }));
      }
    }), { numRuns: 1000 });
  });

  it('every box of a region is non-empty and inside the region: its sample point satisfies the trigger', () => {
    fc.assert(fc.property(boxable, (t) => {
      const ast = parsed(t);
      for (const b of regionOf(ast, PFACTS).boxes) {
        const p = sampleBox(b, PFACTS);
        expect(evaluate(ast, p, PFACTS), `${t} at ${JSON.stringify(p)}`).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it('subtract and intersect agree with evaluate, on both the negation path and the box-by-box path', () => {
    fc.assert(fc.property(cond, cond, fc.array(pointArb, { minLength: 1, maxLength: 10 }), (t1, t2, points) => {
      const e1 = parsed(t1);
      const e2 = parsed(t2);
      const r1 = regionOf(e1, PFACTS);
      const r2 = regionOf(e2, PFACTS);
      const viaNegation = subtract(r1, r2);
      const boxByBox = subtract(r1, { ...r2 }); // a copy has no trigger behind it
      const both = intersect(r1, r2);
      const either = union(r1, r2);
      for (const p of points) {
        const v1 = evaluate(e1, p, PFACTS);
        const v2 = evaluate(e2, p, PFACTS);
        const at = `${t1} / ${t2} at ${JSON.stringify(p)}`;
        // Fact-vs-fact atoms (`a > n`) cannot be boxed, so compare regions with regions there.
        const c1 = regionContains(r1, p);
        const c2 = regionContains(r2, p);
        if (!t1.includes('a > n') && !t1.includes('j != b')) expect(c1, at).toBe(v1);
        if (!t2.includes('a > n') && !t2.includes('j != b')) expect(c2, at).toBe(v2);
        expect(regionContains(viaNegation, p), at).toBe(c1 && !c2);
        expect(regionContains(boxByBox, p), at).toBe(c1 && !c2);
        expect(regionContains(both, p), at).toBe(c1 && c2);
        expect(regionContains(either, p), at).toBe(c1 || c2);
      }
    }), { numRuns: 1000 });
  });

  const ladder = fc.array(boxable, { minLength: 2, maxLength: 4 })
    .map((texts) => texts.map((text, i) => ({ id: `L${i + 1}`, rank: i + 1, text })));

  it('coverage gaps are exactly the points no level starts', () => {
    fc.assert(fc.property(ladder, fc.array(pointArb, { minLength: 1, maxLength: 10 }), (defs, points) => {
      const levels = levelsOf(defs, PFACTS);
      const gaps = gapRegion(levels, domainRegion(PFACTS));
      fc.pre(!gaps.truncated);
      for (const p of points) {
        const none = defs.every((d) => !evaluate(parsed(d.text), p, PFACTS));
        expect(regionContains(gaps, p)).toBe(none);
      }
      for (const b of gaps.boxes) {
        const p = sampleBox(b, PFACTS);
        expect(defs.every((d) => !evaluate(parsed(d.text), p, PFACTS))).toBe(true);
      }
      // The same gaps, carved box by box from copies (no trigger behind them).
      const carved = gapRegion(levels.map((l) => ({ ...l, region: { ...l.region } })), domainRegion(PFACTS));
      for (const p of points) expect(regionContains(carved, p)).toBe(regionContains(gaps, p));
    }), { numRuns: 300 });
  });

  it('overlaps are exactly the pairs that can start together', () => {
    fc.assert(fc.property(ladder, fc.array(pointArb, { minLength: 1, maxLength: 10 }), (defs, points) => {
      const o = overlaps(levelsOf(defs, PFACTS));
      for (const x of o) {
        const p = sampleBox(x.box, PFACTS);
        expect(evaluate(parsed(defs.find((d) => d.id === x.a)!.text), p, PFACTS)).toBe(true);
        expect(evaluate(parsed(defs.find((d) => d.id === x.b)!.text), p, PFACTS)).toBe(true);
      }
      for (const p of points) {
        const on = defs.filter((d) => evaluate(parsed(d.text), p, PFACTS)).map((d) => d.id);
        for (let i = 0; i < on.length; i++) {
          for (let j = i + 1; j < on.length; j++) {
            const hit = o.find((x) => x.a === on[i] && x.b === on[j]);
            expect(hit, `${on[i]}/${on[j]} at ${JSON.stringify(p)}`).toBeDefined();
            expect(regionContains(hit!.region, p)).toBe(true);
          }
        }
      }
    }), { numRuns: 300 });
  });

  it('monotonicity: witnesses are real, and no ordered pair of points escapes detection', () => {
    const pairArb = fc.tuple(pointArb, pointArb).map(([x, y]) => {
      // Make y ≥ x fact by fact (enum equal).
      const [a1, a2] = [x.a, y.a].sort((p, q) => p - q);
      const [n1, n2] = [x.n, y.n].sort((p, q) => p - q);
      return [{ a: a1, n: n1, b: x.b && y.b, w: x.w, j: x.j && y.j }, { a: a2, n: n2, b: x.b || y.b, w: x.w, j: x.j || y.j }] as const;
    });
    fc.assert(fc.property(ladder, fc.array(pairArb, { minLength: 1, maxLength: 10 }), (defs, pairs) => {
      const levels = levelsOf(defs, PFACTS);
      fc.pre(levels.every((l) => !l.region.truncated));
      const v = monotonicityViolations(levels, PFACTS);
      const fill = { a: 0, n: 0, b: false, w: 'lo', j: false };
      for (const x of v) {
        const s = full(x.witness.smaller, fill);
        const l = full(x.witness.larger, fill);
        expect(defs[levelAt(defs, s)!].id).toBe(x.moreSevere);
        expect(defs[levelAt(defs, l)!].id).toBe(x.lessSevere);
        expect(s.a as number).toBeLessThanOrEqual(l.a as number);
        expect(s.n as number).toBeLessThanOrEqual(l.n as number);
        expect(s.b === true && l.b === false).toBe(false);
        expect(s.w).toBe(l.w);
      }
      for (const [small, large] of pairs) {
        const i = levelAt(defs, small);
        const j = levelAt(defs, large);
        if (i === undefined || j === undefined || !(defs[i].rank < defs[j].rank)) continue;
        expect(v.some((x) => x.moreSevere === defs[i].id && x.lessSevere === defs[j].id),
          `${defs[i].id} at ${JSON.stringify(small)} vs ${defs[j].id} at ${JSON.stringify(large)}`).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
