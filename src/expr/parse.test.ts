import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BooleanExpr, CompareExpr, CompareOp, Expr, IdentExpr, NumberExpr, StringExpr, ValueExpr } from './ast.js';
import { stripPositions } from './ast.js';
import { MAX_EXPR_DEPTH, MAX_EXPR_LENGTH, parseExpr } from './parse.js';
import { printExpr } from './print.js';
import { checkExpr } from './check.js';
import { evaluate } from './evaluate.js';
import { regionOf } from './intervals.js';
import { CRIMINAL_LAW_BOUNDS } from './bounds.js';
import { compileConstraints } from './constraints.js';
import { criterionKey, singleBand } from './grading.js';
import type { Fact } from '../model/plan.js';

const id = (name: string, start: number): IdentExpr => ({ type: 'ident', name, start, end: start + name.length });
const num = (value: number, start: number, end: number, unit?: [string, number, number]): NumberExpr =>
  unit ? { type: 'number', value, start, end, unit: unit[0], unitStart: unit[1], unitEnd: unit[2] } : { type: 'number', value, start, end };
const str = (value: string, start: number, end: number): StringExpr => ({ type: 'string', value, start, end });
const bool = (value: boolean, start: number, end: number): BooleanExpr => ({ type: 'boolean', value, start, end });
const cmp = (op: CompareOp, left: ValueExpr, right: ValueExpr, opStart: number, opEnd: number): CompareExpr =>
  ({ type: 'compare', op, left, right, start: left.start, end: right.end, opStart, opEnd });

function ast(text: string): Expr {
  const r = parseExpr(text);
  expect(r.errors).toEqual([]);
  expect(r.ast).toBeDefined();
  return r.ast!;
}

function error(text: string) {
  const r = parseExpr(text);
  expect(r.ast).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  return r.errors[0];
}

describe('parseExpr: the examples of the brief, exact AST', () => {
  it('leak_kg >= 100 and injured < 3', () => {
    expect(ast('leak_kg >= 100 and injured < 3')).toEqual({
      type: 'and', start: 0, end: 30,
      operands: [
        cmp('>=', id('leak_kg', 0), num(100, 11, 14), 8, 10),
        cmp('<', id('injured', 19), num(3, 29, 30), 27, 28),
      ],
    });
  });

  it('泄漏量 >= 1000 或 火灾 (Chinese names and keyword)', () => {
    expect(ast('泄漏量 >= 1000 或 火灾')).toEqual({
      type: 'or', start: 0, end: 16,
      operands: [cmp('>=', id('泄漏量', 0), num(1000, 7, 11), 4, 6), id('火灾', 14)],
    });
  });

  it('warning in [orange, red]', () => {
    expect(ast('warning in [orange, red]')).toEqual({
      type: 'in', negated: false, start: 0, end: 24, opStart: 8, opEnd: 10,
      left: id('warning', 0), values: [id('orange', 12), id('red', 20)],
    });
  });

  it('100 <= leak_kg < 1000 desugars to an and of two compares', () => {
    expect(ast('100 <= leak_kg < 1000')).toEqual({
      type: 'and', start: 0, end: 21,
      operands: [
        cmp('<=', num(100, 0, 3), id('leak_kg', 7), 4, 6),
        cmp('<', id('leak_kg', 7), num(1000, 17, 21), 15, 16),
      ],
    });
  });

  it('死亡人数 >= 3 || 扩散到厂外', () => {
    expect(ast('死亡人数 >= 3 || 扩散到厂外')).toEqual({
      type: 'or', start: 0, end: 18,
      operands: [cmp('>=', id('死亡人数', 0), num(3, 8, 9), 5, 7), id('扩散到厂外', 13)],
    });
  });

  it('rain_mm_24h >= 100mm and not levee_breach', () => {
    expect(ast('rain_mm_24h >= 100mm and not levee_breach')).toEqual({
      type: 'and', start: 0, end: 41,
      operands: [
        cmp('>=', id('rain_mm_24h', 0), num(100, 15, 20, ['mm', 18, 20]), 12, 14),
        { type: 'not', start: 25, end: 41, operand: id('levee_breach', 29) },
      ],
    });
  });
});

describe('parseExpr: every syntax form', () => {
  it('not in with mixed literals', () => {
    expect(ast(`x not in [1, 'a', true]`)).toEqual({
      type: 'in', negated: true, start: 0, end: 23, opStart: 2, opEnd: 8,
      left: id('x', 0), values: [num(1, 10, 11), str('a', 13, 16), bool(true, 18, 22)],
    });
  });

  it('numbers: integer, decimal, negative, exponent, leading dot', () => {
    expect(ast('x == -3')).toEqual(cmp('==', id('x', 0), num(-3, 5, 7), 2, 4));
    expect(ast('x > 1.5')).toEqual(cmp('>', id('x', 0), num(1.5, 4, 7), 2, 3));
    expect(ast('x < 1e3')).toEqual(cmp('<', id('x', 0), num(1000, 4, 7), 2, 3));
    expect(ast('x < 2.5E-1')).toEqual(cmp('<', id('x', 0), num(0.25, 4, 10), 2, 3));
    expect(ast('x >= .5')).toEqual(cmp('>=', id('x', 0), num(0.5, 5, 7), 2, 4));
  });

  it('units attached or after a space, ASCII and Chinese', () => {
    expect(ast('a >= 100 kg')).toEqual(cmp('>=', id('a', 0), num(100, 5, 11, ['kg', 9, 11]), 2, 4));
    expect(ast('a >= 100kg')).toEqual(cmp('>=', id('a', 0), num(100, 5, 10, ['kg', 8, 10]), 2, 4));
    const unitOf = (t: string) => ((ast(t) as CompareExpr).right as NumberExpr);
    expect(unitOf('a > 50mm')).toMatchObject({ value: 50, unit: 'mm' });
    expect(unitOf('a > 25 ppm')).toMatchObject({ value: 25, unit: 'ppm' });
    expect(unitOf('a > 1 t')).toMatchObject({ value: 1, unit: 't' });
    expect(unitOf('a > 30min')).toMatchObject({ value: 30, unit: 'min' });
    expect(unitOf('a > 3人')).toMatchObject({ value: 3, unit: '人', unitStart: 5, unitEnd: 6 });
    expect(unitOf('a > 10万元')).toMatchObject({ value: 10, unit: '万元' });
    expect(unitOf('a > 2 m³')).toMatchObject({ value: 2, unit: 'm³' });
    expect(unitOf('a > 5 mg/m3')).toMatchObject({ value: 5, unit: 'mg/m3' });
    expect(unitOf('a > 1.5t/h')).toMatchObject({ value: 1.5, unit: 't/h' });
    expect(unitOf('a > 3 KG')).toMatchObject({ value: 3, unit: 'KG' });
    // An unknown unit attached to the number is kept, so the checker can name it.
    expect(unitOf('a > 100kgs')).toMatchObject({ value: 100, unit: 'kgs', unitStart: 7, unitEnd: 10 });
    expect(unitOf('a > 100eur')).toMatchObject({ value: 100, unit: 'eur' });
  });

  it('strings in three quote styles, with escapes', () => {
    expect(ast(`w == "red"`)).toEqual(cmp('==', id('w', 0), str('red', 5, 10), 2, 4));
    expect(ast(`w == 'it\\'s'`)).toEqual(cmp('==', id('w', 0), str("it's", 5, 12), 2, 4));
    expect(ast('w == “红色”')).toEqual(cmp('==', id('w', 0), str('红色', 5, 9), 2, 4));
  });

  it('booleans and bare boolean facts', () => {
    expect(ast('true')).toEqual(bool(true, 0, 4));
    expect(ast('fire == false')).toEqual(cmp('==', id('fire', 0), bool(false, 8, 13), 5, 7));
    expect(ast('fire')).toEqual(id('fire', 0));
    expect(ast('not fire')).toEqual({ type: 'not', start: 0, end: 8, operand: id('fire', 4) });
    expect(ast('!fire')).toEqual({ type: 'not', start: 0, end: 5, operand: id('fire', 1) });
    expect(ast('非 火灾')).toEqual({ type: 'not', start: 0, end: 4, operand: id('火灾', 2) });
  });

  it('keyword spellings: && || ! 且 并且 或 或者 and case-insensitive ASCII', () => {
    const s = (t: string) => stripPositions(ast(t));
    const ab = (type: 'and' | 'or') => ({ type, operands: [{ type: 'ident', name: 'a' }, { type: 'ident', name: 'b' }] });
    for (const t of ['a and b', 'a && b', 'a 且 b', 'a 并且 b', 'a AND b', 'a And b']) expect(s(t)).toEqual(ab('and'));
    for (const t of ['a or b', 'a || b', 'a 或 b', 'a 或者 b', 'a OR b']) expect(s(t)).toEqual(ab('or'));
    expect(s('NOT a')).toEqual({ type: 'not', operand: { type: 'ident', name: 'a' } });
  });

  it('symbol spellings of comparisons: ≥ ≤ ≠ = and fullwidth', () => {
    const ops = (t: string) => ((ast(t) as { operands: CompareExpr[] }).operands).map((c) => c.op);
    expect(ops('x ≥ 1 and x ≤ 2 and x ≠ 3 and x = 4 and x == 5 and x != 6')).toEqual(['>=', '<=', '!=', '==', '==', '!=']);
    expect(ops('x ＞ 1 and x ＜＝ 2 and x ＝ 3')).toEqual(['>', '<=', '==']);
    expect(ast('x ≥ 1')).toEqual(cmp('>=', id('x', 0), num(1, 4, 5), 2, 3));
  });

  it('Chinese text without spaces: conjunction after a value is split off, inside a word it is not', () => {
    expect(ast('泄漏量>=1t或火灾')).toEqual({
      type: 'or', start: 0, end: 10,
      operands: [cmp('>=', id('泄漏量', 0), num(1, 5, 7, ['t', 6, 7]), 3, 5), id('火灾', 8)],
    });
    expect(stripPositions(ast('死亡人数≥3人且受伤人数≥10人'))).toEqual({
      type: 'and', operands: [
        { type: 'compare', op: '>=', left: { type: 'ident', name: '死亡人数' }, right: { type: 'number', value: 3, unit: '人' } },
        { type: 'compare', op: '>=', left: { type: 'ident', name: '受伤人数' }, right: { type: 'number', value: 10, unit: '人' } },
      ],
    });
    expect(stripPositions(ast('（火灾）或者爆炸'))).toEqual({ type: 'or', operands: [{ type: 'ident', name: '火灾' }, { type: 'ident', name: '爆炸' }] });
    // `非` only as a whole word: `非法排放` is a name.
    expect(ast('非法排放')).toEqual(id('非法排放', 0));
    expect(ast('火灾或爆炸')).toEqual(id('火灾或爆炸', 0));
  });

  it('precedence: comparison > not > and > or (not covers a whole comparison, as in SQL)', () => {
    const s = (t: string) => stripPositions(ast(t));
    const a = { type: 'ident', name: 'a' };
    const b = { type: 'ident', name: 'b' };
    const c = { type: 'ident', name: 'c' };
    expect(s('a or b and c')).toEqual({ type: 'or', operands: [a, { type: 'and', operands: [b, c] }] });
    expect(s('a and b or c')).toEqual({ type: 'or', operands: [{ type: 'and', operands: [a, b] }, c] });
    expect(s('not a and b')).toEqual({ type: 'and', operands: [{ type: 'not', operand: a }, b] });
    expect(s('not x < 3')).toEqual({
      type: 'not', operand: { type: 'compare', op: '<', left: { type: 'ident', name: 'x' }, right: { type: 'number', value: 3 } },
    });
    expect(s('a or b or c')).toEqual({ type: 'or', operands: [a, b, c] });
    expect(s('(a or b) or c')).toEqual({ type: 'or', operands: [{ type: 'or', operands: [a, b] }, c] });
    expect(s('not not a')).toEqual({ type: 'not', operand: { type: 'not', operand: a } });
  });

  it('parentheses do not create nodes; inner spans exclude them', () => {
    expect(ast('(a or b) and c')).toEqual({
      type: 'and', start: 1, end: 14,
      operands: [{ type: 'or', start: 1, end: 7, operands: [id('a', 1), id('b', 6)] }, id('c', 13)],
    });
  });

  it('longer chains, both directions', () => {
    expect(stripPositions(ast('1 < x <= 2 < y'))).toEqual({
      type: 'and', operands: [
        { type: 'compare', op: '<', left: { type: 'number', value: 1 }, right: { type: 'ident', name: 'x' } },
        { type: 'compare', op: '<=', left: { type: 'ident', name: 'x' }, right: { type: 'number', value: 2 } },
        { type: 'compare', op: '<', left: { type: 'number', value: 2 }, right: { type: 'ident', name: 'y' } },
      ],
    });
    expect(stripPositions(ast('1000 > leak_kg >= 100'))).toMatchObject({ type: 'and', operands: [{ op: '>' }, { op: '>=' }] });
  });

  it('a chain nodes never alias the middle operand', () => {
    const e = ast('1 < x < 2') as { operands: CompareExpr[] };
    expect(e.operands[0].right).toEqual(e.operands[1].left);
    expect(e.operands[0].right).not.toBe(e.operands[1].left);
  });

  it('astral letters count as two UTF-16 units', () => {
    expect(ast('𠀀 > 1')).toEqual(cmp('>', id('𠀀', 0), num(1, 5, 6), 3, 4));
  });
});

describe('parseExpr: errors with exact spans', () => {
  it('unexpected `)`, expected a value', () => {
    expect(error('a and )')).toEqual({
      code: 'expr/syntax', start: 6, end: 7,
      message: 'Unexpected `)`, expected a value', messageZh: '意外的 `)`，应为数值或事实名',
    });
  });

  it('end of expression, expected a value', () => {
    expect(error('leak_kg >=')).toEqual({
      code: 'expr/syntax', start: 10, end: 10,
      message: 'Unexpected end of expression, expected a value', messageZh: '意外的表达式结尾，应为数值或事实名',
    });
    expect(error('')).toMatchObject({ start: 0, end: 0, message: 'Unexpected end of expression, expected a value' });
  });

  it('unclosed paren points at the `(`', () => {
    expect(error('fire and (leak_kg > 1 or x')).toEqual({
      code: 'expr/syntax', start: 9, end: 10,
      message: 'Unexpected unclosed `(`, expected a matching `)`', messageZh: '意外的未闭合 `(`，应有匹配的 `)`',
    });
  });

  it('stray `)`', () => {
    expect(error('a )')).toMatchObject({ start: 2, end: 3, message: 'Unexpected `)`, expected a matching `(` before it' });
  });

  it('two values in a row', () => {
    // After a name a number may start a bound (`死亡人数 30人以上`), so the message offers both forms.
    expect(error('leak_kg 100')).toMatchObject({
      start: 8, end: 11,
      message: 'Unexpected `100` after `leak_kg`, expected an operator or a bound word: `leak_kg >= 100` or `leak_kg 100以上`',
      messageZh: '意外的 `100`：`leak_kg` 之后应为运算符或“以上/以下”，如 `leak_kg >= 100` 或 `leak_kg 100以上`',
    });
    expect(error('(a and b c)')).toMatchObject({ start: 9, end: 10, message: 'Unexpected `c`, expected an operator' });
  });

  it('a word glued to a number after a known unit', () => {
    // `头` alone is read as a unit (a plan may declare it; the checker judges it), but after `人` the rest is not.
    expect(error('牲畜 > 3人受伤')).toMatchObject({ code: 'expr/unit', start: 7, end: 9, message: 'Unexpected unknown unit `受伤`, expected a known unit such as `kg`, `t`, `人`' });
  });

  it('bad chains', () => {
    expect(error('1 < x > 3')).toMatchObject({ start: 6, end: 7, message: 'Unexpected `>` in a chain of comparisons, expected `<` or `<=`' });
    expect(error('a == 1 == 2')).toMatchObject({ start: 7, end: 9, message: 'Unexpected `==` after a comparison, expected `and` or `or`' });
    expect(error('(a) < 3')).toMatchObject({ start: 4, end: 5 });
  });

  it('lists', () => {
    expect(error('w in [a, b')).toMatchObject({ start: 5, end: 6, message: 'Unexpected unclosed `[`, expected a matching `]`' });
    expect(error('w in []')).toMatchObject({ start: 6, end: 7, message: 'Unexpected `]`, expected a value' });
    expect(error('w in [a,]')).toMatchObject({ start: 8, end: 9, message: 'Unexpected `]`, expected a value' });
    expect(error('w in a')).toMatchObject({ start: 5, end: 6, message: 'Unexpected `a`, expected `[`' });
    expect(error('w in [a b]')).toMatchObject({ start: 8, end: 9, message: 'Unexpected `b`, expected `,` or `]`' });
  });

  it('lexical errors', () => {
    expect(error('a @ b')).toMatchObject({ start: 2, end: 3, message: 'Unexpected character `@`, expected a value or an operator' });
    expect(error('a & b')).toMatchObject({ start: 2, end: 3, message: 'Unexpected `&`, expected `&&`' });
    expect(error("w == 'abc")).toMatchObject({ start: 5, end: 9, message: "Unexpected unclosed string, expected a closing `'`" });
    expect(error('x > 1e999')).toMatchObject({ start: 4, end: 9, message: 'Unexpected number `1e999`, expected a finite number' });
    expect(error('x > \ud800')).toMatchObject({ start: 4, end: 5 });
    expect(error('a - b')).toMatchObject({ start: 2, end: 3 });
  });

  it('keywords out of place', () => {
    expect(error('and a')).toMatchObject({ start: 0, end: 3, message: 'Unexpected `and`, expected a value' });
    expect(error('a or')).toMatchObject({ start: 4, end: 4 });
    expect(error('not in [a]')).toMatchObject({ start: 4, end: 6 });
  });

  it('length limit', () => {
    const text = 'a or '.repeat(800) + 'b';
    expect(text.length).toBeGreaterThan(MAX_EXPR_LENGTH);
    expect(error(text)).toMatchObject({ code: 'expr/limit', start: 0, end: text.length });
    // Just under the limit parses.
    expect(parseExpr('a or '.repeat(799) + 'b').errors).toEqual([]);
  });

  it('depth limit: 64 levels parse, 65 do not, for parentheses and for not', () => {
    expect(parseExpr('('.repeat(MAX_EXPR_DEPTH) + 'a' + ')'.repeat(MAX_EXPR_DEPTH)).errors).toEqual([]);
    expect(error('('.repeat(MAX_EXPR_DEPTH + 1) + 'a' + ')'.repeat(MAX_EXPR_DEPTH + 1)))
      .toMatchObject({ code: 'expr/limit', start: MAX_EXPR_DEPTH, end: MAX_EXPR_DEPTH + 1 });
    expect(parseExpr('not '.repeat(MAX_EXPR_DEPTH) + 'a').errors).toEqual([]);
    expect(error('!'.repeat(MAX_EXPR_DEPTH + 1) + 'a')).toMatchObject({ code: 'expr/limit', start: MAX_EXPR_DEPTH, end: MAX_EXPR_DEPTH + 1 });
  });

  // Speed on hostile input is measured in `npm run bench hostile`; here: the limits that bound the work are hit.
  it('100k nested parentheses return an error, without a stack overflow', () => {
    const r = parseExpr('('.repeat(100_000) + 'a' + ')'.repeat(100_000));
    expect(r.ast).toBeUndefined();
    expect(r.errors[0].code).toBe('expr/limit');
    const r2 = parseExpr('('.repeat(1999) + 'a' + ')'.repeat(1999));
    expect(r2.errors[0]).toMatchObject({ code: 'expr/limit', start: 64 });
    const r3 = parseExpr('('.repeat(4000));
    expect(r3.errors[0].code).toBe('expr/limit');
  });

  it('non-string input does not throw', () => {
    expect(parseExpr(undefined as unknown as string).errors[0].code).toBe('expr/syntax');
    expect(parseExpr(42 as unknown as string).ast).toBeUndefined();
  });
});

// ------------------------------------------------------------ properties

const FACTS: Fact[] = [
  { id: 'x', type: 'number', unit: 'kg' },
  { id: 'fire', type: 'boolean' },
  { id: 'warning', type: 'enum', values: ['orange', 'red'] },
  { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
  { id: 'beyond', label: '死亡', type: 'judgement' },
  { id: 'loss', type: 'number', unit: '万元' },
];

const PIECES = [
  '(', ')', '[', ']', ',', ' ', ' ', ' and ', ' or ', 'not ', ' in ', '或', '且', '非', '或者', '并且', '&&', '||', '!', '&', '|',
  '==', '=', '!=', '<', '<=', '>', '>=', '≥', '≤', '≠', '（', '）', '，', 'x', 'fire', 'warning', 'orange', '泄漏量', '火灾',
  '1', '-', '.', 'e', '1e3', '-2.5', '100', 'kg', ' kg', 't', '人', '万元', 'm³', "'", '"', '“', '”', "'a'", '\\', 'true',
  'false', '\ud800', '😀', '\u3000', '\n', '@', '#', '%', '_', '0x1F',
  // bounds, implications, numerals and units as regulations write them
  '以上', '以下', '以内', '及以上', '超过', '不足', '不超过', '至少', '=>', '→', '⇒', '则', ' implies ', '万', '亿', '1,000',
  ',000', '100万', '5万人', '1亿元', '死亡', '死亡人数', 'MPa', ' MPa', '公顷', '头', '级', 'M', '℃', '毫米/小时',
];

describe('parseExpr properties', () => {
  it('(a) never throws on random text; successful parses have sane spans and round-trip', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(text, (t) => {
      const r = parseExpr(t);
      expect(Array.isArray(r.errors)).toBe(true);
      if (!r.ast) {
        expect(r.errors.length).toBe(1);
        const e = r.errors[0];
        expect(0 <= e.start && e.start <= e.end && e.end <= t.length).toBe(true);
        expect(e.message).toMatch(/^Unexpected /);
        expect(e.messageZh).toMatch(/^意外的/);
        return;
      }
      expect(r.errors).toEqual([]);
      forEachNode(r.ast, (n) => {
        expect(0 <= n.start && n.start <= n.end && n.end <= t.length).toBe(true);
      });
      // Everything downstream is total on whatever parsed.
      const again = parseExpr(printExpr(r.ast));
      expect(again.errors).toEqual([]);
      expect(stripPositions(again.ast!)).toEqual(stripPositions(r.ast));
      checkExpr(r.ast, FACTS);
      evaluate(r.ast, { x: 1, fire: true, warning: 'red' }, FACTS);
      evaluate(r.ast, {});
      evaluate(r.ast, { x: 1, deaths: 30 }, FACTS, { bounds: CRIMINAL_LAW_BOUNDS });
      regionOf(r.ast, FACTS);
      checkExpr(r.ast, FACTS, { allowFactComparisons: true, bounds: CRIMINAL_LAW_BOUNDS });
      const cs = compileConstraints([r.ast], FACTS);
      cs.witness(new Map());
      criterionKey(r.ast, FACTS);
      singleBand(r.ast, FACTS);
    }), { numRuns: 3000 });
  });
});

function forEachNode(e: Expr, f: (n: { start: number; end: number }) => void): void {
  f(e);
  switch (e.type) {
    case 'or': case 'and': e.operands.forEach((o) => forEachNode(o, f)); break;
    case 'not': forEachNode(e.operand, f); break;
    case 'compare': f(e.left); f(e.right); break;
    case 'in': f(e.left); e.values.forEach(f); break;
    case 'implies': forEachNode(e.left, f); forEachNode(e.right, f); break;
    case 'bound': f(e.fact); e.terms.forEach((t) => { f(t); f(t.value); f({ start: t.wordStart, end: t.wordEnd }); }); break;
    default: break;
  }
}

describe('a keyword glued to a bound', () => {
  it('reads `或者不超过100` as the keyword, as its printed form `或者 不超过100` is read (found by the round-trip property)', () => {
    const r = parseExpr('或者不超过100');
    expect(r.ast).toBeUndefined();
    expect(r.errors[0].message).toMatch(/`或者`/);
  });
});

describe('a band written with a pause between its ends', () => {
  it('reads `10人以上、30人以下` (国家突发环境事件应急预案) as the band `10人以上30人以下`', () => {
    const a = parseExpr('死亡人数 10人以上、30人以下');
    const b = parseExpr('死亡人数 10人以上30人以下');
    expect(a.errors).toEqual([]);
    expect(stripPositions(a.ast!)).toEqual(stripPositions(b.ast!));
  });
});
