import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../parse/index.js';
import { runRules } from '../runner.js';
import rule from './reference-grade-conflict.js';

const lint = (md: string) => runRules([rule], [parsePlanText(md, 'p.md').plan!], { today: '2026-11-25' });
const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const env2011 = readFileSync('plans/real/cn-sector-env-reporting-2011.md', 'utf8');

describe('reference-grade-conflict', () => {
  it('reports 特别重大 and 重大 of 环境保护部令第17号 against the 2014 national plan (10 vs 30 deaths)', () => {
    const ds = lint(env2011);
    expect(ds.map((d) => `${d.place?.start.line} ${d.message}`)).toEqual([
      `${lineOf(env2011, '| Ⅰ级 | `deaths')} Unexpected 特别重大 (I) with another meaning than in National Emergency Plan for Environmental Incidents (2014): has \`deaths 10人以上\` where env-2014 has deaths caused directly by the pollution [30, ∞) 人, expected one meaning of 特别重大 for this incident type (or \`grades: env-2014\`)`,
      `${lineOf(env2011, '| Ⅱ级 | `deaths')} Unexpected 重大 (II) with another meaning than in National Emergency Plan for Environmental Incidents (2014): has \`deaths 3人以上10人以下\` where env-2014 has deaths caused directly by the pollution [10, 29] 人, expected one meaning of 重大 for this incident type (or \`grades: env-2014\`)`,
    ]);
    expect(ds[0].messageZh).toContain('与《国家突发环境事件应急预案》（国办函〔2014〕119号）附件 突发环境事件分级标准不同');
  });

  it('accepts the national plan itself, and a plan with the same bands', () => {
    expect(lint(readFileSync('plans/real/cn-national-environment-2014.md', 'utf8'))).toEqual([]);
    expect(lint(env2011.replace('`deaths 10人以上 or', '`deaths 30人以上 or').replace('`deaths 3人以上10人以下 or', '`deaths 10人以上30人以下 or'))).toEqual([]);
  });
});
