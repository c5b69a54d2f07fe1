import { test } from 'vitest';
import { parseExpr, regionOf, subtract, domainRegion, monotonicityViolations } from './index.js';
test('t', () => {
  const facts: any[] = []; const parts: string[] = [];
  for (let i = 0; i < 13; i++) { facts.push({ id: `p${i}`, type: 'boolean' }, { id: `q${i}`, type: 'boolean' }); parts.push(`(p${i} or q${i})`); }
  const r = regionOf(parseExpr(parts.join(' and ')).ast!, facts);
  let t0 = performance.now();
  const s = subtract(domainRegion(facts), r);
  console.log('sub', performance.now() - t0, s.boxes.length, s.truncated); t0 = performance.now();
  const r2 = regionOf(parseExpr(parts.slice(0, 11).join(' and ')).ast!, facts);
  const s2 = subtract(domainRegion(facts), r2);
  console.log('sub11', performance.now() - t0, r2.boxes.length, s2.boxes.length, s2.truncated); t0 = performance.now();
  monotonicityViolations([{ id: 'a', rank: 1, region: r2 }, { id: 'b', rank: 2, region: r }], facts);
  console.log('mono', performance.now() - t0); t0 = performance.now();
}, 600000);
