import { readFileSync } from 'node:fs';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './level-grading.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const oneLevel = '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| II | orange | `leak_kg >= 0` | commander | 15分钟 |';
const onlyII = { levels: oneLevel, escalation: '## 5 响应升级与降级\n\n本预案不分级。' };

describe('level-grading', () => {
  it('accepts a plan with two or more levels', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a special plan with a single level at its id cell', () => {
    const md = miniPlan(onlyII);
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| II |')}:3 Unexpected single response level \`II\`, expected at least two levels graded by incident size so a small incident does not start the full response`]);
    expect(diagnostics[0].messageZh).toContain('只有一个响应级别');
  });

  it('reports a general plan with no levels at all', () => {
    const md = miniPlan({
      ...onlyII,
      front: '---\nid: general\ntitle: 综合应急预案\nkind: general\n---',
      levels: '## 4 响应分级\n\n按事故情况由总指挥决定。',
      steps: '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 |\n|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 |',
      reports: '',
    });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '## 4 响应分级')}:1 Unexpected plan without response levels, expected at least two levels graded by incident size so a small incident does not start the full response`]);
  });

  it('does not apply to on-site procedures', () => {
    const md = miniPlan({ ...onlyII, front: '---\nid: post\ntitle: 罐区泄漏现场处置方案\nkind: onsite\nparent: mini\n---' });
    expect(lintWith(rule, { 'onsite.md': md }).lines).toEqual([]);
  });

  it('accepts a reporting rule without levels of its own (国家网络安全事件报告管理办法)', () => {
    const md = readFileSync('plans/real/cn-sector-cyber-reporting-2025.md', 'utf8');
    expect(runRules([rule], [parsePlanText(md, 'cyber.md').plan!], { today: '2026-11-25' })).toEqual([]);
    // The same page titled as a plan is told.
    const plan = parsePlanText(md.replace('title: 国家网络安全事件报告管理办法', 'title: 国家网络安全事件应急预案'), 'cyber.md').plan!;
    expect(runRules([rule], [plan], { today: '2026-11-25' }).map((d) => d.message)).toEqual([
      'Unexpected plan without response levels, expected at least two levels graded by incident size so a small incident does not start the full response',
    ]);
  });
});
