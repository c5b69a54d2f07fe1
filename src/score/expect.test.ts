import { describe, expect, it } from 'vitest';
import { checkExpectations, compareScore, EXPECT_GAP_KINDS, findGapKind } from './expect.js';
import { leakPlan, numbered, start, inject, warranted, declared, done, end, SMALL_LEAK } from './fixtures.test-helper.js';
import { scoreDrill } from './index.js';

describe('compareScore', () => {
  it.each([
    ['>= 80', 80, true], ['>= 80', 79.9, false], ['> 80', 80, false], ['< 60', 59.5, true], ['<= 60', 60, true],
    ['== 100', 100, true], ['= 100', 99, false], ['!= 100', 99, true], ['85', 85, true], ['≥ 85', 90, true], ['≤ 85', 90, false],
  ])('%s with %d → %s', (text, value, ok) => expect(compareScore(text, value)).toBe(ok));
  it('refuses what is not a comparison', () => {
    expect(compareScore('about 80', 80)).toBeUndefined();
    expect(compareScore('>= eighty', 80)).toBeUndefined();
  });
});

describe('checkExpectations', () => {
  // Level IV warranted at 0, declared at 10:00 (its 5-minute activation deadline passed), alarm done by the wrong role.
  const events = numbered([
    start(), inject(0, 'i1', '泄漏', SMALL_LEAK), warranted(0, 'IV', SMALL_LEAK),
    done(30, 'alarm', 'rescue-team'), declared(600, 'IV', 'duty-officer'), end(700),
  ]);
  const score = scoreDrill(leakPlan(), events);

  it('finds gap kinds through the scorer\'s vocabulary, aliases included; unknown kinds are undefined', () => {
    expect(findGapKind(score, 'wrong-role')).toEqual([expect.stringMatching(/wrong-role alarm rescue-team/)]);
    expect(findGapKind(score, 'level-late')).toEqual([expect.stringMatching(/level IV declared 300 s late/)]);
    expect(findGapKind(score, 'duplicate')).toEqual([]);
    expect(findGapKind(score, 'teleported')).toBeUndefined();
    expect(EXPECT_GAP_KINDS).toEqual(expect.arrayContaining(['wrong-role', 'late', 'missed', 'level-late', 'duplicate', 'wrong-level']));
  });

  it('reports each expectation with a message in both languages', () => {
    const r = checkExpectations({ level: 'II', score: '>= 0', gaps: ['wrong-role', 'duplicated'], noGaps: ['level-late', 'out-of-order'], terminated: true }, score);
    expect(r.map((a) => [a.name, a.ok])).toEqual([
      ['level', false], ['score', true], ['noGaps:level-late', false], ['noGaps:out-of-order', true],
      ['gaps:wrong-role', true], ['gaps:duplicated', false], ['terminated', false],
    ]);
    expect(r[0]).toMatchObject({ expected: 'II', actual: 'IV', message: 'expected highest declared level II, got IV', messageZh: '最高启动级别应为 II，实际为 IV' });
    expect(r[2].message).toMatch(/^expected no level-late gaps, found 1: level IV declared 300 s late$/);
    expect(r[6]).toMatchObject({ message: 'expected the response to be terminated (a terminate event), it was not', messageZh: '应宣布响应终止，实际未宣布' });
    expect(checkExpectations(undefined, score)).toEqual([]);
    expect(checkExpectations({ score: 'lots' }, score)[0]).toMatchObject({ ok: false, message: 'unreadable score expectation "lots", expected a comparison such as ">= 80"' });
  });
});
