import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const cli = join(root, 'dist/cli/yuan.js');
const yuan = (args: string[], cwd = root, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

describe('yuan lint', () => {
  it('exits 0 on the good examples and 1 on the defective ones', () => {
    expect(yuan(['lint', 'plans/']).status).toBe(0);
    const bad = yuan(['lint', 'plans/defective', '--today', '2026-11-25']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/plans\/defective\/roles-unclear\.md/);
    expect(bad.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings(?:, \d+ info)?\)/);
  });

  it('speaks Chinese with --lang zh', () => {
    const r = yuan(['lint', 'plans/defective/roles-unclear.md', '--today', '2026-11-25', '--lang', 'zh']);
    expect(r.stdout).toMatch(/未明确责任角色/);
    expect(r.stdout).toMatch(/个问题/);
  });

  it('writes every format to a file, each parseable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-fmt-'));
    for (const f of ['json', 'sarif', 'github', 'junit', 'stylish']) {
      const out = join(dir, `out.${f}`);
      const r = yuan(['lint', 'plans/defective', '--today', '2026-11-25', '--format', f, '--output-file', out]);
      expect(r.status, f).toBe(1);
      const text = readFileSync(out, 'utf8');
      if (f === 'json') expect(JSON.parse(text).some((x: { messages: unknown[] }) => x.messages.length)).toBe(true);
      if (f === 'sarif') expect(JSON.parse(text).runs[0].results.length).toBeGreaterThan(40);
      if (f === 'github') expect(text).toMatch(/^::error file=plans\/defective\/.+,line=\d+,col=\d+/m);
      if (f === 'junit') expect(text).toMatch(/<testsuites[\s\S]*<failure/);
      if (f === 'stylish') expect(text).toMatch(/step-owner/);
    }
  });

  it('links every finding to its rule page: the shipped docs by default, YUAN_DOCS_URL when set', () => {
    const args = ['lint', 'plans/defective/roles-unclear.md', '--today', '2026-11-25', '-f', 'sarif'];
    const local = JSON.parse(yuan(args).stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(local.length).toBeGreaterThan(0);
    for (const r of local) expect(readFileSync(new URL(r.helpUri), 'utf8')).toMatch(/^# /);
    const web = JSON.parse(yuan(args, root, { YUAN_DOCS_URL: 'https://git.example.com/safety/yuan/-/blob/main/docs/rules/' }).stdout).runs[0];
    expect(web.tool.driver.informationUri).toBe('https://git.example.com/safety/yuan/-/blob/main/docs/ci.md');
    for (const r of web.tool.driver.rules) expect(r.helpUri).toBe(`https://git.example.com/safety/yuan/-/blob/main/docs/rules/${r.id}.md`);
  });

  it('--quiet shows errors only; --fail-on warning and --max-warnings turn warnings into exit 1', () => {
    const quiet = yuan(['lint', 'plans/defective/roles-unclear.md', '--today', '2026-11-25', '--quiet', '-f', 'json']);
    const messages = JSON.parse(quiet.stdout).flatMap((f: { messages: { severity: string }[] }) => f.messages);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m: { severity: string }) => m.severity === 'error')).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'yuan-warn-'));
    copyFileSync('plans/defective/levels-gap.md', join(dir, 'p.md'));
    // Only warnings left: everything that errors is switched off in a config.
    writeFileSync(join(dir, 'yuan.config.yaml'), 'rules:\n' + ['termination-required', 'level-coverage', 'escalation-path', 'level-decider', 'level-monotonic', 'level-trigger', 'system-parent', 'system-level-mapping', 'level-unreachable']
      .map((r) => `  ${r}: off\n`).join(''));
    expect(yuan(['lint', 'p.md'], dir).status).toBe(0);
    expect(yuan(['lint', 'p.md', '--fail-on', 'warning'], dir).status).toBe(1);
    expect(yuan(['lint', 'p.md', '--max-warnings', '0'], dir).status).toBe(1);
    expect(yuan(['lint', 'p.md', '--max-warnings', '10'], dir).status).toBe(0);
  });

  it('honours inline disables in Markdown and YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-disable-'));
    const md = readFileSync('plans/defective/roles-unclear.md', 'utf8').replace('| guide |', '<!-- yuan-disable-next-line step-owner -->\n| guide |');
    writeFileSync(join(dir, 'roles.md'), md);
    const r = yuan(['lint', 'roles.md', '--no-config', '--today', '2026-11-25', '-f', 'json'], dir);
    const rules = JSON.parse(r.stdout).flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId));
    expect(rules).not.toContain('step-owner');
    expect(rules).toContain('role-vague');

    const yaml = readFileSync('plans/defective/steps-broken.yaml', 'utf8').replace(/(- \{ id: water-curtain[^\n]*)/, '$1 # yuan-disable-line step-deadline');
    writeFileSync(join(dir, 'steps.yaml'), yaml);
    const y = yuan(['lint', 'steps.yaml', '--no-config', '--today', '2026-11-25', '-f', 'json'], dir);
    const yr = JSON.parse(y.stdout).flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId));
    expect(yr).not.toContain('step-deadline');
    expect(yr).toContain('step-cycle');
  });

  it('the strict preset raises warnings to errors; bad config is a usage error at its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-cfg-'));
    mkdirSync(join(dir, 'p'));
    copyFileSync('plans/defective/roles-unclear.md', join(dir, 'p/roles.md'));
    writeFileSync(join(dir, 'yuan.config.yaml'), 'extends: strict\n');
    const strict = JSON.parse(yuan(['lint', 'p', '-f', 'json', '--today', '2026-11-25'], dir).stdout);
    const unused = strict[0].messages.find((m: { ruleId: string }) => m.ruleId === 'role-unused');
    expect(unused.severity).toBe('error');

    writeFileSync(join(dir, 'yuan.config.yaml'), 'extends: recommended\nrules:\n  no-such-rule: error\n  role-unused: loud\n');
    const bad = yuan(['lint', 'p'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/yuan\.config\.yaml:4:\d+/);
  });

  it('usage errors exit 2: an unknown format, an impossible --today, a negative --max-warnings', () => {
    expect(yuan(['lint', 'plans/', '--format', 'xml']).status).toBe(2);
    const today = yuan(['lint', 'plans/chem', '--today', '2026-13-45']);
    expect(today.status).toBe(2);
    expect(today.stderr).toMatch(/--today 2026-13-45 is not a date, expected YYYY-MM-DD/);
    expect(yuan(['lint', 'plans/chem', '--today', '2026-02-30', '--lang', 'zh']).stderr).toMatch(/不是有效日期/);
    expect(yuan(['lint', 'plans/chem', '--max-warnings', '-1']).status).toBe(2);
    expect(yuan(['lint', 'plans/chem', '--max-warnings', 'many']).status).toBe(2);
    expect(yuan(['lint', 'no/such/dir']).status).toBe(2);
    expect(yuan(['frobnicate']).status).toBe(2);
    expect(yuan(['--help']).status).toBe(0);
  });

  it('lints only plan files, told by their content, when walking a folder (README, package.json and golden files are not plans)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yuan-walk-'));
    copyFileSync('plans/chem/general.md', join(dir, 'general.md'));
    copyFileSync('plans/chem/fire-explosion.yaml', join(dir, 'fire.yaml'));
    writeFileSync(join(dir, 'README.md'), '# Plans\n\nThese are our plans.\n');
    writeFileSync(join(dir, 'notes.md'), '---\ntitle: 会议纪要\n---\n\n# 会议纪要\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "x", "version": "1.0.0" }\n');
    writeFileSync(join(dir, 'general.expected.yaml'), 'plan: general.md\nfindings: []\n');
    const r = yuan(['lint', '--today', '2026-11-25', '-f', 'json'], dir);
    expect(JSON.parse(r.stdout).map((f: { file: string }) => f.file.replace(/^.*[\\/]/, '')).sort()).toEqual(['fire.yaml', 'general.md']);
    const corpus = yuan(['lint', 'plans/real', '--today', '2026-11-25', '-f', 'json']);
    const files = JSON.parse(corpus.stdout).map((f: { file: string }) => f.file);
    expect(files.filter((f: string) => /expected\.yaml$|README\.md$/.test(f))).toEqual([]);
  });

  it('prints the findings per rule at the end of stylish output', () => {
    const r = yuan(['lint', 'plans/defective', '--today', '2026-11-25']);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('By rule:'));
    expect(tail).toMatch(/^By rule:\n {2}\S+ +\d+ (?:errors?|warnings?|info)/);
    expect(tail.trimEnd().split('\n').pop()).toMatch(/^✖ \d+ problems/);
  });
});
