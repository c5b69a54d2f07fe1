import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pdfText } from '../../src/render/packet.test-helper.js';
import { requireChromium, requirePdftotext } from '../../test/helpers/tools.js';
import { pdfPageCount, reviewLintFiles, runReview } from './review.js';

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try { return { code: await fn(), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'yuan-review-'));
const LEAK = 'plans/chem/hazardous-chemical-leak.md';

describe('pdfPageCount', () => {
  it('reads the root of a balanced page tree', () => {
    const pdf = Buffer.from('<</Type /Pages /Kids [3 0 R 4 0 R] /Count 24>> <</Type /Pages /Count 8 /Parent 2 0 R>> <</Type /Catalog>>', 'latin1');
    expect(pdfPageCount(pdf)).toBe(24);
    expect(pdfPageCount(Buffer.from('nothing'))).toBeUndefined();
  });
});

describe('which plans yuan review reads', () => {
  it('only the plans given; their 1+N system only when named with --system', () => {
    const dir = tmp();
    const good = join(dir, 'good.md');
    const hostile = join(dir, 'hostile.md');
    copyFileSync(LEAK, good);
    // A plan by its content (front matter with `kind`), so walking the folder finds it.
    writeFileSync(hostile, `---\nkind: special\n---\n${'>'.repeat(100_000)} x\n`);
    expect(reviewLintFiles([good])).toEqual({ files: [good], missing: [] });
    expect(reviewLintFiles([good], [dir]).files.sort()).toEqual([good, hostile].sort());
    expect(reviewLintFiles([good], ['plans/chem/general.md']).files).toEqual([good, 'plans/chem/general.md']);
    expect(reviewLintFiles([good], [join(dir, 'none')]).missing).toEqual([join(dir, 'none')]);
  });
});

describe('yuan review without a browser', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });

  it('gives the actionable error and exit 2', async () => {
    process.env.YUAN_CHROMIUM = '/nonexistent';
    process.env.PATH = '/nonexistent-bin';
    const r = await capture(() => runReview([LEAK], { output: join(tmp(), 'r.pdf'), lang: 'en', config: false }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Chromium not found: install it (Debian: apt-get install chromium fonts-noto-cjk) or set YUAN_CHROMIUM=/path/to/chrome');
  });

  it('exits 2 when nothing matches', async () => {
    const r = await capture(() => runReview(['nowhere/'], { lang: 'en', config: false }));
    expect(r.code).toBe(2);
  });
});

describe.skipIf(!requireChromium())('yuan review (headless Chromium)', () => {
  it.skipIf(!requirePdftotext())('writes one A4 packet with the plan, its roles and its lint findings', async () => {
    const file = join(tmp(), 'review.pdf');
    const r = await capture(() => runReview([LEAK], { output: file, lang: 'en', today: '2026-11-25', config: false }));
    // Not a terminal: one progress line for the plan, nothing else.
    expect(r.err).toMatch(new RegExp(`^yuan: \\[1/1\\] ${LEAK} → ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages, [\\d.]+ s\\)\\n$`));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ pages\\) for 1 plan in [\\d.]+ s, 0 errors\\n$`));
    const text = pdfText(readFileSync(file));
    // The plan says `language: zh`, so the packet is in Chinese whatever the CLI language.
    for (const s of ['危险化学品泄漏事故专项应急预案', '评审材料', '专项应急预案', '总指挥', '应急救援队', '应急组织机构及职责', '检查结果摘要', '评审意见']) {
      expect(text).toContain(s);
    }
  }, 180_000);

  it.skipIf(!requirePdftotext())('writes one packet per plan into a folder, and lint findings of defective plans', async () => {
    const dir = `${tmp()}/packets/`;
    const r = await capture(() => runReview(['plans/defective/levels-gap.md', 'plans/defective/meta-stale.md'], { output: dir, lang: 'zh', today: '2026-11-25', config: false }));
    expect(r.code).toBe(0);
    expect(r.err.split('\n').filter(Boolean).map((l) => l.replace(/ → .*/, ''))).toEqual([
      'yuan: [1/2] plans/defective/levels-gap.md', 'yuan: [2/2] plans/defective/meta-stale.md']);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.pdf'))).toBe(true);
    const text = pdfText(readFileSync(join(dir, files[0]))) + pdfText(readFileSync(join(dir, files[1])));
    expect(text).toContain('检查发现的问题');
    // The findings and places lint gives these plans (level-coverage points at the trigger cell since lint-grading).
    for (const s of ['level-coverage', '51:22', 'level-monotonic', '53:23', 'stale-plan', '7:11', '错误', '警告']) expect(text).toContain(s);
  }, 180_000);

  it('names and skips a plan that does not parse, exits 1, still writes the others', async () => {
    const file = join(tmp(), 'all.pdf');
    // Only a file that cannot be read as a plan is skipped; a plan with content defects is exactly what a reviewer needs.
    const broken = join(tmp(), 'broken.yaml');
    writeFileSync(broken, 'plan: [unclosed\n');
    const r = await capture(() => runReview([broken, 'plans/chem/confined-space.yaml'], { output: file, lang: 'en', config: false }));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`yuan: skipped ${broken}: it does not parse`);
    expect(existsSync(file)).toBe(true);
  }, 180_000);

  it('follows --lang for the packet, as the README says (yuan review --lang en)', () => {
    const out = join(tmp(), 'packet.html');
    const r = spawnSync(process.execPath, ['dist/cli/yuan.js', 'review', LEAK, '-o', out, '--lang', 'en', '--no-config'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const s of ['Review packet', 'Response flowchart (overview)', 'Level IV (班组级) response flowchart', 'Review opinion', 'Roles and duties']) expect(html).toContain(s);
    expect(html).not.toContain('评审意见');
    // Without --lang the packet follows the plan's own language.
    const zh = spawnSync(process.execPath, ['dist/cli/yuan.js', 'review', LEAK, '-o', out, '--no-config'], { encoding: 'utf8', env: { ...process.env, CI: '1', YUAN_LANG: '' } });
    expect(zh.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('评审意见');
    expect(zh.stderr).toMatch(/^yuan: \[1\/1\] plans\/chem\/hazardous-chemical-leak\.md → /);
  }, 180_000);
});
