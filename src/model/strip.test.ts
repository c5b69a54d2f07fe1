import { describe, expect, it } from 'vitest';
import type { Plan } from './plan.js';
import { stripPlan } from './strip.js';

const at = { line: 1, column: 1, offset: 0 };
const place = { start: at, end: at };

describe('stripPlan', () => {
  // Only the fields stripPlan has to handle: a partial plan, typed as a whole one.
  const plan = {
    file: 'a.md', format: 'markdown', place, fields: { x: place },
    meta: { id: 'a', title: 'A', kind: 'general', place, fields: { id: place } },
    facts: [], roles: [], warnings: [], escalations: [], resources: [], reports: [], sections: [],
    levels: [{ id: 'I', rank: 1, trigger: { text: 'x > 1', textOffset: 5, place, ast: { type: 'ident', name: 'x', start: 0, end: 1 } }, name: undefined }],
    steps: [{ id: 's', action: 'a', levels: [], after: [], notify: [], resources: [{ resource: 'r', quantity: 2, place }],
      deadline: { text: '3分钟', seconds: 180, anchor: { kind: 'incident' }, place } }],
  } as unknown as Plan;

  it('drops source details and undefined keys, deeply', () => {
    expect(stripPlan(plan)).toStrictEqual({
      meta: { id: 'a', title: 'A', kind: 'general' },
      facts: [], roles: [], warnings: [], escalations: [], resources: [], reports: [], sections: [],
      levels: [{ id: 'I', rank: 1, trigger: { text: 'x > 1' } }],
      steps: [{ id: 's', action: 'a', levels: [], after: [], notify: [], resources: [{ resource: 'r', quantity: 2 }],
        deadline: { text: '3分钟', seconds: 180, anchor: { kind: 'incident' } } }],
    });
  });

  it('copies rather than shares', () => {
    const s = stripPlan(plan);
    (s.steps[0].after as string[]).push('x');
    expect(plan.steps[0].after).toEqual([]);
  });
});
