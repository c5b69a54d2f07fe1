/**
 * The level-table analyses — coverage gaps, overlapping levels, inverted levels — decided on trigger formulas
 * (logic.ts), so their cost follows the size of the conditions rather than the number of boxes their disjunctive
 * normal form would have. A finding is described with exact regions (src/expr/intervals.ts), as it always was, when
 * the triggers involved are small enough for them (`REGION_ATOMS`); otherwise with the solver's witness box. A
 * question the solver cannot settle within its budget makes the result `cut` (the rule then says so).
 */
import {
  complementWithin, describeBox, domainRegion, evaluate, gapRegion, intersect, isEmpty, leqCompatible, leqWitness,
  member, monotonicityReport, or, regionContains, regionOf,
  type Box, type Constraint, type Expr, type FactValue, type Formula, type MonotonicityViolation, type Region,
} from '../expr/index.js';
import type { Level, Plan } from '../model/index.js';
import { TriggerLogic } from './logic.js';

/** A level and its (parsed) trigger. */
export interface LevelTrigger {
  level: Level;
  ast: Expr;
}

/** Largest number of atoms in the triggers of one finding for which it is described with exact regions (the functions take another for tests). */
export const REGION_ATOMS = 64;

const ATOMS = new WeakMap<Expr, number>();

/** Comparisons and boolean facts in a trigger. */
export function atomCount(ast: Expr): number {
  let n = ATOMS.get(ast);
  if (n !== undefined) return n;
  switch (ast.type) {
    case 'and': case 'or': n = ast.operands.reduce((t, o) => t + atomCount(o), 0); break;
    case 'not': n = atomCount(ast.operand); break;
    case 'implies': n = atomCount(ast.left) + atomCount(ast.right); break;
    case 'in': n = ast.values.length; break;
    default: n = 1;
  }
  ATOMS.set(ast, n);
  return n;
}

const small = (items: readonly LevelTrigger[], limit: number) => items.reduce((t, i) => t + atomCount(i.ast), 0) <= limit;

/** Limits of an analysis: its solver work budget, and up to how many atoms findings are described with regions. */
export interface AnalysisOptions {
  maxWork?: number;
  regionAtoms?: number;
}

// ---------------------------------------------------------------- overlap

/** Two levels whose triggers hold at once, and a box of values where both do. */
export interface LevelOverlap {
  a: Level;
  b: Level;
  box: Box;
}

/** Every pair of levels (in input order) whose triggers can hold at once; `cut` when the budget ran out. */
export function levelOverlaps(plan: Plan, items: readonly LevelTrigger[], { maxWork, regionAtoms = REGION_ATOMS }: AnalysisOptions = {}): { found: LevelOverlap[]; cut: boolean } {
  const logic = new TriggerLogic(plan, maxWork);
  const regions = new Map<Level, Region>();
  const region = (i: LevelTrigger) => regions.get(i.level) ?? regions.set(i.level, regionOf(i.ast, plan.facts)).get(i.level)!;
  const found: LevelOverlap[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const fa = logic.holds(a.ast);
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j];
      const w = logic.witness(fa, logic.holds(b.ast));
      if (w === undefined) return { found, cut: true };
      if (w === null) continue;
      let box = w;
      if (small([a, b], regionAtoms)) {
        // The box with the fewest constrained facts reads best in a message.
        const r = intersect(region(a), region(b));
        if (!r.truncated && !isEmpty(r)) box = r.boxes.reduce((best, x) => (x.size < best.size ? x : best));
      }
      found.push({ a: a.level, b: b.level, box });
    }
  }
  return { found, cut: false };
}

// ---------------------------------------------------------------- coverage

/** A value inside a constraint (a closed bound when there is one). */
function inside(c: Constraint): FactValue {
  if (c.kind !== 'interval') return c.values[0];
  if (Number.isFinite(c.lo) && !c.loOpen) return c.lo;
  if (Number.isFinite(c.hi) && !c.hiOpen) return c.hi;
  if (Number.isFinite(c.lo) && Number.isFinite(c.hi)) return c.lo + (c.hi - c.lo) / 2;
  if (Number.isFinite(c.lo)) return c.lo + 1;
  if (Number.isFinite(c.hi)) return c.hi - 1;
  return 0;
}

/** Values just outside a constraint, within reach of a neighbouring region (one step past each bound, the other set members). */
function beside(c: Constraint, domain: Constraint | undefined): FactValue[] {
  if (c.kind === 'boolean') return [true, false].filter((v) => !c.values.includes(v));
  if (c.kind === 'enum') return domain?.kind === 'enum' ? domain.values.filter((v) => !c.values.includes(v)) : [];
  const step = (x: number) => (c.integer ? 1 : Math.max(1e-9, Math.abs(x) * 1e-9));
  const out: number[] = [];
  if (Number.isFinite(c.lo)) out.push(c.loOpen ? c.lo : c.lo - step(c.lo));
  if (Number.isFinite(c.hi)) out.push(c.hiOpen ? c.hi : c.hi + step(c.hi));
  return out;
}

/**
 * Levels that start right next to a gap: a point inside the gap (other facts at their smallest / first value) is
 * moved just across each bound of the gap, and every level whose trigger holds there (`starts`) is a neighbour.
 */
function neighbours(gap: Box, levels: readonly Level[], domain: ReadonlyMap<string, Constraint>, starts: (l: Level, point: Record<string, FactValue>) => boolean): Level[] {
  const point: Record<string, FactValue> = {};
  for (const [id, c] of domain) point[id] = inside(c);
  for (const [id, c] of gap) point[id] = inside(c);
  const found = new Set<Level>();
  for (const [id, c] of gap) {
    for (const v of beside(c, domain.get(id))) {
      const probe = { ...point, [id]: v };
      for (const l of levels) if (starts(l, probe)) found.add(l);
    }
  }
  return levels.filter((l) => found.has(l));
}

/** The values outside a box, as a formula (a box that constrains nothing has no outside). */
function outside(box: Box, domain: ReadonlyMap<string, Constraint>): Formula {
  const parts: Formula[] = [];
  for (const [fact, c] of box) {
    const d = domain.get(fact);
    for (const piece of d ? complementWithin(d, c) : []) parts.push({ k: 'atom', fact, c: piece });
  }
  return or(parts);
}

/** A stretch of values no level starts, with the levels that start next to it. */
export interface CoverageGap {
  box: Box;
  neighbours: Level[];
}

/**
 * Up to `max` boxes of values no level's trigger holds for (none when the levels cover every valuation of the facts
 * their triggers and domains mention); `cut` when the budget ran out.
 */
export function coverageGaps(plan: Plan, items: readonly LevelTrigger[], max: number, { maxWork, regionAtoms = REGION_ATOMS }: AnalysisOptions = {}): { gaps: CoverageGap[]; cut: boolean } {
  const logic = new TriggerLogic(plan, maxWork);
  const fails = items.map((i) => logic.fails(i.ast));
  const first = logic.witness(...fails);
  if (first === undefined) return { gaps: [], cut: true };
  if (first === null) return { gaps: [], cut: false };
  const levels = items.map((i) => i.level);
  const domain = domainRegion(plan.facts);
  if (small(items, regionAtoms)) {
    const parsed = items.map((i) => ({ id: i.level.id, level: i.level, region: regionOf(i.ast, plan.facts) }));
    const gaps = parsed.some((p) => p.region.truncated) ? undefined : gapRegion(parsed, domain);
    if (gaps && !gaps.truncated) {
      const regionOfLevel = new Map(parsed.map((p) => [p.level, p.region] as const));
      return {
        gaps: gaps.boxes.slice(0, max).map((box) => ({ box, neighbours: neighbours(box, levels, domain.domain, (l, p) => regionContains(regionOfLevel.get(l)!, p)) })),
        cut: false,
      };
    }
  }
  // Large triggers: one witness box after another, each excluded before looking for the next.
  const inDomain = (p: Record<string, FactValue>) => [...domain.domain].every(([k, c]) => !Object.hasOwn(p, k) || member(c, p[k]));
  const starts = (l: Level, p: Record<string, FactValue>) => inDomain(p) && evaluate(items.find((i) => i.level === l)!.ast, p, plan.facts);
  const boxes: Box[] = [first];
  const excluded = [outside(first, domain.domain)];
  while (boxes.length < max) {
    const next = logic.witness(...fails, ...excluded);
    if (next === undefined) return { gaps: boxes.map((box) => ({ box, neighbours: neighbours(box, levels, domain.domain, starts) })), cut: true };
    if (next === null) break;
    boxes.push(next);
    excluded.push(outside(next, domain.domain));
  }
  return { gaps: boxes.map((box) => ({ box, neighbours: neighbours(box, levels, domain.domain, starts) })), cut: false };
}

/** Text of a gap box, for messages. */
export const gapText = (box: Box, plan: Plan) => ({ en: describeBox(box, plan.facts, 'en'), zh: describeBox(box, plan.facts, 'zh') });

// ---------------------------------------------------------------- monotonicity

/** A level with its severity rank (1 = most severe). */
export interface RankedTrigger extends LevelTrigger {
  rank: number;
}

/** Renames the facts of a formula (for the second valuation of a pair). */
function renamed(f: Formula, name: (fact: string) => string, memo: Map<Formula, Formula>): Formula {
  let r = memo.get(f);
  if (r) return r;
  r = f.k === 'atom' ? { ...f, fact: name(f.fact) } : f.k === 'const' ? f : { k: f.k, xs: f.xs.map((x) => renamed(x, name, memo)) };
  memo.set(f, r);
  return r;
}

/**
 * Incidents x ≤ y where x starts a strictly more severe level than y (see `monotonicityViolations` in
 * src/expr/intervals.ts for the reading), one per pair of levels, pairs in order of rank; `cut` when the budget ran
 * out. Each level's effective region is its trigger minus the triggers of all more severe levels.
 */
export function levelInversions(plan: Plan, ranked: readonly RankedTrigger[], { maxWork, regionAtoms = REGION_ATOMS }: AnalysisOptions = {}): { violations: MonotonicityViolation[]; cut: boolean } {
  if (small(ranked, regionAtoms)) {
    const regions = ranked.map((r) => ({ id: r.level.id, rank: r.rank, region: regionOf(r.ast, plan.facts) }));
    if (!regions.some((r) => r.region.truncated)) {
      const report = monotonicityReport(regions, plan.facts);
      if (!report.truncated) return { violations: report.violations, cut: false };
    }
  }
  const logic = new TriggerLogic(plan, maxWork);
  const base = logic.domain;
  // The second valuation's facts are renamed; each fact is coupled to its copy: x ≤ y.
  const copy = (fact: string) => `\u0000y\u0000${fact}`;
  const domain = new Map(base);
  const pairs = new Map<string, { x: string; y: string }>();
  for (const [k, c] of base) { domain.set(copy(k), c); const p = { x: k, y: copy(k) }; pairs.set(k, p); pairs.set(copy(k), p); }
  const coupling = { pairs, compatible: leqCompatible };
  const memo = new Map<Formula, Formula>();
  const sorted = [...ranked].sort((x, y) => x.rank - y.rank);
  const effective = (r: RankedTrigger, second: boolean) => {
    const c = logic.conjunction(domain, coupling);
    const f = (x: Formula) => (second ? renamed(x, copy, memo) : x);
    c.add(f(logic.holds(r.ast)));
    for (const m of sorted) if (m.rank < r.rank) c.add(f(logic.fails(m.ast)));
    return c;
  };
  const xs = sorted.map((r) => effective(r, false));
  const ys = sorted.map((r) => effective(r, true));
  const violations: MonotonicityViolation[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (!xs[i].possible) continue;
    for (let j = 0; j < sorted.length; j++) {
      if (!(sorted[i].rank < sorted[j].rank) || !ys[j].possible) continue;
      const w = xs[i].and(ys[j]).solve();
      if (w === undefined) return { violations, cut: true };
      if (w === null) continue;
      const smaller = new Map<string, Constraint>();
      const larger = new Map<string, Constraint>();
      for (const [k, c] of w) {
        if (k.startsWith('\u0000y\u0000')) larger.set(k.slice(3), c); else smaller.set(k, c);
      }
      const witness = leqWitness(smaller, larger, base);
      if (!witness) continue; // cannot happen for a coupled solution; never report without a witness
      violations.push({ moreSevere: sorted[i].level.id, lessSevere: sorted[j].level.id, smaller, larger, witness });
    }
  }
  return { violations, cut: false };
}
