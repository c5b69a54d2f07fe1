import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './system-role-consistency.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const general = miniPlan({ front: '---\nid: general\ntitle: 综合应急预案\nkind: general\n---' });
const withRoles = (rows: string, front?: string) => miniPlan({
  ...(front ? { front } : {}),
  roles: `## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |\n|---|---|---|---|---|---|\n${rows}\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | 报警 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | 上报 |`,
});

describe('system-role-consistency', () => {
  it('accepts the same roles in every plan of a system', () => {
    expect(lintWith(rule, { 'general.md': general, 'mini.md': miniPlan() }).lines).toEqual([]);
  });

  it('warns about a role id with another name, at the child, with the general plan as related', () => {
    const md = withRoles('| commander | 现场总指挥 | 车间主任 | deputy | 0571-1 | 决定II级响应 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | 决定III级响应 |');
    const { lines, diagnostics } = lintWith(rule, { 'mini.md': md, 'general.md': general });
    expect(lines).toEqual([`${lineOf(md, '| commander')}:15 Unexpected name \`现场总指挥\` for role \`commander\`, expected \`总指挥\` as in plan \`general\``]);
    expect(diagnostics[0]).toMatchObject({ file: 'mini.md', severity: 'warning' });
    expect(diagnostics[0].related?.[0]).toMatchObject({ file: 'general.md', message: 'role `commander` defined here', place: { start: { line: lineOf(general, '| commander') } } });
    expect(diagnostics[0].messageZh).toContain('不一致');
  });

  it('warns about a role name with another id', () => {
    const md = withRoles('| chief | 总指挥 | 总经理 | deputy | 0571-1 | 决定II级响应 |\n| deputy | 副总指挥 | 生产副总 | chief | 0571-2 | 决定III级响应 |')
      .replace(/\| commander \|/g, '| chief |').replace('- 宣布：commander', '- 宣布：chief');
    const { lines } = lintWith(rule, { 'general.md': general, 'mini.md': md });
    expect(lines).toEqual([`${lineOf(md, '| chief')}:3 Unexpected id \`chief\` for role \`总指挥\`, expected \`commander\` as in plan \`general\``]);
  });

  it('ignores plans of another system', () => {
    const other = withRoles('| commander | 现场总指挥 | 车间主任 | deputy | 0571-1 | 决定II级响应 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | 决定III级响应 |',
      '---\nid: other\ntitle: 其他单位专项应急预案\nkind: special\nparent: other-general\n---');
    expect(lintWith(rule, { 'general.md': general, 'other.md': other }).lines).toEqual([]);
  });
});
