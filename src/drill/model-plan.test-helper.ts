/**
 * A plan that uses the real-plan model (issue 9) in every way a drill and its score must read it: 立即 (threshold
 * 2分钟), a receipt-anchored limit, a window, a cadence, an event-anchored limit, alternatives (或), support (会同),
 * any-of prerequisites, a `宜` step, a manual level (决定启动) with a decider alternative. Shared by the session and
 * the scoring tests; `bareScenario` wraps injects into a scenario.
 */
import type { Plan } from '../model/index.js';
import { parsePlanText } from '../parse/index.js';
import type { Inject, Objective, Scenario } from './types.js';

export const MODEL_PLAN = `---
id: model-leak
title: 模型用例泄漏专项应急预案
kind: special
version: "1.0"
reviewed: 2026-06-01
owner: 安全环保部
immediate: 2分钟
---

# 模型用例泄漏专项应急预案

## 1 适用范围

本预案适用于罐区泄漏。

## 2 事故信息要素

| 标识 | 名称 | 类型 | 单位 |
|---|---|---|---|
| leak_kg | 泄漏量 | number | kg |
| contained | 已控制 | boolean | |

## 3 应急组织机构及职责

| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |
|---|---|---|---|---|---|
| commander | 总指挥 | 总经理 | deputy | 1 | 决定I级响应；宣布终止 |
| deputy | 副总指挥 | 生产副总 | commander | 2 | 决定III级响应 |
| duty | 值班长 | 当班值班长 | 副值班长 | 3 | 决定IV级响应 |
| operator | 操作工 | 当班操作工 | 班长 | 4 | 报警 |
| fire | 消防队 | 队长 | 副队长 | 5 | 灭火堵漏 |
| monitor | 监测组 | 组长 | 副组长 | 6 | 监测 |
| medic | 医疗组 | 组长 | 副组长 | 7 | 救护 |

## 4 响应分级

| 级别 | 颜色 | 启动条件 | 决策 | 时限 | 启动方式 |
|---|---|---|---|---|---|
| IV | blue | \`leak_kg < 100\` | duty | 5分钟 | 条件启动 |
| III | yellow | \`leak_kg >= 100\` | deputy | 10分钟 | 条件启动 |
| I | red | | commander 或 deputy | 10分钟 | 决定启动 |

## 6 响应程序

| 标识 | 措施 | 负责 | 时限 | 前置 | 任一前置 | 级别 | 通知 | 要求 |
|---|---|---|---|---|---|---|---|---|
| alarm | 报警 | operator | 立即 | — | — | 全部 | duty | 应 |
| assess | 研判事态 | duty | 接到报告后10分钟 | — | — | 全部 | — | 应 |
| isolate | 关闭紧急切断阀 | operator 或 fire | 30分钟至1小时 | alarm | — | 全部 | — | 应 |
| cordon | 设置警戒区 | deputy 会同 fire | 15分钟 | assess | — | III, I | — | 应 |
| sample | 监测气体浓度 | monitor | 每30分钟 | — | — | 全部 | — | 应 |
| aid | 现场救护 | medic | 40分钟 | isolate 或 cordon | — | 全部 | — | 应 |
| signs | 设置警示标志 | fire | 20分钟 | — | — | 全部 | — | 宜 |
| resupply | 补报伤亡变化 | duty | 自伤亡人数变化之日起30日 | — | — | 全部 | — | 应 |

## 8 响应终止

- 条件：\`contained\`
- 宣布：commander
`;

/** The parsed plan (throws when it does not parse cleanly). */
export function modelPlan(): Plan {
  const r = parsePlanText(MODEL_PLAN, 'model-leak.md');
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plan || errors.length) throw new Error(`model-leak.md: ${errors.map((d) => d.message).join('; ')}`);
  return r.plan;
}

/** A scenario of the given injects (to: [] = everyone) and objectives. */
export function bareScenario(injects: Partial<Inject>[] = [], objectives: Partial<Objective>[] = []): Scenario {
  return {
    file: 'model.yaml', id: 'model', title: 'model', plan: 'model-leak.md', type: 'tabletop', scope: 'single', seed: 0, actions: [],
    injects: injects.map((i, n) => ({ id: `i${n + 1}`, at: 0, atText: '0', message: 'inject', to: [], expected: [], ...i })),
    objectives: objectives.map((o, n) => ({ id: `o${n + 1}`, text: 'objective', steps: [], ...o })),
  } as Scenario;
}
