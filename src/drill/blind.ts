/**
 * Blind drills (双盲演练): the scenario is drawn from a pool (or generated from the plan's statechart), sealed, and
 * a commitment to it is published before the drill; afterwards anyone can check that the scenario revealed is the one
 * committed to.
 *
 * - Canonical bytes: the scenario text as UTF-8, a BOM dropped, CRLF / CR turned into LF, one final newline.
 * - Commitment: `sha256(canonical ‖ salt)` in hex, where `salt` is 32 random bytes (given as 64 hex digits). The salt
 *   stays secret until the drill is over (with a small pool, a commitment without a salt would give the draw away:
 *   hash every pool file and compare). Shell check:
 *   `(cat scenario.yaml; printf %s "$SALT" | xxd -r -p) | sha256sum`.
 * - The sealed envelope (`*.sealed.json`) the server opens: `{format, commitment, base, scenario, mac}` where
 *   `scenario` is the canonical text in base64 (kept out of plain sight; people do not open it, the server does),
 *   `base` is the folder the scenario's `plan:` path is resolved against, and `mac` is HMAC-SHA256, keyed with the
 *   salt, over every other field (`format`, `commitment`, `base`, `scenario`, one per line): no field of the file can
 *   change without the server noticing before it serves. The salt is written apart (`*.sealed.json.salt`, 0600); the
 *   server reads it to check the seal and keeps it to itself.
 * - A blind drill's log names the scenario only by the commitment (`scenario: sealed-<12 hex>`, `scenarioHash:
 *   commit:<commitment>`), never by its id or an unsalted hash, which would give the draw away to anyone who hashes
 *   the pool; `yuan drill verify --log` ties the log to the revealed scenario afterwards.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { createPlanMachine, factsEvent, incidentEvent, sampleValuations, type FactInput } from '../compile/index.js';
import { levelsBySeverity, rankOf } from '../compile/statechart.js';
import { isTimed, type Fact, type Plan } from '../model/index.js';
import { readTextFile } from './scenario.js';
import { formatOffset } from './scenario-time.js';
import { scenarioToYaml } from './scenario-write.js';
import type { ExpectedAction, FactValue, Inject, Scenario } from './types.js';

/** Format tag of a sealed envelope. */
export const SEAL_FORMAT = 'yuan-sealed-scenario/2';

/** What sealing gives: the commitment to publish, the salt to keep secret, the canonical text sealed. */
export interface Seal {
  /** `sha256(canonical ‖ salt)`, 64 hex digits. */
  commitment: string;
  /** 32 bytes as 64 hex digits. */
  salt: string;
  /** The canonical scenario text the commitment covers. */
  sealed: string;
}

/** A sealed envelope as written to disk. */
export interface SealedEnvelope {
  format: typeof SEAL_FORMAT;
  commitment: string;
  /** Folder the scenario's `plan:` path is resolved against. */
  base: string;
  /** Canonical scenario text, base64. */
  scenario: string;
  /** HMAC-SHA256 (key: the salt) over format, commitment, base and scenario, hex. */
  mac: string;
}

/** The canonical form of a scenario text: no BOM, LF line ends, exactly one final newline. */
export function canonicalScenario(text: string): string {
  const s = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return `${s.replace(/\n+$/, '')}\n`;
}

/** 64 hex digits: a salt or a commitment. */
export const HEX64 = /^[0-9a-f]{64}$/i;

function commit(canonical: string, salt: string): string {
  return createHash('sha256').update(Buffer.from(canonical, 'utf8')).update(Buffer.from(salt, 'hex')).digest('hex');
}

/** Seals a scenario text: its canonical form, a fresh salt (or `salt`, 64 hex digits), the commitment. */
export function sealScenario(text: string, salt?: string): Seal {
  const s = salt ?? randomBytes(32).toString('hex');
  if (!HEX64.test(s)) throw new RangeError('salt must be 32 bytes as 64 hex digits');
  const sealed = canonicalScenario(text);
  return { commitment: commit(sealed, s.toLowerCase()), salt: s.toLowerCase(), sealed };
}

/** True when `commitment` is the commitment to `text` (canonicalised) with `salt`. Constant-time comparison. */
export function verifySeal(text: string, salt: string, commitment: string): boolean {
  if (!HEX64.test(salt) || !HEX64.test(commitment.trim())) return false;
  const a = Buffer.from(commit(canonicalScenario(text), salt.toLowerCase()), 'hex');
  const b = Buffer.from(commitment.trim().toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The MAC of an envelope's fields (everything but `mac`), keyed with the salt. */
function envelopeMac(e: Omit<SealedEnvelope, 'mac'>, salt: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(`${e.format}\n${e.commitment}\n${e.base}\n${e.scenario}`, 'utf8').digest('hex');
}

/** The envelope for a seal (`base`: where the scenario's plan path is resolved from). */
export function sealEnvelope(seal: Seal, base: string): SealedEnvelope {
  const fields = { format: SEAL_FORMAT, commitment: seal.commitment, base, scenario: Buffer.from(seal.sealed, 'utf8').toString('base64') } as const;
  return { ...fields, mac: envelopeMac(fields, seal.salt) };
}

/**
 * Reads an envelope's JSON text; throws a RangeError when it is not one. With the salt, also checks the seal: the
 * MAC over every field, and that the scenario inside gives the commitment (a RangeError names what does not hold).
 */
export function openEnvelope(json: string, salt?: string): { text: string; base: string; commitment: string } {
  let v: unknown;
  try { v = JSON.parse(json); } catch { throw new RangeError('not a sealed scenario (not JSON)'); }
  const e = v as Partial<SealedEnvelope>;
  if (!e || typeof e !== 'object' || e.format !== SEAL_FORMAT || typeof e.scenario !== 'string' || typeof e.base !== 'string'
    || typeof e.commitment !== 'string' || !HEX64.test(e.commitment) || typeof e.mac !== 'string' || !HEX64.test(e.mac)) {
    throw new RangeError(`not a sealed scenario (expected format ${SEAL_FORMAT} with commitment and mac)`);
  }
  const text = Buffer.from(e.scenario, 'base64').toString('utf8');
  if (salt !== undefined) {
    if (!HEX64.test(salt)) throw new RangeError('the salt must be 64 hex digits');
    const want = Buffer.from(envelopeMac({ format: e.format, commitment: e.commitment, base: e.base, scenario: e.scenario }, salt.toLowerCase()), 'hex');
    if (!timingSafeEqual(want, Buffer.from(e.mac, 'hex'))) {
      throw new RangeError('the sealed file was changed after sealing, or the salt is not its salt (the seal does not hold)');
    }
    if (!verifySeal(text, salt, e.commitment)) throw new RangeError('the scenario in the sealed file does not give its commitment');
  }
  return { text, base: e.base, commitment: e.commitment.toLowerCase() };
}

/** How a blind drill's log names its scenario: by the commitment only. */
export function sealedLogName(commitment: string): { scenario: string; scenarioHash: string } {
  return { scenario: `sealed-${commitment.toLowerCase().slice(0, 12)}`, scenarioHash: `commit:${commitment.toLowerCase()}` };
}

/** True when a file's text is a sealed envelope (a JSON object naming `SEAL_FORMAT`). */
export function isEnvelope(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes(SEAL_FORMAT);
}

/** A deterministic PRNG (mulberry32) in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scenario file in a pool. */
export interface PoolEntry { file: string; text: string }

/**
 * Draws one scenario from a pool, deterministically for a seed: the pool is a folder (its `*.yaml` / `*.yml` files,
 * not recursive, in code-unit order of their names) or a list of entries (used in that order).
 * Throws a RangeError for an empty pool or an unreadable file.
 */
export function drawScenario(pool: string | readonly PoolEntry[], seed: number): PoolEntry & { index: number } {
  let entries: PoolEntry[];
  if (typeof pool === 'string') {
    const names = readdirSync(pool).filter((n) => /\.ya?ml$/i.test(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const files = names.map((n) => join(pool, n)).filter((f) => statSync(f).isFile());
    entries = files.map((file) => {
      const r = readTextFile(file);
      if ('diagnostic' in r) throw new RangeError(`cannot read ${file}: ${r.diagnostic.message}`);
      return { file, text: r.text };
    });
  } else entries = [...pool];
  if (!entries.length) throw new RangeError('the scenario pool is empty');
  const index = Math.floor(prng(seed)() * entries.length) % entries.length;
  return { ...entries[index], index };
}

// ---------------------------------------------------------------------------------------------------- generation

/** Options of `generateScenario`. */
export interface GenerateOptions {
  /** The scenario's `plan:` path (default: the plan's file). */
  planPath?: string;
  /** Scenario id (default `generated-<seed>`). */
  id?: string;
  /** Most level changes in the walk (default 3). */
  maxSteps?: number;
}

type Snap = AnyMachineSnapshot;

const levelOf = (s: Snap): string | null => (s.context as { level: string | null }).level;
const topOf = (s: Snap): string => (typeof s.value === 'string' ? s.value : Object.keys(s.value as object)[0] ?? '');

/**
 * Generates a scenario from the plan's compiled statechart: a random walk (deterministic for `seed`) from standby
 * through increasingly severe response levels, each step an inject whose facts (sample valuations of the plan's
 * fact space, one per cell of the partition its triggers make — `sampleValuations`) take the machine there; then,
 * when the plan's termination condition can be met from where the walk ends, a last inject that meets it.
 * Fact updates are made plausible: cumulative numbers (amounts, casualties) do not go down while that keeps the
 * machine on the same path, and an inject lists only the facts that changed. Injects go to the role that decides the
 * level reached (everyone when none is named) and expect that role to declare the level within its activation time.
 */
export function generateScenario(plan: Plan, seed: number, opts: GenerateOptions = {}): { scenario: Scenario; text: string } {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length) % xs.length];
  const bare: Plan = { ...plan, steps: [] };
  const machine = createPlanMachine(bare);
  const levels = levelsBySeverity(plan);
  const rank = new Map(levels.map((l) => [l.id, rankOf(l)] as const));
  const samples = sampleValuations(plan).samples;
  const numeric = new Set(plan.facts.filter((f) => f.type === 'number' || f.type === 'integer').map((f) => f.id));

  /** Sends values as the engine does: INCIDENT from standby, FACTS after (the machine settles the level). */
  const apply = (snap: Snap, values: Record<string, FactValue>): Snap =>
    transition(machine, snap, topOf(snap) === 'standby' ? incidentEvent(values as FactInput) : factsEvent(values as FactInput))[0];
  const same = (a: Snap, b: Snap) => topOf(a) === topOf(b) && levelOf(a) === levelOf(b);
  const integer = new Set(plan.facts.filter((f) => f.type === 'integer').map((f) => f.id));
  /**
   * Facts keep their previous value unless the change is needed (so numbers do not go down and booleans do not flip
   * for nothing), and numbers are nudged up from the cell's corner
   * (a sample sits on a boundary: 0 kg, exactly 100 kg), whenever the machine still ends up in the same place.
   */
  const plausible = (snap: Snap, prev: Record<string, FactValue>, values: Record<string, FactValue>, target: Snap): Record<string, FactValue> => {
    const out = { ...values };
    // A fact the new level does not need changed keeps its value (the update says only what moved the level).
    for (const id of Object.keys(out)) {
      const p = prev[id];
      if (p === undefined || p === out[id]) continue;
      if (same(apply(snap, { ...out, [id]: p }), target)) out[id] = p;
    }
    for (const id of numeric) {
      const v = out[id];
      if (typeof v !== 'number' || v === prev[id]) continue;
      for (let k = 0; k < 3; k++) {
        const bump = integer.has(id) ? 1 + Math.floor(rand() * 2) : Math.max(1, Math.round(v * rand() * 0.4 + rand() * 20));
        if (same(apply(snap, { ...out, [id]: v + bump }), target)) { out[id] = v + bump; break; }
      }
    }
    return out;
  };
  /** How implausible a jump is: facts changed, numbers going down (cumulative counts rarely do). */
  const cost = (values: Record<string, FactValue>): number => Object.entries(values).reduce((c, [k, v]) => {
    const p = facts[k];
    if (p === undefined || p === v) return c;
    return c + 1 + (typeof p === 'number' && typeof v === 'number' && v < p ? 3 : 0);
  }, 0);

  let [snap] = initialTransition(machine);
  let facts: Record<string, FactValue> = {};
  const injects: Inject[] = [];
  let at = 0;
  const maxSteps = Math.max(1, opts.maxSteps ?? 3);
  const decided = (id: string | null) => plan.levels.find((l) => l.id === id);

  const addInject = (values: Record<string, FactValue>, next: Snap, note: string) => {
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => facts[k] !== v));
    const level = decided(levelOf(next));
    const role = level?.decidedBy && plan.roles.some((r) => r.id === level.decidedBy) ? level.decidedBy : undefined;
    const expected: ExpectedAction[] = [];
    if (level && topOf(next) === 'response' && role) {
      expected.push({ role, step: `level:${level.id}`, ...(isTimed(level.activation) ? { within: level.activation.seconds, withinText: formatOffset(level.activation.seconds) } : {}) });
    }
    const id = `g${injects.length + 1}`;
    injects.push({
      id, at, atText: formatOffset(at), from: '导调组（随机生成 · generated）', to: role ? [role] : [],
      message: `${note}：${describeFacts(plan.facts, changed)}`, facts: changed, expected,
    });
    facts = { ...facts, ...values };
    snap = next;
    at += 180 + Math.floor(rand() * 15) * 30; // 3 to 10 minutes later, on half minutes
  };

  // Escalation: first report, then ever more severe levels.
  for (let step = 0; step < maxSteps; step++) {
    const cur = levelOf(snap);
    const curRank = cur === null ? Infinity : rank.get(cur) ?? Infinity;
    const options: { values: Record<string, FactValue>; next: Snap; rank: number }[] = [];
    for (const v of samples) {
      const next = apply(snap, v);
      const l = levelOf(next);
      if (topOf(next) !== 'response' || l === null || !rank.has(l)) continue;
      const r = rank.get(l)!;
      if (r < curRank) options.push({ values: v, next, rank: r });
    }
    if (!options.length) break;
    const nearest = Math.max(...options.map((o) => o.rank));
    // The first report starts at the least severe level it can; later, mostly one level up, sometimes a jump.
    const byLevel = step === 0 || rand() < 0.75 ? options.filter((o) => o.rank === nearest) : options;
    // Among those, the smallest change to the story so far (ties broken by the seed).
    const least = Math.min(...byLevel.map((o) => cost(o.values)));
    const chosen = pick(byLevel.filter((o) => cost(o.values) <= least + 1));
    const values = plausible(snap, facts, chosen.values, chosen.next);
    const next = apply(snap, values);
    addInject(values, next, step === 0 ? '事故初报 · first report' : '情况升级 · escalation');
  }
  // Termination, when the plan's condition can be met from here.
  const ends = samples.map((v) => ({ v, next: apply(snap, v) })).filter((o) => topOf(o.next) === 'terminated' || topOf(o.next) === 'recovery');
  if (ends.length && injects.length) {
    const least = Math.min(...ends.map((o) => cost(o.v)));
    const chosen = pick(ends.filter((o) => cost(o.v) <= least + 1));
    addInject(plausible(snap, facts, chosen.v, chosen.next), chosen.next, '险情得到控制 · under control');
  }

  const scenario: Scenario = {
    file: '<generated>', id: opts.id ?? `generated-${seed}`,
    title: `${plan.meta.title} · 随机生成情景（种子 ${seed}）`,
    plan: opts.planPath ?? plan.file, type: 'tabletop', scope: 'single', objectives: [], injects, actions: [], seed,
  };
  const text = scenarioToYaml(scenario, {
    comment: `由 yuan drill draw 依据预案状态图随机生成（种子 ${seed}）\nGenerated by yuan drill draw from the plan's statechart (seed ${seed})`,
  });
  return { scenario, text };
}

/** "泄漏量 150 kg，发生火灾或爆炸：是" — facts in the plan's words. */
function describeFacts(defs: readonly Fact[], values: Record<string, FactValue>): string {
  const parts = Object.entries(values).map(([id, v]) => {
    const f = defs.find((d) => d.id === id);
    const name = f?.label ?? id;
    if (typeof v === 'boolean') return `${name}：${v ? '是' : '否'}`;
    return `${name} ${String(v)}${f?.unit ? ` ${f.unit}` : ''}`;
  });
  return parts.length ? parts.join('，') : '情况无变化 · no change';
}
