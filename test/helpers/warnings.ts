import { miniPlan } from './lint.js';

/** The facts of the warning fixtures: a measured rainfall, a forecast grade and 内蒙古危化 3.3.1's imminence wording. */
const FACTS = '## 2 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 | 取值 |\n|---|---|---|---|---|\n| leak_kg | 泄漏量 | number | kg | |\n| injured | 受伤人数 | integer | 人 | |\n'
  + '| rain_mm | 6小时降雨量 | number | mm | |\n| forecast | 预计可能发生的事故等级 | enum | | 特别重大, 重大, 较大, 一般 |\n'
  + '| imminence | 事件临近程度 | enum | | 会随时发生, 即将发生, 已经临近, 即将临近 |';

/** A mini plan with a `## 预警` section holding `rows` under `header` (default: level, colour, criterion, issuer, actions). */
export function warningPlan(rows: string, header = '| 预警级别 | 颜色 | 发布条件 | 发布单位 | 措施 |', prose = '预警分为四级。', front?: string): string {
  const sep = `|${header.split('|').slice(1, -1).map(() => '---').join('|')}|`;
  return miniPlan({ front, facts: FACTS, extra: `## 10 预警\n\n${prose}\n\n${header}\n${sep}\n${rows}` });
}
