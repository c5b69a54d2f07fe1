import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './required-sections.js';

const front = (kind: string) => `---\nid: mini\ntitle: 小型泄漏预案\nkind: ${kind}\nparent: general\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\n---`;

describe('required-sections', () => {
  it('accepts a special plan with scope, roles, levels, steps and assurance', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports a special plan without 应急保障 at its title, naming the clause', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ resources: '' }) });
    expect(lines).toEqual(['3:8 Unexpected special plan without assurance (GB/T 29639-2020 7.5), expected a section headed `Assurance`']);
    expect(diagnostics[0].messageZh).toBe('专项应急预案缺少“应急保障”（GB/T 29639-2020 7.5），应增加标题为“应急保障”的章节');
  });

  it('counts a prose section as the element (a resources table is not required)', () => {
    const extra = '## 9 应急保障\n\n应急物资见附件3《应急物资装备清单》。';
    expect(lintWith(rule, { 'ok.md': miniPlan({ resources: '', extra }) }).lines).toEqual([]);
  });

  it('requires 事故风险描述 and 注意事项 in an on-site procedure', () => {
    const { lines } = lintWith(rule, { 'onsite.md': miniPlan({ front: front('onsite') }) });
    expect(lines).toEqual([
      '3:8 Unexpected on-site procedure without accident risk description (GB/T 29639-2020 8.1), expected a section headed `Risk description`',
      '3:8 Unexpected on-site procedure without precautions (GB/T 29639-2020 8.4), expected a section headed `Precautions`',
    ]);
    const extra = '## 10 事故风险描述\n\n储罐区可能发生泄漏。\n\n## 11 注意事项\n\n佩戴空气呼吸器。';
    expect(lintWith(rule, { 'onsite.md': miniPlan({ front: front('onsite'), extra }) }).lines).toEqual([]);
  });

  it('requires 预警 and 后期处置 in a general plan (the rest is present in the mini plan)', () => {
    const { lines } = lintWith(rule, { 'general.md': miniPlan({ front: front('general') }) });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('without warning (GB/T 29639-2020 6.3.2), expected a section headed `Warnings`');
    expect(lines[1]).toContain('without aftermath (GB/T 29639-2020 6.4), expected a section headed `Aftermath`');
  });

  it('reads YAML plans the same way', () => {
    const yaml = [
      'plan: { id: y, title: 配电室触电现场处置方案, kind: onsite, version: "1.0", reviewed: 2025-01-01, owner: 设备部 }',
      'roles:',
      '  - { id: electrician, name: 值班电工, holder: 当班电工, contact: "1001" }',
      'steps:',
      '  - { id: cut-off, action: 断开电源, role: electrician, deadline: 2分钟 }',
      'sections:',
      '  - { title: 1 事故风险描述, text: 误入带电间隔。 }',
    ].join('\n');
    const { lines } = lintWith(rule, { 'onsite.yaml': yaml });
    expect(lines).toEqual(['1:23 Unexpected on-site procedure without precautions (GB/T 29639-2020 8.4), expected a section headed `Precautions`']);
  });

  it('gives English headings in English messages, Chinese ones in Chinese (no Chinese example in an English message)', () => {
    const { diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ resources: '' }) });
    expect(diagnostics[0].message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('holds a government special plan to 突发事件应急预案管理办法, not GB/T 29639', () => {
    const gov = '---\nid: p\ntitle: 某省危险化学品事故应急预案\nkind: special\nregime: government\n---';
    const { lines, diagnostics } = lintWith(rule, { 'gov.md': miniPlan({ front: gov }) });
    expect(lines).toEqual([
      '3:8 Unexpected special plan without monitoring and warning (突发事件应急预案管理办法 第二章), expected a section headed `Warnings`',
    ]);
    expect(diagnostics[0].messageZh).toBe('专项应急预案缺少“监测预警”（突发事件应急预案管理办法 第二章），应增加标题为“监测与预警”的章节');
  });

  it('asks an English EOC activation page only for its concept of operations (levels or actions)', () => {
    const page = [
      '---', 'id: eoc', 'title: City EOC Activation Levels', 'kind: general', 'language: en', '---', '', '# City EOC Activation Levels', '',
      '## Response levels', '', '| level | name | description |', '|---|---|---|', '| Level 1 | Full Activation | Major Event |', '',
    ].join('\n');
    expect(lintWith(rule, { 'eoc.md': page }).lines).toEqual([]);
    const noLevels = page.replace(/## Response levels[\s\S]*$/, '## Purpose\n\nThe page defines nothing else.\n');
    expect(lintWith(rule, { 'eoc.md': noLevels }).lines).toEqual([
      '3:8 Unexpected general plan without concept of operations (activation levels or response actions) (FEMA CPG 101 v3, Concept of Operations), expected a section headed `Activation levels`',
    ]);
  });

  it('does not ask an excerpt for the sections that were not seen', () => {
    const excerpt = `---\nid: e\ntitle: 化学危险品伤害人身伤亡事故应急预案\nkind: special\nregime: enterprise\nsource:\n  note: 摘录（约八页中的第6页）。未见：组织机构、应急保障。\n---`;
    expect(lintWith(rule, { 'e.md': miniPlan({ front: excerpt, resources: '' }) }).lines).toEqual([]);
    const declared = `---\nid: e\ntitle: 某预案\nkind: special\nregime: enterprise\nsource:\n  excerpt: true\n---`;
    expect(lintWith(rule, { 'e.md': miniPlan({ front: declared, resources: '' }) }).lines).toEqual([]);
  });
});
