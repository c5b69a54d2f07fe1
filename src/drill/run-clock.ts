/**
 * The drill's simulated clock: xstate's `SimulatedClock`, wrapped so that the engine can advance it to an exact
 * time without overshooting the machine's timers.
 *
 * `SimulatedClock.set(t)` fires every timer due at or before `t` *at* `t`: jumping from 0 to 6 min would make a
 * 1-minute deadline fire at 6:00. `DrillClock.advanceTo(t)` instead stops at each timer's due time in turn, so a
 * DEADLINE fires at exactly its simulated time. Timers due exactly at `t` are held back until `flush()`: the engine
 * applies the agenda items at `t` first, so a step done exactly at its deadline is on time (`1分钟内` includes 1:00).
 *
 * The actor only ever calls `setTimeout` / `clearTimeout` on its clock (it never reads the time), so the clock
 * alone decides when delayed events happen.
 */
import { SimulatedClock } from 'xstate';

type Timer = { due: number; fn: () => void };

export class DrillClock {
  private readonly inner = new SimulatedClock();
  /** Timers handed to the inner clock and not yet fired or cleared, by id. */
  private readonly pending = new Map<number, Timer>();
  /** Timers that came due exactly at the target of the last `advanceTo`, held for `flush()`, in firing order. */
  private held: number[] = [];
  private holding = false;

  /** Simulated milliseconds since the drill started. */
  now(): number {
    return this.inner.now();
  }

  /** xstate `Clock`: schedules `fn` after `ms` simulated milliseconds. */
  setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    const due = this.inner.now() + ms;
    let id = -1;
    id = this.inner.setTimeout(() => {
      if (this.holding) { this.held.push(id); return; }
      this.pending.delete(id);
      fn();
    }, ms) as unknown as number;
    this.pending.set(id, { due, fn: () => fn() });
    return id;
  }

  /** xstate `Clock`: cancels a timer (also one held for `flush()`). */
  clearTimeout(id: number): void {
    this.pending.delete(id);
    this.held = this.held.filter((h) => h !== id);
    this.inner.clearTimeout(id);
  }

  /**
   * Moves the clock to `ms`, firing every timer due before it at its own due time (calling `onTick(due)` after each
   * batch of timers due at the same time). Timers due exactly at `ms` are held until `flush()`.
   * Throws a RangeError when asked to go back in time.
   */
  advanceTo(ms: number, onTick: (due: number) => void): void {
    if (ms < this.inner.now()) throw new RangeError(`the drill clock cannot go back from ${this.inner.now()} ms to ${ms} ms`);
    for (;;) {
      const due = this.earliestBefore(ms);
      if (due === undefined) break;
      this.inner.set(due);
      onTick(due);
    }
    this.holding = true;
    try {
      this.inner.set(ms);
    } finally {
      this.holding = false;
    }
  }

  /** Fires the timers held by the last `advanceTo` (and any now due), then calls `onTick` once if any fired. */
  flush(onTick: (now: number) => void): void {
    let fired = false;
    while (this.held.length) {
      const id = this.held.shift()!;
      const timer = this.pending.get(id);
      if (!timer) continue;
      this.pending.delete(id);
      timer.fn();
      fired = true;
    }
    // Timers of zero delay scheduled by what just ran are due now as well.
    const now = this.inner.now();
    if (this.earliestBefore(now + 1) !== undefined) {
      this.inner.set(now);
      fired = true;
    }
    if (fired) onTick(now);
  }

  private earliestBefore(ms: number): number | undefined {
    let min: number | undefined;
    for (const [id, t] of this.pending) {
      if (this.held.includes(id)) continue;
      if (t.due < ms && (min === undefined || t.due < min)) min = t.due;
    }
    return min;
  }
}
