import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './reference-grade-deviation.js';

const lint = (md: string) => runRules([rule], [parsePlanText(md, 'p.md').plan!], { today: '2026-11-25' });
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const baise = readFileSync('plans/real/cn-city-baise-safety.md', 'utf8');

describe('reference-grade-deviation', () => {
  it('reports each level of a plan that cites Order 493 and adds 危及 bands, at its first differing criterion', () => {
    const ds = lint(baise);
    expect(ds.map((d) => d.place?.start.line)).toEqual([lineOf(baise, '| Ⅰ级 | `deaths'), lineOf(baise, '| Ⅱ级 | `deaths'), lineOf(baise, '| Ⅲ级 | `deaths')]);
    expect(ds[1].message).toBe('Unexpected 重大 (II) different from Regulations on the Reporting, Investigation and Handling of Production Safety Accidents (cited by the plan): counts 死亡人数（含失踪） where order-493 counts deaths; adds `endangered 10人以上30人以下` (危及生命安全人数), which order-493 does not grade by, expected the grade as order-493 defines it');
    expect(ds[1].messageZh).toContain('与《生产安全事故报告和调查处理条例》（国务院令第493号）第三条（预案引用）的定义不一致');
    expect(ds[1].related?.[0].place?.start.line).toBe(lineOf(baise, '| Ⅱ级 | `endangered'));
  });

  it('accepts the Order 493 bands as written, in 万元 too', () => {
    const md = baise.replace(/^\| Ⅰ级 \| `endangered.*\n|^\| Ⅱ级 \| `endangered.*\n|^\| Ⅲ级 \| `endangered.*\n/gmu, '').replace('死亡人数（含失踪）', '死亡人数')
      .replace('| loss | 直接经济损失 | number | 元 |', '| loss | 直接经济损失 | number | 万元 |');
    expect(lint(md)).toEqual([]);
  });

  it('compares a declared `grades:` and reports an unknown id', () => {
    const md = baise.replace('依据《生产安全事故报告和调查处理条例》，我市', '我市').replace(/依据《中华人民共和国安全生产法》.*\n/u, '\n');
    const declared = md.replace('grading: highest', 'grading: highest\ngrades: order-493');
    expect(lint(declared).map((d) => d.message.match(/\(([^)]*)\):/u)?.[1])).toEqual(['declared in `grades:`', 'declared in `grades:`', 'declared in `grades:`']);
    expect(lint(md.replace('grading: highest', 'grading: highest\ngrades: order-593')).map((d) => d.message)).toEqual([
      'Unexpected reference grades `order-593`, expected one of `disaster-relief-2016`, `earthquake-2012`, `env-2014`, `order-493`',
    ]);
  });
});
