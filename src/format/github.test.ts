import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, makeContext } from './fixture.test-helper.js';
import { escapeData, escapeProperty, github } from './github.js';

describe('github', () => {
  it('prints the golden workflow commands', () => {
    expect(github(DIAGNOSTICS, makeContext())).toBe([
      '::warning file=plans/chem/fire.yaml,title=owner-missing::Missing `owner`, expected the department that maintains the plan',
      '::error file=plans/chem/fire.yaml,line=6,col=22,endLine=6,endColumn=24,title=parse/trigger-syntax::Unexpected operator "<>" in `gas_ppm <> 30 && fire`, expected "!=" (100%25 of triggers must parse)%0Ause != & and instead',
      '::warning file=plans/chem/leak.md,line=14,col=15,endLine=14,endColumn=37,title=level-overlap::Level II overlaps level III when `leak_kg` is between 500 and 1000%0A↳ level III defined here: plans/chem/leak.md:13:16',
      '::error file=plans/chem/leak.md,line=21,col=24,endLine=21,endColumn=32,title=role-undefined::Unexpected unknown role `reportng`, expected a role of the organization table',
      '::notice file=plans/chem/leak.md,line=21,col=35,endLine=21,endColumn=38,title=report-deadline::Reporting deadline 2小时 is longer than the 1 hour the regulation allows',
      '',
    ].join('\n'));
  });

  it('prints Chinese messages with --lang zh', () => {
    const lines = github(DIAGNOSTICS, makeContext({ lang: 'zh' })).split('\n');
    expect(lines[1]).toBe('::error file=plans/chem/fire.yaml,line=6,col=22,endLine=6,endColumn=24,title=parse/trigger-syntax::无法识别运算符 "<>"（`gas_ppm <> 30 && fire`），应为 "!="%0A请改用 != 与 and');
    expect(lines[2]).toContain('%0A↳ III级在此定义: plans/chem/leak.md:13:16');
  });

  it('escapes data and properties per the workflow-command rules', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('预案: a,b%\n')).toBe('预案%3A a%2Cb%25%0A');
    const d = { ...DIAGNOSTICS[0], file: '/repo/plans/a,b:c.md', ruleId: 'x:y,z' };
    expect(github([d], makeContext())).toMatch(/^::error file=plans\/a%2Cb%3Ac\.md,line=21,col=24,endLine=21,endColumn=32,title=x%3Ay%2Cz::Unexpected/);
  });

  it('puts every annotation on exactly one line, and prints nothing when clean', () => {
    const out = github(DIAGNOSTICS, makeContext());
    expect(out.trimEnd().split('\n')).toHaveLength(DIAGNOSTICS.length);
    expect(out).not.toContain('\r');
    expect(github([], makeContext())).toBe('');
  });
});
