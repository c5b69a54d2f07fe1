/**
 * Matching a participant's action to a plan step (动作匹配): by step id when the action names one, else by text
 * similarity to the steps' action texts.
 *
 * Text similarity is a weighted Dice coefficient over tokens: Chinese runs become character bigrams (a lone
 * character is kept as a unigram), Latin text becomes lower-cased words with a light plural/-ing/-ed stem, numbers
 * stay whole ("120", "300"). Each token is weighted by how rare it is among the plan's steps (IDF), so "停车" (only in
 * the shutdown step) counts for more than "泄漏" (in half of them); tokens the plan never uses weigh like a
 * token found in three steps, so an action about something else entirely ("到门卫室引导消防车") stays unmatched
 * while a specific one ("对讲机向中控室报警：2#储罐出口法兰泄漏") still finds its step. The score mixes the Dice
 * coefficient with the share of the step's text the action covers, because actions are usually shorter than the
 * step they carry out (the weights and threshold were tuned on the bundled scenarios' and observer log's texts,
 * see match.test.ts). Steps owned by the acting role (or the owner's deputies / members) get a bonus, so between
 * two similar steps the role's own wins, but strong text evidence for another role's step still wins (越位处置 must
 * show up as such). Below the threshold nothing matches: the engine logs `action.unmatched` (never dropped).
 */
import type { Plan, Step } from '../model/index.js';
import { standsIn } from '../model/query.js';
import type { DrillAction } from './types.js';

/** A matched step: how it was matched and how well (1 for an id match; the similarity for a text match). */
export interface ActionMatch {
  step: string;
  match: 'id' | 'text';
  score: number;
}

/** Similarity a text match needs (after the role bonus). */
export const MATCH_THRESHOLD = 0.22;
/** Bonus for a step owned by the acting role, its deputies or members. */
export const ROLE_BONUS = 0.12;

/** Common alternative wordings in response texts, folded before tokenising (拨打120 ≈ 呼叫120). */
const SYNONYMS: readonly [RegExp, string][] = [
  [/拨打|致电|电话呼叫/g, '呼叫'],
  [/关断|关掉/g, '关闭'],
  [/停机/g, '停车'],
  [/警戒线|隔离区/g, '警戒区'],
  [/上报/g, '报告'],
];

const HAN = /[\p{Script=Han}]/u;
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'into', 'every', 'each', 'all', 'any', 'is', 'are', 'be', 'as', 'it', 'its', 'their', 'then', 'that', 'this']);

/** Light English stem: plural, -ing, -ed (good enough to align "rescues"/"rescued"/"rescuing"). */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Tokens of a text: Chinese character bigrams (unigram for a lone character), Latin word stems, numbers. */
export function tokens(text: string): Set<string> {
  let s = text.normalize('NFKC').toLowerCase();
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  const out = new Set<string>();
  let run = '';
  const flushRun = () => {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
    run = '';
  };
  let word = '';
  const flushWord = () => {
    if (word && !STOP.has(word)) out.add(/^\d/.test(word) ? word : stem(word));
    word = '';
  };
  for (const ch of s) {
    if (HAN.test(ch)) { flushWord(); run += ch; continue; }
    flushRun();
    if (/[\p{L}\p{N}]/u.test(ch)) word += ch;
    else flushWord();
  }
  flushRun();
  flushWord();
  return out;
}

interface Indexed { step: Step; tokens: Set<string> }
interface Index { steps: Indexed[]; idf: Map<string, number>; unseen: number }

const INDEX = new WeakMap<Plan, Index>();
/** Tokens the plan never uses weigh as much as a token found in this many steps: informative, not decisive. */
const UNSEEN_DF = 3;

/** Step token sets and IDF weights, per plan (cached). */
function indexOf(plan: Plan): Index {
  let ix = INDEX.get(plan);
  if (ix) return ix;
  const seen = new Set<string>();
  const steps: Indexed[] = [];
  for (const step of plan.steps) {
    if (!step || typeof step.id !== 'string' || seen.has(step.id)) continue;
    seen.add(step.id);
    steps.push({ step, tokens: tokens(`${step.action ?? ''} ${step.id.replace(/[-_]/g, ' ')}`) });
  }
  const df = new Map<string, number>();
  for (const s of steps) for (const t of s.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, steps.length);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  ix = { steps, idf, unseen: Math.log(1 + n / UNSEEN_DF) };
  INDEX.set(plan, ix);
  return ix;
}

/** True when `role` may act for the step's owner: the owner, a listed deputy (by id, name or holder), or a member. */
export function actsFor(plan: Plan, role: string, owner: string | undefined): boolean {
  if (!owner) return false;
  if (owner === role) return true;
  const o = plan.roles.find((r) => r.id === owner);
  return !!o && standsIn(plan, o, role);
}

/** Text similarity of an action text to every step, best first (score before the role bonus). */
export function rankSteps(plan: Plan, text: string, role?: string): { step: string; score: number; adjusted: number }[] {
  const ix = indexOf(plan);
  const a = tokens(text);
  if (!a.size) return [];
  const w = (t: string) => ix.idf.get(t) ?? ix.unseen;
  let wa = 0;
  for (const t of a) wa += w(t);
  const out: { step: string; score: number; adjusted: number; order: number }[] = [];
  ix.steps.forEach(({ step, tokens: s }, order) => {
    let common = 0;
    let ws = 0;
    for (const t of s) { ws += w(t); if (a.has(t)) common += w(t); }
    if (common === 0) return;
    const dice = (2 * common) / (wa + ws);
    const cover = common / ws;
    const score = Math.round((0.5 * dice + 0.5 * cover) * 1000) / 1000;
    const adjusted = score + (role !== undefined && actsFor(plan, role, step.role) ? ROLE_BONUS : 0);
    out.push({ step: step.id, score, adjusted, order });
  });
  return out.sort((x, y) => y.adjusted - x.adjusted || x.order - y.order).map(({ step, score, adjusted }) => ({ step, score, adjusted }));
}

/**
 * The plan step an action carries out: the step it names (when the plan has it), else the most similar step by
 * text (preferring steps the acting role owns) when the similarity reaches `MATCH_THRESHOLD`; undefined otherwise.
 * Level declarations, notifications and other non-step actions are not matched (undefined).
 */
export function matchAction(plan: Plan, action: Pick<DrillAction, 'kind' | 'role' | 'step' | 'text'>): ActionMatch | undefined {
  if (action.kind !== 'step') return undefined;
  if (action.step !== undefined && plan.steps.some((s) => s.id === action.step)) return { step: action.step, match: 'id', score: 1 };
  const text = action.text?.trim();
  if (!text) return undefined;
  // An action that is exactly a step id (as observers sometimes write it).
  if (plan.steps.some((s) => s.id === text)) return { step: text, match: 'id', score: 1 };
  const best = rankSteps(plan, text, action.role)[0];
  return best && best.adjusted >= MATCH_THRESHOLD ? { step: best.step, match: 'text', score: best.score } : undefined;
}
