import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/i18n/index.js';
import { commandTree } from './commander-lang.js';
import { createProgram } from './program.js';

const CJK = /[\p{Script=Han}]/u;

/** Output of a program whose writes are captured (help to `out`, errors to `err`) and whose exits throw. */
function captured(lang: Lang, width = 100): { program: Command; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const program = createProgram(lang);
  for (const cmd of commandTree(program)) {
    cmd.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s), getOutHelpWidth: () => width, getErrHelpWidth: () => width });
  }
  return { program, out, err };
}

/** The full help of every command (`yuan`, `yuan lint`, `yuan drill serve` …), as `--help` prints it. */
function everyHelp(lang: Lang, width?: number): Map<string, string> {
  const { program, out } = captured(lang, width);
  const helps = new Map<string, string>();
  for (const cmd of commandTree(program)) {
    const path: string[] = [];
    for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
    out.length = 0;
    cmd.outputHelp();
    helps.set(path.join(' '), out.join(''));
  }
  return helps;
}

/**
 * The lines of a help as written before wrapping: a wrapped description (the paragraph under `Usage:`, or an item's
 * text continued under its column) joins the line it continues.
 */
function logicalLines(help: string): string[] {
  const blocks = help.split('\n\n');
  return blocks.flatMap((block, i) => {
    if (i === 1) return [block.replace(/\n/g, '')];
    const lines: string[] = [];
    for (const line of block.split('\n')) {
      if (lines.length && /^\s{6,}\S/.test(line) && !isExample(line)) lines[lines.length - 1] += line.trim();
      else lines.push(line);
    }
    return lines;
  });
}

/** A line of help that is a command as typed (an example), not prose. */
const isExample = (line: string) => /^\s*yuan\s/.test(line);

/** Errors commander writes for `argv` (after `yuan`), in `lang`. */
async function errorOf(lang: Lang, argv: string[]): Promise<string> {
  const { program, err } = captured(lang);
  await expect(program.parseAsync(['node', 'yuan', ...argv])).rejects.toThrow();
  return err.join('').split('\n\n')[0];
}

describe('yuan --help', () => {
  it('walks every command: the top level, each command and each drill subcommand', () => {
    const helps = everyHelp('en');
    expect([...helps.keys()]).toEqual(expect.arrayContaining(['yuan', 'yuan lint', 'yuan review', 'yuan drill', 'yuan drill serve', 'yuan drill verify']));
    expect(helps.size).toBeGreaterThanOrEqual(18);
  });

  it.each([50, 80, 200])('is Chinese on every line under --lang zh (width %i), but for command lines', (width) => {
    const untranslated: string[] = [];
    for (const [command, help] of everyHelp('zh', width)) {
      for (const line of logicalLines(help)) {
        if (line.trim() && !CJK.test(line) && !isExample(line)) untranslated.push(`${command}: ${line}`);
      }
      expect(help).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|\(default:|\[options\]/);
    }
    expect(untranslated).toEqual([]);
  });

  it('is English under --lang en: Chinese only as a gloss inside an English line', () => {
    const chinese: string[] = [];
    for (const [command, help] of everyHelp('en')) {
      for (const line of help.split('\n')) {
        if (CJK.test(line) && (line.match(/[A-Za-z]{2,}/g) ?? []).length < 3) chinese.push(`${command}: ${line}`);
      }
      expect(help).toMatch(/^Usage: yuan/);
    }
    expect(chinese).toEqual([]);
  });

  it('keeps commander\'s headings, annotations and help lines in English', () => {
    const help = everyHelp('en').get('yuan lint')!;
    expect(help).toContain('Usage: yuan lint [options] [paths...]');
    expect(help).toMatch(/-f, --format <name> +stylish \| json \| sarif \| github \| junit \(default: "stylish"\)/);
    expect(help).toMatch(/-h, --help +display help for command/);
    expect(everyHelp('en').get('yuan')).toMatch(/-V, --version +output the version number/);
  });

  it('writes commander\'s words in Chinese under --lang zh', () => {
    const helps = everyHelp('zh');
    const lint = helps.get('yuan lint')!;
    expect(lint).toContain('用法： yuan lint [选项] [paths...]');
    expect(lint).toMatch(/-f, --format <name> +报告格式：stylish \| json \| sarif \| github \| junit（默认："stylish"）/);
    expect(lint).toMatch(/-h, --help +显示命令帮助/);
    expect(lint).toContain('示例：');
    expect(helps.get('yuan')).toMatch(/--lang <lang> +提示语言（可选："zh", "en"）/);
    expect(helps.get('yuan')).toMatch(/help \[命令\] +显示指定命令的帮助/);
    expect(helps.get('yuan')).toMatch(/^命令：$/m);
  });

  it('wraps Chinese by display width, breaking between characters', () => {
    const review = everyHelp('zh', 60).get('yuan review')!.split('\n');
    const description = review.slice(2, review.indexOf('', 2));
    expect(description.length).toBeGreaterThan(1);
    // Two columns a character: no line of the description is wider than the terminal.
    for (const line of description) expect([...line].reduce((w, c) => w + (CJK.test(c) || /[（），：、]/.test(c) ? 2 : 1), 0)).toBeLessThanOrEqual(60);
  });
});

describe('commander errors', () => {
  it.each([
    [['lint', '--bogus'], "error: unknown option '--bogus'", '错误：未知选项 --bogus'],
    [['lnt'], "error: unknown command 'lnt'\n(Did you mean lint?)", '错误：未知命令 lnt\n（是否想输入 lint？）'],
    [['compile'], "error: missing required argument 'file'", '错误：缺少必需的参数 file'],
    [['export', 'a.md'], "error: required option '--to <format>' not specified", '错误：未指定必需的选项 --to <format>'],
    [['export', 'a.md', '--to'], "error: option '--to <format>' argument missing", '错误：选项 --to <format> 缺少取值'],
    [['compile', 'a.md', 'b.md'], "error: too many arguments for 'compile'. Expected 1 argument but got 2.", '错误：compile 的参数过多，应为 1 个，实为 2 个。'],
    [['review', 'a.md', '--packet-lang', 'fr'], "error: option '--packet-lang <lang>' argument 'fr' is invalid. Allowed choices are zh, en.",
      '错误：选项 --packet-lang <lang> 的取值 fr 无效。可选值：zh, en。'],
  ])('yuan %j: English as commander writes it, and Chinese', async (argv, en, zh) => {
    expect(await errorOf('en', argv)).toBe(en);
    expect(await errorOf('zh', argv)).toBe(zh);
  });

  it('shows the help after an error in the same language', async () => {
    const { program, err } = captured('zh');
    await expect(program.parseAsync(['node', 'yuan', 'lint', '--bogus'])).rejects.toThrow();
    expect(err.join('')).toContain('用法： yuan lint [选项] [paths...]');
  });
});
