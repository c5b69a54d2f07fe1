/**
 * `yuan drill draw` and `yuan drill verify`: blind drills (双盲演练).
 *
 * `draw --pool <dir> [--seal]` picks a scenario from a folder (deterministic for `--seed`; a random seed when none,
 * never printed when sealing), or with `--generate --plan <plan>` generates one from the plan's statechart. With
 * `--seal` it writes the sealed envelope (`-o`, default `out/drill.sealed.json`) and the salt beside it (`.salt`,
 * mode 0600) and prints only the commitment, to publish before the drill. Without `--seal` it prints the scenario.
 *
 * `verify <scenario|envelope> --salt <hex|file> --commitment <hex>` checks afterwards that the scenario revealed is
 * the one committed to (exit 0 yes, 1 no). `--extract <file>` writes an envelope's scenario out for publication.
 */
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    mkdirSync(dirname(file), { recursive: true });
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
  let text: string;
  let salt = opts.salt.trim();
  try {
    if (!/^[0-9a-f]{64}$/i.test(salt) && existsSync(salt)) salt = readFileSync(salt, 'utf8').trim();
    text = readFileSync(file, 'utf8');
    if (blind.isEnvelope(text)) {
      const env = blind.openEnvelope(text);
      text = env.text;
      if (opts.extract) writeFileSync(opts.extract, text);
    }
  } catch (err) {
    say(lang, `yuan: ${(err as Error).message}`, `yuan：${(err as Error).message}`);
    return EXIT.usage;
  }
  const ok = blind.verifySeal(text, salt, opts.commitment);
  process.stdout.write(`${ok
    ? t(lang, `OK: ${file} is the scenario committed to (${opts.commitment.trim().toLowerCase()})`, `验证通过：${file} 即承诺的演练脚本（${opts.commitment.trim().toLowerCase()}）`)
    : t(lang, `MISMATCH: ${file} with this salt does not give the commitment ${opts.commitment.trim()}`, `验证失败：${file} 与该盐值得不到承诺值 ${opts.commitment.trim()}`)}\n`);
  return ok ? EXIT.ok : EXIT.diagnostics;
}
