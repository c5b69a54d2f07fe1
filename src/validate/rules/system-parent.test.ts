import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './system-parent.js';

const front = (lines: string) => `---\n${lines}\ntitle: 测试预案\nversion: "1.0"\n---`;
const general = miniPlan({ front: front('id: general\nkind: general') });
const child = (meta: string) => miniPlan({ front: front(meta) });

describe('system-parent', () => {
  it('accepts a special plan whose parent is linted with it', () => {
    expect(lintWith(rule, { 'general.md': general, 'leak.md': child('id: leak\nkind: special\nparent: general') }).lines).toEqual([]);
  });

  it('does not look for the parent when a plan is linted alone', () => {
    expect(lintWith(rule, { 'leak.md': child('id: leak\nkind: special\nparent: general') }).lines).toEqual([]);
  });

  it('reports a parent that is not among the plans, in the child file, with the general plan as related', () => {
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'leak.md': child('id: leak\nkind: special\nparent: genral') });
    expect(lines).toEqual(['4:9 Unexpected parent `genral` of special plan `leak`, expected the id of a plan linted with it (general plans: `general`)']);
    expect(diagnostics[0].file).toBe('leak.md');
    expect(diagnostics[0].messageZh).toContain('上级预案 `genral` 不存在');
    expect(diagnostics[0].related?.[0]).toMatchObject({ file: 'general.md', message: 'general plan `general` defined here' });
  });

  it('reports an on-site procedure without a parent at its kind', () => {
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'post.md': child('id: post\nkind: onsite') });
    expect(lines).toEqual(['3:7 Unexpected on-site procedure `post` without a parent, expected `parent:` naming the plan it belongs to (usually the general plan)']);
    expect(diagnostics[0].file).toBe('post.md');
  });

  it('reports a special plan without a parent even when linted alone', () => {
    expect(lintWith(rule, { 'leak.md': child('id: leak\nkind: special') }).lines).toHaveLength(1);
  });

  it('reports a general plan with a parent', () => {
    const { lines, diagnostics } = lintWith(rule, { 'general.md': miniPlan({ front: front('id: general\nkind: general\nparent: county') }) });
    expect(lines).toEqual(['4:9 Unexpected parent `county` on general plan `general`, expected a general plan to be the root of its 1+N system (no parent)']);
    expect(diagnostics[0].severity).toBe('error');
  });

  it('reports a plan that is its own parent', () => {
    expect(lintWith(rule, { 'general.md': general, 'leak.md': child('id: leak\nkind: special\nparent: leak') }).lines[0]).toMatch(/the plan itself/);
  });
});
