import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './level-coverage.js';

const levels = (rows: string) => `## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n${rows}`;
const facts = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |\n| fire | 发生火灾 | boolean | |';
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('level-coverage', () => {
  it('accepts levels that cover every valuation', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('accepts integer and boolean tilings (== 0 / 1..2 / >= 3, fire / not fire)', () => {
    const md = miniPlan({
      facts,
      levels: levels([
        '| III | yellow | `injured == 0 and not fire` | deputy | 10分钟 |',
        '| II | orange | `injured >= 1 and injured <= 2 and not fire` | commander | 15分钟 |',
        '| I | red | `injured >= 3 or fire` | commander | 15分钟 |',
      ].join('\n')),
    });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports a larger incident that starts no level while a smaller one does, with the stretch in words at the criterion', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 200` | commander | 15分钟 |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III |')}:19 Unexpected gap: 100 ≤ leak_kg < 200 (e.g. leak_kg = 100) starts no level while the smaller leak_kg = 0 starts III, expected a larger incident to start a level`]);
    expect(diagnostics[0].messageZh).toBe('覆盖缺口：100 ≤ 泄漏量 < 200（如 泄漏量 = 100） 时不启动任何响应级别，而更小的 泄漏量 = 0 时启动 III 级，事故更大时也应启动某一级别');
  });

  it('names every fact that bounds a gap', () => {
    const md = miniPlan({
      facts,
      levels: levels('| III | yellow | `leak_kg < 100 and not fire` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100` | commander | 15分钟 |'),
    });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III |')}:19 Unexpected gap: leak_kg < 100 and fire = true (e.g. fire = true) starts no level while the smaller fire = false starts III, expected a larger incident to start a level`]);
  });

  it('still analyses the other levels when one has no trigger; beyond the top band is the parent plan\'s when there is one', () => {
    const md = miniPlan({ front: '---\nid: mini\ntitle: 某港务有限公司泄漏专项应急预案\nkind: special\nregime: enterprise\n---', levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| III |')}:19 Unexpected gap: leak_kg ≥ 100 (e.g. leak_kg = 100) starts no level while the smaller leak_kg = 0 starts III, expected a larger incident to start a level`]);
    // miniPlan's default front matter names a parent plan (general): incidents beyond 100 kg go there.
    expect(lintWith(rule, { 'ok.md': miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | — | commander | 15分钟 |') }) }).lines).toEqual([]);
  });

  it('draws no conclusion when a trigger did not parse', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_kg >=` | commander | 15分钟 |') });
    const parsed = parsePlanText(md, 'bad.md');
    expect(parsed.diagnostics.some((d) => d.ruleId === 'trigger/syntax')).toBe(true);
    expect(runRules([rule], [parsed.plan!], { today: '2026-11-25' })).toEqual([]);
  });

  it('draws no conclusion when a trigger names an undeclared fact', () => {
    const md = miniPlan({ levels: levels('| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| II | orange | `leak_t >= 0.1` | commander | 15分钟 |') });
    const parsed = parsePlanText(md, 'bad.md');
    expect(parsed.diagnostics.some((d) => d.ruleId === 'trigger/unknown-fact')).toBe(true);
    expect(runRules([rule], [parsed.plan!], { today: '2026-11-25' })).toEqual([]);
  });

  it('reports at most `max` gaps, one per criterion that should take the larger incident over', () => {
    const md = miniPlan({ facts, levels: levels('| III | yellow | `leak_kg < 10 or injured == 1` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 20 or injured >= 3` | commander | 15分钟 |') });
    expect(lintWith(rule, { 'bad.md': md }).lines).toHaveLength(2);
    expect(lintWith(rule, { 'bad.md': md }, { options: { max: 1 } }).lines).toHaveLength(1);
  });

  it('reports the Gansu blackout gaps between Ⅰ and Ⅱ at the Ⅰ criteria that do not take the larger loss over', () => {
    const md = readFileSync('plans/real/cn-prov-gansu-blackout-2016.md', 'utf8');
    const { lines, diagnostics } = lintWith(rule, { 'gansu.md': md });
    expect(lines).toEqual([
      `${lineOf(md, '| Ⅰ级 | `prov_cut')}:9 Unexpected gap: prov_cut = 40 starts no level while the smaller prov_cut = 16 starts II, expected a larger incident to start a level (this criterion of I does not take it over)`,
      `${lineOf(md, '| Ⅰ级 | `supply_crisis')}:9 Unexpected gap: unit_outage = 60 starts no level while the smaller unit_outage = 40 starts II (with supply_crisis = true), expected a larger incident to start a level (this criterion of I does not take it over)`,
    ]);
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| Ⅱ级 | `prov_cut'));
    expect(diagnostics[0].messageZh).toContain('全省电网减供负荷占事件前总负荷的比例 = 40 时不启动任何响应级别');
  });

  it('tells an enterprise plan once about incidents below its lowest level (大量 / 少量 with nothing between), at that level', () => {
    const md = readFileSync('plans/real/cn-enterprise-chem-injury-special.md', 'utf8');
    const lines = runRules([rule], [parsePlanText(md, 'chem.md').plan!], { today: '2026-11-25' }).map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.message}`);
    expect(lines).toEqual([`${lineOf(md, '| Ⅱ级 | `')}:9 Unexpected gap below the lowest level: large_leak = false and small_leak = false (and 8 more) starts no level, expected a level for every incident beyond "nothing happened", or a declared floor (\`scope: { below: …, handledBy: … }\`)`]);
  });

  it('accepts incidents below the floor: "nothing happened", a government plan (tiered), a declared scope floor', () => {
    const rows = levels('| II | orange | `leak_kg >= 100 or fire` | commander | 15分钟 |\n| I | red | `leak_kg >= 1000` | commander | 15分钟 |');
    const front = (extra: string) => `---\nid: mini\ntitle: 某港务有限公司泄漏专项应急预案\nkind: special\nregime: enterprise\n${extra}---`;
    expect(lintWith(rule, { 'bad.md': miniPlan({ front: front(''), facts, levels: rows }) }).lines).toHaveLength(1);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('scope: { below: II, handledBy: 班组现场处置 }\n'), facts, levels: rows }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('scope: { below: "leak_kg < 100", handledBy: 班组现场处置 }\n'), facts, levels: rows }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('').replace('enterprise', 'government'), facts, levels: rows }) }).lines).toEqual([]);
    // Only booleans: the gap below is exactly "nothing happened".
    const onlyFire = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 |\n|---|---|---|\n| fire | 发生火灾 | boolean |';
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front(''), facts: onlyFire, levels: levels('| II | orange | `fire` | commander | 15分钟 |'), escalation: '', termination: '## 8 响应终止\n\n- 条件：`not fire`\n- 宣布：commander' }) }).lines).toEqual([]);
  });
});
