import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, MD_FILE, makeContext } from './fixture.test-helper.js';
import { artifactUri, FINGERPRINT_KEY, ruleName, sarif, sarifLog, SARIF_SCHEMA, type SarifLog } from './sarif.js';

// The official OASIS SARIF 2.1.0 schema (draft-07), vendored: see test/fixtures/sarif/README.md.
const schema = JSON.parse(readFileSync(new URL('../../test/fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

function expectValid(log: unknown) {
  const ok = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const parse = (text: string) => JSON.parse(text) as SarifLog;

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(schema.$id).toContain('sarif-schema-2.1.0.json');
    expectValid(parse(sarif(DIAGNOSTICS, makeContext())));
    expectValid(parse(sarif(DIAGNOSTICS, makeContext({ lang: 'zh' }))));
    expectValid(parse(sarif([], makeContext())));
  });

  it('the schema really rejects broken logs (the validator is not a no-op)', () => {
    const log = parse(sarif(DIAGNOSTICS, makeContext())) as any;
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    const log2 = parse(sarif(DIAGNOSTICS, makeContext())) as any;
    log2.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log2)).toBe(false);
  });

  it('describes the tool and the rules that fired', () => {
    const run = sarifLog(DIAGNOSTICS, makeContext()).runs[0];
    const log = sarifLog(DIAGNOSTICS, makeContext());
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'yuan', version: '0.1.0', informationUri: pathToFileURL(resolve('docs/ci.md')).href });
    expect(sarifLog(DIAGNOSTICS, makeContext({ docsUrl: 'https://git.example.com/safety/yuan/-/blob/main/docs/rules/' })).runs[0].tool.driver.informationUri)
      .toBe('https://git.example.com/safety/yuan/-/blob/main/docs/ci.md');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['level-overlap', 'owner-missing', 'parse/trigger-syntax', 'report-deadline', 'role-undefined']);
    expect(run.tool.driver.rules[4]).toMatchObject({
      id: 'role-undefined',
      name: 'RoleUndefined',
      shortDescription: { text: 'Roles must be declared in the organization table' },
      fullDescription: { text: 'Roles must be declared in the organization table (GB/T 29639-2020 6.3.2)' },
      helpUri: pathToFileURL(resolve('docs/rules/role-undefined.md')).href,
      defaultConfiguration: { level: 'error' },
      properties: { clause: 'GB/T 29639-2020 6.3.2', descriptionZh: '角色必须在组织机构表中声明' },
    });
    expect(run.tool.driver.rules[3].defaultConfiguration).toEqual({ level: 'note' });
    expect(run.tool.driver.rules[1].defaultConfiguration).toEqual({ enabled: false, level: 'none' });
    expect(run.tool.driver.rules[2]).toMatchObject({ id: 'parse/trigger-syntax', name: 'ParseTriggerSyntax', defaultConfiguration: { level: 'error' } });
  });

  it('writes results with rule indexes, levels, relative URIs and UTF-16 regions', () => {
    const run = sarifLog(DIAGNOSTICS, makeContext()).runs[0];
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['warning', 'error', 'warning', 'error', 'note']);
    const role = run.results.find((r) => r.ruleId === 'role-undefined')!;
    expect(role.message.text).toBe('Unexpected unknown role `reportng`, expected a role of the organization table');
    expect(role.locations).toEqual([{
      physicalLocation: {
        artifactLocation: { uri: 'plans/chem/leak.md', uriBaseId: '%SRCROOT%', index: 2 },
        region: { startLine: 21, startColumn: 24, endLine: 21, endColumn: 32 },
      },
    }]);
    // The column after 向县应急管理局报告 counts each CJK character as one UTF-16 code unit.
    const line = readLine(21);
    expect(line.slice(23, 31)).toBe('reportng');
    expect(role.properties).toEqual({ messageZh: '未知角色 `reportng`，应为组织机构表中的角色', clause: 'GB/T 29639-2020 6.3.2' });
    const owner = run.results.find((r) => r.ruleId === 'owner-missing')!;
    expect(owner.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('links related locations with ids and localized messages', () => {
    const run = sarifLog(DIAGNOSTICS, makeContext({ lang: 'zh' })).runs[0];
    const overlap = run.results.find((r) => r.ruleId === 'level-overlap')!;
    expect(overlap.message.text).toBe('II级与III级在 `leak_kg` 为 500 至 1000 时重叠');
    expect(overlap.properties).toMatchObject({ messageEn: 'Level II overlaps level III when `leak_kg` is between 500 and 1000' });
    expect(overlap.relatedLocations).toEqual([{
      id: 1,
      physicalLocation: {
        artifactLocation: { uri: 'plans/chem/leak.md', uriBaseId: '%SRCROOT%', index: 2 },
        region: { startLine: 13, startColumn: 16, endLine: 13, endColumn: 47 },
      },
      message: { text: 'III级在此定义' },
    }]);
    expect(run.language).toBe('zh-CN');
  });

  it('lists artifacts (clean files included) that the locations index into', () => {
    const run = sarifLog(DIAGNOSTICS, makeContext()).runs[0];
    expect(run.artifacts.map((a) => a.location.uri)).toEqual(['plans/chem/clean.md', 'plans/chem/fire.yaml', 'plans/chem/leak.md']);
    expect(run.artifacts[1]).toMatchObject({ sourceLanguage: 'yaml', mimeType: 'application/yaml', roles: ['analysisTarget'] });
    expect(run.artifacts[0].length).toBe(Buffer.byteLength('# 无问题的预案\n'));
    for (const r of run.results) {
      const loc = r.locations[0].physicalLocation.artifactLocation;
      expect(run.artifacts[loc.index!].location.uri).toBe(loc.uri);
    }
  });

  it('fingerprints by rule + file + message: stable across languages, runs and line moves, distinct otherwise', () => {
    const fp = (lang: 'en' | 'zh', list = DIAGNOSTICS) => sarifLog(list, makeContext({ lang })).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    const en = fp('en');
    expect(en.every((f) => /^[0-9a-f]{32}:\d+$/.test(f))).toBe(true);
    expect(fp('zh')).toEqual(en);
    expect(new Set(en).size).toBe(en.length);
    const moved = DIAGNOSTICS.map((d) => (d.place ? { ...d, place: { start: { ...d.place.start, line: d.place.start.line + 3 }, end: { ...d.place.end, line: d.place.end.line + 3 } } } : d));
    expect(fp('en', moved)).toEqual(en);
    // Two identical findings in one file stay apart.
    const twice = fp('en', [DIAGNOSTICS[0], { ...DIAGNOSTICS[0], place: DIAGNOSTICS[2].place }]);
    expect(twice[0].split(':')[0]).toBe(twice[1].split(':')[0]);
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('percent-encodes file names and gives files outside the working directory as file URIs', () => {
    expect(artifactUri('/repo/预案/危化品 泄漏#1.md', '/repo')).toBe('%E9%A2%84%E6%A1%88/%E5%8D%B1%E5%8C%96%E5%93%81%20%E6%B3%84%E6%BC%8F%231.md');
    const outside = { ...DIAGNOSTICS[0], file: '/elsewhere/plan.md', related: undefined };
    const log = sarifLog([outside], makeContext({ sources: new Map() }));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/plan.md', index: 0 });
    expectValid(log);
  });

  it('names rules as identifiers', () => {
    expect(ruleName('level-overlap')).toBe('LevelOverlap');
    expect(ruleName('parse/yaml-syntax')).toBe('ParseYamlSyntax');
  });

  it('is stable for shuffled input', () => {
    expect(sarif([...DIAGNOSTICS].reverse(), makeContext())).toBe(sarif(DIAGNOSTICS, makeContext()));
  });
});

function readLine(n: number): string {
  return makeContext().sources.get(MD_FILE)!.split('\n')[n - 1];
}
