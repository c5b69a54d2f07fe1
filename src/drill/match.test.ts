import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/index.js';
import { parsePlanFile } from '../parse/index.js';
import { actsFor, matchAction, rankSteps, tokens } from './match.js';

const planAt = (rel: string): Plan => {
  const r = parsePlanFile(fileURLToPath(new URL(rel, import.meta.url)));
  if (!r.plan) throw new Error(`${rel} does not parse`);
  return r.plan;
};
const leak = planAt('../../plans/chem/hazardous-chemical-leak.md');
const broken = planAt('../../plans/defective/steps-broken.yaml');
const flood = planAt('../../plans/flood/municipal-flood.md');

const byText = (plan: Plan, role: string, text: string) => matchAction(plan, { kind: 'step', role, text });

describe('tokens', () => {
  it('makes Chinese bigrams, keeps numbers and Latin words whole, folds synonyms', () => {
    expect([...tokens('拨打120')]).toEqual(['呼叫', '120']);
    expect([...tokens('关闭切断阀')]).toEqual(['关闭', '闭切', '切断', '断阀']);
    expect([...tokens('阀')]).toEqual(['阀']);
    expect([...tokens('Rescued the motorists')]).toEqual(['rescu', 'motorist']);
    expect(tokens('，。！')).toEqual(new Set());
  });
});

describe('matchAction', () => {
  it('matches by step id first, with score 1', () => {
    expect(matchAction(leak, { kind: 'step', role: 'rescue-team', step: 'isolate', text: '随便写点什么' })).toEqual({ step: 'isolate', match: 'id', score: 1 });
    // An observer who writes just the step id.
    expect(byText(leak, 'operator', 'alarm')).toEqual({ step: 'alarm', match: 'id', score: 1 });
  });

  it('matches the brief\'s realistic Chinese texts', () => {
    expect(byText(leak, 'operator', '关闭储罐出口紧急切断阀')).toMatchObject({ step: 'isolate', match: 'text' });
    expect(byText(leak, 'medical-team', '拨打120')).toMatchObject({ step: 'first-aid', match: 'text' });
  });

  // Texts from scenarios/ and scenarios/observed/leak-observer-log.csv with the step a person would pick.
  const cases: [Plan, string, string, string | undefined][] = [
    [leak, 'operator', '发现2#储罐出口法兰泄漏，对讲机向中控室报警', 'alarm'],
    [leak, 'operator', '对讲机向中控室报警：2#储罐出口法兰泄漏，介质液氨', 'alarm'],
    [leak, 'operator', '佩戴空气呼吸器关闭紧急切断阀', 'isolate'],
    [leak, 'operator', '佩戴空气呼吸器关闭2#储罐出口紧急切断阀', 'isolate'],
    [leak, 'duty-officer', '研判泄漏规模，初判为小规模泄漏', 'assess'],
    [leak, 'evacuation-team', '设置警戒区并疏导无关人员', 'cordon'],
    [leak, 'evacuation-team', '罐区周边50米设置警戒，上风向设集合点', 'cordon'],
    [leak, 'rescue-team', '佩戴空气呼吸器进入罐区搜救并堵漏', 'rescue'],
    [leak, 'rescue-team', '两人一组佩戴空气呼吸器、穿重型防化服进入罐区堵漏', 'rescue'],
    [leak, 'medical-team', '对中毒操作工检伤分类、吸氧，呼叫120', 'first-aid'],
    [leak, 'process-team', '装置紧急停车、泄压', 'shutdown'],
    [leak, 'process-team', '氨合成装置紧急停车、泄压', 'shutdown'],
    [leak, 'monitoring-team', '厂界及下风向有毒气体检测', 'monitor'],
    [leak, 'monitoring-team', '厂界及下风向布设3台检测仪，每15分钟报告', 'monitor'],
    [leak, 'rescue-team', '用吸附棉和围堰收集泄漏物，污水导入事故应急池', 'absorb'],
    [leak, 'reporting', '向县应急管理局电话报告事故情况', 'report'],
    [leak, 'reporting', '电话向县应急管理局报告事故时间、地点、介质、泄漏量、伤亡和已采取措施', 'report'],
    // Another role's step: the text wins over the role preference (越位 must show as wrong-role, not vanish).
    [leak, 'rescue-team', '应急救援队到场后再次前往关闭1#储罐紧急切断阀', 'isolate'],
    [leak, 'medical-team', '医疗救护组组长到中控室要求停车，并亲自按下紧急停车按钮', 'shutdown'],
    // Nothing in the plan: unmatched.
    [leak, 'commander', '安排保卫人员到门卫室引导消防车和120救护车', undefined],
    [leak, 'commander', '召开现场指挥部会议', undefined],
    [leak, 'monitoring-team', '更换检测仪电池', undefined],
    [leak, 'commander', '请求消防支队增援', undefined],
    [broken, 'medical-team', '把中毒人员抬到上风向，冲洗后吸氧', 'first-aid'],
    [broken, 'process-team', '开启事故通风风机', 'ventilate'],
    [broken, 'monitoring-team', '复测车间氨浓度', 'recheck'],
    [broken, 'rescue-team', '设置水幕稀释氨气', 'water-curtain'],
    [flood, 'fire-rescue', 'Dispatch a boat team, rescue the motorists and hand them to paramedics', 'rescue'],
    [flood, 'police', 'Close the Elm Street underpass and the two low bridges, set up detours', 'road-closure'],
    [flood, 'duty-officer', 'Log the warning and confirm the river forecast with the Water Resources Bureau', 'receive'],
    [flood, 'comms-officer', 'Issued public warning via SMS and sirens', 'public-warning'],
    [flood, 'public-works', 'Sandbagging at the Lowtown levee', 'sandbag'],
    [flood, 'eoc-director', 'Briefed the press about the flood', undefined],
  ];
  it.each(cases)('%#: %s %s → %s', (plan, role, text, want) => {
    expect(byText(plan, role, text)?.step).toBe(want);
  });

  it('prefers the acting role\'s own step between similar ones', () => {
    // "佩戴空气呼吸器" is in both isolate (operator) and rescue (rescue-team); the role decides.
    const r = rankSteps(leak, '佩戴空气呼吸器', 'rescue-team');
    expect(r[0].step).toBe('rescue');
    expect(r[0].adjusted).toBeGreaterThan(r[0].score);
  });

  it('matches nothing for non-step actions and empty texts', () => {
    expect(matchAction(leak, { kind: 'level', role: 'commander', text: '启动II级响应' })).toBeUndefined();
    expect(matchAction(leak, { kind: 'step', role: 'operator', text: '   ' })).toBeUndefined();
    expect(matchAction(leak, { kind: 'step', role: 'operator' })).toBeUndefined();
    // An unknown step id falls back to the text.
    expect(matchAction(leak, { kind: 'step', role: 'operator', step: 'isolat', text: '关闭紧急切断阀' })).toMatchObject({ step: 'isolate', match: 'text' });
  });

  it('knows who acts for whom: owner, deputy by id, name or holder, member', () => {
    expect(actsFor(leak, 'commander', 'commander')).toBe(true);
    expect(actsFor(leak, 'deputy', 'commander')).toBe(true);
    expect(actsFor(leak, 'medical-team', 'process-team')).toBe(false);
    expect(actsFor(leak, 'commander', undefined)).toBe(false);
  });
});
