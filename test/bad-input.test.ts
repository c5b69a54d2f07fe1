import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every hostile or malformed input goes through the real CLI: a diagnostic with file:line:column on stderr,
// exit code 1, no stack trace. (Speed on hostile input is measured by `npm run bench hostile`; the spawn timeout only
// keeps a hang from blocking the run.)
const dir = mkdtempSync(join(tmpdir(), 'yuan-bad-'));
const cli = join(process.cwd(), 'dist/cli/yuan.js');

function parse(name: string, content: string | Buffer) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', cli, 'parse', file], { encoding: 'utf8', timeout: 25_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, file };
}

function expectDiagnostic(r: ReturnType<typeof parse>, rule: RegExp, line: number, column?: number) {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  const hit = r.stderr.split('\n').find((l) => rule.test(l));
  expect(hit, r.stderr).toBeDefined();
  const m = /:(\d+):(\d+)-\d+:\d+ error /.exec(hit!);
  expect(m, hit).not.toBeNull();
  expect(Number(m![1])).toBe(line);
  if (column !== undefined) expect(Number(m![2])).toBe(column);
  expect(hit!.startsWith(r.file)).toBe(true);
}

const validFront = '---\nid: x\ntitle: 测试预案\nkind: special\nparent: general\n---\n\n# 测试预案\n';

describe('bad input never crashes', () => {
  it('malformed YAML: reported at the broken line', () => {
    const r = parse('malformed.yaml', 'plan:\n  id: x\n  title: "未闭合的引号\n  kind: special\nroles: [\n');
    expectDiagnostic(r, /parse\/syntax/, 3);
  });

  it('broken front matter: reported inside the front matter', () => {
    const r = parse('front.md', '---\nid: x\ntitle: [未闭合\nkind: special\n---\n\n# 标题\n');
    expectDiagnostic(r, /parse\/front-matter/, 3);
  });

  it('a table with an unknown column: reported at the header cell', () => {
    const r = parse('column.md', `${validFront}\n## 响应程序\n\n| 标识 | 措施 | 负责 | 备注栏 |\n|---|---|---|---|\n| alarm | 报警 | operator | 无 |\n`);
    expectDiagnostic(r, /parse\/unknown-column/, 12, 18);
  });

  it('duplicate ids: reported at the second one with the first as related', () => {
    const r = parse('dup.yaml', 'plan: { id: x, title: 测试, kind: special, parent: general }\nroles:\n  - { id: commander, name: 总指挥, deputies: [] , duties: [] }\n  - { id: commander, name: 副总指挥, deputies: [], duties: [] }\n');
    expectDiagnostic(r, /parse\/duplicate-id/, 4);
  });

  it('a YAML alias bomb is refused', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const r = parse('bomb.yaml', `${bomb.join('\n')}\n`);
    expectDiagnostic(r, /parse\/alias-bomb/, 2);
  });

  it('a 50 MB file is refused without being read', () => {
    const r = parse('huge.md', Buffer.alloc(50 * 1024 * 1024, 0x61));
    expectDiagnostic(r, /parse\/too-large/, 1, 1);
  });

  it('binary junk is refused as not UTF-8 text', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const r = parse('junk.yaml', junk);
    expectDiagnostic(r, /parse\/binary/, 1);
  });

  it('10,000-deep YAML nesting is refused, not a stack overflow', () => {
    const r = parse('deep.yaml', `plan: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expectDiagnostic(r, /parse\/too-deep/, 1);
  });

  it('10,000-deep YAML maps are refused', () => {
    const r = parse('deep-map.yaml', `plan: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    expectDiagnostic(r, /parse\/too-deep/, 1);
  });

  it('deeply indented block YAML is refused', () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const r = parse('deep-block.yaml', `${lines} x\n`);
    expectDiagnostic(r, /parse\/too-deep/, 101);
  });

  it('10,000-deep Markdown block quotes do not crash', () => {
    const r = parse('deep.md', `${validFront}\n${'>'.repeat(10_000)} 深层引用\n`);
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack/);
    expect([0, 1]).toContain(r.status);
  });

  // The shapes that hung every command for minutes or ran V8 out of memory, though under the 10 MB limit: now each
  // is refused by the pre-scan, in a 256 MB heap, at the line where it goes over a limit.
  it('100 KB of nested `>` is refused at the 33rd level', () => {
    expectDiagnostic(parse('quotes.md', `${validFront}\n${'>'.repeat(99_990)} x\n`), /parse\/too-deep/, 10, 33);
  });

  it('6 MB of short lines is refused, not an out-of-memory crash', () => {
    expectDiagnostic(parse('short.md', `${validFront}\n${'a\n'.repeat(3_000_000)}`), /parse\/too-many-nodes/, 100_007, 1);
  });

  it('a 9 MB list nested 3,000 levels deep is refused at the 33rd level', () => {
    const lines: string[] = [];
    for (let size = 0, i = 0; size < 9e6; i++) { const l = `${'  '.repeat(i % 3000)}- item ${i}\n`; lines.push(l); size += l.length; }
    expectDiagnostic(parse('nested-list.md', `${validFront}\n${lines.join('')}`), /parse\/too-deep/, 42, 65);
  });

  it('a 50,000-row table is refused at its 20,001st row (long tables are parsed in parts up to 20,000 rows)', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `| s${i} | 报警处置措施措施措施措施措施措施措施 ${i} | operator |\n`);
    expectDiagnostic(parse('rows.md', `${validFront}\n## 响应程序\n\n| 标识 | 措施 | 负责 |\n|---|---|---|\n${rows.join('')}`), /parse\/too-many-rows/, 20012, 1);
  });

  it('classic Mac line endings (CR only) get an error that names them', () => {
    const r = parse('cr.md', validFront.replace(/\n/g, '\r'));
    expectDiagnostic(r, /parse\/line-ending/, 1, 4);
    expect(r.stderr).toContain('classic Mac line endings');
  });

  it('a trigger with script is data, not code', () => {
    const r = parse('script.yaml', 'plan: { id: x, title: "<script>alert(1)</script>", kind: special, parent: general }\nfacts: [{ id: a, type: number }]\nlevels:\n  - { id: IV, trigger: "a > 1; process.exit(3)" }\n');
    expect(r.status).toBe(1);
    expectDiagnostic(r, /trigger\/syntax/, 4);
  });
});
