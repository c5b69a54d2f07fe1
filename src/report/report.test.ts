import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { cleanIV, done, inject, leakPlan, leakScenario, messyIII, numbered, unmatched, type EventInput } from '../score/fixtures.test-helper.js';
import { scoreDrill } from '../score/index.js';
import { buildModel } from './common.js';
import { addDays, afterActionReport, esc, laneRoles, mdText, reportHtml, reportJson, reportMarkdown, type AfterActionJson } from './index.js';

const plan = leakPlan();
const scenario = leakScenario();
const messy = numbered(messyIII());
const messyScore = scoreDrill(plan, messy, { scenario });
const DATE = { date: '2026-06-12' };

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

/** Reads Markdown as GitHub does (GFM): node types, raw HTML in it, and the table cells as plain text. */
function readMarkdown(md: string): { types: Set<string>; html: string[]; cells: string[] } {
  const types = new Set<string>();
  const html: string[] = [];
  const cells: string[] = [];
  const text = (n: Nodes): string => ('value' in n && n.type !== 'html' ? n.value : 'children' in n ? n.children.map(text).join('') : '');
  const walk = (n: Nodes) => {
    types.add(n.type);
    if (n.type === 'html') html.push(n.value);
    if (n.type === 'tableCell') cells.push(text(n));
    if ('children' in n) n.children.forEach(walk);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(md) as Root);
  return { types, html, cells };
}
function hostile(): ReturnType<typeof numbered> {
  const ev: EventInput[] = messyIII();
  ev.splice(2, 0, inject(0, 'i0', `Heads up ${XSS}`, { leak_kg: 30 }));
  ev.splice(10, 0, unmatched(250, 'operator', `我先 ${XSS} | 再说`), done(260, 'note-step', '<b>role</b>', XSS));
  return numbered(ev);
}

describe('Markdown report', () => {
  const md = reportMarkdown(plan, scenario, messy, messyScore, 'zh', DATE);

  it('has the summary, scores, step table, gaps with evidence, strengths and the improvement plan', () => {
    for (const h of ['# 演练评估报告（复盘）：危险化学品泄漏事故专项应急预案', '## 1 概要', '## 2 分项得分', '## 3 关键时间节点', '## 4 步骤评定（HSEEP P/S/M/U）',
      '## 5 协同问题及证据', '## 6 演练目标', '## 7 优势', '## 8 整改计划']) expect(md).toContain(h);
    expect(md).toContain('**总分：57.6**（不合格）');
    expect(md).toContain('| `isolate` | 确认安全后关闭紧急切断阀，切断泄漏源 | 岗位操作工（operator） | 值班长（duty-officer） ⚠ | 03:00 | 03:20 | 超时 20秒 | **M** | G01 |');
    expect(md).toContain('| G04 | 响应不足 | 已启动IV级响应，低于事态应启动的III级，持续 1分40秒（15:00–16:40） | #7 04:00 level.declared IV duty-officer; #9 05:00 level.warranted III; #12 16:40 level.declared III deputy | 15 |');
    expect(md).toContain('| 响应时间 | 79.8 | 40% | 31.92 |');
    expect(md).toContain('### 情景注入');
    expect(md).toContain('| `i2` #8 | 05:00 | 全体 | 泄漏量增大至约300kg，一名操作工吸入中毒 | leak_kg=300, injured=1 |');
  });

  it('registers every gap finding in the improvement plan: responsible role, due = drill date + 30 days, status 待整改', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ZG-'));
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.includes('| 2026-07-12 | 待整改 |'))).toBe(true);
    expect(rows[0]).toBe('| ZG-01 | III级响应启动超时 1分40秒（用时 11分40秒，时限 10分钟）。 | 组织副总指挥（deputy）学习III级启动条件，演练在10分钟内作出启动决策。 | 副总指挥（deputy） | 2026-07-12 | 待整改 |   |');
    expect(md).toContain('发现 → 登记 → 整改 → 验收 → 销号');
  });

  it('without a drill date the due column is relative; dueDays is configurable', () => {
    expect(reportMarkdown(plan, scenario, messy, messyScore)).toContain('| 演练后30日内 | 待整改 |');
    expect(reportMarkdown(plan, scenario, messy, messyScore, 'zh', { date: '2026-12-20', dueDays: 14 })).toContain('| 2027-01-03 | 待整改 |');
  });

  it('speaks English with lang en', () => {
    const en = reportMarkdown(plan, scenario, messy, messyScore, 'en', DATE);
    expect(en).toContain('# After-action report: 危险化学品泄漏事故专项应急预案');
    expect(en).toContain('**Overall: 57.6** (inadequate)');
    expect(en).toContain('| IP-01 | Level III response started 1 min 40 s late (after 11 min 40 s, allowed 10 min). |');
    expect(en).toContain('| 2026-07-12 | Open |');
  });

  it('lists the MSEL expected actions with their result', () => {
    const scn = leakScenario();
    scn.injects[0].expected = [{ role: 'operator', step: 'alarm', within: 60 }, { role: 'duty-officer', text: '通知<各>应急小组' }];
    const out = reportMarkdown(plan, scn, messy, scoreDrill(plan, messy, { scenario: scn }));
    expect(out).toContain('### 预期行动（MSEL）');
    expect(out).toContain('| `i1` | 岗位操作工（operator） | `alarm` | 01:00 | 01:20 岗位操作工（operator） | ✗ 未达成 | #2 #4 |');
    expect(out).toContain('| `i1` | 值班长（duty-officer） | 通知<各>应急小组 | — | — | 无法客观核查（仅文字） | #2 |');
    expect(readMarkdown(out).cells).toContain('通知<各>应急小组');
    const html = reportHtml(plan, scn, messy, scoreDrill(plan, messy, { scenario: scn }));
    expect(html).toContain('<h3>预期行动（MSEL）</h3>');
    expect(html).toContain('通知&lt;各&gt;应急小组');
  });

  it('escapes hostile text (HTML, pipes) from the log', () => {
    const ev = hostile();
    const out = reportMarkdown(plan, scenario, ev, scoreDrill(plan, ev, { scenario }));
    // Read back as GitHub reads it: no raw HTML but the report's own line breaks, the hostile texts are cell text.
    const { types, html, cells } = readMarkdown(out);
    expect(html.filter((h) => h !== '<br>')).toEqual([]);
    expect(types.has('table')).toBe(true);
    expect(cells.filter((c) => c.includes(`“我先 ${XSS} | 再说”`)).length).toBeGreaterThan(1);
    expect(cells.filter((c) => c.includes(XSS)).length).toBeGreaterThan(3);
    expect(cells).toContain('<b>role</b>');
  });
});

describe('HTML report', () => {
  const html = reportHtml(plan, scenario, messy, messyScore, 'zh', DATE);

  it('is one self-contained page: inline CSS and SVG, no script, no external asset', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(\s*['"]?(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
  });

  it('draws a swimlane timeline with one lane per involved role, expected windows, overdue markers and injects', () => {
    const lanes = [...html.matchAll(/<g class="lane" data-role="([^"]+)">/g)].map((m) => m[1]);
    expect(lanes).toEqual(['commander', 'deputy', 'duty-officer', 'operator', 'rescue-team', 'medical-team', 'evacuation-team']);
    expect(lanes).toEqual(laneRoles(buildModel(plan, scenario, messy, messyScore, 'zh')));
    expect(new Set(lanes).size).toBe(lanes.length);
    const timeline = html.slice(html.indexOf('<svg class="timeline"'), html.indexOf('</svg>', html.indexOf('<svg class="timeline"')));
    expect([...timeline.matchAll(/<g class="inject" data-inject="([^"]+)">/g)].map((m) => m[1])).toEqual(['i1', 'i2']);
    // 7 rated steps + 2 activations get windows; late/missed ones get an overdue marker, late ones a red overrun line
    expect(timeline.match(/class="window/g)).toHaveLength(9);
    expect(timeline.match(/class="overdue"/g)).toHaveLength(6); // alarm, isolate, assess, cordon, first-aid, III activation
    expect(timeline.match(/class="overrun"/g)).toHaveLength(5);
    expect(timeline.match(/class="missed"/g)).toHaveLength(1);
  });

  it('draws the score breakdown: overall + three dimension bars and the P/S/M/U counts', () => {
    const bars = html.slice(html.indexOf('<svg class="bars"'), html.indexOf('</svg>', html.indexOf('<svg class="bars"')));
    expect([...bars.matchAll(/data-dimension="([a-z]+)"/g)].map((m) => m[1])).toEqual(['overall', 'time', 'coordination', 'effect']);
    expect([...bars.matchAll(/data-rating="([PSMU])"/g)].map((m) => m[1])).toEqual(['P', 'S', 'M', 'U']);
    expect(bars).toContain('>57.6</text>');
    expect(bars).toContain('>79.8</text>');
  });

  it('escapes every text: <script> in an action ends up as text', () => {
    const ev = hostile();
    const out = reportHtml(plan, scenario, ev, scoreDrill(plan, ev, { scenario }), 'zh', DATE);
    expect(out).not.toMatch(/<script|<img|<b>role/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('data-role="&lt;b&gt;role&lt;/b&gt;"');
    // no real tag carries an event handler (the escaped text may still read "onerror=")
    expect(out).not.toMatch(/<[^>]*\son[a-z]+=/i);
  });

  it('renders English with lang en', () => {
    const en = reportHtml(plan, scenario, messy, messyScore, 'en', DATE);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Timeline by role');
    expect(en).toContain('Improvement plan');
  });
});

describe('JSON report', () => {
  it('carries the whole score and the improvement plan', () => {
    const doc = JSON.parse(reportJson(plan, scenario, messy, messyScore, 'zh', DATE)) as AfterActionJson;
    expect(doc.kind).toBe('yuan.after-action-report');
    expect(doc.plan.id).toBe('chem-leak');
    expect(doc.scenario).toEqual({ id: 'leak-iv', title: '液氨储罐法兰小量泄漏桌面推演' });
    expect(doc.drill).toEqual({ mode: 'scripted', date: '2026-06-12', incidentStart: 0, end: 2000, events: 18 });
    expect(doc.score).toEqual(JSON.parse(JSON.stringify(messyScore)));
    expect(doc.improvementPlan).toHaveLength(17);
    expect(doc.improvementPlan[0]).toEqual({
      id: 'ZG-01', finding: 'III级响应启动超时 1分40秒（用时 11分40秒，时限 10分钟）。', action: '组织副总指挥（deputy）学习III级启动条件，演练在10分钟内作出启动决策。',
      role: 'deputy', roleLabel: '副总指挥（deputy）', due: '2026-07-12', status: '待整改', findingId: 'F01', evidence: [9, 12],
    });
  });
});

describe('afterActionReport', () => {
  it('dispatches on format and is deterministic (same input → identical string)', () => {
    for (const format of ['md', 'html', 'json'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const a = afterActionReport(plan, scenario, messy, scoreDrill(plan, messy, { scenario }), format, lang, DATE);
        const b = afterActionReport(plan, scenario, numbered(messyIII()), scoreDrill(plan, [...numbered(messyIII())].reverse(), { scenario }), format, lang, DATE);
        expect(a).toBe(b);
      }
    }
    expect(afterActionReport(plan, scenario, messy, messyScore, 'md', 'zh')).toBe(reportMarkdown(plan, scenario, messy, messyScore));
  });

  it('works without a scenario and on a clean drill (nothing to correct)', () => {
    const ev = numbered(cleanIV());
    const md = afterActionReport(plan, undefined, ev, scoreDrill(plan, ev), 'md', 'zh');
    expect(md).toContain('本次演练未设定目标。');
    expect(md).toContain('无需整改。');
    expect(md).toContain('| **演练** | leak-iv |');
  });

  it('rejects an unknown format and a bad date', () => {
    expect(() => afterActionReport(plan, scenario, messy, messyScore, 'pdf' as 'md', 'zh')).toThrow(RangeError);
    expect(() => afterActionReport(plan, scenario, messy, messyScore, 'md', 'zh', { date: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('esc / mdText / addDays', () => {
    expect(esc(`<a href="x">'&'</a>\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(mdText('a|b\n<c> *d* `e|f`\u0007')).toBe('a\\|b \\<c> \\*d\\* `e\\|f`');
    expect(addDays('2024-02-15', 30)).toBe('2024-03-16');
  });
});
