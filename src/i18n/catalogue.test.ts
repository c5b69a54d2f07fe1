import { describe, expect, it } from 'vitest';
import { catalogue, LANGS, MESSAGES, msg, msgWith, placeholders, unfill, type MessageId } from './index.js';

const CJK = /[\p{Script=Han}]/u;
/** English grammar that other languages do without: plural endings, `{s}` or `{<count>_s}` (filled by `plural`). */
const englishOnly = (name: string) => /(^|_)s$/.test(name);

describe('the message catalogue', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];

  it('has every message in both languages, none empty', () => {
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) for (const lang of LANGS) expect(MESSAGES[id][lang], `${id} ${lang}`).toMatch(/\S/);
  });

  it('gives every translation the same placeholders as the English', () => {
    const mismatched = ids.filter((id) => {
      const en = placeholders(MESSAGES[id].en).filter((p) => !englishOnly(p)).sort();
      return JSON.stringify(placeholders(MESSAGES[id].zh).sort()) !== JSON.stringify(en);
    });
    expect(mismatched).toEqual([]);
  });

  it('writes Chinese in Chinese: every zh text that is prose has a Chinese character', () => {
    // A zh template without any Chinese is a copy of the English that was never translated (symbols and flags excepted).
    const untranslated = ids.filter((id) => /[a-z]{3,} [a-z]{3,}/i.test(MESSAGES[id].en) && !CJK.test(MESSAGES[id].zh));
    expect(untranslated).toEqual([]);
  });

  it('names ids area.what', () => {
    expect(ids.filter((id) => !/^[a-z]+(\.[a-zA-Z0-9-]+)+$/.test(id))).toEqual([]);
  });

  it('fills placeholders with data, in either language', () => {
    expect(msg('en', 'cli.noPlanFile', { file: 'a.md' })).toBe('yuan: no plan file a.md');
    expect(msg('zh', 'cli.noPlanFile', { file: 'a.md' })).toBe('yuan：预案文件 a.md 不存在');
    expect(msg('zh', 'cli.lint.tooManyWarnings', { warnings: 3, max: 0 })).toBe('yuan：警告 3 条，超过 --max-warnings 0');
    // Missing data stays visible instead of vanishing.
    expect(msgWith('en', 'cli.noPlanFile')).toBe('yuan: no plan file {file}');
  });

  it('reads data back out of a filled English text (how commander errors are translated)', () => {
    expect(unfill(MESSAGES['commander.error.unknownOption'].en, "error: unknown option '--bogus'")).toEqual({ option: '--bogus' });
    expect(unfill(MESSAGES['commander.error.tooManyArguments'].en, 'error: too many arguments. Expected 1 argument but got 2.'))
      .toEqual({ expected: '1', s: '', received: '2' });
    expect(unfill(MESSAGES['commander.error.unknownOption'].en, "error: unknown command 'x'")).toBeUndefined();
  });

  it('gives each language its whole catalogue by id', () => {
    const zh = catalogue('zh');
    expect(Object.keys(zh)).toEqual(ids);
    expect(zh['commander.heading.usage']).toBe('用法：');
    expect(catalogue('en')['commander.heading.usage']).toBe('Usage:');
  });
});
