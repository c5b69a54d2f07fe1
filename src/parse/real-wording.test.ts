/**
 * One test per class of issue 9 ("read published emergency plans exactly"), each written from the wording of a real
 * plan or regulation: the construct is either held exactly by the model or refused with a located diagnostic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createPlanMachine, declareEvent, factsEvent, incidentEvent, stepDone } from '../compile/index.js';
import type { Diagnostic } from '../diagnostics.js';
import { isUnreadable } from '../diagnostics.js';
import { exportPlan } from '../export/index.js';
import { stripPlan } from '../model/strip.js';
import { parseLevelSpec } from './fields.js';
import { parseMarkdown, parsePlanFile, parsePlanText, parseYaml } from './index.js';

const front = (extra = '') => `---\nid: t\ntitle: 测试预案\nkind: special\n${extra}---\n\n`;
const md = (body: string, extra = '') => parseMarkdown(front(extra) + body, 'plans/real/t.md');
const at = (d: Diagnostic) => `${d.ruleId}@${d.place?.start.line}:${d.place?.start.column}`;
const ids = (ds: Diagnostic[]) => ds.map(at);

describe('class 1: time limits as real plans write them', () => {
  const steps = '## 应急处置\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n';
  it('keeps a cadence, a window, 立即 and a receipt anchor as what they are', () => {
    const r = md(`${steps}| monitor | 下风向检测 | a | 每30分钟 |\n| arrive | 专业队伍到场 | a | 30分钟至1小时 |\n| alarm | 报警 | a | 立即 |\n| up | 向上级报告 | a | 接到报告后1小时 |\n`, 'immediate: 3分钟\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.plan!.steps.map((s) => [s.id, s.deadline?.kind, s.deadline?.seconds, s.deadline?.anchor.kind])).toEqual([
      ['monitor', 'cadence', 1800, 'incident'], ['arrive', 'window', 3600, 'incident'], ['alarm', 'immediate', 180, 'incident'], ['up', 'limit', 3600, 'receipt'],
    ]);
  });
  it('reports a step anchored to itself and a vague limit at the cell, and keeps the plan', () => {
    const r = md(`${steps}| s1 | 报告 | a | s1 完成后1小时 |\n| s2 | 续报 | a | 及时 |\n`);
    expect(ids(r.diagnostics)).toEqual(['time/invalid@11:17', 'time/vague@12:17']);
    expect(r.plan!.steps.map((s) => s.deadline?.kind)).toEqual(['invalid', 'vague']);
    expect(r.diagnostics.some(isUnreadable)).toBe(false);
  });
});

describe('class 5: judgement and manual activation (内蒙古: 一级、二级由自治区人民政府决定启动)', () => {
  const body = '## 事故信息要素\n\n| 标识 | 名称 | 类型 | 判定 |\n|---|---|---|---|\n| beyond | 超出自治区处置能力 | judgement | gov |\n| deaths | 死亡人数 | integer | |\n\n'
    + '## 应急组织机构及职责\n\n| 标识 | 角色 |\n|---|---|\n| gov | 自治区人民政府 |\n| dept | 自治区应急管理厅 |\n\n'
    + '## 响应分级\n\n| 级别 | 启动条件 | 启动方式 | 决策 |\n|---|---|---|---|\n| 一级 | | 决定启动 | gov |\n| 二级 | `beyond` | | gov |\n| 三级 | `deaths >= 3` | | dept |\n';
  it('reads a judgement fact with its decider and a level started by decision', () => {
    const r = md(body);
    expect(r.diagnostics).toEqual([]);
    const p = r.plan!;
    expect(p.facts[0]).toMatchObject({ id: 'beyond', type: 'judgement', decidedBy: 'gov' });
    expect(p.levels.map((l) => [l.id, l.rank, !!l.manual, l.criteria.length])).toEqual([['I', 1, true, 0], ['II', 2, false, 1], ['III', 3, false, 1]]);
  });
  it('enters the manual level only when its decider declares it', () => {
    const p = md(body).plan!;
    const actor = createActor(createPlanMachine(p)).start();
    actor.send(incidentEvent({ deaths: 4 }));
    expect(actor.getSnapshot().context.level).toBe('III');
    actor.send(declareEvent('I', 'dept'));
    expect(actor.getSnapshot().context.level).toBe('III');
    actor.send(declareEvent('I', 'gov'));
    expect(actor.getSnapshot().context.level).toBe('I');
  });
});

describe('class 4: any one criterion, the highest level met applies (就高不就低)', () => {
  const body = '## 事故信息要素\n\n| 标识 | 类型 |\n|---|---|\n| deaths | integer |\n| injured | integer |\n\n'
    + '## 响应分级\n\n| 级别 | 启动条件 |\n|---|---|\n| I | |\n| II | |\n\n'
    + '## 分级标准\n\n| 级别 | 条件 | 原文 |\n|---|---|---|\n| I | `deaths >= 30` | 造成30人以上死亡 |\n| I | `injured >= 100` | 100人以上重伤 |\n| II | `deaths >= 10` | 造成10人以上死亡 |\n';
  it('reads each listed criterion with its wording; the level condition is their OR', () => {
    const p = md(body).plan!;
    expect(p.levels[0].criteria.map((c) => [c.text, c.note])).toEqual([['deaths >= 30', '造成30人以上死亡'], ['injured >= 100', '100人以上重伤']]);
    expect(p.levels[0].trigger).toMatchObject({ derived: true, text: '(deaths >= 30) or (injured >= 100)' });
    expect(p.levels[1].trigger).toMatchObject({ text: 'deaths >= 10' });
  });
  it('starts the most severe level met, and moves up when a more severe criterion comes to hold with no written rule', () => {
    const p = md(body).plan!;
    const actor = createActor(createPlanMachine(p)).start();
    actor.send(incidentEvent({ deaths: 12, injured: 0 }));
    expect(actor.getSnapshot().context.level).toBe('II');
    actor.send(factsEvent({ injured: 120 }));
    expect(actor.getSnapshot().context.level).toBe('I');
  });
});

describe('class 6: several owners (省安委会办公室会同相关行业领域主管部门; "the CAO, the Fire Chief or the EOC Director")', () => {
  const roles = '## 应急组织机构及职责\n\n| 标识 | 角色 |\n|---|---|\n| office | 省安委会办公室 |\n| sector | 行业主管部门 |\n| cao | CAO |\n| chief | Fire Chief |\n| director | EOC Director |\n\n';
  it('reads lead with support, lead-and-support wording, and alternatives', () => {
    const r = md(`${roles}## 应急处置\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n| a | 组织调查 | 省安委会办公室会同行业主管部门 |\n| b | 现场处置 | office 牵头，sector 配合 |\n| c | Activate the EOC | cao, chief or director |\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.plan!.steps.map((s) => [s.role, s.support, s.alternatives])).toEqual([
      ['office', ['sector'], []], ['office', ['sector'], []], ['cao', [], ['chief', 'director']],
    ]);
  });
  it('refuses two roles with no word saying how they share the duty, at the cell', () => {
    const r = md(`${roles}## 应急处置\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n| a | 组织调查 | office、sector |\n`);
    expect(ids(r.diagnostics)).toEqual(['role/ambiguous@21:14']);
  });
});

describe('class 7: prerequisites "after either branch"', () => {
  const body = '## 事故信息要素\n\n| 标识 | 类型 |\n|---|---|\n| fire | boolean |\n| poison | boolean |\n\n'
    + '## 应急处置\n\n| 标识 | 措施 | 前置 | 条件 |\n|---|---|---|---|\n| f | 灭火 | — | `fire` |\n| p | 解毒 | — | `poison` |\n| m | 医疗转运 | f 或 p | |\n';
  it('reads `f 或 p` as any one of them; the step is ready after one branch, skipped when neither happens', () => {
    const p = md(body).plan!;
    expect(p.steps[2]).toMatchObject({ after: [], afterAny: ['f', 'p'] });
    const a = createActor(createPlanMachine(p)).start();
    a.send(incidentEvent({ fire: true, poison: false }));
    expect(a.getSnapshot().context.steps.m).toBe('pending');
    a.send(stepDone('f'));
    expect(a.getSnapshot().context.steps.m).toBe('ready');
    const b = createActor(createPlanMachine(p)).start();
    b.send(incidentEvent({ fire: false, poison: false }));
    expect(b.getSnapshot().context.steps.m).toBe('skipped');
  });
});

describe('class 8: standby before activation (启动准备状态 / 预警响应)', () => {
  it('reads readiness states and enters one from standby, before any level', () => {
    const r = md('## 事故信息要素\n\n| 标识 | 类型 | 单位 |\n|---|---|---|\n| rain | number | mm |\n\n'
      + '## 启动准备\n\n| 标识 | 名称 | 条件 | 措施 |\n|---|---|---|---|\n| ready | 启动准备状态 | `rain >= 50` | 人员到岗，物资预置 |\n\n'
      + '## 响应分级\n\n| 级别 | 启动条件 |\n|---|---|\n| IV | `rain >= 100` |\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.plan!.standby).toMatchObject([{ id: 'ready', name: '启动准备状态', actions: '人员到岗，物资预置' }]);
    const a = createActor(createPlanMachine(r.plan!)).start();
    a.send(factsEvent({ rain: 60 }));
    expect(a.getSnapshot().value).toEqual({ standby: 'ready' });
    a.send(factsEvent({ rain: 120 }));
    expect(a.getSnapshot().context.level).toBe('IV');
  });
});

describe('class 9: level order is the law\'s or the plan\'s, never guessed', () => {
  const levels = '## Response levels\n\n| level | trigger |\n|---|---|\n| Level 1 | `x >= 1` |\n| Level 2 | `x >= 2` |\n| Level 3 | `x >= 3` |\n';
  const facts = '## Incident facts\n\n| id | type |\n|---|---|\n| x | integer |\n\n';
  it('ranks Level 3 highest when the plan says 1-lowest (Canadian EOC), and expands "Level 2 and above" that way', () => {
    const p = md(facts + levels, 'levelOrder: 1-lowest\n').plan!;
    expect(p.levels.map((l) => [l.id, l.rank])).toEqual([['Level 1', 3], ['Level 2', 2], ['Level 3', 1]]);
    expect(parseLevelSpec('Level 2 and above', p.levels).ids).toEqual(['Level 2', 'Level 3']);
  });
  it('reports undeclared numbering instead of reading it the Chinese way', () => {
    const r = md(facts + levels);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['levels/order-unknown']);
  });
  it('keeps Ⅰ级 and 一级 the same level in both syntaxes', () => {
    const a = md('## 响应分级\n\n| 级别 |\n|---|\n| Ⅰ级 |\n| 二级 |\n').plan!;
    const b = parseYaml('plan: { id: t, title: t, kind: special }\nlevels:\n  - id: 一级\n  - id: Ⅱ级\n', 't.yaml').plan!;
    expect(a.levels.map((l) => [l.id, l.rank])).toEqual([['I', 1], ['II', 2]]);
    expect(b.levels.map((l) => [l.id, l.rank])).toEqual([['I', 1], ['II', 2]]);
  });
});

describe('class 10: facts that constrain each other', () => {
  it('reads constraints as conditions over facts, with their note', () => {
    const r = md('## 事故信息要素\n\n| 标识 | 类型 | 单位 |\n|---|---|---|\n| rain_3h | number | mm |\n| rain_6h | number | mm |\n\n'
      + '## 要素约束\n\n| 约束 | 说明 |\n|---|---|\n| `rain_3h <= rain_6h` | 3小时雨量不超过6小时雨量 |\n');
    expect(r.plan!.constraints.map((c) => [c.text, c.note])).toEqual([['rain_3h <= rain_6h', '3小时雨量不超过6小时雨量']]);
  });
});

describe('class 11: reports with a condition, a cadence and a window from a later event (Order 493; cyber reporting)', () => {
  it('reads kinds, conditions, daily cadence, per-hop chain and 补报 within 30 days of a change', () => {
    const r = md('## 事故信息要素\n\n| 标识 | 类型 |\n|---|---|\n| cii | boolean |\n\n## 信息报告\n\n| 对象 | 报告类型 | 适用条件 | 时限 |\n|---|---|---|---|\n'
      + '| 网信部门 | 首报 | `cii` | 1小时内 |\n| 上一级应急管理部门 | 逐级上报 | | 每级2小时 |\n| 县应急管理局 | 续报 | | 每日至少续报2次 |\n| 县应急管理局 | 补报 | | 自伤亡人数发生变化之日起30日内 |\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.plan!.reports.map((x) => [x.kind, x.when?.text, x.within?.kind, x.within?.seconds])).toEqual([
      ['first', 'cii', 'limit', 3600], ['hop', undefined, 'chain', 7200], ['follow-up', undefined, 'cadence', 43200], ['supplementary', undefined, 'limit', 2592000],
    ]);
    expect(r.plan!.reports[3].within?.anchor).toEqual({ kind: 'event', event: '伤亡人数发生变化' });
  });
});

describe('class 12: should vs shall (宜 / 应)', () => {
  it('reads the obligation from its column or from a leading 宜', () => {
    const r = md('## 应急处置\n\n| 标识 | 措施 | 要求 |\n|---|---|---|\n| a | 设置警戒区 | 应 |\n| b | 宜组织周边群众疏散 | |\n| c | 可请求专家支援 | 可 |\n| d | 可燃气体检测 | |\n');
    expect(r.plan!.steps.map((s) => s.obligation)).toEqual(['shall', 'should', 'may', undefined]);
  });
});

describe('class 13: round trip keeps every id and level', () => {
  it('writes `Tier 3` so YAML reads it back, and md → yaml → json → md gives the same model', () => {
    const src = front('levelOrder: 1-lowest\nlanguage: en\n') + '## Response levels\n\n| level | trigger |\n|---|---|\n| Tier 1 | `x >= 1` |\n| Tier 3 | `x >= 3` |\n\n## Incident facts\n\n| id | type |\n|---|---|\n| x | integer |\n';
    const a = parsePlanText(src, 'a.md');
    expect(a.diagnostics).toEqual([]);
    const yaml = exportPlan(a.plan!, 'yaml');
    const b = parsePlanText(yaml, 'b.yaml');
    expect(b.diagnostics).toEqual([]);
    const c = parsePlanText(exportPlan(b.plan!, 'json'), 'c.json');
    const d = parsePlanText(exportPlan(c.plan!, 'md'), 'd.md');
    expect(d.diagnostics).toEqual([]);
    expect(stripPlan(b.plan!).levels).toEqual(stripPlan(a.plan!).levels);
    expect(stripPlan(d.plan!).levels).toEqual(stripPlan(a.plan!).levels);
  });
});

describe('class 14/15: only unreadable files are fatal; a wrong file type says so', () => {
  it('keeps a plan with a vague deadline as a plan, with the finding', () => {
    const r = md('## 应急处置\n\n| 标识 | 措施 | 时限 |\n|---|---|---|\n| report | 向上级报告 | 及时 |\n');
    expect(r.plan).toBeDefined();
    expect(r.diagnostics.map((d) => [d.ruleId, isUnreadable(d)])).toEqual([['time/vague', false]]);
  });
  it('refuses an XML file as an unsupported type, unread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-type-'));
    const f = join(dir, 'alert.xml');
    writeFileSync(f, '<alert><info/></alert>');
    const r = parsePlanFile(f);
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, isUnreadable(d)])).toEqual([['parse/unsupported-type', true]]);
    expect(r.diagnostics[0].message).toContain('`.xml`');
  });
});
