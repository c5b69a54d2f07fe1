import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './stale-plan.js';

const front = (dates: string) => `---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nversion: "1.0"\nowner: 安全环保部\n${dates}---`;
const lint = (dates: string, opts: { today?: string; options?: Record<string, unknown> } = {}) =>
  lintWith(rule, { 'p.md': miniPlan({ front: front(dates) }) }, { today: '2026-11-25', ...opts });

describe('stale-plan', () => {
  it('accepts a plan reviewed within 3 years, up to the day', () => {
    expect(lint('reviewed: 2025-06-01\n').lines).toEqual([]);
    expect(lint('reviewed: 2023-11-25\n').lines).toEqual([]);
  });

  it('reports a last review more than 3 years ago at the reviewed date', () => {
    expect(lint('reviewed: 2023-11-24\n').lines).toEqual(['7:11 Unexpected last review 2023-11-24, 3 years before 2026-11-25, expected a review at least every 3 years']);
    const { lines, diagnostics } = lint('issued: 2018-06-18\nreviewed: 2021-06-18\n');
    expect(lines).toEqual(['8:11 Unexpected last review 2021-06-18, 5 years 5 months before 2026-11-25, expected a review at least every 3 years']);
    expect(diagnostics[0].messageZh).toBe('预案最近一次评审（修订）为 2021-06-18，距 2026-11-25 已 5 年 5 个月，应至少每 3 年评估修订一次');
    expect(diagnostics[0].severity).toBe('warning');
  });

  it('falls back to the issue date when the plan was never reviewed', () => {
    expect(lint('issued: 2020-01-10\n').lines).toEqual(['7:9 Unexpected issue date (never reviewed) 2020-01-10, 6 years 10 months before 2026-11-25, expected a review at least every 3 years']);
    expect(lint('issued: 2025-01-10\n').lines).toEqual([]);
  });

  it('reports a plan with neither date', () => {
    expect(lint('').lines).toEqual(['1:1 Unexpected plan without `reviewed` or `issued` date, expected the date of the last review (评审/修订日期) as YYYY-MM-DD']);
  });

  it('honours maxAgeYears and the injected today', () => {
    expect(lint('reviewed: 2025-06-01\n', { options: { maxAgeYears: 1 } }).lines).toHaveLength(1);
    expect(lint('reviewed: 2021-06-18\n', { options: { maxAgeYears: 5 }, today: '2026-06-18' }).lines).toEqual([]);
    expect(lint('reviewed: 2021-06-18\n', { today: '2024-06-18' }).lines).toEqual([]);
  });
});
