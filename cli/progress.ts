/** A one-line progress bar on stderr, drawn only on a TTY (CI logs stay clean). */
export function progress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  let n = 0;
  const live = !!stream.isTTY && total > 1 && !process.env.CI;
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
      if (live && (Date.now() - last > 50 || n === total)) { last = Date.now(); draw(); }
    },
    done() { if (live) stream.write('\r\x1b[2K'); },
  };
}
