import { describe, expect, it } from 'vitest';
import { lintWith, miniPlan } from '../../test/helpers/lint.js';
import { makeContext } from '../format/fixture.test-helper.js';
import { sarifLog } from '../format/sarif.js';
import { placeholders } from '../i18n/index.js';
import { defineRule } from './rule.js';
import { allRules } from './rules/index.js';
import metaVersion from './rules/meta-version.js';

// Rules declare what they report as message ids with data (ESLint's meta.messages); the runner fills the templates.
const noVersion = miniPlan({ front: '---\nid: mini\ntitle: 小型泄漏专项应急预案\nkind: special\nparent: general\nreviewed: 2025-06-01\nowner: 安全环保部\n---' });

describe('rule messages by id', () => {
  it('every rule message has both languages and the same placeholders in each', () => {
    const withMessages = allRules.filter((r) => r.meta.messages);
    expect(withMessages.map((r) => r.meta.id)).toEqual(expect.arrayContaining(['meta-owner', 'meta-version']));
    for (const rule of withMessages) {
      for (const [key, m] of Object.entries(rule.meta.messages!)) {
        expect(m.en && m.zh, `${rule.meta.id} ${key}`).toBeTruthy();
        expect(placeholders(m.zh).sort(), `${rule.meta.id} ${key}`).toEqual(placeholders(m.en).sort());
      }
    }
  });

  it('fills the template with the finding\'s data and keeps the id and data on the diagnostic', () => {
    const { diagnostics } = lintWith(metaVersion, { 'p.md': noVersion });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'meta-version', messageId: 'missing', data: { example: '2.0' },
      message: 'Unexpected plan without a version, expected `version:` (版本号) such as "2.0"',
      messageZh: '预案未标注版本号，应在元数据中填写 `version:`（版本号），如 "2.0"',
    });
  });

  it('an unknown message id is the rule\'s bug: a warning that it drew no conclusion, not a crash', () => {
    const broken = defineRule({
      meta: { id: 'broken', description: { en: 'x', zh: 'x' }, severity: 'error', messages: { known: { en: 'a', zh: '甲' } } },
      check({ plan, report }) { report({ node: plan.meta, messageId: 'unknown' }); },
    });
    const { diagnostics } = lintWith(broken, { 'p.md': noVersion });
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'Unexpected internal error in rule broken (unknown messageId unknown), expected the rule to finish; it draws no conclusion here'],
    ]);
  });

  it('SARIF carries the rule\'s messageStrings (numbered placeholders, in the run\'s language) and each result\'s id and arguments', () => {
    const { diagnostics } = lintWith(metaVersion, { 'p.md': noVersion });
    for (const lang of ['en', 'zh'] as const) {
      const log = sarifLog(diagnostics, makeContext({ lang, rules: [metaVersion.meta] }));
      const rule = log.runs[0].tool.driver.rules[0];
      expect(rule.messageStrings).toEqual({ missing: { text: metaVersion.meta.messages!.missing[lang].replace('{example}', '{0}') } });
      expect(log.runs[0].results[0].message).toMatchObject({ id: 'missing', arguments: ['2.0'] });
    }
  });
});
