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
    expect(lines).toEqual(['1:1 Unexpected plan without a termination condition, expected a `Termination` section with `- Condition:` and `- Declared by:` items (YAML: `termination.when`, `termination.decidedBy`)']);
    expect(diagnostics[0].messageZh).toContain('缺少响应终止条件');
  });

  it('reports a prose-only termination section once', () => {
    const md = miniPlan({ termination: '## 8 响应终止\n\n事故处置完毕后响应终止。' });
    const { lines } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '## 8 响应终止')}:1 Unexpected termination without a condition or a declaring role, expected \`- Condition:\` and \`- Declared by:\` items (YAML: \`when\`, \`decidedBy\`)`]);
  });

  it('reports a missing condition and a missing declaring role separately', () => {
    const noWhen = lintWith(rule, { 'a.md': miniPlan({ termination: '## 8 响应终止\n\n- 宣布：commander' }) }).lines;
    expect(noWhen).toHaveLength(1);
    expect(noWhen[0]).toMatch(/Unexpected termination without a condition, expected a `- Condition:`/);
    const md = miniPlan({ termination: '## 8 响应终止\n\n- 条件：`leak_kg < 1`' });
    expect(lintWith(rule, { 'b.md': md }).lines).toEqual([`${lineOf(md, '- 条件')}:1 Unexpected termination without a declaring role, expected a \`- Declared by:\` item (YAML: \`decidedBy\`) naming the role that ends the response`]);
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

  it('asks an EOC activation page for deactivation only where it describes the return to normal (Metchosin: Recovery operations)', () => {
    const page = (extra: string) => ['---', 'id: eoc', 'title: Definition of Response Levels', 'kind: general', 'regime: international', '---', '', '# Definition of Response Levels', '',
      '## Response levels', '', '| level | name | description |', '|---|---|---|', '| Level 1 | | Activation during business hours |', '', extra].join('\n');
    expect(lintWith(rule, { 'levels-only.md': page('') }).lines).toEqual([]);
    const recovery = '## Recovery operations\n\nThe EOC returns to normal operations; the page gives no condition for ending an activation.\n';
    const { lines, diagnostics } = lintWith(rule, { 'eoc.md': page(recovery) });
    expect(lines).toEqual(['16:4 Unexpected return to normal operations (`Recovery operations`) without a deactivation rule, expected the condition and the officer that end an activation (a `Termination` section with `- Condition:` and `- Declared by:` items)']);
    expect(diagnostics[0].messageZh).toBe('“Recovery operations”描述了恢复常态，但没有结束启动的规则，应写明结束条件和宣布人（“响应终止”一节的“条件：”和“宣布：”）');
  });

  it('does not ask an excerpt for the termination it did not show', () => {
    const excerpt = '---\nid: e\ntitle: 国家地震应急预案\nkind: special\nregime: government\nsource:\n  note: 摘录。未见：响应终止。\n---';
    expect(lintWith(rule, { 'e.md': miniPlan({ front: excerpt, termination: '' }) }).lines).toEqual([]);
    expect(lintWith(rule, { 'g.md': miniPlan({ front: excerpt.replace(/source:\n.*\n/, ''), termination: '' }) }).lines).toHaveLength(1);
  });
});
