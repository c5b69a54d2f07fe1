/**
 * Progress of long work on stderr. On a terminal: a one-line bar, redrawn in place. Elsewhere (a pipe, a log file,
 * or `CI` set): no bar, but one line per finished unit (`yuan: [3/10] plans/x.md: 12 pages, 4.1 s`), so a long run
 * in CI shows that it is alive and what it has done.
 */
export interface Progress {
  /** One more step of the bar (a file linted, a diagram drawn). */
  tick(): void;
  /** A unit is finished: printed as its own line when there is no bar. */
  line(text: string): void;
  /** Clears the bar. */
  done(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Units the lines count (plans); default: the bar's total. */
  units?: number;
}

/** A progress reporter for `total` steps labelled `label`. */
export function progress(total: number, label: string, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const env = opts.env ?? process.env;
  const live = !!stream.isTTY && !env.CI;
  const bar = live && total > 1;
  const units = opts.units ?? total;
  let n = 0;
  let k = 0;
  let last = 0;
  const draw = () => {
    const width = 24;
    const filled = Math.round((n / total) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total}`);
  };
  return {
    tick() {
      n++;
      // Redraw at most every 50 ms: drawing per file would cost more than linting small plans.
      if (bar && (Date.now() - last > 50 || n === total)) { last = Date.now(); draw(); }
    },
    line(text: string) {
      k++;
      if (!live) stream.write(`yuan: [${k}/${units}] ${text}\n`);
    },
    done() { if (bar) stream.write('\r\x1b[2K'); },
  };
}
