/**
 * The trigger language as the parser hands it the plan: declared units, the declared 以上/以下 convention, fact
 * comparisons only in constraints — each end to end from Markdown to diagnostics at file positions.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { parseMarkdown } from './index.js';

const front = (extra = '') => `---\nid: t\ntitle: 测试预案\nkind: special\n${extra}---\n\n`;
const md = (body: string, extra = '') => parseMarkdown(front(extra) + body, 'plans/real/t.md');
const at = (d: Diagnostic) => `${d.ruleId}@${d.place?.start.line}:${d.place?.start.column}`;
const facts = '## 事故信息要素\n\n| 标识 | 名称 | 类型 | 单位 |\n|---|---|---|---|\n| deaths | 死亡人数 | integer | 人 |\n'
  + '| herd | 死亡牲畜 | integer | 头 |\n| rain_3h | 3小时雨量 | number | mm |\n| rain_6h | 6小时雨量 | number | mm |\n\n';
const levels = (rows: string) => `## 响应分级\n\n| 级别 | 启动条件 |\n|---|---|\n${rows}`;

describe('triggers in a parsed plan', () => {
  it('order between facts is allowed in constraints only, and refused at its place in a trigger', () => {
    const r = md(`${facts}## 要素约束\n\n| 约束 |\n|---|\n| \`rain_3h <= rain_6h\` |\n\n${levels('| I | `rain_3h > rain_6h` |\n')}`);
    expect(r.diagnostics.map(at)).toEqual(['trigger/type@26:8']);
  });

  it('以下 follows the plan\'s declared convention (条例 Art. 3 by default, 刑法 Art. 99 when declared)', () => {
    const body = `${facts}${levels('| II | `死亡人数 10人以上10人以下` |\n')}`;
    expect(md(body).diagnostics.map(at)).toEqual(['trigger/bound@20:9']);
    expect(md(body, 'bounds: { 以上: 含本数, 以下: 含本数 }\n').diagnostics).toEqual([]);
  });

  it('a unit the plan declares is read after a space too, and a different one is named', () => {
    expect(md(`${facts}${levels('| I | `死亡牲畜 >= 100 头` |\n')}`).diagnostics).toEqual([]);
    const r = md(`${facts}${levels('| I | `死亡牲畜 >= 100 只` |\n')}`);
    expect(r.diagnostics.map(at)).toEqual(['trigger/unit@20:20']);
  });
});
