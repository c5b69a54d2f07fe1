import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './system-level-mapping.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const general = miniPlan({
  front: '---\nid: general\ntitle: 综合应急预案\nkind: general\n---',
  levels: '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n' +
    '| IV | blue | `leak_kg < 100` | deputy | 15分钟 |\n| III | yellow | `leak_kg >= 100 and leak_kg < 1000` | deputy | 15分钟 |\n' +
    '| II | orange | `leak_kg >= 1000 and injured < 3` | commander | 15分钟 |\n| I | red | `leak_kg >= 1000 and injured >= 3` | commander | 15分钟 |',
});
const child = (iii: string, ii: string) => miniPlan({
  levels: '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 | 对应上级级别 |\n|---|---|---|---|---|---|\n' +
    `| III | yellow | \`leak_kg < 100 and injured == 0\` | deputy | 10分钟 | ${iii} |\n| II | orange | \`leak_kg >= 100 or injured >= 1\` | commander | 15分钟 | ${ii} |`,
});

describe('system-level-mapping', () => {
  it('accepts levels mapped in severity order (several child levels may share a parent level)', () => {
    expect(lintWith(rule, { 'general.md': general, 'mini.md': child('IV', 'III') }).lines).toEqual([]);
    expect(lintWith(rule, { 'general.md': general, 'mini.md': child('IV', 'IV') }).lines).toEqual([]);
  });

  it('does not check a child whose parent is not linted with it', () => {
    expect(lintWith(rule, { 'mini.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports each unmapped level in the child file, with the parent levels as related', () => {
    const md = miniPlan();
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'mini.md': md });
    expect(lines).toEqual([
      `${lineOf(md, '| III |')}:1 Unexpected level \`III\` not mapped to parent plan \`general\`, expected a \`parentLevel\` (对应上级级别) column naming one of: \`IV\`, \`III\`, \`II\`, \`I\``,
      `${lineOf(md, '| II |')}:1 Unexpected level \`II\` not mapped to parent plan \`general\`, expected a \`parentLevel\` (对应上级级别) column naming one of: \`IV\`, \`III\`, \`II\`, \`I\``,
    ]);
    expect(diagnostics.map((d) => d.file)).toEqual(['mini.md', 'mini.md']);
    expect(diagnostics[0].related?.[0]).toMatchObject({ file: 'general.md', place: { start: { line: lineOf(general, '| IV |') } } });
  });

  it('reports a parent level the parent does not define', () => {
    const md = child('IV', 'V');
    const { lines } = lintWith(rule, { 'general.md': general, 'mini.md': md });
    const row = lineOf(md, '| II |');
    const col = md.split('\n')[row - 1].lastIndexOf(' V ') + 2;
    expect(lines).toEqual([`${row}:${col} Unexpected parent level \`V\` for level \`II\`, expected one of the levels of \`general\`: \`IV\`, \`III\`, \`II\`, \`I\``]);
  });

  it('reports a mapping that inverts severity at the more severe child level', () => {
    const md = child('II', 'IV');
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'mini.md': md });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${lineOf(md, '| II |')}:\\d+ Unexpected mapping of level \`II\` to parent level \`IV\` while the less severe \`III\` maps to \`II\``));
    expect(diagnostics[0].messageZh).toContain('级别对应颠倒');
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| III |'));
  });

  it('reads YAML children', () => {
    const yaml = [
      'plan: { id: post, title: 现场处置方案, kind: onsite, parent: general }',
      'facts: [{ id: leak_kg, type: number, unit: kg }]',
      'levels:',
      '  - { id: IV, trigger: "leak_kg < 50", decidedBy: a, activation: 3分钟, parentLevel: III }',
      '  - { id: III, trigger: "leak_kg >= 50", decidedBy: a, activation: 5分钟, parentLevel: IV }',
    ].join('\n');
    const { lines, diagnostics } = lintWith(rule, { 'general.md': general, 'post.yaml': yaml });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^5:\d+ Unexpected mapping of level `III` to parent level `IV`/);
    expect(diagnostics[0].file).toBe('post.yaml');
  });
});
