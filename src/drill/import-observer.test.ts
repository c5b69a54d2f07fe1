import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { parsePlanFile } from '../parse/index.js';
import { inferAction, roleResolver } from './import-common.js';
import { importObserverLog, importObserverLogFile } from './import-observer.js';
import { scoreDrill } from '../score/index.js';
import { runObserved } from './engine.js';
import { findGapKind } from '../score/expect.js';
import { loadDrill } from './scenario.js';

const at = (d: Diagnostic) => (d.place ? `${d.place.start.line}:${d.place.start.column}` : 'none');
const brief = (ds: Diagnostic[]) => ds.map((d) => `${at(d)} ${d.severity} ${d.ruleId}`);
const leakPlan = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
const floodPlan = parsePlanFile('plans/flood/municipal-flood.md').plan!;

describe('scenarios/observed/leak-observer-log.csv', () => {
  const r = importObserverLogFile('scenarios/observed/leak-observer-log.csv', leakPlan);

  it('imports without diagnostics, counting from the facilitator\'s first row', () => {
    expect(r.diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(r.start).toBe(9 * 3600 + 30 * 60);
  });

  it('reads roles by name and holder, kinds from the text, notes as notes', () => {
    const summary = r.actions.map((a) => `${a.at} ${a.role} ${a.kind}${a.level ? ` ${a.level}` : ''}${a.to ? ` →${a.to}` : ''}`);
    expect(summary).toEqual([
      '50 operator step', '60 operator notify →duty-officer', '200 operator step', '200 operator note', '220 duty-officer step',
      '390 duty-officer level IV', '390 duty-officer note', '410 duty-officer notify →deputy', '410 duty-officer note', '425 deputy ack',
      '560 deputy level III', '660 evacuation-team step', '660 evacuation-team note', '810 rescue-team step', '840 commander level II',
      '870 commander step', '960 medical-team step', '1110 process-team step', '1260 monitoring-team step', '1260 monitoring-team note',
      '1320 safety-director note', '1680 rescue-team step', '2100 reporting step', '2640 commander terminate',
    ]);
    expect(r.actions[2]).toMatchObject({ text: '佩戴空气呼吸器关闭紧急切断阀', atText: '3min20s' });
    expect(r.actions[3].text).toBe('空气呼吸器面罩系带松脱,重新佩戴耽误约40秒');
    expect(r.actions[12].text).toBe('按IV级50米设置，未随响应级别扩大；\n保卫科长到场晚约1分钟');
    expect(r.actions[5].fields!.text.start).toMatchObject({ line: 8, column: 14 });
  });

  it('scored against leak-escalation-iv-to-ii.yaml, shows what the observers saw', () => {
    const d = loadDrill('scenarios/leak-escalation-iv-to-ii.yaml');
    const score = scoreDrill(d.plan!, runObserved(d.plan!, d.scenario!, r.actions), { scenario: d.scenario });
    const count = (kind: string) => findGapKind(score, kind)!.length;
    // IV declared at 6:30 (allowed 5 min); isolate at 3:20 (3 min); seven steps done without notifying the plan's notify role;
    // IV kept after III was warranted, II kept after only III was; one action no step covers.
    expect(findGapKind(score, 'level-late')).toEqual(['level IV declared 90 s late']);
    expect(findGapKind(score, 'late')).toEqual(['isolate late by 20 s']);
    expect(count('missed-notification')).toBe(7);
    expect([count('under-response'), count('over-response'), count('unmatched-action')]).toEqual([1, 1, 1]);
    expect([count('wrong-role'), count('duplicated'), count('out-of-order'), count('missed'), count('role-not-engaged')]).toEqual([0, 0, 0, 0, 0]);
    expect(score.objectives.filter((o) => !o.met).map((o) => o.id)).toEqual(['o3']);
  });
});

describe('importObserverLog', () => {
  it('counts clock times from --start, and across midnight', () => {
    const csv = 'time,role,action\n23:58:00,duty-officer,assess\n00:03:30,commander,Declare Level II\n';
    const r = importObserverLog(csv, 'o.csv', leakPlan, { start: '23:55' });
    expect(r.diagnostics).toEqual([]);
    expect(r.actions.map((a) => [a.at, a.kind, a.step ?? a.level])).toEqual([[180, 'step', 'assess'], [510, 'level', 'II']]);
  });

  it('reads offsets as offsets, and sorts rows logged out of order (with a warning)', () => {
    const r = importObserverLog('时间,角色,行动\nT+00:05:00,值班长,启动Ⅳ级响应\n2分钟,当班操作工,报警\n', 'o.csv', leakPlan);
    expect(brief(r.diagnostics)).toEqual(['3:1 warning import/order']);
    expect(r.actions.map((a) => [a.at, a.role, a.kind])).toEqual([[120, 'operator', 'step'], [300, 'duty-officer', 'level']]);
    expect(r.start).toBeUndefined();
  });

  it('reports unparseable rows at their cell and skips them', () => {
    const csv = [
      '时间,角色,行动,备注',
      '09:30:00,值班长,接警,',
      '九点半,值班长,研判,',
      ',值班长,研判,',
      'T+00:05:00,值班长,研判,',
      '09:29:00,值班长,研判,',
      '09:31:00,,研判,',
      '09:32:00,值班长,,',
      '09:33:00,消防大队,到场,',
      '09:35:00,值班长,"未闭合',
    ].join('\n');
    const r = importObserverLog(csv, 'bad.csv', leakPlan);
    expect(brief(r.diagnostics)).toEqual([
      '10:14 error import/csv',
      '3:1 error import/time', '4:1 error import/time', '5:1 error import/time', '6:1 error import/time',
      '7:10 error import/role', '8:14 error import/row', '9:10 warning import/role',
    ]);
    expect(r.diagnostics[1].message).toBe('Unexpected time `九点半`, expected a clock time such as 09:32:10 or an offset such as T+00:02:10');
    expect(r.diagnostics[3].message).toBe('Unexpected offset `T+00:05:00` in a log of clock times, expected one kind of time throughout');
    expect(r.diagnostics[4].message).toBe('Unexpected time `09:29:00` before the drill start 09:30:00, expected a time at or after it');
    expect(r.actions.map((a) => [a.at, a.role, a.text])).toEqual([[0, 'duty-officer', '接警'], [180, '消防大队', '到场'], [300, 'duty-officer', '未闭合']]);
  });

  it('reads Chinese clock times, and warns about a level the plan does not have', () => {
    const plan = parsePlanFile('plans/defective/steps-broken.yaml').plan!;
    const r = importObserverLog('时间,角色,行动\n9点30分,值班长,接警\n9时35分10秒,值班长,启动IV级响应\n', 'o.csv', plan);
    expect(brief(r.diagnostics)).toEqual(['3:14 warning import/level']);
    expect(r.actions.map((a) => [a.at, a.kind, a.level])).toEqual([[0, 'step', undefined], [310, 'level', 'IV']]);
  });

  it('needs time and role columns', () => {
    expect(brief(importObserverLog('角色,行动\n值班长,研判\n', 'c.csv', leakPlan).diagnostics)).toEqual(['1:1 error import/column']);
  });

  it('works without a plan: roles as written, no step ids', () => {
    const r = importObserverLog('time,role,action\n0,Duty Officer,Notify the EOC Director\n', 'o.csv', undefined);
    expect(r.diagnostics).toEqual([]);
    expect(r.actions).toMatchObject([{ at: 0, role: 'Duty Officer', kind: 'step', text: 'Notify the EOC Director' }]);
  });
});

describe('inferAction', () => {
  const zh = roleResolver(leakPlan);
  const en = roleResolver(floodPlan);
  it.each([
    ['启动III级响应', zh, { kind: 'level', level: 'III' }],
    ['宣布启动Ⅱ级应急响应', zh, { kind: 'level', level: 'II' }],
    ['升级为一级响应', zh, { kind: 'level', level: 'I' }],
    ['建议启动III级响应', zh, { kind: 'step' }],
    ['通知副总指挥', zh, { kind: 'notify', to: 'deputy' }],
    ['电话通知总经理到场', zh, { kind: 'notify', to: 'commander' }],
    ['通知各应急小组', zh, { kind: 'step' }],
    ['收到', zh, { kind: 'ack' }],
    ['收到，马上到', zh, { kind: 'ack' }],
    ['宣布响应终止', zh, { kind: 'terminate' }],
    ['关闭紧急切断阀', zh, { kind: 'step' }],
    ['Declare Level III', en, { kind: 'level', level: 'III' }],
    ['Escalated to Level 2', en, { kind: 'level', level: 'II' }],
    ['Propose to declare Level II', en, { kind: 'step' }],
    ['Notify the Incident Commander', en, { kind: 'notify', to: 'commander' }],
    ['Acknowledged', en, { kind: 'ack' }],
    ['Declared the response over', en, { kind: 'terminate' }],
  ] as const)('%s', (text, roles, expected) => {
    expect(inferAction(text, roles)).toEqual(expected);
  });
});
