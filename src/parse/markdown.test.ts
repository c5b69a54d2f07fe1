import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import type { Place } from '../model/place.js';
import { parseMarkdown } from './markdown.js';
import { parseMarkdownRaw } from './markdown-raw.js';

const FILE = 'plans/chem/hazardous-chemical-leak.md';
const source = readFileSync(FILE, 'utf8');
const lines = source.split('\n');
const { plan: raw, diagnostics: rawDiagnostics } = parseMarkdownRaw(source, FILE);
const plan = raw!;
/** The same file through the whole parser (finish pass included). */
const finished = parseMarkdown(source, FILE).plan!;

/** 1-based column of `needle` on 1-based `line` of the canonical file. */
const col = (line: number, needle: string) => lines[line - 1].indexOf(needle) + 1;
const at = (p: Place | undefined) => p && `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
const rules = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId}@${at(d.place)}`);
const md = (text: string, file = 'plans/x/test-plan.md') => parseMarkdownRaw(text, file);
const FRONT = '---\nid: t\ntitle: 测试预案\nkind: special\n---\n';

describe('canonical plan: hazardous-chemical-leak.md', () => {
  it('parses without diagnostics', () => {
    expect(rawDiagnostics).toEqual([]);
    expect(plan.file).toBe(FILE);
    expect(plan.format).toBe('markdown');
    expect(plan.place?.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(plan.place?.end.offset).toBe(source.length);
  });

  it('reads the front matter, dates and versions as written', () => {
    expect(plan.meta).toMatchObject({
      id: 'chem-leak', title: '危险化学品泄漏事故专项应急预案', kind: 'special', parent: 'general', version: '3.0',
      issued: '2024-03-01', reviewed: '2025-09-15', owner: '安全环保部', organization: '华东某化工有限公司',
      hazard: '危险化学品泄漏（液氨、液氯、甲醇）', filedWith: '县应急管理局', language: 'zh',
    });
    expect(at(plan.meta.fields?.version)).toBe('6:10-6:15');
    expect(at(plan.meta.fields?.id)).toBe('2:5-2:14');
    expect(at(plan.meta.place)).toBe('1:1-14:4');
  });

  it('reads 11 facts with types and units', () => {
    expect(plan.facts.map((f) => f.id)).toEqual(['leak_kg', 'leak_rate', 'leak_minutes', 'deaths', 'injured', 'trapped', 'gas_ppm',
      'fire', 'offsite', 'contained', 'all_accounted']);
    expect(plan.facts[0]).toMatchObject({ id: 'leak_kg', label: '泄漏量', type: 'number', unit: 'kg' });
    expect(plan.facts[3]).toMatchObject({ id: 'deaths', type: 'integer', unit: '人' });
    expect(plan.facts[7]).toMatchObject({ id: 'fire', type: 'boolean' });
    expect(plan.facts[7].unit).toBeUndefined();
    expect(plan.facts[1].unit).toBe('kg/h');
    expect(at(plan.facts[0].place)).toBe('29:1-29:34');
  });

  it('reads 11 roles with deputies and duties split', () => {
    expect(plan.roles).toHaveLength(11);
    expect(plan.roles[0]).toMatchObject({ id: 'commander', name: '总指挥', holder: '总经理', deputies: ['deputy'], contact: '0571-8800 1001',
      duties: ['决定启动II级及以上响应', '请求外部救援', '宣布响应终止'] });
    expect(plan.roles.find((r) => r.id === 'safety-director')?.deputies).toEqual([]);
    expect(plan.roles.find((r) => r.id === 'duty-officer')).toMatchObject({ deputies: ['副值班长'], duties: ['接警', '决定启动IV级响应', '通知各应急小组'] });
    // Duties split on ；/;/line breaks only: 、 and ， stay inside one duty.
    expect(plan.roles.find((r) => r.id === 'medical-team')?.duties).toEqual(['现场急救、检伤分类，与120交接']);
  });

  it('reads 4 levels IV..I with colours, deciders and activation text; the finish pass ranks them Ⅰ highest', () => {
    expect(plan.levels.map((l) => [l.id, l.name, l.colour, l.decidedBy, l.activation?.text])).toEqual([
      ['IV', '班组级', 'blue', 'duty-officer', '5分钟'],
      ['III', '车间级', 'yellow', 'deputy', '10分钟'],
      ['II', '公司级', 'orange', 'commander', '15分钟'],
      ['I', '社会级', 'red', 'commander', '15分钟'],
    ]);
    expect(finished.levels.map((l) => [l.id, l.rank])).toEqual([['IV', 4], ['III', 3], ['II', 2], ['I', 1]]);
    expect(finished.levels[0].activation).toMatchObject({ kind: 'limit', seconds: 300, anchor: { kind: 'incident' } });
    expect(plan.levels.map((l) => l.parentLevel)).toEqual(['IV', 'IV', 'IV', 'III']);
    expect(plan.levels[3].trigger?.text).toBe('offsite or gas_ppm > 30 or deaths >= 3');
  });

  it('records the exact file offset of a trigger (after the backtick)', () => {
    const t = plan.levels[0].trigger!;
    expect(t.ast).toBeUndefined();
    expect(t.textOffset).toBe(source.indexOf('`leak_kg < 100') + 1);
    expect(source.slice(t.textOffset!, t.textOffset! + t.text.length)).toBe(t.text);
    expect(t.place?.start).toEqual({ line: 65, column: col(65, 'leak_kg'), offset: t.textOffset });
    expect(t.place?.end.column).toBe(col(65, 'gas_ppm <= 30`') + 'gas_ppm <= 30'.length);
    for (const e of plan.escalations) expect(source.slice(e.when.textOffset!, e.when.textOffset! + e.when.text.length)).toBe(e.when.text);
  });

  it('reads 11 steps with after, levelsText, resources and notify', () => {
    expect(plan.steps.map((s) => s.id)).toEqual(['alarm', 'isolate', 'assess', 'cordon', 'rescue', 'first-aid', 'shutdown', 'monitor',
      'absorb', 'report', 'evacuate']);
    const rescue = plan.steps[4];
    expect(rescue).toMatchObject({ id: 'rescue', role: 'rescue-team', levelsText: 'III+', levels: [], notify: ['medical-team'] });
    expect(finished.steps[4]).toMatchObject({ after: ['cordon'], afterAny: [], support: [], alternatives: [], levels: ['III', 'II', 'I'] });
    expect(rescue.resources.map(({ resource, quantity }) => ({ resource, quantity }))).toEqual([
      { resource: 'scba', quantity: 4 }, { resource: 'chem-suit', quantity: 4 }, { resource: 'plug-kit', quantity: 1 }]);
    expect(at(rescue.resources[0].place)).toBe(`90:${col(90, 'scba×4')}-90:${col(90, 'scba×4') + 6}`);
    expect(plan.steps[0]).toMatchObject({ levelsText: '全部', resources: [], notify: ['duty-officer'] });
    expect(finished.steps[0].after).toEqual([]);
    expect(plan.steps[2].notify).toEqual(['deputy', 'commander']);
    expect(plan.steps[5].deadline?.text).toBe('rescue 完成后10分钟');
    expect(plan.steps[8].resources).toMatchObject([{ resource: 'absorbent', quantity: 50 }]);
    expect(plan.steps[10].levelsText).toBe('I');
  });

  it('places the rescue row and its deadline cell exactly', () => {
    const rescue = plan.steps[4];
    expect(rescue.place?.start).toMatchObject({ line: 90, column: 1 });
    expect(rescue.place?.end).toMatchObject({ line: 90, column: lines[89].length + 1 });
    const deadline = col(90, '15分钟');
    expect(rescue.fields?.deadline).toEqual({ start: { line: 90, column: deadline, offset: source.indexOf('15分钟', rescue.place!.start.offset) },
      end: { line: 90, column: deadline + 4, offset: source.indexOf('15分钟', rescue.place!.start.offset) + 4 } });
    expect(rescue.deadline?.place).toEqual(rescue.fields?.deadline);
    expect(rescue.fields?.id?.start.column).toBe(3);
    expect(Object.keys(rescue.fields!)).toEqual(['id', 'action', 'role', 'deadline', 'after', 'levels', 'resources', 'notify']);
  });

  it('reads 5 escalations', () => {
    expect(plan.escalations.map((e) => `${e.from}>${e.to}`)).toEqual(['IV>III', 'III>II', 'II>I', 'I>II', 'II>III']);
    expect(plan.escalations[0].when.text).toBe('leak_kg >= 100 or injured >= 1 or trapped >= 1');
    expect(plan.escalations[2].when.text).toBe('offsite or gas_ppm > 30 or leak_minutes > 60 or leak_rate >= 500');
    expect(plan.escalations[0].place?.start.line).toBe(74);
  });

  it('reads the termination list and keeps the prose as description and section text', () => {
    const term = plan.termination!;
    expect(term.when?.text).toBe('contained and gas_ppm <= 30 and all_accounted');
    expect(source.slice(term.when!.textOffset!, term.when!.textOffset! + term.when!.text.length)).toBe(term.when!.text);
    expect(term.when?.place?.start).toMatchObject({ line: 107, column: col(107, 'contained') });
    expect(term.decidedBy).toBe('commander');
    expect(term.followUp).toMatchObject({ text: '24小时内' });
    expect(finished.termination?.followUp).toMatchObject({ kind: 'limit', seconds: 86400 });
    expect(term.description).toBe('泄漏源已控制、厂界浓度连续60分钟低于限值、人员全部清点后，由总指挥宣布响应终止，24小时内提交书面报告。');
    expect(plan.sections.find((s) => s.key === 'termination')?.text).toBe(term.description);
    expect(at(term.place)).toBe('107:1-109:13');
    expect(term.fields?.decidedBy?.start).toMatchObject({ line: 108, column: 6 });
  });

  it('reads 7 resources with quantities and 2 reports', () => {
    expect(plan.resources.map((r) => [r.id, r.quantity, r.unit])).toEqual([['scba', 8, '套'], ['chem-suit', 6, '套'], ['plug-kit', 2, '套'],
      ['detector', 4, '台'], ['absorbent', 500, 'kg'], ['emergency-pool', 800, 'm3'], ['fire-water', 2, '座']]);
    expect(plan.resources[0]).toMatchObject({ name: '正压式空气呼吸器', location: '消防站', keeper: 'rescue-team' });
    expect(plan.reports).toHaveLength(2);
    expect(plan.reports[0]).toMatchObject({ to: '县应急管理局', by: 'reporting', levelsText: 'II+', levels: [], contact: '0571-12350',
      content: '事故时间、地点、介质、泄漏量、伤亡、已采取措施' });
    expect(plan.reports[0].within?.text).toBe('1小时');
    expect(plan.reports[1]).toMatchObject({ to: '县生态环境局', levelsText: 'I' });
  });

  it('lists sections in order with titles as written and prose text', () => {
    expect(plan.sections.map((s) => s.key)).toEqual(['scope', 'facts', 'organization', 'levels', 'escalation', 'procedure', 'reports',
      'termination', 'assurance', 'resources', 'communication']);
    expect(plan.sections.map((s) => s.title)).toEqual(['1 适用范围', '2 事故信息要素', '3 应急组织机构及职责', '4 响应分级', '5 响应升级与降级',
      '6 响应程序', '7 信息报告', '8 响应终止', '9 应急保障', '9.1 应急物资', '9.2 通信与信息保障']);
    expect(plan.sections.map((s) => s.depth)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]);
    expect(plan.sections[0].text).toBe('本预案适用于公司生产区、罐区、装卸区发生的液氨、液氯、甲醇等危险化学品泄漏事故的应急处置。\n泄漏引发火灾、爆炸时，同时启动《火灾爆炸事故专项应急预案》。');
    expect(plan.sections[1].text).toBe('启动条件只能引用下表中声明的要素。');
    expect(plan.sections[4].text).toBe('');
    expect(at(plan.sections[0].place)).toBe('18:1-21:31');
    expect(at(plan.sections[0].fields?.title)).toBe('18:4-18:10');
    expect(at(plan.sections[1].fields?.text)).toBe('25:1-25:18');
    expect(at(plan.sections[8].place)).toBe('113:1-113:10');
  });
});

describe('canonical plan through the finish pass', () => {
  const { plan: done, diagnostics } = parseMarkdown(source, FILE);
  it('has no diagnostics and completes durations, triggers and level specs', () => {
    expect(diagnostics).toEqual([]);
    expect(done!.levels[0].activation?.seconds).toBe(300);
    expect(done!.levels[0].trigger?.ast).toBeDefined();
    expect(done!.steps[5].deadline).toMatchObject({ seconds: 600, anchor: { kind: 'step', step: 'rescue' } });
    expect([...done!.steps[3].levels].sort()).toEqual(['I', 'II', 'III']);
    expect(done!.steps[0].levels).toEqual([]);
    expect(done!.termination?.followUp?.seconds).toBe(86400);
  });
});

describe('headings', () => {
  it('matches English headings and numbering', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n## Roles\n\n| id | name | holder |\n|---|---|---|\n| lead | Incident lead | Manager |\n\n`
      + '## Response levels\n\n| level | colour | trigger |\n|---|---|---|\n| II | orange | `a > 1` |\n\n'
      + '## 3.2 Response procedure\n\n| id | action | role | deadline |\n|---|---|---|---|\n| call | Call 119 | lead | 1 min |\n');
    expect(diagnostics).toEqual([]);
    expect(p!.sections.map((s) => [s.key, s.title])).toEqual([['organization', 'Roles'], ['levels', 'Response levels'], ['procedure', '3.2 Response procedure']]);
    expect(p!.roles).toMatchObject([{ id: 'lead', name: 'Incident lead', holder: 'Manager' }]);
    expect(p!.levels).toMatchObject([{ id: 'II', colour: 'orange', trigger: { text: 'a > 1' } }]);
    expect(p!.steps).toMatchObject([{ id: 'call', action: 'Call 119', role: 'lead', deadline: { text: '1 min' } }]);
  });

  it('matches numbered Chinese headings', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n# 测试预案\n\n## 第三章 应急组织机构及职责\n\n| 标识 | 角色 |\n|---|---|\n| a | 甲 |\n\n`
      + '## 一、响应分级\n\n| 级别 | 颜色 |\n|---|---|\n| Ⅳ级（班组级） | 蓝色 |\n| 三级 | 黄 |\n');
    expect(diagnostics).toEqual([]);
    expect(p!.sections.map((s) => [s.key, s.title, s.depth])).toEqual([['organization', '第三章 应急组织机构及职责', 2], ['levels', '一、响应分级', 2]]);
    expect(p!.levels).toMatchObject([{ id: 'IV', name: '班组级', colour: 'blue' }, { id: 'III', colour: 'yellow' }]);
  });

  it('takes the title from the first # heading when the front matter has none; later h1s are sections', () => {
    const { plan: p } = md('---\nkind: 综合\n---\n\n# 公司综合应急预案\n\n前言\n\n# 附录\n\n文字\n', 'a/general-plan.md');
    expect(p!.meta).toMatchObject({ id: 'general-plan', title: '公司综合应急预案', kind: 'general' });
    expect(at(p!.meta.fields?.title)).toBe('5:3-5:11');
    // The prose between the title and the first section is kept as an untitled depth-1 section (lossless export).
    expect(p!.sections).toMatchObject([{ key: 'other', title: '', depth: 1, text: '前言' }, { key: 'appendix', title: '附录', depth: 1, text: '文字' }]);
  });

  it('joins prose around a structured table with a blank line', () => {
    const { plan: p } = md(`${FRONT}\n## 响应程序\n\n前文\n\n| id | action |\n|---|---|\n| a | b |\n\n- 后文一\n- 后文二\n\n后记\n`);
    expect(p!.sections[0].text).toBe('前文\n\n- 后文一\n- 后文二\n\n后记');
    expect(p!.steps).toHaveLength(1);
  });
});

describe('tables', () => {
  it('reports an unknown column at the header cell', () => {
    const text = `${FRONT}\n## 响应程序\n\n| 标识 | 措施 | 负责 | 备注栏 |\n|---|---|---|---|\n| alarm | 报警 | operator | 无 |\n`;
    const { plan: p, diagnostics } = md(text);
    expect(rules(diagnostics)).toEqual(['parse/unknown-column@9:18-9:21']);
    expect(diagnostics[0].message).toBe('Unexpected column `备注栏` in the steps table, expected one of: id, action, role, deadline, after, afterAny, levels, resources, notify, condition, support, obligation');
    expect(diagnostics[0].messageZh).toContain('备注栏');
    expect(diagnostics[0].place?.start.offset).toBe(text.indexOf('备注栏'));
    expect(p!.steps).toMatchObject([{ id: 'alarm', action: '报警', role: 'operator' }]);
  });

  it('names the column an unknown header is close to, lists Chinese names in the Chinese message, and keeps its cells as unread', () => {
    const text = `${FRONT}\n## 响应程序\n\n| 标识 | 措施 | 负责 | 期限 |\n|---|---|---|---|\n| alarm | 报警 | operator | 5分钟 |\n| isolate | 关阀 | operator | |\n`;
    const { plan: p, diagnostics } = md(text);
    expect(diagnostics[0].message).toMatch(/^Unexpected column `期限` in the steps table, expected `时限` or one of: id, action, role, deadline/);
    expect(diagnostics[0].messageZh).toMatch(/^响应程序表中有未知的列 `期限`，是否应为 `时限`？可用的列：标识、措施、负责、时限、/);
    expect(diagnostics[0].messageZh).not.toMatch(/afterAny|deadline/);
    expect(p!.steps[0].unread).toEqual({ 期限: expect.objectContaining({ start: expect.objectContaining({ line: 11 }) }) });
    expect(p!.steps[1].unread).toBeUndefined();
  });

  it('handles ragged rows: missing cells are empty, extra cells are warned about', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n## 响应程序\n\n| id | action | role |\n|---|---|---|\n| a | 报警 |\n| b | 处置 | ops | extra |\n| c |\n`);
    expect(p!.steps.map((s) => [s.id, s.action, s.role])).toEqual([['a', '报警', undefined], ['b', '处置', 'ops'], ['c', '', undefined]]);
    expect(rules(diagnostics)).toEqual(['parse/syntax@12:18-12:23', 'parse/missing-field@13:1-13:6']);
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('requires key columns at the table header', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n## 响应程序\n\n| id | role |\n|---|---|\n| a | x |\n\n## 组织机构\n\n| 标识 | 电话 |\n|---|---|\n| a | 1 |\n\n`
      + '## 响应分级\n\n| 名称 | 颜色 |\n|---|---|\n| 一般 | 蓝 |\n');
    expect(rules(diagnostics)).toEqual(['parse/missing-field@9:1-9:14', 'parse/missing-field@15:1-15:12', 'parse/missing-field@21:1-21:12']);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(diagnostics[0].message).toContain('`action`');
    expect(p!.steps).toEqual([]);
    expect(p!.roles).toEqual([]);
    expect(p!.levels).toEqual([]);
    expect(p!.sections.every((s) => s.text === '')).toBe(true);
  });

  it('reports an empty key cell at the cell and drops the row', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n## 响应程序\n\n| id | action |\n|---|---|\n|  | 报警 |\n| b | 处置 |\n`);
    expect(rules(diagnostics)).toEqual(['parse/missing-field@11:1-11:4']);
    expect(p!.steps.map((s) => s.id)).toEqual(['b']);
  });

  it('guesses a table kind outside known sections, but leaves non-model tables as prose', () => {
    const text = `${FRONT}\n## 附件\n\n| 姓名 | 职务 | 电话 |\n|---|---|---|\n| 张三 | 经理 | 123 |\n\n## 其他\n\n| id | name | quantity |\n|---|---|---|\n| sand | 消防沙 | 2 吨 |\n`;
    const { plan: p, diagnostics } = md(text);
    expect(diagnostics).toEqual([]);
    expect(p!.sections[0].text).toBe('| 姓名 | 职务 | 电话 |\n|---|---|---|\n| 张三 | 经理 | 123 |');
    expect(p!.resources).toMatchObject([{ id: 'sand', name: '消防沙', quantity: 2, unit: '吨' }]);
    expect(p!.sections[1].text).toBe('');
  });

  it('reads custom level ids in table order, warnings, facts with Chinese types and level links', () => {
    const { plan: p, diagnostics } = md(`${FRONT}\n## 预警\n\n| 级别 | 预警条件 | 提前量 |\n|---|---|---|\n| 红色预警 | \`rain > 100\` | 2小时 |\n\n`
      + '## 响应分级\n\n| 级别 | 名称 | 对应上级级别 |\n|---|---|---|\n| major | 重大 | Ⅱ级 |\n| minor | 一般 | — |\n\n'
      + '## 事故信息要素\n\n| 标识 | 类型 | 取值 |\n|---|---|---|\n| rain | 数值 | |\n| wind | 枚举 | 东、西 |\n| x | 未知 | |\n');
    expect(rules(diagnostics)).toEqual([`parse/schema@26:7-26:9`]);
    expect(p!.warnings).toMatchObject([{ id: '红色预警', colour: 'red', trigger: { text: 'rain > 100' }, lead: { text: '2小时' } }]);
    expect(p!.levels.map((l) => [l.id, l.parentLevel])).toEqual([['major', 'II'], ['minor', undefined]]);
    expect(p!.facts.map((f) => [f.id, f.type, f.values])).toEqual([['rain', 'number', undefined], ['wind', 'enum', ['东', '西']], ['x', 'number', undefined]]);
  });
});

describe('termination', () => {
  it('leaves a list with other items as prose', () => {
    const { plan: p } = md(`${FRONT}\n## 响应终止\n\n- 条件：\`x\`\n- 其他：y\n\n正文\n`);
    expect(p!.termination?.when).toBeUndefined();
    expect(p!.termination?.description).toBe('- 条件：`x`\n- 其他：y\n\n正文');
    expect(at(p!.termination?.place)).toBe('7:1-12:3');
  });

  it('reads English keys and ASCII colons', () => {
    const { plan: p } = md(`${FRONT}\n## Termination\n\n- When: \`done\`\n- Decided by: **总指挥**\n- Follow-up: 1 day\n`);
    expect(p!.termination).toMatchObject({ when: { text: 'done' }, decidedBy: '总指挥', followUp: { text: '1 day' } });
    expect(p!.termination?.description).toBeUndefined();
    expect(p!.sections[0].text).toBe('');
  });
});

describe('front matter', () => {
  it('reports broken YAML at its file position', () => {
    const { plan: p, diagnostics } = md('---\nid: x\ntitle: [未闭合\nkind: special\n---\n\n# 标题\n');
    expect(rules(diagnostics)).toEqual(['parse/front-matter@3:8-3:9']); // the unclosed `[`
    expect(diagnostics[0].severity).toBe('error');
    expect(p!.meta.id).toBe('x');
    expect(rules(md('---\nid: x\ntitle: "未闭合\nkind: special\n---\n').diagnostics)).toEqual(['parse/front-matter@3:8-3:9']);
    expect(rules(md('---\nid: x\ntitle: {a: [1]\nkind: special\n---\n').diagnostics)).toEqual(['parse/front-matter@3:8-3:9']);
  });

  it('maps YAML error columns into the file (duplicate key)', () => {
    const { diagnostics } = md('---\nid: x\nkind: special\ntitle: a\nid: y\n---\n');
    expect(rules(diagnostics)).toEqual(['parse/front-matter@5:1-5:2']);
  });

  it('warns about unknown keys, reads Chinese keys, CRLF and YAML dates', () => {
    const { plan: p, diagnostics } = md('---\r\n编号: cn\r\n名称: 预案\r\n类型: 现场\r\nfoo: 1\r\nissued: !!timestamp 2024-03-01\r\nversion: 2.10\r\n---\r\n');
    expect(rules(diagnostics)).toEqual(['parse/front-matter@5:1-5:4']);
    expect(diagnostics[0].severity).toBe('warning');
    expect(p!.meta).toMatchObject({ id: 'cn', title: '预案', kind: 'onsite', issued: '2024-03-01', version: '2.10' });
  });

  it('uses the file name when id is missing and reports a missing or invalid kind', () => {
    const missing = md('---\ntitle: 某某专项应急预案\n---\n', 'dir\\sub\\my-plan.md');
    expect(missing.plan!.meta).toMatchObject({ id: 'my-plan', kind: 'special' });
    expect(rules(missing.diagnostics)).toEqual(['parse/missing-field@1:1-3:4']);
    const invalid = md('---\ntitle: T\nkind: weird\n---\n');
    expect(rules(invalid.diagnostics)).toEqual(['parse/front-matter@3:7-3:12']);
  });

  it('reads a file that is only front matter', () => {
    const { plan: p, diagnostics } = md('---\nid: a\ntitle: T\nkind: general\n---\n');
    expect(diagnostics).toEqual([]);
    expect(p!.meta).toMatchObject({ id: 'a', title: 'T', kind: 'general' });
    expect(p!.sections).toEqual([]);
    expect(p!.termination).toBeUndefined();
  });
});

describe('robustness', () => {
  it('reads an empty file: a plan named after the file, title and kind reported at 1:1', () => {
    const { plan: p, diagnostics } = md('', 'plans/empty.plan.md');
    expect(p!.meta).toMatchObject({ id: 'empty.plan', title: '' });
    expect(p!.steps).toEqual([]);
    expect(rules(diagnostics)).toEqual(['parse/missing-field@1:1-1:1', 'parse/missing-field@1:1-1:1']);
  });

  it('never throws', () => {
    for (const text of ['>'.repeat(2_000) + ' x', '|'.repeat(5000), '---\n---\n', '- 条件：\n', `${FRONT}## 响应终止\n\n- 条件：\n`, '\u0000\uFFFF', '# \n## \n|a|\n|-|\n||\n']) {
      expect(() => parseMarkdown(text, 'x.md')).not.toThrow();
    }
  });
});
