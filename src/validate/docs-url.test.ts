import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plansFrom } from '../../test/helpers/lint.js';
import { allRules, docsBase, resolveConfig, ruleUrl, runRules } from './index.js';

describe('rule documentation links', () => {
  it('point at the pages shipped in the package by default, which exist', () => {
    const base = docsBase({}, {});
    expect(base).toMatch(/^file:\/\/.*\/docs\/rules\/$/);
    for (const r of allRules) {
      const page = fileURLToPath(ruleUrl(r.meta.id, base));
      expect(existsSync(page), page).toBe(true);
    }
  });

  it('follow YUAN_DOCS_URL, else the config docsUrl (a slash is added when missing)', () => {
    const web = 'https://git.example.com/safety/yuan/-/blob/main/docs/rules';
    expect(docsBase({ docsUrl: web }, {})).toBe(`${web}/`);
    expect(docsBase({ docsUrl: web }, { YUAN_DOCS_URL: 'https://mirror.example.org/rules/' })).toBe('https://mirror.example.org/rules/');
    expect(ruleUrl('role-deputy', docsBase({ docsUrl: web }, {}))).toBe(`${web}/role-deputy.md`);
  });

  it('are stamped on every finding with the base the lint config gives', () => {
    const plans = plansFrom({ 'x.md': '---\nid: x\ntitle: 测试\nkind: special\nparent: general\n---\n\n# 测试\n' });
    const found = runRules(allRules, plans, { config: { docsUrl: 'https://docs.example.org/yuan/rules/' }, today: '2026-11-25' });
    expect(found.length).toBeGreaterThan(3);
    for (const d of found) expect(d.url).toBe(`https://docs.example.org/yuan/rules/${d.ruleId}.md`);
  });

  it('docsUrl in yuan.config.yaml is read, and must be a URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-docs-url-'));
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'docsUrl: https://docs.example.org/yuan/rules/\n');
    expect(resolveConfig(good)).toEqual({ config: { docsUrl: 'https://docs.example.org/yuan/rules/' }, diagnostics: [] });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'today: 2026-01-01\ndocsUrl: docs/rules\n');
    const r = resolveConfig(bad);
    expect(r.diagnostics.map((d) => [d.ruleId, d.place?.start.line])).toEqual([['config/schema', 2]]);
    expect(resolveConfig(false)).toEqual({ config: {}, diagnostics: [] });
  });
});
