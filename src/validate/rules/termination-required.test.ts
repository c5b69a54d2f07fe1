import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './termination-required.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('termination-required', () => {
  it('accepts a termination with a condition and a declaring role', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a plan without a termination section at the front matter', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ termination: '' }) });
    expect(lines).toEqual(['1:1 Unexpected plan without a termination condition, expected a 响应终止 section with `条件：` and `宣布：` items (YAML: `termination.when`, `termination.decidedBy`)']);
    expect(diagnostics[0].messageZh).toContain('缺少响应终止条件');
  });

  it('reports a prose-only termination section once', () => {
    const md = miniPlan({ termination: '## 8 响应终止\n\n事故处置完毕后响应终止。' });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '## 8 响应终止')}:1 Unexpected termination without a condition or a declaring role, expected \`条件：\` and \`宣布：\` items (YAML: \`when\`, \`decidedBy\`)`]);
  });

  it('reports a missing condition and a missing declaring role separately', () => {
    const noWhen = lintWith(rule, { 'a.md': miniPlan({ termination: '## 8 响应终止\n\n- 宣布：commander' }) }).lines;
    expect(noWhen).toHaveLength(1);
    expect(noWhen[0]).toMatch(/Unexpected termination without a condition, expected `条件：`/);
    const md = miniPlan({ termination: '## 8 响应终止\n\n- 条件：`leak_kg < 1`' });
    expect(lintWith(rule, { 'b.md': md }).lines).toEqual([`${lineOf(md, '- 条件')}:1 Unexpected termination without a declaring role, expected \`宣布：\` (YAML: \`decidedBy\`) naming the role that ends the response`]);
  });

  it('reads YAML termination', () => {
    const yaml = (t: string) => [
      'plan: { id: y, title: 泄漏专项应急预案, kind: special, parent: general }',
      'facts: [{ id: leak_kg, type: number, unit: kg }]',
      'roles: [{ id: commander, name: 总指挥 }]',
      t,
    ].join('\n');
    expect(lintWith(rule, { 'ok.yaml': yaml('termination: { when: "leak_kg < 1", decidedBy: commander }') }).lines).toEqual([]);
    expect(lintWith(rule, { 'bad.yaml': yaml('termination: { decidedBy: commander }') }).lines[0]).toMatch(/^4:\d+ Unexpected termination without a condition/);
  });
});
