import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.js';

describe('front matter scope and grades', () => {
  it('reads `scope: { below, handledBy }` and `grades:` from YAML plans and Markdown front matter', () => {
    const yaml = [
      'plan: { id: y, title: 泄漏专项应急预案, kind: special, parent: general, grades: order-493, scope: { below: II, handledBy: 班组现场处置 } }',
      'facts: [{ id: leak_kg, type: number, unit: kg }]',
      'levels:',
      '  - { id: II, trigger: "leak_kg >= 100", decidedBy: a, activation: 5分钟 }',
    ].join('\n');
    const y = parsePlanText(yaml, 'y.yaml');
    expect(y.plan?.meta.scope).toEqual({ below: 'II', handledBy: '班组现场处置' });
    expect(y.plan?.meta.grades).toBe('order-493');
    const md = parsePlanText('---\nid: m\ntitle: 某省危险化学品生产安全事故应急预案\nkind: special\nscope: { below: 二级, handledBy: 盟市、旗县级人民政府 }\ngrades: order-493\n---\n# x\n', 'm.md');
    expect(md.plan?.meta.scope).toEqual({ below: '二级', handledBy: '盟市、旗县级人民政府' });
    expect(md.plan?.meta.grades).toBe('order-493');
  });

  it('reports a scope that is not a map with `below`, at its place, and leaves it out', () => {
    const r = parsePlanText('---\nid: m\ntitle: 某预案\nkind: special\nscope: 县级\n---\n# x\n', 'm.md');
    expect(r.diagnostics.map((d) => `${d.place?.start.line} ${d.ruleId} ${d.message}`)).toEqual([
      '5 meta/invalid Unexpected `scope`, expected `{ below: <level id or condition>, handledBy: <who handles smaller incidents> }`',
    ]);
    expect(r.plan?.meta.scope).toBeUndefined();
  });

  it('reads a floor that names no level as a condition on the facts: an unreadable one is an error at the field', () => {
    const plan = (below: string) => parsePlanText([
      'plan: { id: y, title: 泄漏专项应急预案, kind: special, parent: general, scope: { below: "' + below + '", handledBy: 班组 } }',
      'facts: [{ id: leak_kg, type: number, unit: kg }]',
      'levels:',
      '  - { id: II, trigger: "leak_kg >= 100", decidedBy: a, activation: 5分钟 }',
    ].join('\n'), 'y.yaml');
    expect(plan('leak_kg < 10').diagnostics).toEqual([]);
    expect(plan('II').diagnostics).toEqual([]);
    const bad = plan('leak_kg >');
    expect(bad.diagnostics.map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.severity} ${d.ruleId}`)).toEqual(['1:72 error trigger/syntax']);
  });
});
