import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../parse/index.js';
import { level, plan as makePlan, role, step, trigger } from './mermaid-fixture.test-helper.js';
import {
  applicabilityText, deadlineText, formatDuration, levelColour, levelTitle, planLang, readableTrigger,
  readableTriggerGlued, roleTitle, stepNumbers,
} from './mermaid-text.js';

const leak = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
const flood = parsePlanFile('plans/flood/municipal-flood.md').plan!;

describe('readableTrigger', () => {
  it('uses fact labels, unicode operators and the fact unit', () => {
    expect(readableTrigger(leak.levels.find((l) => l.id === 'I')!.trigger, leak, 'zh')).toBe('扩散至厂外 或 厂界有毒气体浓度 > 30 ppm 或 死亡人数 ≥ 3 人');
    expect(readableTrigger(trigger('leak_kg >= 100'), leak, 'zh')).toBe('泄漏量 ≥ 100 kg');
    expect(readableTrigger(trigger('leak_kg >= 1.5t'), leak, 'zh')).toBe('泄漏量 ≥ 1.5 t');
  });

  it('reads boolean facts and negation', () => {
    expect(readableTrigger(trigger('not fire and contained'), leak, 'zh')).toBe('发生火灾或爆炸 = 否 且 泄漏源已控制');
    expect(readableTrigger(trigger('not fire and contained'), leak, 'en')).toBe('not 发生火灾或爆炸 and 泄漏源已控制');
    expect(readableTrigger(trigger('fire == true'), leak, 'zh')).toBe('发生火灾或爆炸 = 是');
    expect(readableTrigger(trigger('not (fire or offsite)'), leak, 'zh')).toBe('非（发生火灾或爆炸 或 扩散至厂外）');
  });

  it('keeps the parentheses the tree needs', () => {
    expect(readableTrigger(leak.levels.find((l) => l.id === 'II')!.trigger, leak, 'zh'))
      .toBe('（泄漏量 ≥ 1000 kg 或 发生火灾或爆炸 或 重伤人数 ≥ 3 人 或 死亡人数 ≥ 1 人） 且 死亡人数 < 3 人 且 扩散至厂外 = 否 且 厂界有毒气体浓度 ≤ 30 ppm');
    expect(readableTrigger(trigger('(leak_kg > 1 or fire) and deaths == 0'), leak, 'en')).toBe('(泄漏量 > 1 kg or 发生火灾或爆炸) and 死亡人数 = 0 人');
  });

  it('prints chains, membership and inequality', () => {
    const cs = parsePlanFile('plans/chem/confined-space.yaml').plan!;
    expect(readableTrigger(trigger('19.5 <= o2_pct <= 23.5'), cs, 'zh')).toBe('19.5 % ≤ 氧含量 ≤ 23.5 %');
    expect(readableTrigger(trigger('warning in [clear, blue]'), flood, 'en')).toMatch(/ ∈ \{clear, blue\}$/);
    expect(readableTrigger(trigger('warning not in [red]'), flood, 'en')).toMatch(/ ∉ \{red\}$/);
    expect(readableTrigger(trigger('deaths != 0'), leak, 'zh')).toBe('死亡人数 ≠ 0 人');
  });

  it('keeps bounds as the regulation writes them, numerals as written, and reads implications', () => {
    expect(readableTrigger(trigger('deaths 3人以上10人以下'), leak, 'zh')).toBe('死亡人数 3人以上10人以下');
    expect(readableTrigger(trigger('3人以上 deaths or leak_kg >= 1,000'), leak, 'zh')).toBe('3人以上 死亡人数 或 泄漏量 ≥ 1,000 kg');
    expect(readableTrigger(trigger('fire implies (deaths 超过3人 or offsite)'), leak, 'zh')).toBe('若发生火灾或爆炸则（死亡人数 超过3人 或 扩散至厂外）');
    expect(readableTrigger(trigger('fire => offsite'), leak, 'en')).toBe('if 发生火灾或爆炸 then 扩散至厂外');
  });

  it('falls back to the text as written when it did not parse, and to ids for undeclared facts', () => {
    expect(readableTrigger({ text: ' leak_kg >>> 3 ' }, leak, 'zh')).toBe('leak_kg >>> 3');
    expect(readableTrigger(trigger('mystery > 3'), leak, 'zh')).toBe('mystery > 3');
    expect(readableTrigger(undefined, leak, 'zh')).toBeUndefined();
  });

  it('glues each comparison with no-break spaces for wrapping', () => {
    expect(readableTriggerGlued(trigger('leak_kg >= 100 or fire'), leak, 'zh')).toBe('泄漏量\u00A0≥\u00A0100\u202Fkg 或 发生火灾或爆炸');
  });
});

describe('durations and deadlines', () => {
  it('formats durations for people', () => {
    expect(formatDuration(30, 'zh')).toBe('30秒');
    expect(formatDuration(180, 'zh')).toBe('3分钟');
    expect(formatDuration(5400, 'zh')).toBe('1小时30分钟');
    expect(formatDuration(86400, 'zh')).toBe('24小时');
    expect(formatDuration(7 * 86400, 'zh')).toBe('7天');
    expect(formatDuration(180, 'en')).toBe('3 min');
    expect(formatDuration(5400, 'en')).toBe('1 h 30 min');
    expect(formatDuration(7 * 86400, 'en')).toBe('7 d');
    expect(formatDuration(90, 'en')).toBe('1 min 30 s');
    expect(formatDuration(Number.NaN, 'zh')).toBe('未定');
  });

  it('notes the anchor when it is not the incident', () => {
    const n = stepNumbers(leak);
    const s = (id: string) => leak.steps.find((x) => x.id === id)!;
    expect(deadlineText(s('isolate'), n, 'zh')).toBe('≤ 3分钟');
    expect(deadlineText(s('first-aid'), n, 'zh')).toBe('≤ 第5步完成后10分钟');
    expect(deadlineText(s('first-aid'), n, 'en')).toBe('≤ 10 min after step 5');
    const general = parsePlanFile('plans/chem/general.md').plan!;
    expect(deadlineText(general.steps.find((x) => x.id === 'command-post')!, stepNumbers(general), 'zh')).toBe('≤ 响应启动后15分钟');
    expect(deadlineText(general.steps.find((x) => x.id === 'command-post')!, stepNumbers(general), 'en')).toBe('≤ 15 min after activation');
    expect(deadlineText(step('x', 'x', undefined), n, 'zh')).toBeUndefined();
  });
});

describe('titles', () => {
  it('names levels and roles', () => {
    expect(levelTitle(leak.levels[0], 'zh')).toBe('IV级（班组级）');
    expect(levelTitle(flood.levels[0], 'en')).toBe('Level IV (minor)');
    expect(levelTitle(level('IV', 4, { name: '一般事故（公司级）' }), 'zh')).toBe('IV级 一般事故（公司级）');
    expect(levelTitle(level('red', 1), 'zh')).toBe('red');
    expect(roleTitle(leak.roles[0], 'commander', 'zh')).toBe('总指挥（总经理）');
    expect(roleTitle(leak.roles.find((r) => r.id === 'safety-director'), 'safety-director', 'zh')).toBe('安全总监');
    expect(roleTitle(undefined, 'ghost', 'zh')).toBe('ghost');
    expect(roleTitle(role('a', 'Commander', 'Mayor'), 'a', 'en')).toBe('Commander (Mayor)');
  });

  it('gives levels their colour, or the colour of their rank', () => {
    expect(levelColour(level('I', 1))).toBe('red');
    expect(levelColour(level('IV', 4))).toBe('blue');
    expect(levelColour(level('V', 5))).toBe('grey');
    expect(levelColour(level('I', 1, { colour: 'blue' }))).toBe('blue');
  });

  it('says which levels a step applies at', () => {
    const s = (id: string) => leak.steps.find((x) => x.id === id)!;
    expect(applicabilityText(leak, s('alarm'), 'zh')).toBeUndefined();
    expect(applicabilityText(leak, s('cordon'), 'zh')).toBe('III级及以上');
    expect(applicabilityText(leak, s('cordon'), 'en')).toBe('Level III+');
    expect(applicabilityText(leak, s('evacuate'), 'zh')).toBe('仅I级');
    expect(applicabilityText(leak, { ...s('alarm'), levels: ['IV', 'I'] }, 'zh')).toBe('IV级、I级');
  });

  it('picks the plan language', () => {
    expect(planLang(leak)).toBe('zh');
    expect(planLang(flood)).toBe('en');
    expect(planLang(flood, 'zh')).toBe('zh');
    expect(planLang(makePlan({}))).toBe('zh');
  });
});
