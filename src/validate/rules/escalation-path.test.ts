import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './escalation-path.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const escalation = (rows: string) => `## 5 响应升级与降级\n\n| 从 | 到 | 条件 |\n|---|---|---|\n${rows}`;
const threeLevels = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n' +
  '| IV | blue | `leak_kg < 100` | deputy | 5分钟 |\n| III | yellow | `leak_kg >= 100 and leak_kg < 1000` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 1000` | commander | 15分钟 |';

/** The mini plan's front matter with its levels changed only by the escalation table. */
const front = (extra: string) => `---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\n${extra}\n---`;
const exclusive = front('grading: exclusive');

describe('escalation-path', () => {
  it('accepts levels with a way up and a way down', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('accepts a termination condition as the way out of every level', () => {
    const md = miniPlan({ levels: threeLevels, escalation: escalation('| IV | III | `leak_kg >= 100` |\n| III | II | `leak_kg >= 1000` |') });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
  });

  it('reports a level with no way up', () => {
    const md = miniPlan({ front: exclusive, levels: threeLevels, escalation: escalation('| IV | III | `leak_kg >= 100` |\n| II | III | `leak_kg < 1000` |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III | yellow')}:3 Unexpected level \`III\` with no way up, expected an escalation rule from \`III\` to a more severe level (II), or \`adjustment: judgement\` when the level is adjusted as the incident develops`]);
    expect(diagnostics[0].messageZh).toContain('没有升级途径');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '## 5 响应升级与降级'));
  });

  it('reports levels with no way down or out when there is no termination', () => {
    const md = miniPlan({ front: exclusive, levels: threeLevels, termination: '', escalation: escalation('| IV | III | `leak_kg >= 100` |\n| III | II | `leak_kg >= 1000` |\n| II | IV | `leak_kg < 100` |') });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| III | yellow')}:3 Unexpected level \`III\` with no way down or out, expected a de-escalation rule to a less severe level or a termination condition`]);
  });

  it('reports an escalation to an undefined level at its cell', () => {
    const md = miniPlan({ escalation: escalation('| III | II | `leak_kg >= 100 or injured >= 1` |\n| II | III | `leak_kg < 100 and injured == 0` |\n| II | 县级 | `leak_kg >= 5000` |') });
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| II | 县级')}:8 Unexpected level \`县级\` in the \`to\` column of escalation II → 县级, expected one of: \`III\`, \`II\``]);
    expect(diagnostics[0].messageZh).toContain('未定义');
  });

  it('does not use an escalation from an undefined level as a way up', () => {
    const md = miniPlan({ front: exclusive, escalation: escalation('| 3 | II | `leak_kg >= 100` |\n| II | III | `leak_kg < 100` |') });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Unexpected level `3` in the `from` column/);
    expect(lines[1]).toMatch(/Unexpected level `III` with no way up/);
  });

  it('accepts implicit escalation under the highest-level-met convention (the criteria are the way up and down)', () => {
    const md = miniPlan({ levels: threeLevels, escalation: '', termination: '' });
    expect(lintWith(rule, { 'ok.md': md }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('grading: highest'), levels: threeLevels, escalation: '' }) }).lines).toEqual([]);
  });

  it('accepts 根据事态发展调整响应级别 (adjustment: judgement) even with exclusive grading; adjustment: rules asks for the table', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan({ front: front('grading: exclusive\nadjustment: 根据事态发展调整响应级别'), levels: threeLevels, escalation: '' }) }).lines).toEqual([]);
    const { lines } = lintWith(rule, { 'bad.md': miniPlan({ front: front('adjustment: rules'), levels: threeLevels, escalation: '' }) });
    expect(lines.map((l) => /Unexpected level `(\w+)` with no way up/.exec(l)?.[1])).toEqual(['IV', 'III']);
  });
});
