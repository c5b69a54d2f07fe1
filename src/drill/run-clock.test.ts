import { createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DrillClock } from './run-clock.js';

describe('DrillClock', () => {
  it('fires each timer at its own due time, not at the target time', () => {
    const clock = new DrillClock();
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['a', clock.now()]), 60_000);
    clock.setTimeout(() => fired.push(['b', clock.now()]), 180_000);
    const ticks: number[] = [];
    clock.advanceTo(360_000, (t) => ticks.push(t));
    expect(fired).toEqual([['a', 60_000], ['b', 180_000]]);
    expect(ticks).toEqual([60_000, 180_000]);
    expect(clock.now()).toBe(360_000);
  });

  it('holds timers due exactly at the target until flush, and lets them be cleared meanwhile', () => {
    const clock = new DrillClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('kept'), 1000);
    const cancelled = clock.setTimeout(() => fired.push('cleared'), 1000);
    clock.advanceTo(1000, () => fired.push('tick-before'));
    expect(fired).toEqual([]);
    clock.clearTimeout(cancelled);
    const ticks: number[] = [];
    clock.flush((t) => ticks.push(t));
    expect(fired).toEqual(['kept']);
    expect(ticks).toEqual([1000]);
    clock.flush((t) => ticks.push(t));
    expect(ticks).toEqual([1000]);
  });

  it('fires timers scheduled by other timers in order, and refuses to go back', () => {
    const clock = new DrillClock();
    const fired: number[] = [];
    clock.setTimeout(() => { fired.push(clock.now()); clock.setTimeout(() => fired.push(clock.now()), 500); }, 500);
    clock.advanceTo(2000, () => undefined);
    expect(fired).toEqual([500, 1000]);
    expect(() => clock.advanceTo(10, () => undefined)).toThrow(RangeError);
  });

  it('drives an xstate actor\'s delayed transitions at exact simulated times', () => {
    const m = setup({}).createMachine({ initial: 'a', states: { a: { after: { 90_000: 'b' } }, b: { after: { 30_000: 'c' } }, c: {} } });
    const clock = new DrillClock();
    const actor = createActor(m, { clock });
    const seen: [unknown, number][] = [];
    actor.subscribe((s) => seen.push([s.value, clock.now()]));
    actor.start();
    clock.advanceTo(600_000, () => undefined);
    expect(seen).toEqual([['a', 0], ['b', 90_000], ['c', 120_000]]);
  });
});
