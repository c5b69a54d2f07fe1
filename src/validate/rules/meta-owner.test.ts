import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './meta-owner.js';

describe('meta-owner', () => {
  it('accepts a plan with an owner (also written as 责任部门)', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\n责任部门: 安全环保部\n---';
    expect(lintWith(rule, { 'ok.md': miniPlan({ front }) }).lines).toEqual([]);
  });

  it('reports a missing owner at the front matter', () => {
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nversion: "1.0"\n---';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ front }) });
    expect(lines).toEqual(['1:1 Unexpected plan without an owner, expected `owner:` (责任部门) naming the department that maintains it']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(diagnostics[0].messageZh).toContain('未写明责任部门');
  });

  it('reports a blank owner in a YAML plan at the plan block', () => {
    const yaml = 'plan:\n  id: y\n  title: 测试预案\n  kind: special\n  owner: "  "\nroles: []\n';
    expect(lintWith(rule, { 'bad.yaml': yaml }).lines).toEqual(['2:3 Unexpected plan without an owner, expected `owner:` (责任部门) naming the department that maintains it']);
  });
});
