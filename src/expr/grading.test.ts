import { describe, expect, it } from 'vitest';
import type { Fact } from '../model/plan.js';
import { CRIMINAL_LAW_BOUNDS } from './bounds.js';
import { bandKey, criterionKey, dependsOnJudgement, effectiveRegions, equivalentCriteria, judgementFacts, sameCriterion, singleBand } from './grading.js';
import { regionContains, regionOf } from './intervals.js';
import { parseExpr } from './parse.js';

const FACTS: Fact[] = [
  { id: 'deaths', label: '死亡人数', type: 'integer', unit: '人' },
  { id: 'injured', label: '重伤人数', type: 'integer', unit: '人' },
  { id: 'loss', label: '直接经济损失', type: 'number', unit: '万元' },
  { id: 'beyond', label: '超出省级人民政府处置能力', type: 'judgement', decidedBy: '省人民政府' },
  { id: 'state_council', label: '国务院领导认为需要', type: 'judgement', decidedBy: '国务院' },
];
const p = (t: string) => parseExpr(t).ast!;

describe('grading helpers (生产安全事故报告和调查处理条例 Art. 3 and 国家安全生产事故灾难应急预案)', () => {
  it('the applicable region of a level is its own minus the more severe levels\'', () => {
    const levels = [
      { id: 'II', rank: 2, region: regionOf(p('死亡人数 10人以上 或 超出省级人民政府处置能力'), FACTS) },
      { id: 'I', rank: 1, region: regionOf(p('死亡人数 30人以上 或 国务院领导认为需要'), FACTS) },
    ];
    const [i, ii] = effectiveRegions(levels);
    expect(i.id).toBe('I');
    expect(regionContains(ii.region, { deaths: 30, beyond: false, state_council: false })).toBe(false);
    expect(regionContains(ii.region, { deaths: 29, beyond: false, state_council: false })).toBe(true);
    expect(regionContains(ii.region, { deaths: 0, beyond: true, state_council: true })).toBe(false);
    expect(regionContains(ii.region, { deaths: 0, beyond: true, state_council: false })).toBe(true);
  });

  it('a criterion listed twice: structural equality ignores positions, numeral spelling, bound placement and id vs label', () => {
    expect(sameCriterion(p('死亡人数 30人以上'), p('死亡人数30人以上'))).toBe(true);
    expect(sameCriterion(p('30人以上 死亡人数'), p('死亡人数 30人以上'))).toBe(true);
    expect(sameCriterion(p('deaths 30人以上'), p('死亡人数 30人以上'), FACTS)).toBe(true);
    expect(sameCriterion(p('deaths 30人以上'), p('死亡人数 30人以上'))).toBe(false);
    expect(sameCriterion(p('loss >= 1,000'), p('loss >= 1000'))).toBe(true);
    expect(sameCriterion(p('死亡人数 30人以上'), p('死亡人数 >= 30人'))).toBe(false);
    expect(sameCriterion(p('死亡人数 30人以上'), p('死亡人数 31人以上'))).toBe(false);
    expect(criterionKey(p('a  and  b'))).toBe(criterionKey(p('a and b')));
    // Same set, different wording: that is what equivalentCriteria is for.
    expect(equivalentCriteria(p('死亡人数 30人以上'), p('死亡人数 >= 30人'), FACTS)).toBe(true);
    expect(equivalentCriteria(p('死亡人数 30人以下'), p('死亡人数 <= 30'), FACTS)).toBe(false);
    expect(equivalentCriteria(p('死亡人数 30人以下'), p('死亡人数 <= 30'), FACTS, { bounds: CRIMINAL_LAW_BOUNDS })).toBe(true);
  });

  it('the same band under two levels is found whatever its spelling', () => {
    const ii = singleBand(p('死亡人数 10人以上30人以下'), FACTS)!;
    expect(ii).toEqual({ fact: 'deaths', lo: 10, hi: 29, loOpen: false, hiOpen: false, integer: true });
    expect(bandKey(singleBand(p('10 <= deaths < 30'), FACTS)!)).toBe(bandKey(ii));
    expect(bandKey(singleBand(p('死亡人数 3人以上10人以下'), FACTS)!)).not.toBe(bandKey(ii));
    expect(singleBand(p('直接经济损失 1亿元以上'), FACTS)).toMatchObject({ fact: 'loss', lo: 10000, loOpen: false, hi: Infinity });
    expect(singleBand(p('死亡人数 30人以上 或 重伤人数 100人以上'), FACTS)).toBeUndefined();
    expect(singleBand(p('deaths < 3 or deaths > 10'), FACTS)).toBeUndefined();
    expect(singleBand(p('超出省级人民政府处置能力'), FACTS)).toBeUndefined();
  });

  it('a criterion decided by a named body, not observed', () => {
    expect(dependsOnJudgement(p('死亡人数 30人以上 或 国务院领导认为需要'), FACTS)).toBe(true);
    expect(judgementFacts(p('not beyond and 国务院领导认为需要'), FACTS).map((f) => f.id)).toEqual(['beyond', 'state_council']);
    expect(dependsOnJudgement(p('死亡人数 30人以上'), FACTS)).toBe(false);
  });
});
