import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, makeContext, YAML_FILE } from './fixture.test-helper.js';
import { json, type JsonFileResult } from './json.js';

const parse = (text: string) => JSON.parse(text) as JsonFileResult[];

describe('json', () => {
  it('lists every linted file (clean ones too) with ESLint-like counts', () => {
    const out = parse(json(DIAGNOSTICS, makeContext()));
    expect(out.map((f) => [f.file, f.messages.length, f.errorCount, f.warningCount, f.infoCount])).toEqual([
      ['plans/chem/clean.md', 0, 0, 0, 0],
      ['plans/chem/fire.yaml', 2, 1, 1, 0],
      ['plans/chem/leak.md', 3, 1, 1, 1],
    ]);
  });

  it('keeps both languages and localizes `message`', () => {
    const en = parse(json(DIAGNOSTICS, makeContext()));
    const zh = parse(json(DIAGNOSTICS, makeContext({ lang: 'zh' })));
    const role = en[2].messages[1];
    expect(role).toEqual({
      ruleId: 'role-undefined',
      severity: 'error',
      line: 21, column: 24, endLine: 21, endColumn: 32,
      message: 'Unexpected unknown role `reportng`, expected a role of the organization table',
      messageEn: 'Unexpected unknown role `reportng`, expected a role of the organization table',
      messageZh: '未知角色 `reportng`，应为组织机构表中的角色',
      url: pathToFileURL(resolve('docs/rules/role-undefined.md')).href, // the page shipped in the package
      clause: 'GB/T 29639-2020 6.3.2',
    });
    expect(zh[2].messages[1].message).toBe('未知角色 `reportng`，应为组织机构表中的角色');
    expect(zh[2].messages[1].messageEn).toBe(role.messageEn);
  });

  it('gives related places relative paths and both languages', () => {
    const overlap = parse(json(DIAGNOSTICS, makeContext({ lang: 'zh' })))[2].messages[0];
    expect(overlap.related).toEqual([{
      file: 'plans/chem/leak.md', line: 13, column: 16, endLine: 13, endColumn: 47,
      message: 'III级在此定义', messageEn: 'level III defined here', messageZh: 'III级在此定义',
    }]);
  });

  it('round-trips special characters and places file-level diagnostics at 1:1', () => {
    const fire = parse(json(DIAGNOSTICS, makeContext()))[1];
    expect(fire.messages[0]).toMatchObject({ ruleId: 'owner-missing', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(fire.messages[1].message).toBe(DIAGNOSTICS[3].message);
    expect(fire.messages[1].message).toContain('\n');
  });

  it('is stable: same text for shuffled input, pretty-printed with a final newline', () => {
    const a = json(DIAGNOSTICS, makeContext());
    const b = json([...DIAGNOSTICS].reverse(), makeContext());
    expect(b).toBe(a);
    expect(a.endsWith('}\n]\n')).toBe(true);
    expect(a.split('\n')[1]).toBe('  {');
  });

  it('merges absolute and relative spellings of one file', () => {
    const d = { ...DIAGNOSTICS[3], file: `/repo/${YAML_FILE}` };
    const out = parse(json([d, DIAGNOSTICS[4]], makeContext()));
    expect(out.map((f) => f.file)).toEqual(['plans/chem/clean.md', 'plans/chem/fire.yaml', 'plans/chem/leak.md']);
    expect(out[1].messages).toHaveLength(2);
  });

  it('prints an array of clean files for zero diagnostics, and [] with nothing linted', () => {
    expect(parse(json([], makeContext())).every((f) => f.messages.length === 0)).toBe(true);
    expect(json([], makeContext({ sources: new Map() }))).toBe('[]\n');
  });
});
