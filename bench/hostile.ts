import { readFileSync } from 'node:fs';
import { parseExpr } from '../src/expr/parse.js';
import { parseYaml } from '../src/parse/index.js';
import { measurePair, row } from './measure.js';

/** A YAML "billion laughs": ten levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['plan: { id: a, title: t, kind: general }', 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * Hostile inputs (the tests assert that their limits are hit; here is how long refusing them takes): each against
 * parsing an ordinary YAML plan (plans/chem/fire-explosion.yaml), measured alternately in the same run.
 */
export function benchHostile(): string[] {
  const planYaml = readFileSync('plans/chem/fire-explosion.yaml', 'utf8');
  const cases: [string, () => void][] = [
    ['YAML alias bomb (9^10 nodes) refused', () => { parseYaml(aliasBomb(), 'bomb.yaml'); }],
    ['YAML 10,000-deep flow sequences refused', () => { parseYaml(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'deep.yaml'); }],
    ['YAML 10,000-deep block maps refused', () => { parseYaml(Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 'deep.yaml'); }],
    ['trigger with 100k nested parentheses refused', () => { parseExpr('('.repeat(100_000) + 'a' + ')'.repeat(100_000)); }],
    ['trigger with 1,999 nested parentheses refused', () => { parseExpr('('.repeat(1999) + 'a' + ')'.repeat(1999)); }],
  ];
  const out = ['hostile input — each refusal against parsing an ordinary YAML plan once, measured alternately'];
  const baseline = { name: 'plan', better: 'lower' as const, value: 0 };
  for (const [name, fn] of cases) {
    const [tBase, t] = measurePair(() => { parseYaml(planYaml, 'plan.yaml'); }, fn, 5);
    baseline.value = tBase;
    out.push(row(name, t, 'ms', baseline));
  }
  return out;
}
