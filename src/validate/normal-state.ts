import type { Level } from '../model/index.js';

const NORMAL = /\bnormal\b|day-to-day|\broutine\b|常态|正常|日常/iu;

/**
 * A numbered level that is the "nothing happened" state — Sugar Land's Level 4 "Normal", Annapolis's Level 1 "Normal
 * day-to-day business activities": no criteria, not started by decision, and named or described as normal operations.
 * It is never activated, so it needs no decider, no activation deadline and no trigger.
 */
export function isNormalState(level: Level): boolean {
  if (level.criteria.length || level.trigger || level.manual) return false;
  return NORMAL.test(level.name ?? '') || NORMAL.test(level.description ?? '');
}
