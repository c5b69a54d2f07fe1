import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/index.js';
import { stripPlan } from '../model/strip.js';
import { parseMarkdown } from '../parse/markdown.js';
import { parseYaml } from '../parse/yaml.js';
import { escapeInline, exportPlan, markdownLayout, markdownView } from './index.js';

function fromYaml(src: string): Plan {
  const r = parseYaml(src, 'fixture.yaml');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.plan!;
}

const TRICKY = `plan:
  id: tricky
  title: "标题 *强调* 与 | 竖线"
  kind: onsite
  version: "1.0"
  issued: 2024-03-01
  owner: "no"
  hazard: "2024-03-01"
  organization: "*star"
  filedWith: "&amp;"
facts:
  - { id: x, label: "a|b", type: number, unit: "m³" }
  - { id: mode, type: enum, values: ["yes", "on", "12:30", "0571"] }
roles:
  - id: op
    name: "操作工_甲"
    holder: "<b>班长</b>"
    duties: ["先报警 [见附件](a.md)", "用 \`ESD\` 按钮", "~删除线~", "a\\\\b"]
levels:
  - { id: II, trigger: "x > 1 or mode == on" }
  - { id: I, trigger: "x > 10" }
steps:
  - id: s1
    action: "关闭阀门 | 上报"
    levels: [I, II]
    resources: [{ resource: scba, quantity: 2 }, { resource: 沙袋 }]
    condition: "x > 2"
  - id: s2
    action: 撤离
    after: [s1]
    levels: "II+"
reports:
  - { to: 县应急管理局, within: 1小时, levels: [I] }
termination:
  when: "x < 1"
  followUp: 24小时
  description: 终止说明。
sections:
  - { title: 1 适用范围, text: "适用于 *罐区*。\\n\\n第二段。" }
  - { title: 附录 A, depth: 3, text: "- 列表一\\n- 列表二" }
`;

describe('exportPlan yaml', () => {
  const plan = fromYaml(TRICKY);
  const text = exportPlan(plan, 'yaml');

  it('starts with the schema line', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/plan.schema.json');
    expect(exportPlan(plan, 'yaml', { schemaUrl: 'https://yuan.dev/schemas/plan.schema.json' }).split('\n')[0])
      .toBe('# yaml-language-server: $schema=https://yuan.dev/schemas/plan.schema.json');
  });

  it('quotes strings YAML (1.1 or 1.2) would misread, leaves dates plain', () => {
    expect(text).toContain('  version: "1.0"\n');
    expect(text).toContain('  issued: 2024-03-01\n');
    expect(text).toContain('  owner: "no"\n');
    expect(text).toContain('  hazard: "2024-03-01"\n');
    expect(text).toContain('  organization: "*star"\n');
    expect(text).toMatch(/values: \["yes", "on", "12:30", "0571"\]/);
    // Read back with both YAML versions, every string is still a string.
    for (const version of ['1.1', '1.2'] as const) {
      const v = parseYamlText(text, { version }) as { plan: Record<string, unknown>; facts: { values?: unknown[] }[] };
      expect(v.plan.owner).toBe('no');
      expect(v.plan.hazard).toBe('2024-03-01');
      expect(v.facts[1].values).toEqual(['yes', 'on', '12:30', '0571']);
    }
  });

  it('writes keys in a stable order, short lists in flow style, no empty optionals', () => {
    const keys = Object.keys(parseYamlText(text) as object);
    expect(keys).toEqual(['plan', 'facts', 'roles', 'levels', 'steps', 'termination', 'reports', 'sections']);
    expect(text).toContain('    levels: [I, II]\n');
    expect(text).toContain('    after: [s1]\n');
    expect(text).not.toMatch(/notify|deputies|escalations|warnings|: \[\]|: ""/);
    expect(text).toContain('  - title: 附录 A\n    depth: 3\n');
    expect(text).not.toContain('key: scope');
  });

  it('keeps a level spec as written and a level list as a list', () => {
    const back = parseYaml(text, 'x.yaml').plan!;
    expect(back.steps[0]).toMatchObject({ levels: ['I', 'II'] });
    expect(back.steps[0].levelsText).toBeUndefined();
    expect(back.steps[1]).toMatchObject({ levelsText: 'II+', levels: ['II', 'I'] });
  });
});

describe('exportPlan json', () => {
  it('is the YAML form as 2-space JSON with $schema, and reads back as YAML', () => {
    const plan = fromYaml(TRICKY);
    const text = exportPlan(plan, 'json');
    const value = JSON.parse(text);
    expect(Object.keys(value)[0]).toBe('$schema');
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(stripPlan(parseYaml(text, 'x.json').plan!)).toStrictEqual(stripPlan(plan));
  });
});

describe('exportPlan md', () => {
  const plan = fromYaml(TRICKY);
  const text = exportPlan(plan, 'md');

  it('escapes what Markdown would read differently', () => {
    expect(text).toContain('# 标题 \\*强调\\* 与 | 竖线\n');
    expect(text).toContain('| x | a\\|b | number | m³ |');
    expect(text).toContain('操作工\\_甲');
    expect(text).toContain('\\<b>班长\\</b>');
    expect(text).toContain('先报警 \\[见附件](a.md)；用 \\`ESD\\` 按钮；\\~删除线\\~；a\\\\b');
    expect(text).toContain('| s1 | 关闭阀门 \\| 上报 |');
  });

  it('writes triggers as inline code and list cells joined with 、', () => {
    expect(text).toContain('`x > 1 or mode == on`');
    expect(text).toContain('scba×2、沙袋');
    expect(text).toContain('| I、II |');
  });

  it('generates owning sections with Chinese headings, in the usual order', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# 标题 \\*强调\\* 与 | 竖线', '## 1 适用范围', '## 事故信息要素', '## 应急组织机构及职责', '## 响应分级', '## 信息报告',
      '## 响应程序', '## 响应终止', '### 附录 A',
    ]);
    expect(text).toContain('## 响应终止\n\n- 条件：`x < 1`\n- 后续报告：24小时\n\n终止说明。\n');
  });

  it('uses English headings and joiners for English plans', () => {
    const en = exportPlan(fromYaml(TRICKY.replace('  kind: onsite', '  kind: onsite\n  language: en')), 'md');
    expect(en).toContain('## Response procedure\n');
    expect(en).toContain('| id | action | after | levels | resources | condition |');
    expect(en).toContain('scba×2, 沙袋');
    expect(en).toContain('- condition: `x < 1`\n- follow-up: 24小时');
  });

  it('reads back as the plan, with exactly the changes markdownView states', () => {
    const back = parseMarkdown(text, 'x.md');
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(stripPlan(back.plan!)).toStrictEqual(stripPlan(markdownView(plan)));
    const view = markdownView(plan);
    expect(view.steps[0].levelsText).toBe('I、II');
    expect(view.sections.filter((s) => !plan.sections.includes(s)).length).toBeGreaterThan(0);
    expect(view.sections.find((s) => s.key === 'termination')?.text).toBe('终止说明。');
  });

  it('puts tables back under the sections they came from in Markdown', () => {
    const md = `---
id: m
title: M
kind: onsite
---

# M

## 1 处置

### 1.1 处置程序

| 标识 | 措施 |
|---|---|
| a | 甲 |

### 1.2 处置措施

| 标识 | 措施 |
|---|---|
| b | 乙 |

之后的说明。
`;
    const p = parseMarkdown(md, 'm.md').plan!;
    const layout = markdownLayout(p);
    expect(layout.map((l) => [l.section.title, l.tables.map((t) => t.rows.length)])).toEqual([['1 处置', []], ['1.1 处置程序', [1]], ['1.2 处置措施', [1]]]);
    expect(exportPlan(p, 'md')).toContain('| b | 乙 |\n\n之后的说明。\n');
  });
});

describe('escapeInline', () => {
  it('leaves ordinary text alone', () => {
    expect(escapeInline('leak_kg 泄漏量 < 100 & 5', true)).toBe('leak_kg 泄漏量 < 100 & 5');
  });
  it('escapes markup and pipes in tables', () => {
    expect(escapeInline('*a* _b_ `c` [d] <e> &amp; f|g', true)).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d] \\<e> \\&amp; f\\|g');
    expect(escapeInline('f|g', false)).toBe('f|g');
  });
});
