import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './meta-version.js';

describe('meta-version', () => {
  it('accepts a plan with a version, numeric or not', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\n版本: 3.0\n---';
    expect(lintWith(rule, { 'ok.md': miniPlan({ front }) }).lines).toEqual([]);
  });

  it('reports a missing version at the front matter', () => {
    const front = '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nowner: 安全环保部\n---';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ front }) });
    expect(lines).toEqual(['1:1 Unexpected plan without a version, expected `version:` (版本号) such as "2.0"']);
    expect(diagnostics[0].messageZh).toContain('未标注版本号');
  });
});
