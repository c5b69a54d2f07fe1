import {
  checkExpr, describeBox, domainRegion, gapRegion, regionContains, regionOf,
  type Box, type Constraint, type FactValue, type LevelRegion, type Region,
} from '../../expr/index.js';
import type { Fact, Level } from '../../model/index.js';
import { defineRule } from '../rule.js';

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
 * moved just across each bound of the gap, and every level whose trigger holds there is a neighbour.
 */
function neighbours(gap: Box, levels: { level: Level; region: Region }[], domain: Region): Level[] {
  const point: Record<string, FactValue> = {};
  for (const [id, c] of domain.domain) point[id] = inside(c);
  for (const [id, c] of gap) point[id] = inside(c);
  const found = new Set<Level>();
  for (const [id, c] of gap) {
    for (const v of beside(c, domain.domain.get(id))) {
      const probe = { ...point, [id]: v };
      for (const l of levels) if (regionContains(l.region, probe)) found.add(l.level);
    }
  }
  return levels.map((l) => l.level).filter((l) => found.has(l));
}

/**
 * Interval analysis over the level triggers proves that every valuation of the facts they mention starts some
 * level; each uncovered box is reported in words at the levels table, with the levels bordering it as related.
 */
export default defineRule({
  meta: {
    id: 'level-coverage',
    description: { en: 'The level triggers together cover every incident', zh: '各响应级别的启动条件应覆盖所有事故情形' },
    severity: 'error',
    clause: 'GB/T 29639-2020 6.2 (响应分级) / 6.4.1 (响应启动)',
    options: { max: 10 },
  },
  check({ plan, report, options }) {
    if (plan.levels.length === 0) return;
    const facts: readonly Fact[] = plan.facts;
    // A trigger that did not parse or type-check could cover anything: no proof is possible (trigger/* is reported).
    const broken = (l: Level) => !!l.trigger && l.trigger.text.trim() !== '' && (!l.trigger.ast || checkExpr(l.trigger.ast, facts).length > 0);
    if (plan.levels.some(broken)) return;
    const parsed = plan.levels.filter((l) => l.trigger?.ast).map((level) => ({ level, region: regionOf(level.trigger!.ast!, facts) }));
    if (parsed.length === 0) return; // nothing to analyse: level-trigger reports the levels
    if (parsed.some((p) => p.region.truncated)) return;
    const domain = domainRegion(facts);
    const gaps = gapRegion(parsed.map((p): LevelRegion => ({ id: p.level.id, region: p.region })), domain);
    if (gaps.truncated) return;
    const max = typeof options.max === 'number' ? options.max : 10;
    for (const box of gaps.boxes.slice(0, max)) {
      const en = describeBox(box, facts, 'en');
      const zh = describeBox(box, facts, 'zh');
      report({
        node: plan.levels[0],
        message: `Unexpected gap: ${en} starts no level, expected every incident to start a level`,
        messageZh: `${zh} 时不启动任何响应级别，每种事故情形都应对应一个响应级别`,
        related: neighbours(box, parsed, domain).map((l) => ({
          node: l, field: 'trigger',
          message: `neighbouring level \`${l.id}\` starts here`, messageZh: `相邻级别 \`${l.id}\` 的启动条件`,
        })),
      });
    }
  },
});
