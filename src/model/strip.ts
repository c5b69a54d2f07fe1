import type { Plan } from './plan.js';

/** Keys that record where or how a plan was written rather than what it says. */
const SOURCE_KEYS = new Set(['place', 'fields', 'textOffset', 'ast', 'file', 'format']);

/** A Plan without source details: what both syntaxes must agree on. */
export type StrippedPlan = Omit<Plan, 'place' | 'fields' | 'file' | 'format'>;

/**
 * A deep copy of a plan without `place`, `fields`, `textOffset`, `ast`, `file` and `format` (and without keys whose
 * value is `undefined`), for comparing models parsed from different syntaxes or after a round trip.
 */
export function stripPlan(plan: Plan): StrippedPlan {
  return strip(plan) as StrippedPlan;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SOURCE_KEYS.has(k) || v === undefined) continue;
    out[k] = strip(v);
  }
  return out;
}
