import { describe, expect, it } from 'vitest';
import { participantPage } from './page-participant.js';
import { parseUiLang, uiLangFor, uiText } from './ui-text.js';

const zhPlan = { meta: { language: 'zh' } } as Parameters<typeof uiLangFor>[0];
const enPlan = { meta: { language: 'en' } } as Parameters<typeof uiLangFor>[0];

describe('the pages speak the plan\'s language', () => {
  it('an English plan gets English pages, a Chinese one Chinese with English beside it; --ui and --lang choose', () => {
    expect(uiLangFor(enPlan)).toBe('en');
    expect(uiLangFor(zhPlan)).toBe('zh-en');
    expect(uiLangFor(zhPlan, { ui: 'zh' })).toBe('zh');
    expect(uiLangFor(zhPlan, { lang: 'en' })).toBe('en');
    expect(() => parseUiLang('fr')).toThrow(RangeError);
  });

  it('Chinese only means no English label at all', () => {
    expect([uiText('zh').submit, uiText('en').submit, uiText('zh-en').submit]).toEqual(['提交', 'Submit', '提交 · Submit']);
    const zh = participantPage('值班长', '泄漏专项预案', 'n0nce', 'zh');
    const labels = zh.replace(/<script[\s\S]*<\/script>/, '').replace(/<style[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(labels).not.toMatch(/Submit|Injects|Acknowledge|Log an action/);
    expect(labels).toContain('记录行动');
    // The words the script uses at run time are Chinese too.
    const words = JSON.parse(/const T=(\{.*?\});/s.exec(zh)![1]) as Record<string, string>;
    expect(Object.values(words).filter((w) => /[A-Za-z]{3,}/.test(w.replace('PDF', '')))).toEqual([]);
  });
});
