import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../../test/helpers/lint.js';
import rule from './step-dangling.js';

describe('step-dangling', () => {
  it('accepts prerequisites that exist', () => {
    expect(lintWith(rule, { 'ok.md': miniPlan() }).lines).toEqual([]);
  });

  it('reports an undefined prerequisite at the after cell, suggesting the closest step', () => {
    const steps = '## 6 响应程序\n\n| 标识 | 措施 | 负责 | 时限 | 前置 |\n|---|---|---|---|---|\n| alarm | 报警 | operator | 1分钟 | — |\n| assess | 研判 | operator | 5分钟 | alram |\n| report | 上报 | reporting | 1小时 | assess, notify-hq |';
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': miniPlan({ steps }) });
    expect(lines).toEqual([
      '52:34 Unexpected undefined step `alram` in `after` of `assess`, expected `alarm`, the closest defined step',
      '53:35 Unexpected undefined step `notify-hq` in `after` of `report`, expected one of: alarm, assess',
    ]);
    expect(diagnostics[0].messageZh).toBe('步骤 `assess` 的前置步骤 `alram` 未定义，是否应为 `alarm`（最接近的已定义步骤）');
  });
});
