import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './system-escalates-to.js';

const general = miniPlan({ front: '---\nid: general\ntitle: 综合应急预案\nkind: general\n---' });
const post = (meta: string) => [
  `plan: { id: post, title: 罐区泄漏现场处置方案, kind: onsite${meta} }`,
  'facts: [{ id: leak_kg, type: number, unit: kg }]',
  'levels:',
  '  - { id: IV, trigger: "leak_kg < 100", decidedBy: a, activation: 3分钟 }',
  '  - { id: III, trigger: "leak_kg >= 100", decidedBy: a, activation: 5分钟 }',
].join('\n');

describe('system-escalates-to', () => {
  it('accepts an on-site procedure that hands over to a plan linted with it', () => {
    expect(lintWith(rule, { 'general.md': general, 'post.yaml': post(', parent: general, escalatesTo: general') }).lines).toEqual([]);
  });

  it('accepts an on-site procedure with a parent and no escalatesTo', () => {
    expect(lintWith(rule, { 'general.md': general, 'post.yaml': post(', parent: general') }).lines).toEqual([]);
  });

  it('does not look for the target when a plan is linted alone', () => {
    expect(lintWith(rule, { 'post.yaml': post(', parent: general, escalatesTo: chem-leak') }).lines).toEqual([]);
  });

  it('reports escalatesTo naming a missing plan, in the right file', () => {
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'post.yaml': post(', parent: general, escalatesTo: chem-leak') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^1:\d+ Unexpected escalatesTo `chem-leak`, expected the id of a plan linted with it \(`general`\)$/);
    expect(diagnostics[0].file).toBe('post.yaml');
    expect(diagnostics[0].messageZh).toContain('不存在');
    const col = post(', parent: general, escalatesTo: chem-leak').indexOf('chem-leak') + 1;
    expect(diagnostics[0].place?.start.column).toBe(col);
  });

  it('reports an on-site procedure with neither escalatesTo nor parent', () => {
    const { lines, diagnostics } = lintWith(rule, { 'post.yaml': post('') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Unexpected on-site procedure `post` with no escalatesTo and no parent/);
    expect(diagnostics[0].file).toBe('post.yaml');
  });

  it('reports escalatesTo naming the plan itself', () => {
    expect(lintWith(rule, { 'post.yaml': post(', parent: general, escalatesTo: post') }).lines[0]).toMatch(/naming the plan itself/);
  });
});
