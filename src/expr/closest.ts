/** Typo suggestions for names ("did you mean …?"). */

/** The candidate nearest to `name` by edit distance, if near enough to be a plausible typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const a = Array.from(name);
  const limit = Math.min(3, Math.max(1, Math.floor(a.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const b = Array.from(c);
    if (Math.abs(a.length - b.length) >= bestD) continue;
    const d = editDistance(a, b, bestD);
    if (d < bestD && d < b.length) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

// Levenshtein distance, giving up (returning `cap`) once every cell of a row reaches `cap`.
function editDistance(a: string[], b: string[], cap: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}
