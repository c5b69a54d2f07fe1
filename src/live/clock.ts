/**
 * The live drill clock (实时演练时钟): drill time = accumulated running wall time × speed. Paused, it stands still;
 * a speed change applies from the moment it is made. Drill time never goes backwards.
 */

/** Speeds the CLI offers (`--speed 1|2|10`); the clock accepts any positive finite speed up to `MAX_SPEED`. */
export const SPEEDS = [1, 2, 10] as const;
/** Highest speed accepted (tests and benchmarks run drills at high speed). */
export const MAX_SPEED = 1000;

/** Throws a RangeError unless `speed` is a finite number in (0, MAX_SPEED]. */
export function checkSpeed(speed: number): number {
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) {
    throw new RangeError(`speed must be a number in (0, ${MAX_SPEED}], got ${String(speed)}`);
  }
  return speed;
}

export class LiveClock {
  private base: number;
  private since = 0;
  private run = false;
  private rate: number;

  /** `now`: wall-clock milliseconds (injectable for tests). */
  constructor(start = 0, speed = 1, private readonly wall: () => number = () => performance.now()) {
    this.base = start;
    this.rate = checkSpeed(speed);
  }

  /** Drill seconds now, rounded to whole milliseconds. */
  now(): number {
    const s = this.run ? this.base + ((this.wall() - this.since) / 1000) * this.rate : this.base;
    return Math.round(s * 1000) / 1000;
  }

  get running(): boolean { return this.run; }
  get speed(): number { return this.rate; }

  /** Starts (or resumes) the clock; no effect when running. */
  resume(): void {
    if (this.run) return;
    this.since = this.wall();
    this.run = true;
  }

  /** Stops the clock at the current drill time; no effect when paused. */
  pause(): void {
    if (!this.run) return;
    this.base = this.now();
    this.run = false;
  }

  /** Changes the speed from now on. */
  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.base = this.now();
    this.since = this.wall();
    this.rate = speed;
  }

  /** Wall milliseconds until drill time reaches `t` at the current speed (Infinity when paused; 0 when past). */
  wallUntil(t: number): number {
    if (!this.run) return Infinity;
    return Math.max(0, ((t - this.now()) / this.rate) * 1000);
  }
}
