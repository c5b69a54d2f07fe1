import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BoundTerm, CompareOp, Expr, NumberExpr, ValueExpr } from './ast.js';
import { stripPositions } from './ast.js';
import { parseExpr } from './parse.js';
import { printExpr } from './print.js';
import { PREFIX_BOUND_WORDS, SUFFIX_BOUND_WORDS } from './bounds.js';
import { lookupUnit, UNIT_SPELLINGS } from './units.js';

function roundTrip(text: string): string {
  const r = parseExpr(text);
  expect(r.errors).toEqual([]);
  return printExpr(r.ast!);
}

describe('printExpr', () => {
  it('prints canonical text with ASCII keywords', () => {
    expect(roundTrip('泄漏量 >= 1000 或 火灾')).toBe('泄漏量 >= 1000 or 火灾');
    expect(roundTrip('a && !b || c')).toBe('a and not b or c');
    expect(roundTrip('x ≥ 1 且 x ≠ 2')).toBe('x >= 1 and x != 2');
    expect(roundTrip('x = 1')).toBe('x == 1');
    expect(roundTrip('warning in [orange, red]')).toBe('warning in [orange, red]');
    expect(roundTrip('warning not in ["a b", \'c\']')).toBe("warning not in ['a b', 'c']");
    expect(roundTrip(`w == "it's"`)).toBe(`w == 'it\\'s'`);
    expect(roundTrip('rain >= 100 mm and not levee')).toBe('rain >= 100mm and not levee');
    expect(roundTrip('x > 1e3')).toBe('x > 1000');
    expect(roundTrip('x > -0')).toBe('x > -0');
    expect(roundTrip('fire')).toBe('fire');
  });

  it('keeps only the parentheses the tree needs', () => {
    expect(roundTrip('(a and b) or c')).toBe('a and b or c');
    expect(roundTrip('(a or b) and c')).toBe('(a or b) and c');
    expect(roundTrip('((a))')).toBe('a');
    expect(roundTrip('not (a or b)')).toBe('not (a or b)');
    expect(roundTrip('not (x < 3)')).toBe('not x < 3');
    // Same-operator nesting written with parentheses is a different tree, so it keeps them.
    expect(roundTrip('(a or b) or c')).toBe('(a or b) or c');
    expect(roundTrip('a and (b and c)')).toBe('a and (b and c)');
  });

  it('prints chains as chains', () => {
    expect(roundTrip('100 <= leak_kg < 1000')).toBe('100 <= leak_kg < 1000');
    expect(roundTrip('100 <= leak_kg and leak_kg < 1000')).toBe('100 <= leak_kg < 1000');
    expect(roundTrip('fire and 1 <= injured <= 2')).toBe('fire and 1 <= injured <= 2');
    expect(roundTrip('not 1 < x < 2')).toBe('not 1 < x < 2');
    expect(roundTrip('x < 1 and x > 2')).toBe('x < 1 and x > 2');
  });

  it('keeps a space between a 万/亿-scaled numeral and its unit (glued, 万kg would be the unit)', () => {
    // Found by the random round-trip property: `1e3万 kg` printed as `1e3万kg` re-parsed as 1000 万kg.
    expect(roundTrip('m > 1e3万 kg')).toBe('m > 1e3万 kg');
    expect(roundTrip('n >= 10万人')).toBe('n >= 10万人');
  });
});

// ------------------------------------------------------------ random ASTs

const P = { start: 0, end: 0 };
const NAMES = ['leak_kg', 'injured', 'fire', '泄漏量', '火灾', 'x', '_y1', 'warning', 'orange', 'Ab', '或许', 'kg', 'e1', 'min'];
const OPS: CompareOp[] = ['<', '<=', '>', '>=', '==', '!='];

const identArb = fc.constantFrom(...NAMES).map((name): ValueExpr => ({ type: 'ident', name, ...P }));
const numberArb = fc.record({
  value: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  unit: fc.option(fc.constantFrom(...UNIT_SPELLINGS, 'kgs', 'KG', '%'), { nil: undefined }),
}).map(({ value, unit }): ValueExpr => (unit === undefined ? { type: 'number', value, ...P } : { type: 'number', value, unit, ...P }));
const stringArb = fc.string({ unit: 'binary', maxLength: 8 }).map((value): ValueExpr => ({ type: 'string', value, ...P }));
const boolArb = fc.boolean().map((value): ValueExpr => ({ type: 'boolean', value, ...P }));
const valueArb = fc.oneof(identArb, identArb, numberArb, stringArb, boolArb);

const compareArb = fc.record({ op: fc.constantFrom(...OPS), left: valueArb, right: valueArb })
  .map(({ op, left, right }): Expr => ({ type: 'compare', op, left, right, ...P, opStart: 0, opEnd: 0 }));
const inArb = fc.record({ negated: fc.boolean(), left: valueArb, values: fc.array(valueArb, { minLength: 1, maxLength: 4 }) })
  .map(({ negated, left, values }): Expr => ({ type: 'in', negated, left, values, ...P, opStart: 0, opEnd: 0 }));
// Chains: compares in one direction sharing their middle operand, the shape `1 < x <= 2` parses to.
const chainArb = fc.record({
  up: fc.boolean(),
  values: fc.array(valueArb, { minLength: 3, maxLength: 4 }),
  strict: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
}).map(({ up, values, strict }): Expr => ({
  type: 'and', ...P,
  operands: values.slice(1).map((right, k) => ({
    type: 'compare', left: values[k], right, ...P, opStart: 0, opEnd: 0,
    op: (up ? (strict[k] ? '<' : '<=') : (strict[k] ? '>' : '>=')) as CompareOp,
  })),
}));

// Numerals as regulations write them: thousands separators and 万/亿 (with no unit, or a unit 万 cannot join: `10万头`).
const writtenNumberArb = fc.oneof(
  fc.integer({ min: 1, max: 999 }).chain((k) => fc.constantFrom('万', '亿').map((s): NumberExpr => ({ type: 'number', value: k * (s === '万' ? 1e4 : 1e8), text: `${k}${s}`, ...P }))),
  fc.integer({ min: 1000, max: 1e9 }).map((v): NumberExpr => ({ type: 'number', value: v, text: v.toLocaleString('en-US'), ...P })),
).chain((n) => fc.option(fc.constantFrom('头', '架次'), { nil: undefined }).map((unit) => (unit === undefined ? n : { ...n, unit })));
const boundNumberArb = fc.oneof(
  fc.record({ value: fc.integer({ min: 0, max: 1e6 }), unit: fc.option(fc.constantFrom('人', '万元', '亿元', 'kg', 'm3', '%', '级', 'MPa', '公顷', '毫米/小时', '头'), { nil: undefined }) })
    .map(({ value, unit }): NumberExpr => (unit === undefined ? { type: 'number', value, ...P } : { type: 'number', value, unit, ...P })),
  writtenNumberArb,
);
const termArb = (side: 'prefix' | 'suffix', words: readonly string[]) => fc.record({ word: fc.constantFrom(...words), value: boundNumberArb })
  .map(({ word, value }): BoundTerm => ({ word, value, ...P, wordStart: 0, wordEnd: 0 }));
const LOWER = ['以上', '及以上', '超过', '多于', '不少于', '至少'];
const UPPER = ['以下', '以内', '及以下', '不足', '少于', '不超过', '不到'];
const sideTerms = (words: string[]) => fc.oneof(termArb('suffix', words.filter((w) => SUFFIX_BOUND_WORDS.includes(w))), termArb('prefix', words.filter((w) => PREFIX_BOUND_WORDS.includes(w))));
const boundArb = fc.record({
  fact: fc.constantFrom(...NAMES),
  first: sideTerms(LOWER),
  second: fc.option(sideTerms(UPPER), { nil: undefined }),
  swap: fc.boolean(),
  boundFirst: fc.boolean(),
})
  // After a number a unit spelling is always the unit (`超过3 kg` is 3 kg), so a fact named `kg` cannot follow one.
  .filter(({ fact, boundFirst, second, first, swap }) => !(boundFirst && lookupUnit(fact) && PREFIX_BOUND_WORDS.includes((second === undefined || swap ? first : second).word)))
  .map(({ fact, first, second, swap, boundFirst }): Expr => ({
    type: 'bound', fact: { type: 'ident', name: fact, ...P }, boundFirst, ...P,
    terms: second === undefined ? [first] : swap ? [second, first] : [first, second],
  }));

const { expr: exprArb } = fc.letrec<{ expr: Expr; not: Expr; and: Expr; or: Expr; implies: Expr; atom: Expr }>((tie) => ({
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('atom'), tie('not'), tie('and'), tie('or'), tie('implies')),
  atom: fc.oneof(compareArb, compareArb, inArb, chainArb, identArb, boolArb, numberArb, stringArb, boundArb, boundArb,
    fc.record({ op: fc.constantFrom(...OPS), left: identArb, right: writtenNumberArb }).map(({ op, left, right }): Expr => ({ type: 'compare', op, left, right, ...P, opStart: 0, opEnd: 0 }))),
  implies: fc.tuple(tie('expr'), tie('expr')).map(([left, right]): Expr => ({ type: 'implies', left, right, ...P, opStart: 0, opEnd: 0 })),
  not: tie('expr').map((operand): Expr => ({ type: 'not', operand, ...P })),
  and: fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((operands): Expr => ({ type: 'and', operands, ...P })),
  or: fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((operands): Expr => ({ type: 'or', operands, ...P })),
}));

describe('printExpr properties', () => {
  it('(b) printing a random AST and parsing it back gives the same AST (positions aside)', () => {
    fc.assert(fc.property(exprArb, (a) => {
      const text = printExpr(a);
      const r = parseExpr(text);
      expect(r.errors).toEqual([]);
      expect(stripPositions(r.ast!)).toEqual(stripPositions(a));
      // Canonical: printing is a fixed point.
      expect(printExpr(r.ast!)).toBe(text);
    }), { numRuns: 3000 });
  });
});
