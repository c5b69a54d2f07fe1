/**
 * Property: any plan — any ids the format accepts, the real-plan constructs (criteria, owners, any-of prerequisites,
 * windows, cadences, chains, receipt anchors, standby, report kinds) — goes md → yaml → json → md and parses back to
 * the same model; an id the format does not accept is refused in Markdown exactly as the YAML schema refuses it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import type { Level, Plan, Role, Step, Trigger } from '../model/index.js';
import { stripPlan } from '../model/strip.js';
import { parsePlanText } from '../parse/index.js';
import { exportPlan, markdownView } from './index.js';

const CHARS = ['a', 'b', 'z', 'K', '0', '7', '_', '.', '-', '或', '会', '同', '甲', '乙', '级', ' ', '|', '`', '#', ':', '、'];
const VALID = CHARS.filter((c) => /[A-Za-z0-9_.\-\u4e00-\u9fff]/u.test(c));
// Cell text is trimmed in Markdown (`|  a |` is `| a |`), so ids are generated without outer blanks.
const chars = (from: string[]) => fc.array(fc.constantFrom(...from), { minLength: 1, maxLength: 6 }).map((cs) => cs.join('').trim()).filter((s) => s.length > 0);
// Mostly ids the format accepts (ids with 或 / 会同 inside included), sometimes anything at all.
const validId = fc.tuple(fc.constantFrom(...VALID.filter((c) => !'.-'.includes(c))), fc.array(fc.constantFrom(...VALID), { maxLength: 5 }))
  .map(([first, rest]) => first + rest.join(''));
const anyId = fc.oneof({ weight: 8, arbitrary: validId }, { weight: 1, arbitrary: chars(CHARS) });
const ID = /^[A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][A-Za-z0-9_.\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff-]*$/u;
const DEADLINES = ['3分钟', '1小时内', '立即', '30分钟至1小时', '每30分钟', '每日至少续报2次', '每级2小时', '接到报告后1小时', '15 min', 'PT90S'];
const LEVEL_SETS = [['I', 'II', 'III'], ['Level 1', 'Level 2', 'Level 3'], ['Tier 1', 'Tier 3'], ['一级', 'Ⅱ级']];

const trig = (text: string, note?: string): Trigger => (note === undefined ? { text } : { text, note });

const planArb = fc.record({
  roleIds: fc.uniqueArray(anyId, { minLength: 2, maxLength: 4 }),
  stepIds: fc.uniqueArray(anyId, { minLength: 2, maxLength: 4 }),
  levels: fc.constantFrom(...LEVEL_SETS),
  deadlines: fc.array(fc.constantFrom(...DEADLINES), { minLength: 4, maxLength: 4 }),
  criteria: fc.array(fc.constantFrom(undefined, '原文：造成3人以上死亡'), { minLength: 2, maxLength: 2 }),
  any: fc.boolean(),
  lang: fc.constantFrom('zh', 'en'),
}).map(({ roleIds, stepIds, levels, deadlines, criteria, any, lang }): Plan => {
  const roles: Role[] = roleIds.map((id, i) => ({ id, name: `角色${i}`, deputies: [], duties: [] }));
  const steps: Step[] = stepIds.map((id, i) => ({
    id, action: `措施${i}`, role: roleIds[i % roleIds.length], alternatives: i === 0 ? [roleIds[1]] : [], support: i === 1 ? [roleIds[0]] : [],
    levels: [], after: !any && i > 0 ? [stepIds[0]] : [], afterAny: any && i > 1 ? [stepIds[0], stepIds[1]] : [],
    resources: [], notify: [], deadline: { text: deadlines[i % deadlines.length], kind: 'invalid', anchor: { kind: 'incident' } },
  }));
  const lv: Level[] = levels.map((id, i) => ({
    id, rank: i + 1, criteria: i === 0 ? [trig('deaths >= 30', criteria[0]), trig('fire', criteria[1])] : [trig(`deaths >= ${10 - i}`)], deciderAlternatives: [],
    decidedBy: roleIds[0],
  }));
  return {
    file: 'p.md', format: 'markdown',
    meta: { id: 'p', title: '性质测试预案', kind: 'special', language: lang, levelOrder: '1-highest', immediate: { text: '3分钟', kind: 'invalid', anchor: { kind: 'incident' } } },
    facts: [{ id: 'deaths', type: 'integer' }, { id: 'fire', type: 'boolean' }],
    roles, warnings: [], levels: lv, standby: [{ id: 'ready', name: '启动准备', trigger: trig('deaths >= 1') }],
    constraints: [trig('deaths >= 0', '人数不为负')], steps, escalations: [], resources: [],
    reports: [{ to: '县应急管理局', kind: 'hop', within: { text: '每级2小时', kind: 'invalid', anchor: { kind: 'incident' } }, levels: [] }],
    sections: [],
  };
});

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe('round trip with any id (property)', () => {
  it('md → yaml → json → md gives the same model, or both syntaxes refuse the id', () => {
    let chained = 0;
    fc.assert(fc.property(planArb, (plan) => {
      const md = parsePlanText(exportPlan(plan, 'md'), 'a.md');
      const bad = [...plan.roles, ...plan.steps].map((n) => n.id).filter((id) => !ID.test(id));
      if (bad.length) {
        // Refused in Markdown (a bad id; `-` read as "none"; `a ` trimmed into a duplicate of `a`) as the YAML schema
        // refuses it — never silently read as something else.
        const yaml = parsePlanText(exportPlan(plan, 'yaml'), 'a.yaml');
        expect(errors(md.diagnostics).length, bad.join()).toBeGreaterThan(0);
        expect(errors(yaml.diagnostics).some((d) => d.ruleId === 'parse/schema'), bad.join()).toBe(true);
        return;
      }
      expect(errors(md.diagnostics)).toEqual([]);
      const p0 = md.plan!;
      const y = parsePlanText(exportPlan(p0, 'yaml'), 'b.yaml');
      expect(errors(y.diagnostics)).toEqual([]);
      const j = parsePlanText(exportPlan(y.plan!, 'json'), 'c.json');
      expect(errors(j.diagnostics)).toEqual([]);
      const m = parsePlanText(exportPlan(j.plan!, 'md'), 'd.md');
      expect(errors(m.diagnostics)).toEqual([]);
      expect(stripPlan(y.plan!)).toStrictEqual(stripPlan(p0));
      expect(stripPlan(j.plan!)).toStrictEqual(stripPlan(p0));
      expect(stripPlan(m.plan!)).toStrictEqual(stripPlan(markdownView(j.plan!)));
      chained++;
    }), { numRuns: 150 });
    // The property is about round trips: most runs must get that far.
    expect(chained).toBeGreaterThan(50);
  });
});
