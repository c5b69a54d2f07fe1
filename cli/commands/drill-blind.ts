/**
 * `yuan drill draw` and `yuan drill verify`: blind drills (双盲演练).
 *
 * `draw --pool <dir> [--seal]` picks a scenario from a folder (deterministic for `--seed`; a random seed when none,
 * never printed when sealing), or with `--generate --plan <plan>` generates one from the plan's statechart. With
 * `--seal` it writes the sealed envelope (`-o`, default `out/drill.sealed.json`) and the salt beside it (`.salt`,
 * mode 0600) and prints only the commitment, to publish before the drill. Without `--seal` it prints the scenario.
 *
 * `verify <scenario|envelope> --salt <hex|file> --commitment <hex> [--log <log>]` checks afterwards that the scenario
 * revealed is the one committed to, that a sealed file was not changed after sealing, and (with `--log`) that the
 * drill's log was written for it: exit 0 yes, 1 a mismatch (evidence of a swap), 2 a usage problem (a missing salt
 * file, a short salt, a malformed commitment). `--extract <file>` writes an envelope's scenario out for publication.
 */
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { t, type Lang } from '../i18n.js';
import { EXIT, printCompact } from '../output.js';

/** Options of `yuan drill draw`. */
export interface DrillDrawOptions {
  pool?: string;
  generate?: boolean;
  plan?: string;
  seed?: string | number;
  seal?: boolean;
  output?: string;
  lang: Lang;
}

/** Options of `yuan drill verify`. */
export interface DrillVerifyOptions {
  salt: string;
  commitment: string;
  extract?: string;
  /** The drill's log: its scenario hash must be the commitment's (or the revealed file's hash). */
  log?: string;
  lang: Lang;
}

const say = (lang: Lang, en: string, zh: string) => process.stderr.write(`${t(lang, en, zh)}\n`);

export async function runDrillDraw(opts: DrillDrawOptions): Promise<number> {
  const { lang } = opts;
  const blind = await import('../../src/drill/blind.js');
  const seed = opts.seed === undefined ? randomInt(0, 2 ** 31) : Number(opts.seed);
  if (!Number.isInteger(seed)) { say(lang, `yuan: bad --seed ${opts.seed}`, `yuan：--seed ${opts.seed} 无效`); return EXIT.usage; }
  let text: string;
  let base: string;
  try {
    if (opts.generate || (opts.plan && !opts.pool)) {
      if (!opts.plan) { say(lang, 'yuan: --generate needs --plan <file>', 'yuan：--generate 需要 --plan <预案文件>'); return EXIT.usage; }
      const { parsePlanFile } = await import('../../src/parse/index.js');
      const p = parsePlanFile(opts.plan);
      if (!p.plan) { printCompact(p.diagnostics, lang); return EXIT.diagnostics; }
      base = dirname(resolve(opts.plan));
      text = blind.generateScenario(p.plan, seed, { planPath: basename(opts.plan) }).text;
    } else {
      if (!opts.pool) { say(lang, 'yuan: give --pool <dir> or --generate --plan <file>', 'yuan：请指定 --pool <目录> 或 --generate --plan <预案>'); return EXIT.usage; }
      const drawn = blind.drawScenario(opts.pool, seed);
      base = dirname(resolve(drawn.file));
      text = drawn.text;
    }
  } catch (err) {
    say(lang, `yuan: ${(err as Error).message}`, `yuan：${(err as Error).message}`);
    return EXIT.usage;
  }
  if (!opts.seal) {
    if (opts.output) writeFileSync(opts.output, text); else process.stdout.write(text);
    return EXIT.ok;
  }
  const file = opts.output ?? 'out/drill.sealed.json';
  const seal = blind.sealScenario(text);
  try {
    const { mkdirp } = await import('../../src/drill/log-fs.js');
    mkdirp(dirname(file));
    writeFileSync(file, `${JSON.stringify(blind.sealEnvelope(seal, base), null, 2)}\n`, { mode: 0o600 });
    writeFileSync(`${file}.salt`, `${seal.salt}\n`, { mode: 0o600 });
    chmodSync(`${file}.salt`, 0o600);
  } catch (err) {
    say(lang, `yuan: cannot write ${file}: ${(err as Error).message}`, `yuan：无法写入 ${file}：${(err as Error).message}`);
    return EXIT.usage;
  }
  process.stdout.write(`${seal.commitment}\n`);
  say(lang, `Sealed scenario: ${file} (salt: ${file}.salt, keep it secret until the drill is over). Publish the commitment above now; run the drill with: yuan drill serve ${file}`,
    `密封脚本：${file}（盐值：${file}.salt，演练结束前保密）。请现在公布上面的承诺值；演练：yuan drill serve ${file}`);
  return EXIT.ok;
}

export async function runDrillVerify(file: string, opts: DrillVerifyOptions): Promise<number> {
  const { lang } = opts;
  const blind = await import('../../src/drill/blind.js');
  const usage = (en: string, zh: string) => { say(lang, `yuan: ${en}`, `yuan：${zh}`); return EXIT.usage; };
  // Usage problems (a missing salt file, a short salt, a malformed commitment) are not evidence of tampering: exit 2.
  const commitment = opts.commitment.trim().toLowerCase();
  if (!blind.HEX64.test(commitment)) return usage(`--commitment must be 64 hex digits, got ${JSON.stringify(opts.commitment.slice(0, 80))}`, `--commitment 应为 64 位十六进制数`);
  let salt = opts.salt.trim();
  if (!blind.HEX64.test(salt)) {
    if (!existsSync(salt)) return usage(`--salt is neither 64 hex digits nor a file: ${JSON.stringify(salt.slice(0, 80))}`, `--salt 既不是 64 位十六进制数，也不是文件：${salt.slice(0, 80)}`);
    try { salt = readFileSync(salt, 'utf8').trim(); } catch (err) { return usage(`cannot read the salt file ${opts.salt}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, `无法读取盐值文件 ${opts.salt}`); }
    if (!blind.HEX64.test(salt)) return usage(`the salt file ${opts.salt} does not hold 64 hex digits`, `盐值文件 ${opts.salt} 中不是 64 位十六进制数`);
  }
  let text: string;
  let envelope: { commitment: string } | undefined;
  let sealHolds = true;
  try {
    text = readFileSync(file, 'utf8');
    if (blind.isEnvelope(text)) {
      const env = blind.openEnvelope(text);
      envelope = env;
      text = env.text;
      try { blind.openEnvelope(readFileSync(file, 'utf8'), salt); } catch { sealHolds = false; }
      if (opts.extract) writeFileSync(opts.extract, text);
    }
  } catch (err) {
    return usage((err as Error).message, (err as Error).message);
  }
  const lines: string[] = [];
  let ok = blind.verifySeal(text, salt, commitment) && sealHolds && (!envelope || envelope.commitment === commitment);
  lines.push(ok
    ? t(lang, `OK: ${file} is the scenario committed to (${commitment})`, `验证通过：${file} 即承诺的演练脚本（${commitment}）`)
    : t(lang, `MISMATCH: ${file} with this salt does not give the commitment ${commitment}${sealHolds ? '' : ' (the sealed file was changed after sealing)'}`,
      `验证失败：${file} 与该盐值得不到承诺值 ${commitment}${sealHolds ? '' : '（密封文件在密封后被改动）'}`));
  if (opts.log) {
    const { readLogFile } = await import('../../src/drill/log.js');
    const { sha256 } = await import('../../src/drill/run-agenda.js');
    const read = readLogFile(opts.log);
    const start = read.events.find((e) => e.type === 'drill.start');
    if (!start || start.type !== 'drill.start') {
      return usage(`${opts.log} has no readable drill.start event`, `${opts.log} 中没有可读的 drill.start 事件`);
    }
    const logged = start.scenarioHash;
    const matches = logged === blind.sealedLogName(commitment).scenarioHash || logged === sha256(readFileSync(file, 'utf8'));
    ok &&= matches;
    lines.push(matches
      ? t(lang, `OK: the log ${opts.log} was written for this scenario (${logged})`, `验证通过：演练记录 ${opts.log} 即此脚本的记录（${logged}）`)
      : t(lang, `MISMATCH: the log ${opts.log} was written for another scenario (${logged})`, `验证失败：演练记录 ${opts.log} 属于另一个脚本（${logged}）`));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok ? EXIT.ok : EXIT.diagnostics;
}
