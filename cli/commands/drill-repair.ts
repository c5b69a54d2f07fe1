/**
 * `yuan drill repair <log> [--dry-run]`: makes a damaged drill log resumable again. Keeps a backup of the original
 * (`<log>.bak`, 0600), drops the lines the reader cannot accept, numbers the rest 1, 2, 3 … again, rebuilds the hash
 * chain and appends a note that records the repair; prints every dropped line and why. Exit 0 repaired (or nothing
 * to repair), 2 usage or I/O.
 *
 * Also the one place the live commands report a log that refuses to resume (`reportStartFailure`).
 */
import { localize } from '../../src/diagnostics.js';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';

/** Options of `yuan drill repair`. */
export interface DrillRepairOptions {
  dryRun?: boolean;
  lang: Lang;
}

const say = (lang: Lang, en: string, zh: string) => process.stderr.write(`${t(lang, en, zh)}\n`);

export async function runDrillRepair(file: string, opts: DrillRepairOptions): Promise<number> {
  const { lang } = opts;
  const { readFileSync } = await import('node:fs');
  const { repairLog, repairLogFile } = await import('../../src/drill/log-repair.js');
  let plan: ReturnType<typeof repairLogFile>;
  try {
    plan = opts.dryRun ? repairLog(readFileSync(file, 'utf8'), file) : repairLogFile(file);
  } catch (err) {
    say(lang, `yuan: cannot repair ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      `yuan：无法修复 ${file}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return EXIT.usage;
  }
  const out: string[] = [];
  if (!plan.changed) {
    out.push(t(lang, `${file}: nothing to repair (every line reads, seq is contiguous, the chain holds)`, `${file}：无需修复（各行可读、序号连续、哈希链完整）`));
  } else {
    for (const d of plan.dropped) out.push(`  ${t(lang, 'drop', '删除')} ${file}:${d.line} ${lang === 'zh' ? d.messageZh : d.message} ${d.ruleId}`);
    for (const d of plan.kept) out.push(`  ${t(lang, 'keep', '保留')} ${file}:${d.place?.start.line ?? 1} ${localize(d, lang)} ${d.ruleId}`);
    const n = plan.events.length - 1;
    out.push(opts.dryRun
      ? t(lang, `${file}: would keep ${n} events, drop ${plan.dropped.length} lines${plan.renumbered ? ', renumber' : ''} (dry run: nothing written)`,
        `${file}：将保留 ${n} 条记录，删除 ${plan.dropped.length} 行${plan.renumbered ? '并重新编号' : ''}（试运行，未写入）`)
      : t(lang, `${file}: repaired; kept ${n} events, dropped ${plan.dropped.length} lines${plan.renumbered ? ', renumbered' : ''}; original kept as ${plan.backup}`,
        `${file}：已修复；保留 ${n} 条记录，删除 ${plan.dropped.length} 行${plan.renumbered ? '，已重新编号' : ''}；原文件备份为 ${plan.backup}`));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * Reports why a live drill could not start: a damaged log (every damaged line, then the repair command; exit 1), or
 * anything else (exit 2).
 */
export async function reportStartFailure(err: unknown, lang: Lang): Promise<number> {
  const { LogDamagedError } = await import('../../src/drill/log.js');
  if (err instanceof LogDamagedError) {
    printCompact([...err.diagnostics], lang);
    say(lang, `yuan: the drill log ${err.file} is damaged; not resuming. Check the lines above, then run: yuan drill repair ${err.file}`,
      `yuan：演练记录 ${err.file} 已损坏，不予恢复。请检查上述各行，然后运行：yuan drill repair ${err.file}`);
    return EXIT.diagnostics;
  }
  say(lang, `yuan: cannot start the drill: ${(err as Error).message}`, `yuan：无法开始演练：${(err as Error).message}`);
  return EXIT.usage;
}
