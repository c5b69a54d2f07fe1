import { parsePlanText } from '../../src/parse/index.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Plan } from '../../src/model/index.js';
import type { Rule } from '../../src/validate/rule.js';
import { runRules } from '../../src/validate/runner.js';

/** Parses inline plan sources (name → text; .md or .yaml by name) and fails loudly on parse errors. */
export function plansFrom(sources: Record<string, string>): Plan[] {
  return Object.entries(sources).map(([file, text]) => {
    const r = parsePlanText(text, file);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (!r.plan || errors.length) throw new Error(`fixture ${file} does not parse: ${errors.map((e) => `${e.place?.start.line}:${e.place?.start.column} ${e.message}`).join('; ')}`);
    return r.plan;
  });
}

/** Runs one rule on inline plan sources; returns `line:col message` strings plus the raw diagnostics. */
export function lintWith(rule: Rule, sources: Record<string, string>, opts: { options?: Record<string, unknown>; today?: string } = {}) {
  const plans = plansFrom(sources);
  const config = opts.options ? { rules: { [rule.meta.id]: ['error', opts.options] as [string, Record<string, unknown>] } } : undefined;
  const diagnostics: Diagnostic[] = runRules([rule], plans, { config, today: opts.today ?? '2026-11-25' });
  return { diagnostics, lines: diagnostics.map((d) => `${d.place?.start.line}:${d.place?.start.column} ${d.message}`) };
}

/** A minimal valid Markdown special plan; `patch` replaces sections to build ok / not-ok fixtures. */
export function miniPlan(patch: Partial<Record<'front' | 'facts' | 'roles' | 'levels' | 'steps' | 'escalation' | 'termination' | 'resources' | 'reports' | 'extra', string>> = {}): string {
  return [
    patch.front ?? '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nversion: "1.0"\nreviewed: 2025-06-01\nowner: 安全环保部\n---',
    '# 小型泄漏专项应急预案',
    '## 1 适用范围\n\n本预案适用于罐区泄漏。',
    patch.facts ?? '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg |\n| injured | 受伤人数 | integer | 人 |',
    patch.roles ?? '## 3 应急组织机构及职责\n\n| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |\n|---|---|---|---|---|---|\n| commander | 总指挥 | 总经理 | deputy | 0571-1 | 决定II级响应 |\n| deputy | 副总指挥 | 生产副总 | commander | 0571-2 | 决定III级响应 |\n| operator | 操作工 | 当班操作工 | 班长 | 0571-3 | 报警 |\n| reporting | 信息报送 | 安全员 | 副部长 | 0571-4 | 上报 |',
    patch.levels ?? '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | `leak_kg < 100 and injured == 0` | deputy | 10分钟 |\n| II | orange | `leak_kg >= 100 or injured >= 1` | commander | 15分钟 |',
    patch.escalation ?? '## 5 响应升级与降级\n\n| 从 | 到 | 条件 |\n|---|---|---|\n| III | II | `leak_kg >= 100 or injured >= 1` |\n| II | III | `leak_kg < 100 and injured == 0` |',
    patch.steps ?? '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 | 通知 |\n|---|---|---|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | — | 全部 | — | deputy |\n| isolate | 关阀 | operator | 3分钟 | alarm | 全部 | scba×1 | deputy |\n| report | 上报 | reporting | 1小时 | alarm | II | — | commander |',
    patch.reports ?? '## 7 信息报告\n\n| 对象 | 时限 | 负责 | 级别 |\n|---|---|---|---|\n| 县应急管理局 | 1小时 | reporting | 全部 |',
    patch.termination ?? '## 8 响应终止\n\n- 条件：`leak_kg < 1`\n- 宣布：commander',
    patch.resources ?? '## 9 应急保障\n\n### 9.1 应急物资\n\n| 标识 | 名称 | 数量 | 单位 | 存放地点 | 保管 |\n|---|---|---|---|---|---|\n| scba | 空气呼吸器 | 2 | 套 | 消防站 | operator |',
    patch.extra ?? '',
  ].join('\n\n') + '\n';
}
