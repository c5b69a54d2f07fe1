import { describe, expect, it } from 'vitest';
import { formatSeconds, parseDuration } from './duration.js';

const secs = (t: string, ids: string[] = []) => {
  const r = parseDuration(t, ids);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('parseDuration', () => {
  it.each([
    ['3分钟', 180], ['1小时内', 3600], ['半小时', 1800], ['2小时', 7200], ['90s', 90], ['15 min', 900],
    ['1h30m', 5400], ['PT15M', 900], ['PT1H30M', 5400], ['P1D', 86400], ['十五分钟', 900], ['二十分钟内', 1200],
    ['72h', 259200], ['24小时', 86400], ['1天', 86400], ['立即', 0], ['5 minutes', 300], ['1 hour', 3600],
    ['接警后3分钟内', 180], ['事故发生后1小时内', 3600], ['三分钟内', 180], ['一个半小时', 5400], ['2个半小时内', 9000],
  ])('%s = %i s', (text, expected) => {
    expect(secs(text).seconds).toBe(expected);
  });

  it('reads anchors', () => {
    expect(secs('接警后3分钟内').anchor).toEqual({ kind: 'incident' });
    expect(secs('响应启动后1小时').anchor).toEqual({ kind: 'level' });
    expect(secs('1 h after activation').anchor).toEqual({ kind: 'level' });
    expect(secs('rescue 完成后 10分钟', ['rescue', 'res']).anchor).toEqual({ kind: 'step', step: 'rescue' });
    expect(secs('10 min after rescue', ['rescue']).anchor).toEqual({ kind: 'step', step: 'rescue' });
    expect(secs('10 min after first-aid', ['first', 'first-aid']).anchor).toEqual({ kind: 'step', step: 'first-aid' });
    expect(secs('15分钟').anchor).toEqual({ kind: 'incident' });
  });

  it('rejects non-durations with a message in both languages', () => {
    for (const t of ['及时', 'soon', '', 'PT', '尽快报告', '第一时间', '第一时间上报']) {
      const r = parseDuration(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.messageZh).toMatch(/时限/);
    }
  });

  it('formats seconds', () => {
    expect(formatSeconds(5400)).toBe('1h30min');
    expect(formatSeconds(90)).toBe('1min30s');
  });
});
