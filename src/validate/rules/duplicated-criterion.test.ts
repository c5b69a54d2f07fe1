import { describe, expect, it } from 'vitest';
import { lintWith } from '../../../test/helpers/lint.js';
import rule from './duplicated-criterion.js';

const lineOf = (md: string, prefix: string) => md.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
/** Sugar Land's EOC activation table: "Resource support required" under Level 2 and Level 1 (plans/real/en-us-sugarland-eoc.md). */
const sugarLand = (level1: string) => [
  '---\nid: eoc\ntitle: City EOC Activation Levels\nkind: general\nlanguage: en\nregime: international\nlevelOrder: 1-highest\ngrading: highest\n---',
  '## Incident facts\n\n| id | name | type |\n|---|---|---|\n| agencies | Agencies involved | integer |\n| resource_support | Resource support required | boolean |\n| regional_disaster | Regional disaster | boolean |',
  '## Response levels\n\n| level | name |\n|---|---|\n| Level 3 | Monitor Event |\n| Level 2 | Partial Activation |\n| Level 1 | Full Activation |',
  '## Grading criteria\n\n| level | condition | wording |\n|---|---|---|',
  '| Level 3 | `agencies >= 3` | Three or more agencies involved |',
  '| Level 2 | `resource_support` | Resource support required |',
  '| Level 1 | `regional_disaster` | Regional disaster |',
  level1,
].join('\n');

describe('duplicated-criterion', () => {
  it('accepts criteria listed once', () => {
    expect(lintWith(rule, { 'ok.md': sugarLand('') }).lines).toEqual([]);
  });

  it('reports a criterion listed under two levels at the second listing, with the first as related', () => {
    const md = sugarLand('| Level 1 | `resource_support` | Resource support required |');
    const { lines, diagnostics } = lintWith(rule, { 'bad.md': md });
    expect(lines).toEqual([`${lineOf(md, '| Level 1 | `resource')}:14 Unexpected criterion \`Resource support required\` under both Level 2 and Level 1, expected it under one level: the most severe level met applies, so the other listing never decides`]);
    expect(diagnostics[0].related?.[0].place?.start.line).toBe(lineOf(md, '| Level 2 | `resource'));
    expect(diagnostics[0].messageZh).toContain('同时列在 Level 2 级和 Level 1 级之下');
  });

  it('reports the same set written differently (`agencies >= 3` and `agencies > 2`) and a repeat under one level', () => {
    const md = sugarLand('| Level 3 | `agencies > 2` | More than two agencies |');
    expect(lintWith(rule, { 'bad.md': md }).lines).toEqual([`${lineOf(md, '| Level 3 | `agencies > 2')}:14 Unexpected criterion \`More than two agencies\` listed twice under Level 3, expected it once`]);
  });
});
