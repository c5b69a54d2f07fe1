import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, formatSeconds, type Duration } from '../model/index.js';
import { parseDuration, type DurationResult } from './duration.js';

const read = (t: string, stepIds: string[] = [], self?: string) => parseDuration(t, { stepIds, self });
const ok = (t: string, stepIds: string[] = []) => {
  const r = read(t, stepIds);
  if (!r.ok) throw new Error(`${t}: ${r.message}`);
  return r;
};

describe('parseDuration: limits', () => {
  it.each([
    ['3分钟', 180], ['1小时内', 3600], ['半小时', 1800], ['2小时', 7200], ['90s', 90], ['15 min', 900],
    ['1h30m', 5400], ['1min30s', 90], ['PT15M', 900], ['PT1H30M', 5400], ['PT90S', 90], ['PT1.5H', 5400], ['P1D', 86400],
    ['P1DT2H', 93600], ['十五分钟', 900], ['二十分钟内', 1200], ['二十四小时', 86400], ['一百二十分钟', 7200],
    ['72h', 259200], ['24小时', 86400], ['1天', 86400], ['5 minutes', 300], ['1 hour', 3600], ['within one hour', 3600],
    ['half an hour', 1800], ['1.5小时', 5400], ['1.5 h', 5400], ['接警后3分钟内', 180], ['事故发生后1小时内', 3600],
    ['三分钟内', 180], ['一个半小时', 5400], ['2个半小时内', 9000], ['30日内', 2592000], ['7日内', 604800],
    ['１小时内', 3600], ['1小时30分钟', 5400],
  ])('%s is a limit of %i s', (text, expected) => {
    const r = ok(text);
    expect(r.kind).toBe('limit');
    expect(r.seconds).toBe(expected);
  });
});

describe('parseDuration: the forms real plans write (issue 9, class 1)', () => {
  it('reads a range as a window, never as the sum (30分钟至1小时 ≠ 5,400 s)', () => {
    expect(ok('30分钟至1小时')).toMatchObject({ kind: 'window', earliest: 1800, seconds: 3600 });
    expect(ok('1至2小时')).toMatchObject({ kind: 'window', earliest: 3600, seconds: 7200 });
    expect(ok('30-60分钟')).toMatchObject({ kind: 'window', earliest: 1800, seconds: 3600 });
    expect(ok('2 to 4 hours')).toMatchObject({ kind: 'window', earliest: 7200, seconds: 14400 });
  });

  it('refuses a window that ends before it starts', () => {
    expect(read('1小时至30分钟')).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('reads a cadence as a repeated obligation, not a one-shot deadline', () => {
    expect(ok('每30分钟')).toMatchObject({ kind: 'cadence', every: 1800, seconds: 1800 });
    expect(ok('每15分钟检测一次')).toMatchObject({ kind: 'cadence', every: 900 });
    expect(ok('every 30 min')).toMatchObject({ kind: 'cadence', every: 1800 });
    expect(ok('hourly')).toMatchObject({ kind: 'cadence', every: 3600 });
    expect(ok('每日续报')).toMatchObject({ kind: 'cadence', every: 86400 });
    expect(ok('每日至少续报2次')).toMatchObject({ kind: 'cadence', every: 86400, times: 2, seconds: 43200 });
    expect(ok('twice daily')).toMatchObject({ kind: 'cadence', every: 86400, times: 2 });
    expect(ok('首报1小时内，此后每2小时续报')).toMatchObject({ kind: 'cadence', seconds: 3600, every: 7200 });
  });

  it('reads round-the-clock duty as a standing duty with no due time', () => {
    for (const t of ['24小时轮班', '24小时值班', '实行24小时值守', 'round-the-clock']) expect(ok(t)).toMatchObject({ kind: 'continuous' });
    expect(ok('24小时轮班').seconds).toBeUndefined();
  });

  it('reads calendar cadences (月度、季度、半年度和年度报告) without inventing a length for a month', () => {
    expect(ok('月度、季度、半年度和年度')).toMatchObject({ kind: 'calendar', calendar: ['month', 'quarter', 'half-year', 'year'] });
    expect(ok('quarterly')).toMatchObject({ kind: 'calendar', calendar: ['quarter'] });
    expect(ok('月度、季度、半年度和年度').seconds).toBeUndefined();
    expect(ok('每周')).toMatchObject({ kind: 'cadence', every: 604800 });
    expect(read('每月5日内')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(ok('24-hour rotational basis')).toMatchObject({ kind: 'continuous' });
  });

  it('reads a per-hop reporting chain as seconds per hop', () => {
    expect(ok('每级2小时')).toMatchObject({ kind: 'chain', seconds: 7200 });
    expect(ok('逐级上报，每级不超过2小时')).toMatchObject({ kind: 'chain', seconds: 7200 });
    expect(ok('2 hours at each level')).toMatchObject({ kind: 'chain', seconds: 7200 });
  });

  it('counts from receipt when the text says so, not from the incident', () => {
    expect(ok('接到报告后1小时').anchor).toEqual({ kind: 'receipt', of: 'report' });
    expect(ok('接到事故报告后1小时内').anchor).toEqual({ kind: 'receipt', of: 'report' });
    expect(ok('1 h after receipt').anchor).toEqual({ kind: 'receipt', of: 'report' });
    expect(ok('收到指令后10分钟').anchor).toEqual({ kind: 'receipt', of: 'instruction' });
    expect(ok('接到通知后30分钟内').anchor).toEqual({ kind: 'receipt', of: 'notice' });
    // 接到报警 is the alarm: the incident clock.
    expect(ok('接到报警后3分钟').anchor).toEqual({ kind: 'incident' });
  });

  it('counts a supplementary report from the later event it names', () => {
    expect(ok('自伤亡人数发生变化之日起30日内')).toMatchObject({ kind: 'limit', seconds: 2592000, anchor: { kind: 'event', event: '伤亡人数发生变化' } });
    expect(ok('within 30 days of a change in casualties').anchor).toEqual({ kind: 'event', event: 'change in casualties' });
  });

  it('refuses a step anchored to itself', () => {
    const r = read('s1 完成后1小时', ['s1', 's2'], 's1');
    expect(r).toMatchObject({ ok: false, kind: 'invalid' });
    if (!r.ok) expect(r.messageZh).toMatch(/自身/);
    expect(ok('s2 完成后1小时', ['s1', 's2']).anchor).toEqual({ kind: 'step', step: 's2' });
  });

  it('reads 立即 / immediately as the immediate threshold (5 min by default, or the plan\'s), never as 0 s', () => {
    expect(ok('立即')).toMatchObject({ kind: 'immediate', seconds: 300 });
    expect(ok('immediately')).toMatchObject({ kind: 'immediate', seconds: 300 });
    expect(parseDuration('立即', { immediate: 180 })).toMatchObject({ ok: true, kind: 'immediate', seconds: 180 });
    // 立即, with an explicit outer limit: drawn as 立即, scored against the written limit.
    expect(ok('立即报告，最迟不超过30分钟')).toMatchObject({ kind: 'immediate', seconds: 1800 });
  });

  it('keeps vague words as a finding, with a hint', () => {
    for (const t of ['及时', '尽快报告', '第一时间', '第一时间上报', 'as soon as possible', 'promptly']) {
      const r = read(t);
      expect(r).toMatchObject({ ok: false, kind: 'vague' });
      if (!r.ok) { expect(r.messageZh).toMatch(/不明确/); expect(r.message).toMatch(/expected a limit/); }
    }
  });

  it('says why it cannot read a text rather than guessing', () => {
    const cases: [string, RegExp][] = [
      ['3分钟内响应、5分钟内处置', /2 time amounts/],
      ['堵漏后30分钟', /anchor `堵漏后`/],
      ['5个工作日内', /no fixed length/],
      ['1个月', /no fixed length/],
      ['soon', /expected a time limit/],
      ['', /empty/],
      ['PT', /ISO 8601/],
      ['30', /without a unit/],
    ];
    for (const [t, re] of cases) {
      const r = read(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) { expect(r.kind).toBe('invalid'); expect(r.message).toMatch(re); expect(r.messageZh.length).toBeGreaterThan(0); }
    }
  });

  it('reads anchors', () => {
    expect(ok('接警后3分钟内').anchor).toEqual({ kind: 'incident' });
    expect(ok('响应启动后1小时').anchor).toEqual({ kind: 'level' });
    expect(ok('1 h after activation').anchor).toEqual({ kind: 'level' });
    expect(ok('rescue 完成后 10分钟', ['rescue', 'res']).anchor).toEqual({ kind: 'step', step: 'rescue' });
    expect(ok('10 min after rescue', ['rescue']).anchor).toEqual({ kind: 'step', step: 'rescue' });
    expect(ok('10 min after first-aid', ['first', 'first-aid']).anchor).toEqual({ kind: 'step', step: 'first-aid' });
    expect(ok('15分钟').anchor).toEqual({ kind: 'incident' });
  });
});

describe('parseDuration: properties', () => {
  it('never throws and always gives either an exact reading or a message', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (t) => {
      const r: DurationResult = parseDuration(t);
      if (r.ok) {
        if (r.kind === 'continuous' || r.kind === 'calendar') return r.seconds === undefined;
        return typeof r.seconds === 'number' && Number.isFinite(r.seconds) && r.seconds >= 0;
      }
      return r.message.length > 0 && r.messageZh.length > 0;
    }), { numRuns: 2000 });
  });

  it('reads every whole number of minutes and hours it prints', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 47 * 60 }), (m) => {
      for (const lang of ['zh', 'en'] as const) {
        const text = formatSeconds(m * 60, lang);
        const r = parseDuration(text);
        if (!r.ok || r.seconds !== m * 60) return false;
      }
      return true;
    }), { numRuns: 300 });
  });
});

describe('formatDuration / formatSeconds', () => {
  const d = (text: string, stepIds: string[] = []): Duration => {
    const r = ok(text, stepIds);
    return { text, ...r } as Duration;
  };
  it('formats seconds for people in both languages', () => {
    expect(formatSeconds(5400, 'zh')).toBe('1小时30分钟');
    expect(formatSeconds(90, 'en')).toBe('1 min 30 s');
    expect(formatSeconds(86400, 'zh')).toBe('24小时');
    expect(formatSeconds(7 * 86400, 'zh')).toBe('7天');
  });
  it('draws each kind as what it is', () => {
    expect(formatDuration(d('立即'), 'zh')).toBe('立即');
    expect(formatDuration(d('immediately'), 'en')).toBe('immediately');
    expect(formatDuration(d('3分钟'), 'zh')).toBe('≤ 3分钟');
    expect(formatDuration(d('30分钟至1小时'), 'zh')).toBe('30分钟–1小时');
    expect(formatDuration(d('每30分钟'), 'zh')).toBe('每30分钟');
    expect(formatDuration(d('每日至少续报2次'), 'zh')).toBe('每日2次');
    expect(formatDuration(d('每级2小时'), 'zh')).toBe('每级 ≤ 2小时');
    expect(formatDuration(d('每级2小时'), 'en')).toBe('≤ 2 h per level');
    expect(formatDuration(d('接到报告后1小时'), 'zh')).toBe('≤ 接报后1小时');
    expect(formatDuration(d('接到报告后1小时'), 'en')).toBe('≤ 1 h after receipt');
    expect(formatDuration(d('rescue 完成后10分钟', ['rescue']), 'zh', () => '第5步')).toBe('≤ 第5步完成后10分钟');
    expect(formatDuration({ text: '及时', kind: 'vague', anchor: { kind: 'incident' } }, 'zh')).toBe('未明确（及时）');
  });
});

describe('a step id that merely occurs in a time text is not an anchor', () => {
  it('reads 每级2小时 as a chain even when a step is called 级, and `a` inside `after receipt` as receipt', () => {
    expect(ok('每级2小时', ['级'])).toMatchObject({ kind: 'chain', anchor: { kind: 'incident' } });
    expect(ok('1 h after receipt', ['a', 'receipt'])).toMatchObject({ anchor: { kind: 'receipt' } });
    expect(ok('级 完成后10分钟', ['级']).anchor).toEqual({ kind: 'step', step: '级' });
    expect(ok('10 min after 级', ['级']).anchor).toEqual({ kind: 'step', step: '级' });
  });
});
