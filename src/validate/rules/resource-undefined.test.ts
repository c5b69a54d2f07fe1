import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import { closest } from '../../suggest.js';
import rule from './resource-undefined.js';

const steps = (resources: string) => `## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 资源 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | — |\n| isolate | 关阀 | operator | 3分钟 | ${resources} |`;

describe('resource-undefined', () => {
  it('accepts resources named by id or by their name', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
    expect(lintWith(rule, { 'ok.md': miniPlan({ steps: steps('空气呼吸器×2') }) }).lines).toEqual([]);
  });

  it('reports an undefined resource, suggesting the closest id', () => {
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps: steps('scab×1, 沙袋×20') }) });
    expect(lines).toEqual([
      expect.stringMatching(/^52:\d+ Unexpected undefined resource `scab` in step `isolate`, expected `scba`, the closest defined resource$/),
      expect.stringMatching(/^52:\d+ Unexpected undefined resource `沙袋` in step `isolate`, expected one of: scba$/),
    ]);
    expect(diagnostics[0].messageZh).toBe('步骤 `isolate` 使用的物资 `scab` 未在应急物资表中定义，是否应为 `scba`（最接近的已定义物资）');
  });

  it('says so when the plan lists no resources at all', () => {
    const resources = '## 9 应急保障\n\n物资见附件。';
    expect(lintWith(rule, { 'bad.md': miniPlan({ resources }) }).lines).toEqual([expect.stringMatching(/Unexpected undefined resource `scba` in step `isolate`, expected a resource defined in the plan \(none is defined\)$/)]);
  });

  it('suggests only plausible typos', () => {
    expect(closest('absorbant', ['scba', 'absorbent', 'detector'])).toBe('absorbent');
    expect(closest('suit', ['chem-suit', 'scba'])).toBe('chem-suit');
    expect(closest('boat', ['scba', 'detector'])).toBeUndefined();
  });
});
