// The one fixture every formatter test uses (test-only; not exported from the package).
import type { Diagnostic } from '../diagnostics.js';
import type { Place } from '../model/place.js';
import { LineIndex } from '../parse/position.js';
import { ruleUrl, type RuleMeta } from '../validate/rule.js';
import type { FormatContext } from './context.js';

export const CWD = '/repo';
export const MD_FILE = '/repo/plans/chem/leak.md';
/** Given relative to the working directory, as the CLI may pass it. */
export const YAML_FILE = 'plans/chem/fire.yaml';

export const MD_SOURCE = `---
id: chem-leak
title: 危险化学品泄漏事故专项应急预案
kind: special
---

# 危险化学品泄漏事故专项应急预案

## 4 响应分级

| 级别 | 名称 | 启动条件 | 决策 | 时限 |
|---|---|---|---|---|
| III | 车间级 | \`leak_kg < 1000 and injured <= 2\` | deputy | 10分钟 |
| II | 公司级 | \`leak_kg >= 500 or fire\` | commander | 15分钟 |

## 6 响应程序

| 标识 | 措施 | 负责 | 时限 |
|---|---|---|---|
| alarm | 发现泄漏立即报警 | operator | 1分钟 |
| report | 向县应急管理局报告 | reportng | 2小时 |
`;

export const YAML_SOURCE = `id: fire
title: 火灾爆炸事故专项应急预案
levels:
  - level: II
    name: 公司级
    trigger: gas_ppm <> 30 && fire
`;

/** The place of the `n`-th occurrence (0-based) of `needle` in `source`. */
export function placeOfText(source: string, needle: string, n = 0): Place {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" not found`);
  }
  return new LineIndex(source).place(at, at + needle.length);
}

export const RULES: RuleMeta[] = [
  { id: 'role-undefined', description: { en: 'Roles must be declared in the organization table', zh: '角色必须在组织机构表中声明' }, severity: 'error', clause: 'GB/T 29639-2020 6.3.2' },
  { id: 'level-overlap', description: { en: 'Response level triggers must not overlap', zh: '响应分级的启动条件不得重叠' }, severity: 'warning', clause: 'GB/T 29639-2020 6.3.4' },
  { id: 'report-deadline', description: { en: 'Reports to the authority are due within 1 hour', zh: '向主管部门报告的时限不得超过1小时' }, severity: 'info', clause: '生产安全事故报告和调查处理条例 第九条' },
  { id: 'owner-missing', description: { en: 'A plan names its owner', zh: '预案应注明编制部门' }, severity: 'off' },
];

export const DIAGNOSTICS: Diagnostic[] = [
  // An error on a CJK line, at a column after Chinese characters.
  {
    ruleId: 'role-undefined', severity: 'error',
    message: 'Unexpected unknown role `reportng`, expected a role of the organization table',
    messageZh: '未知角色 `reportng`，应为组织机构表中的角色',
    file: MD_FILE, place: placeOfText(MD_SOURCE, 'reportng'),
    url: ruleUrl('role-undefined'), clause: 'GB/T 29639-2020 6.3.2',
  },
  // A warning with a related "defined here" place.
  {
    ruleId: 'level-overlap', severity: 'warning',
    message: 'Level II overlaps level III when `leak_kg` is between 500 and 1000',
    messageZh: 'II级与III级在 `leak_kg` 为 500 至 1000 时重叠',
    file: MD_FILE, place: placeOfText(MD_SOURCE, 'leak_kg >= 500 or fire'),
    related: [{ message: 'level III defined here', messageZh: 'III级在此定义', file: MD_FILE, place: placeOfText(MD_SOURCE, 'leak_kg < 1000 and injured <= 2') }],
    url: ruleUrl('level-overlap'), clause: 'GB/T 29639-2020 6.3.4',
  },
  // An info.
  {
    ruleId: 'report-deadline', severity: 'info',
    message: 'Reporting deadline 2小时 is longer than the 1 hour the regulation allows',
    messageZh: '报告时限2小时超过条例规定的1小时',
    file: MD_FILE, place: placeOfText(MD_SOURCE, '2小时'),
    url: ruleUrl('report-deadline'), clause: '生产安全事故报告和调查处理条例 第九条',
  },
  // One in a second (YAML) file, with characters every format must escape; its rule is not in RULES.
  {
    ruleId: 'parse/trigger-syntax', severity: 'error',
    message: 'Unexpected operator "<>" in `gas_ppm <> 30 && fire`, expected "!=" (100% of triggers must parse)\nuse != & and instead',
    messageZh: '无法识别运算符 "<>"（`gas_ppm <> 30 && fire`），应为 "!="\n请改用 != 与 and',
    file: YAML_FILE, place: placeOfText(YAML_SOURCE, '<>'),
  },
  // A rule that is off by default but switched on as a warning, reported on a whole file (no place).
  {
    ruleId: 'owner-missing', severity: 'warning',
    message: 'Missing `owner`, expected the department that maintains the plan',
    messageZh: '缺少 `owner`，应注明负责维护预案的部门',
    file: YAML_FILE, url: ruleUrl('owner-missing'),
  },
];

export function makeContext(over: Partial<FormatContext> = {}): FormatContext {
  return {
    cwd: CWD,
    lang: 'en',
    color: false,
    rules: RULES,
    sources: new Map([[MD_FILE, MD_SOURCE], [YAML_FILE, YAML_SOURCE], ['/repo/plans/chem/clean.md', '# 无问题的预案\n']]),
    tool: { name: 'yuan', version: '0.1.0' },
    ...over,
  };
}
