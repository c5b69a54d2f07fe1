/** "Did you mean": the closest defined name to a misspelt one, and the "expected …" part of a message. */

/** Edit distance between two strings (by code point). */
function distance(a: string, b: string): number {
  const x = [...a], y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The candidate closest to `name` (case-insensitive edit distance; a candidate containing the name or contained in it
 * counts as close), or undefined when nothing is close enough to be a plausible typo.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const l = c.toLowerCase();
    const score = l.includes(n) || n.includes(l) ? Math.abs(l.length - n.length) * 0.1 : distance(n, l);
    if (score < bestScore) { best = c; bestScore = score; }
  }
  return best !== undefined && bestScore <= Math.max(1, Math.floor([...n].length / 2)) ? best : undefined;
}

/** "expected `x` (closest …)" or "expected one of: a, b, c" for messages. */
export function expectedOneOf(name: string, ids: readonly string[], what: string, whatZh: string): { en: string; zh: string } {
  const near = closest(name, ids);
  if (near) return { en: `expected \`${near}\`, the closest defined ${what}`, zh: `是否应为 \`${near}\`（最接近的已定义${whatZh}）` };
  if (!ids.length) return { en: `expected a ${what} defined in the plan (none is defined)`, zh: `应为预案中定义的${whatZh}（当前未定义任何${whatZh}）` };
  const list = ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
  return { en: `expected one of: ${list}`, zh: `应为以下之一：${list.replace(/, /g, '、')}` };
}
