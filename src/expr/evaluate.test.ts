import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/plan.js';
import { evaluate, evaluateTri, type FactValues } from './evaluate.js';
import { parseExpr } from './parse.js';

const FACTS: Fact[] = [
  { id: 'leak_kg', label: '泄漏量', type: 'number', unit: 'kg', min: 0 },
  { id: 'injured', type: 'integer' },
  { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
  { id: 'fire', label: '火灾', type: 'boolean' },
  { id: 'offsite', type: 'boolean' },
  { id: 'rain', type: 'number', unit: 'mm' },
  { id: 'warning', type: 'enum', values: ['blue', 'yellow', 'orange', 'red'] },
];

// `null` means "no declarations" (an explicit `undefined` would pick the default).
const ev = (text: string, values: FactValues, facts: Fact[] | null = FACTS) => {
  const r = parseExpr(text);
  expect(r.errors).toEqual([]);
  return evaluate(r.ast!, values, facts ?? undefined);
};
const tri = (text: string, values: FactValues) => evaluateTri(parseExpr(text).ast!, values, FACTS);

describe('evaluate: truth tables', () => {
  it('and / or / not over two boolean facts', () => {
    for (const fire of [false, true]) {
      for (const offsite of [false, true]) {
        const v = { fire, offsite };
        expect(ev('fire and offsite', v)).toBe(fire && offsite);
        expect(ev('fire or offsite', v)).toBe(fire || offsite);
        expect(ev('not fire', v)).toBe(!fire);
        expect(ev('fire and not offsite', v)).toBe(fire && !offsite);
        expect(ev('!(fire || offsite)', v)).toBe(!(fire || offsite));
        expect(ev('fire == true', v)).toBe(fire);
        expect(ev('fire != offsite', v)).toBe(fire !== offsite);
      }
    }
  });

  it('three-valued: a missing fact is unknown, and unknown does not fire', () => {
    const T = true, F = false, U = undefined;
    const cases: Array<[boolean | undefined, boolean | undefined, boolean | undefined, boolean | undefined]> = [
      // fire, offsite, and, or
      [T, T, T, T], [T, F, F, T], [T, U, U, T], [F, U, F, U], [U, U, U, U], [U, F, F, U],
    ];
    for (const [fire, offsite, and, or] of cases) {
      const v: FactValues = {};
      if (fire !== undefined) v.fire = fire;
      if (offsite !== undefined) v.offsite = offsite;
      expect(tri('fire and offsite', v), JSON.stringify(v)).toBe(and);
      expect(tri('fire or offsite', v), JSON.stringify(v)).toBe(or);
      expect(ev('fire and offsite', v)).toBe(and === true);
    }
    expect(tri('not fire', {})).toBeUndefined();
    expect(ev('not fire', {})).toBe(false);
    // `not (x < 3)` and `x >= 3` agree when x is missing.
    expect(ev('not (leak_kg < 3)', {})).toBe(false);
    expect(ev('leak_kg >= 3', {})).toBe(false);
    expect(ev('leak_kg != 3', {})).toBe(false);
    expect(ev('leak_kg < 3 or fire', { fire: true })).toBe(true);
    expect(ev('warning in [red]', {})).toBe(false);
    expect(ev('warning not in [red]', {})).toBe(false);
  });

  it('numeric comparisons, chains and integer facts', () => {
    const t = '100 <= leak_kg < 1000';
    expect([99.9, 100, 500, 999.99, 1000].map((x) => ev(t, { leak_kg: x }))).toEqual([false, true, true, true, false]);
    expect([0, 1, 2, 3].map((x) => ev('1 <= injured <= 2', { injured: x }))).toEqual([false, true, true, false]);
    expect([0, 1, 2, 3].map((x) => ev('injured in [0, 2]', { injured: x }))).toEqual([true, false, true, false]);
    expect([0, 1, 2, 3].map((x) => ev('injured not in [0, 2]', { injured: x }))).toEqual([false, true, false, true]);
    expect(ev('leak_kg > 3', { leak_kg: Number.NaN })).toBe(false);
  });

  it('converts literal units to the fact unit', () => {
    expect(ev('leak_kg >= 1 t', { leak_kg: 1000 })).toBe(true);
    expect(ev('leak_kg >= 1 t', { leak_kg: 999 })).toBe(false);
    expect(ev('leak_kg == 1.1t', { leak_kg: 1100 })).toBe(true);
    expect(ev('leak_kg < 500 g', { leak_kg: 0.4 })).toBe(true);
    expect(ev('rain >= 0.1 m', { rain: 100 })).toBe(true);
    expect(ev('deaths >= 3人', { deaths: 3 })).toBe(true);
    expect(ev('injured >= 3人', { injured: 3 })).toBe(true);
    // Not convertible: unknown, so neither it nor its negation fires.
    expect(ev('leak_kg > 1 ppm', { leak_kg: 5 })).toBe(false);
    expect(ev('not leak_kg > 1 ppm', { leak_kg: 5 })).toBe(false);
  });

  it('resolves labels to ids', () => {
    expect(ev('泄漏量 >= 1000 或 火灾', { leak_kg: 10, fire: true })).toBe(true);
    expect(ev('泄漏量 >= 1000 或 火灾', { leak_kg: 10, fire: false })).toBe(false);
    expect(ev('死亡人数 >= 3', { deaths: 3 })).toBe(true);
  });

  it('enums: equality and lists, bare words are values', () => {
    expect(ev('warning == orange', { warning: 'orange' })).toBe(true);
    expect(ev('orange == warning', { warning: 'orange' })).toBe(true);
    expect(ev("warning != 'red'", { warning: 'orange' })).toBe(true);
    expect(['blue', 'yellow', 'orange', 'red'].map((w) => ev('warning in [orange, red]', { warning: w }))).toEqual([false, false, true, true]);
    expect(ev('warning > blue', { warning: 'red' })).toBe(false);
  });

  it('ill-typed comparisons are unknown', () => {
    expect(ev("leak_kg == 'x'", { leak_kg: 1 })).toBe(false);
    expect(ev("leak_kg != 'x'", { leak_kg: 1 })).toBe(false);
    expect(ev('fire < true', { fire: false })).toBe(false);
    expect(ev('fire', { fire: 'yes' })).toBe(false);
    expect(ev('leak_kg', { leak_kg: 5 })).toBe(false);
    expect(ev('3', {})).toBe(false);
    expect(ev('true', {})).toBe(true);
    expect(ev('1 t > 500 kg', {})).toBe(true);
    expect(ev('zzz > 1', { leak_kg: 1 })).toBe(false);
  });

  it('without fact declarations: names are keys of values, types come from the values, units are ignored', () => {
    expect(ev('leak_kg >= 100 and injured < 3', { leak_kg: 150, injured: 1 }, null)).toBe(true);
    expect(ev('warning in [orange, red]', { warning: 'red' }, null)).toBe(true);
    expect(ev('fire or x > 1', { fire: true }, null)).toBe(true);
    expect(ev('leak_kg >= 1 t', { leak_kg: 5 }, null)).toBe(true);
    expect(ev('a > b', { a: 2, b: 1 }, null)).toBe(true);
  });

  it('is total on hostile values', () => {
    const a = parseExpr('fire and leak_kg > 1').ast!;
    expect(evaluate(a, null as unknown as FactValues, FACTS)).toBe(false);
    expect(evaluate(a, { __proto__: { fire: true } } as unknown as FactValues, FACTS)).toBe(false);
    expect(evaluate(a, { fire: true, leak_kg: 2 }, 'x' as unknown as Fact[])).toBe(true);
  });
});
