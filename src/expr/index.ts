/** yuan's trigger-condition language: parse, print, check, evaluate and analyse triggers. */
export type {
  AndExpr, BooleanExpr, BoundConvention, BoundConventionEn, BoundExpr, BoundMeaning, BoundTerm, CompareExpr, CompareOp, Expr, ExprError,
  ExprOptions, IdentExpr, ImpliesExpr, InExpr, NotExpr, NumberExpr, OrExpr, Span, StringExpr, ValueExpr,
} from './ast.js';
export { sameValue, stripPositions } from './ast.js';
export { MAX_EXPR_DEPTH, MAX_EXPR_LENGTH, parseExpr, type ParseOptions, type ParseResult } from './parse.js';
export { isChain, printBound, printExpr } from './print.js';
export { checkExpr, referencedFacts } from './check.js';
export { evaluate, evaluateTri, type FactValues } from './evaluate.js';
export {
  boundCompares, boundConvention, boundOp, boundWordInfo, CRIMINAL_LAW_BOUNDS, PREFIX_BOUND_WORDS,
  STATUTORY_BOUNDS, SUFFIX_BOUND_WORDS, type BoundWordInfo,
} from './bounds.js';
export {
  caseVariants, convertUnit, dimensionName, isCountUnit, isPlainUnit, lookupUnit, UNIT_SPELLINGS, unitsOf,
  type Dimension, type UnitInfo,
} from './units.js';
export { factLookup, isBooleanFact, type FactLookup } from './resolve.js';
export {
  coverageGaps, describeBox, domainRegion, effectiveRegions, factDomain, gapRegion, intersect, isEmpty, leqCompatible, leqWitness,
  MAX_BOXES, MAX_WORK,
  monotonicityReport, monotonicityViolations, overlaps, regionContains, regionOf, sampleBox, subtract, union,
  type Box, type Constraint, type FactValue, type Interval, type LevelRegion, type MonotonicityReport, type MonotonicityViolation,
  type Overlap, type RankedLevelRegion, type Region, type RegionHook,
} from './intervals.js';
export { compileConstraints, FactConstraints, type OrderRelation, type Valuation } from './constraints.js';
export {
  bandKey, criterionKey, dependsOnJudgement, equivalentCriteria, judgementFacts, sameCriterion, singleBand, type Band,
} from './grading.js';
export { and, FALSE, or, TRUE, triggerFormula, type Formula, type TriggerFormula } from './formula.js';
export { Conjunction, satisfy, SOLVER_WORK, Work, type Coupling } from './solve.js';
export { complementWithin, member } from './box.js';
