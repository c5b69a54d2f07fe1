import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { parsePlanFile } from '../parse/index.js';
import { importMsel, importMselFile } from './import-msel.js';
import { loadScenario, parseScenario } from './scenario.js';

const at = (d: Diagnostic) => (d.place ? `${d.place.start.line}:${d.place.start.column}` : 'none');
const brief = (ds: Diagnostic[]) => ds.map((d) => `${at(d)} ${d.severity} ${d.ruleId}`);
const leakPlan = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !['place', 'fields', 'file'].includes(k) && v !== undefined).map(([k, v]) => [k, strip(v)]));
}

describe('scenarios/flood-msel.csv', () => {
  // What `yuan drill import scenarios/flood-msel.csv -o scenarios/flood-from-msel.yaml` does.
  const r = importMselFile('scenarios/flood-msel.csv', { output: 'scenarios/flood-from-msel.yaml' });

  it('imports without diagnostics', () => {
    expect(r.diagnostics.map((d) => `${at(d)} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('gives the same model as scenarios/flood-from-msel.yaml', () => {
    const committed = loadScenario('scenarios/flood-from-msel.yaml');
    expect(committed.diagnostics).toEqual([]);
    expect(strip(r.scenario)).toEqual(strip(committed.scenario));
  });

  it('writes scenarios/flood-from-msel.yaml exactly (re-import after editing the CSV)', () => {
    expect(r.yaml).toBe(readFileSync('scenarios/flood-from-msel.yaml', 'utf8'));
  });

  it('maps role names to ids, reads tags, time limits, facts and objectives', () => {
    const s = r.scenario!;
    expect(s.injects.map((i) => [i.id, i.at])).toEqual([['i1', 0], ['i2', 600], ['i3', 1200], ['i4', 1800], ['i5', 3600], ['i6', 5400], ['i7', 7200], ['i8', 14400]]);
    expect(s.injects[0].to).toEqual(['duty-officer', 'eoc-director']);
    expect(s.injects[5].to).toEqual([]); // "All"
    expect(s.injects[2].message).toContain('"the car is starting to float"');
    expect(s.injects[0].expected.map((x) => [x.role, x.step, x.within])).toEqual([
      ['duty-officer', 'receive', 900], ['duty-officer', 'call-ack', 1800], ['eoc-director', 'activate', 1800], ['eoc-director', 'level:IV', 3600],
    ]);
    expect(s.injects[1].expected).toMatchObject([{ role: 'duty-officer', text: 'Pass the seepage report to the EOC Director and the Water Resources Bureau duty engineer', within: 600 }]);
    expect(s.injects[0].facts).toEqual({ rainfall_24h: 60, forecast_rain_24h: 180, river_level: 4.1, levee_breach: false, persons_trapped: 0, deaths: 0, warning: 'orange', water_receding: false });
    expect(s.objectives.map((o) => [o.id, o.steps, o.within])).toEqual([
      ['o1', ['activate', 'public-warning'], 3600], ['o2', ['call-ack'], 1800], ['o3', ['rescue'], 2700], ['o4', ['patrol', 'sandbag'], 14400], ['o5', ['shelters', 'evacuate'], 16200],
    ]);
    expect(s.expect).toMatchObject({ score: '< 20', gaps: ['role-not-engaged', 'missed', 'level-missed', 'objective-missed'], noGaps: ['wrong-role', 'duplicated', 'out-of-order', 'unmatched-action', 'premature-termination'], terminated: false });
    expect(s).toMatchObject({ id: 'flood-from-msel', plan: '../plans/flood/municipal-flood.md', type: 'tabletop', scope: 'comprehensive', seed: 5 });
  });

  it('writes the plan path relative to the output file', () => {
    const elsewhere = importMselFile('scenarios/flood-msel.csv', { output: 'out/drills/flood.yaml' });
    expect(elsewhere.scenario!.plan).toBe('../../plans/flood/municipal-flood.md');
    expect(elsewhere.yaml!.split('\n', 1)[0]).toBe('# yaml-language-server: $schema=../../schemas/scenario.schema.json');
  });
});

const ZH = `\uFEFF序号,时间,注入内容,发出,接收,预期行动,目标,情景参数\r
1,0,"液氨罐区报警器报警，现场可见白雾",导调组,当班操作工,"发现泄漏立即报警 [alarm] （1分钟内）\r
值班长：启动IV级响应（5分钟内）",o1: 5分钟内启动响应 [assess] (5分钟),leak_kg=40; injured=0; fire=否\r
2,T+00:06:00,"垫片撕裂,泄漏扩大",导调组,值班长、副总指挥,副总指挥：启动III级响应,o1,leak_kg=150; injured=1\r
`;

describe('importMsel', () => {
  it('reads Chinese headers, quoted commas, CRLF, a BOM and multi-line cells', () => {
    const r = importMsel(ZH, 'zh.csv', { plan: leakPlan, planPath: '../plans/chem/hazardous-chemical-leak.md' });
    expect(r.diagnostics).toEqual([]);
    const s = r.scenario!;
    expect(s.id).toBe('zh');
    expect(s.injects.map((i) => [i.id, i.at, i.to])).toEqual([['i1', 0, ['operator']], ['i2', 360, ['duty-officer', 'deputy']]]);
    expect(s.injects[1].message).toBe('垫片撕裂,泄漏扩大');
    expect(s.injects[0].expected.map((x) => [x.role, x.step, x.text, x.within])).toEqual([
      ['operator', 'alarm', '发现泄漏立即报警', 60], ['duty-officer', 'level:IV', '启动IV级响应', 300],
    ]);
    expect(s.injects[1].expected.map((x) => [x.role, x.step])).toEqual([['deputy', 'level:III']]);
    expect(s.injects[0].facts).toEqual({ leak_kg: 40, injured: 0, fire: false });
    expect(s.objectives).toMatchObject([{ id: 'o1', text: '5分钟内启动响应', steps: ['assess'], within: 300 }]);
    // The YAML it writes reads back to the same model.
    const back = parseScenario(r.yaml!, 'zh.yaml');
    expect(back.diagnostics).toEqual([]);
    expect(strip(back.scenario)).toEqual(strip(s));
  });

  it('reports bad rows at their row and column', () => {
    const csv = [
      'Event #,Time,Inject,To,Expected Action,Facts,Controller Notes',
      '1,0,Alarm,operator,Raise the alarm [alarm],leak_kg=40,',
      '2,soon,Leak grows,operator,,,',
      '3,T+00:08,,operator,,,',
      '4,T+00:09,Fire,resuce-team,Put it out,leak_kgs=5; fire,',
      '5,T+00:05,Earlier,,Somebody should act,,',
      '6,T+00:10,Extra,operator,,,,surplus',
    ].join('\n');
    const r = importMsel(csv, 'bad.csv', { plan: leakPlan });
    expect(brief(r.diagnostics)).toEqual([
      '7:29 warning import/ragged',
      '1:1 error import/no-plan',
      '3:3 error import/time',
      '4:11 error import/row',
      '5:39 error import/facts',
      '6:20 error import/role',
      '5:16 error scenario/unknown-role',
      '5:39 error scenario/unknown-fact',
      '5:28 error scenario/unknown-role',
      '6:3 error scenario/inject-order',
    ]);
    expect(r.diagnostics[2].message).toMatch(/^Unexpected time `soon`/);
    expect(r.diagnostics[6].message).toBe('Unexpected role `resuce-team`, expected `rescue-team`, the closest defined role');
    expect(r.scenario!.injects.map((i) => i.id)).toEqual(['i1', 'i2', 'i4', 'i5', 'i6']);
  });

  it('reports a missing column at the header and an unclosed quote where it opens', () => {
    expect(brief(importMsel('Event #,Inject\n1,x\n', 'm.csv').diagnostics)).toEqual(['1:1 error import/column']);
    expect(brief(importMsel('Time,Inject\n0,"never closed\n', 'q.csv', { planPath: 'p.md' }).diagnostics)).toEqual(['2:3 error import/csv']);
    expect(brief(importMsel('', 'e.csv').diagnostics)).toEqual(['1:1 error import/column']);
  });

  it('warns about unknown columns and metadata, and ignores HSEEP columns it has no use for', () => {
    const r = importMsel('# plan: p.md\n# owner: 安全环保部\nTime,Inject,Inject Mode,Colour\n0,x,phone,red\n', 'w.csv');
    expect(brief(r.diagnostics)).toEqual(['3:25 warning import/column', '2:10 warning import/meta']);
    expect(r.scenario!.plan).toBe('p.md');
  });

  it('keeps recipients as written without a plan, and takes a role prefix only from them', () => {
    const r = importMsel('Time,Inject,To,Expected Action\n0,x,"ops, boss","boss: decide; Note: nothing"\n', 'n.csv', { planPath: 'p.md' });
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.injects[0].to).toEqual(['ops', 'boss']);
    expect(r.scenario!.injects[0].expected.map((x) => [x.role, x.text])).toEqual([['boss', 'decide'], ['ops', 'Note: nothing']]);
  });

  it('asks for a role when an expected action has none', () => {
    const r = importMsel('Time,Inject,Expected Action\n0,x,do something\n', 'r.csv', { planPath: 'p.md' });
    expect(brief(r.diagnostics)).toEqual(['2:5 error import/role']);
  });
});
