/** yuan's trigger-condition language: parse, print, check, evaluate and analyse triggers. */
export type {
  AndExpr, BooleanExpr, CompareExpr, CompareOp, Expr, ExprError, IdentExpr, InExpr, NotExpr, NumberExpr, OrExpr,
  Span, StringExpr, ValueExpr,
} from './ast.js';
export { sameValue, stripPositions } from './ast.js';
export { MAX_EXPR_DEPTH, MAX_EXPR_LENGTH, parseExpr, type ParseResult } from './parse.js';
export { isChain, printExpr } from './print.js';
export { checkExpr, referencedFacts } from './check.js';
export { evaluate, evaluateTri, type FactValues } from './evaluate.js';
export {
  convertUnit, dimensionName, isCountUnit, lookupUnit, UNIT_SPELLINGS, unitsOf, type Dimension, type UnitInfo,
} from './units.js';
export { factLookup, type FactLookup } from './resolve.js';
export {
  coverageGaps, describeBox, domainRegion, factDomain, gapRegion, intersect, isEmpty, leqCompatible, leqWitness, MAX_BOXES, MAX_WORK,
  monotonicityReport, monotonicityViolations, overlaps, regionContains, regionOf, sampleBox, subtract, union,
  type Box, type Constraint, type FactValue, type Interval, type LevelRegion, type MonotonicityReport, type MonotonicityViolation,
  type Overlap, type RankedLevelRegion, type Region,
} from './intervals.js';
export { and, FALSE, or, TRUE, triggerFormula, type Formula, type TriggerFormula } from './formula.js';
export { Conjunction, satisfy, SOLVER_WORK, Work, type Coupling } from './solve.js';
export { complementWithin, member } from './box.js';
