import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import { shouldColor } from './context.js';
import { DIAGNOSTICS, MD_FILE, MD_SOURCE, makeContext, placeOfText } from './fixture.test-helper.js';
import { codeFrame, FRAME_WIDTH, ruleSummary, stylish, summaryLine } from './stylish.js';

const ANSI = /\u001b\[/;

/** The rest of a displayed line from a display column on (CJK characters count two columns). */
function fromDisplayColumn(line: string, column: number): string {
  let width = 0;
  for (const [i, ch] of [...line].entries()) {
    if (width >= column) return [...line].slice(i).join('');
    width += stringWidth(ch);
  }
  return '';
}

describe('stylish', () => {
  it('prints the golden output (English, no colour)', () => {
    expect(stylish(DIAGNOSTICS, makeContext())).toBe([
      'plans/chem/fire.yaml',
      '  1:1   warning  Missing `owner`, expected the department that maintains the plan                                  owner-missing',
      '  6:22  error    Unexpected operator "<>" in `gas_ppm <> 30 && fire`, expected "!=" (100% of triggers must parse)  parse/trigger-syntax',
      '                 use != & and instead',
      '    6 |     trigger: gas_ppm <> 30 && fire',
      '      |                      ^~',
      '',
      'plans/chem/leak.md',
      '  14:15  warning  Level II overlaps level III when `leak_kg` is between 500 and 1000             level-overlap',
      '    14 | | II | 公司级 | `leak_kg >= 500 or fire` | commander | 15分钟 |',
      '       |                  ^~~~~~~~~~~~~~~~~~~~~~',
      '    ↳ level III defined here: plans/chem/leak.md:13:16',
      '  21:24  error    Unexpected unknown role `reportng`, expected a role of the organization table  role-undefined',
      '    21 | | report | 向县应急管理局报告 | reportng | 2小时 |',
      '       |                                 ^~~~~~~~',
      '  21:35  info     Reporting deadline 2小时 is longer than the 1 hour the regulation allows       report-deadline',
      '    21 | | report | 向县应急管理局报告 | reportng | 2小时 |',
      '       |                                            ^~~~~',
      '',
      'By rule:',
      '  level-overlap         1 warning',
      '  owner-missing         1 warning',
      '  parse/trigger-syntax  1 error',
      '  report-deadline       1 info',
      '  role-undefined        1 error',
      '',
      '✖ 5 problems (2 errors, 2 warnings, 1 info)',
      '',
    ].join('\n'));
  });

  it('prints the golden output in Chinese, aligning CJK messages by display width', () => {
    expect(stylish(DIAGNOSTICS, makeContext({ lang: 'zh' }))).toBe([
      'plans/chem/fire.yaml',
      '  1:1   警告  缺少 `owner`，应注明负责维护预案的部门                     owner-missing',
      '  6:22  错误  无法识别运算符 "<>"（`gas_ppm <> 30 && fire`），应为 "!="  parse/trigger-syntax',
      '              请改用 != 与 and',
      '    6 |     trigger: gas_ppm <> 30 && fire',
      '      |                      ^~',
      '',
      'plans/chem/leak.md',
      '  14:15  警告  II级与III级在 `leak_kg` 为 500 至 1000 时重叠  level-overlap',
      '    14 | | II | 公司级 | `leak_kg >= 500 or fire` | commander | 15分钟 |',
      '       |                  ^~~~~~~~~~~~~~~~~~~~~~',
      '    ↳ III级在此定义: plans/chem/leak.md:13:16',
      '  21:24  错误  未知角色 `reportng`，应为组织机构表中的角色    role-undefined',
      '    21 | | report | 向县应急管理局报告 | reportng | 2小时 |',
      '       |                                 ^~~~~~~~',
      '  21:35  提示  报告时限2小时超过条例规定的1小时               report-deadline',
      '    21 | | report | 向县应急管理局报告 | reportng | 2小时 |',
      '       |                                            ^~~~~',
      '',
      '按规则统计：',
      '  level-overlap         1 个警告',
      '  owner-missing         1 个警告',
      '  parse/trigger-syntax  1 个错误',
      '  report-deadline       1 个提示',
      '  role-undefined        1 个错误',
      '',
      '✖ 5 个问题（2 个错误，2 个警告，1 个提示）',
      '',
    ].join('\n'));
  });

  it('counts findings per rule, most first, with the severities', () => {
    const d = (ruleId: string, severity: Diagnostic['severity']) => ({ ...DIAGNOSTICS[0], ruleId, severity });
    const list = [d('step-deadline', 'error'), d('role-contact', 'warning'), d('step-deadline', 'error'), d('step-deadline', 'warning')];
    expect(ruleSummary(list, 'en')).toEqual(['By rule:', '  step-deadline  2 errors, 1 warning', '  role-contact   1 warning']);
    expect(ruleSummary(list, 'zh')).toEqual(['按规则统计：', '  step-deadline  2 个错误，1 个警告', '  role-contact   1 个警告']);
  });

  it('aligns the rule-id column by display width', () => {
    for (const lang of ['en', 'zh'] as const) {
      const rows = stylish(DIAGNOSTICS, makeContext({ lang })).split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));
      const byFile = [rows.slice(0, 2), rows.slice(2)];
      for (const group of byFile) {
        const ends = group.map((l) => stringWidth(l) - stringWidth(l.split(' ').pop()!));
        expect(new Set(ends).size).toBe(1);
      }
    }
  });

  it('puts the caret under the reported text even after CJK characters', () => {
    const lines = stylish(DIAGNOSTICS, makeContext()).split('\n');
    const expected = ['trigger', 'leak_kg >= 500 or fire', 'reportng', '2小时'];
    const carets = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ +\| +\^/.test(l));
    expect(carets).toHaveLength(expected.length);
    carets.forEach(([caret, i], k) => {
      const source = lines[i - 1];
      const column = stringWidth(caret.slice(0, caret.indexOf('^')));
      const underlined = caret.slice(caret.indexOf('^')).length;
      const text = fromDisplayColumn(source, column);
      const want = expected[k] === 'trigger' ? '<>' : expected[k];
      expect(text.startsWith(want)).toBe(true);
      expect(underlined).toBe(stringWidth(want));
    });
  });

  it('expands tabs and counts CJK as double width in code frames', () => {
    const source = 'a\n\t名称\t`fire`\n';
    const frame = codeFrame(source, placeOfText(source, 'fire'));
    // tab → 4 columns, 名称 → 4 columns, tab → next stop at 12, backtick → 13
    expect(frame).toEqual([
      '    2 |     名称    `fire`',
      '      |              ^~~~',
    ]);
  });

  it('underlines a multi-line range to the end of its first line', () => {
    const source = '| 标识 | 措施 |\n| alarm | 发现泄漏\n立即报警 |\n';
    const start = source.indexOf('发现');
    const place = { start: { line: 2, column: 11, offset: start }, end: { line: 3, column: 5, offset: source.indexOf(' |', start + 6) } };
    expect(codeFrame(source, place)).toEqual([
      '    2 | | alarm | 发现泄漏',
      '      |           ^~~~~~~~',
    ]);
  });

  it('marks a zero-length place with a single caret, also at the end of a line', () => {
    const source = '| 级别 |\n';
    const end = { line: 1, column: 7, offset: 6 };
    expect(codeFrame(source, { start: end, end })[1]).toBe('      |         ^');
    const beyond = { line: 1, column: 30, offset: 6 };
    expect(codeFrame(source, { start: beyond, end: beyond })[1]).toBe('      |         ^');
  });

  it('shows a window of a very long line around the place, caret on the right character', () => {
    const line = `${'a'.repeat(1_000_000)}名称fire${'b'.repeat(1_000_000)}`;
    const source = `x\n${line}\ny\n`;
    const column = 1_000_000 + 3;
    const [text, caret] = codeFrame(source, { start: { line: 2, column, offset: 0 }, end: { line: 2, column: column + 4, offset: 0 } });
    expect(text.length).toBeLessThan(FRAME_WIDTH + 20);
    expect(text).toMatch(/^ {4}2 \| …a+名称fireb+…$/);
    // The caret stands under `fire`: same display column in both lines (名称 is four columns wide).
    const at = caret.indexOf('^');
    expect(caret.slice(at)).toBe('^~~~');
    expect(stringWidth(text.slice(0, text.indexOf('fire')))).toBe(at);
  });

  it('costs O(output): 10,000 diagnostics on one 120,000-character line print 10,000 short frames', () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const line = `| ${cells.join(' | ')} |`;
    const source = `# t\n${line}\n`;
    const diagnostics = cells.map((c) => {
      const col = line.indexOf(` ${c} `) + 2;
      return { ruleId: 'parse/unknown-column', severity: 'error' as const, file: 'wide.md', message: `Unexpected column \`${c}\``,
        place: { start: { line: 2, column: col, offset: 0 }, end: { line: 2, column: col + c.length, offset: 0 } }, related: [] };
    });
    const out = stylish(diagnostics, makeContext({ sources: new Map([['wide.md', source]]) }));
    const frames = out.split('\n').filter((l) => /^ {4}2 \| /.test(l));
    expect(frames).toHaveLength(10_000);
    expect(Math.max(...frames.map((l) => l.length))).toBeLessThan(FRAME_WIDTH + 20);
    expect(out.length).toBeLessThan(10_000 * 600);
    expect(frames[9_999]).toContain('c9999');
  });

  it('skips the code frame when the source or the line is unknown', () => {
    const ctx = makeContext({ sources: new Map() });
    const out = stylish(DIAGNOSTICS.slice(0, 1), ctx);
    expect(out).not.toContain(' | ');
    expect(codeFrame('one line', { start: { line: 5, column: 1, offset: 0 }, end: { line: 5, column: 2, offset: 1 } })).toEqual([]);
  });

  it('prints nothing for zero diagnostics', () => {
    expect(stylish([], makeContext())).toBe('');
  });

  it('uses no ANSI codes without colour, and colours with colour', () => {
    expect(stylish(DIAGNOSTICS, makeContext({ color: false }))).not.toMatch(ANSI);
    const coloured = stylish(DIAGNOSTICS, makeContext({ color: true }));
    expect(coloured).toMatch(ANSI);
    // Colour does not change the text.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(stylish(DIAGNOSTICS, makeContext({ color: false })));
  });

  it('writes singular and plural summaries in both languages', () => {
    const one: Diagnostic[] = [{ ...DIAGNOSTICS[0] }];
    expect(summaryLine(one, 'en')).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(summaryLine(one, 'zh')).toBe('✖ 1 个问题（1 个错误，0 个警告）');
    const five = [...DIAGNOSTICS.slice(0, 2), DIAGNOSTICS[3], DIAGNOSTICS[4], { ...DIAGNOSTICS[1], file: MD_FILE }];
    expect(summaryLine(five, 'en')).toBe('✖ 5 problems (2 errors, 3 warnings)');
    expect(summaryLine(five, 'zh')).toBe('✖ 5 个问题（2 个错误，3 个警告）');
  });

  it('keeps the fixture places honest', () => {
    const lines = MD_SOURCE.split('\n');
    const d = DIAGNOSTICS[0];
    expect(lines[d.place!.start.line - 1].slice(d.place!.start.column - 1, d.place!.end.column - 1)).toBe('reportng');
    expect(MD_SOURCE.slice(d.place!.start.offset, d.place!.end.offset)).toBe('reportng');
  });
});

describe('shouldColor', () => {
  it('follows the TTY, NO_COLOR and FORCE_COLOR', () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor(undefined, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldColor({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });
});
