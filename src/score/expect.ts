/**
 * A scenario's `expect:` block checked against its scored drill (CI assertions for `yuan drill test`).
 *
 * Gap kinds in `gaps` / `noGaps` are the scorer's vocabulary (`observedKinds` in src/score: the coordination gap
 * kinds plus late, missed, level-late, level-missed, objective-missed, not-contained, premature-termination,
 * not-terminated) and a few aliases scenario authors write: duplicate, wrong-level (over- or under-response),
 * unmatched, not-engaged, handoff. An unknown kind fails its assertion (a typo must not make `noGaps` pass
 * silently; the scenario schema also rejects it).
 */
import { placeOf, type Place } from '../model/place.js';
import type { Expectation } from '../drill/types.js';
import { GAP_KINDS, OUTCOME_KINDS, observedKinds, type Score } from './index.js';

/** One checked expectation. */
export interface AssertionResult {
  /** `level`, `score`, `terminated`, `noGaps:<kind>`, `gaps:<kind>`. */
  name: string;
  ok: boolean;
  expected: string;
  actual: string;
  message: string;
  messageZh: string;
  place?: Place;
}

const ALIASES: Record<string, string[]> = {
  duplicate: ['duplicated'],
  'wrong-level': ['over-response', 'under-response'],
  unmatched: ['unmatched-action'],
  'not-engaged': ['role-not-engaged'],
  handoff: ['handoff-delay'],
};

/** Every gap kind an expectation may name: the scorer's vocabulary (`observedKinds`) plus the aliases. */
export const EXPECT_GAP_KINDS: readonly string[] = [...GAP_KINDS, ...OUTCOME_KINDS, ...Object.keys(ALIASES)];
const KNOWN = new Set<string>([...GAP_KINDS, ...OUTCOME_KINDS]);

/** Short evidence lines for a kind the score shows (for messages; presence is `observedKinds`' call). */
function evidence(s: Score, kind: string): string[] {
  const gaps = s.gaps.filter((g) => g.kind === kind).map((g) => `${g.id} ${g.kind}${g.step ? ` ${g.step}` : ''}${g.role ? ` ${g.role}` : ''}`);
  if (gaps.length) return gaps;
  switch (kind) {
    case 'late': return s.steps.filter((x) => x.rating && x.status === 'late').map((x) => `${x.step} late by ${x.lateBy ?? '?'} s`);
    case 'missed': return s.steps.filter((x) => x.rating && x.status === 'missed').map((x) => `${x.step} missed`);
    case 'level-late': return s.level.activations.filter((a) => a.status === 'late').map((a) => `level ${a.level} declared ${a.lateBy ?? '?'} s late`);
    case 'level-missed': return s.level.activations.filter((a) => a.status === 'missed').map((a) => `level ${a.level} never declared`);
    case 'objective-missed': return s.objectives.filter((o) => !o.met).map((o) => `objective ${o.id} not met`);
    default: return [];
  }
}

/** The evidence for a gap kind in a score (empty = none), or undefined for a kind the scorer does not know. */
export function findGapKind(score: Score, kind: string): string[] | undefined {
  const kinds = ALIASES[kind] ?? (KNOWN.has(kind) ? [kind] : undefined);
  if (!kinds) return undefined;
  const present = new Set<string>(observedKinds(score));
  return kinds.filter((k) => present.has(k)).flatMap((k) => { const e = evidence(score, k); return e.length ? e : [k]; });
}

const COMPARISON = /^\s*(>=|<=|==|!=|=|>|<|≥|≤)?\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Evaluates `score: ">= 80"` style comparisons; undefined when the text is not one. */
export function compareScore(text: string, value: number): boolean | undefined {
  const m = COMPARISON.exec(text);
  if (!m) return undefined;
  const n = Number(m[2]);
  switch (m[1] ?? '==') {
    case '>=': case '≥': return value >= n;
    case '<=': case '≤': return value <= n;
    case '>': return value > n;
    case '<': return value < n;
    case '!=': return value !== n;
    default: return value === n;
  }
}

const list = (xs: string[], max = 3): string => (xs.length > max ? `${xs.slice(0, max).join('; ')}; … (${xs.length} in all)` : xs.join('; '));

/** Checks every expectation; an empty list when the scenario has no `expect:` block. */
export function checkExpectations(expect: Expectation | undefined, score: Score): AssertionResult[] {
  if (!expect) return [];
  const out: AssertionResult[] = [];
  const add = (r: Omit<AssertionResult, 'place'>, field: string) => out.push({ ...r, ...(placeOf(expect, field) ? { place: placeOf(expect, field) } : {}) });

  if (expect.level !== undefined) {
    const got = score.level.declared;
    const ok = got === expect.level;
    add({ name: 'level', ok, expected: expect.level, actual: got ?? 'none',
      message: ok ? `highest declared level is ${expect.level}` : `expected highest declared level ${expect.level}, got ${got ?? 'none (no level declared)'}`,
      messageZh: ok ? `最高启动级别为 ${expect.level}` : `最高启动级别应为 ${expect.level}，实际为 ${got ?? '无（未启动任何级别）'}` }, 'level');
  }
  if (expect.score !== undefined) {
    const ok = compareScore(expect.score, score.overall);
    add({ name: 'score', ok: ok === true, expected: expect.score, actual: String(score.overall),
      message: ok === undefined ? `unreadable score expectation "${expect.score}", expected a comparison such as ">= 80"`
        : ok ? `overall score ${score.overall} ${expect.score}` : `expected overall score ${expect.score}, got ${score.overall}`,
      messageZh: ok === undefined ? `无法识别的分数要求 "${expect.score}"，应为 ">= 80" 这样的比较`
        : ok ? `总分 ${score.overall} 满足 ${expect.score}` : `总分应 ${expect.score}，实际为 ${score.overall}` }, 'score');
  }
  const known = EXPECT_GAP_KINDS.join(', ');
  (expect.noGaps ?? []).forEach((kind, i) => {
    const found = findGapKind(score, kind);
    const ok = found !== undefined && found.length === 0;
    add({ name: `noGaps:${kind}`, ok, expected: `no ${kind}`, actual: found === undefined ? 'unknown kind' : String(found.length),
      message: found === undefined ? `unknown gap kind "${kind}", expected one of: ${known}`
        : ok ? `no ${kind} gaps` : `expected no ${kind} gaps, found ${found.length}: ${list(found)}`,
      messageZh: found === undefined ? `未知的问题类型 "${kind}"，应为：${known}`
        : ok ? `无 ${kind} 类问题` : `不应出现 ${kind} 类问题，实际出现 ${found.length} 处：${list(found)}` }, `noGaps[${i}]`);
  });
  (expect.gaps ?? []).forEach((kind, i) => {
    const found = findGapKind(score, kind);
    const ok = found !== undefined && found.length > 0;
    add({ name: `gaps:${kind}`, ok, expected: kind, actual: found === undefined ? 'unknown kind' : String(found.length),
      message: found === undefined ? `unknown gap kind "${kind}", expected one of: ${known}`
        : ok ? `${kind} found: ${list(found)}` : `expected at least one ${kind} gap, found none`,
      messageZh: found === undefined ? `未知的问题类型 "${kind}"，应为：${known}`
        : ok ? `发现 ${kind} 类问题：${list(found)}` : `应出现 ${kind} 类问题，实际未出现` }, `gaps[${i}]`);
  });
  if (expect.terminated !== undefined) {
    const got = score.outcome.terminatedAt !== undefined;
    const ok = got === expect.terminated;
    add({ name: 'terminated', ok, expected: String(expect.terminated), actual: String(got),
      message: ok ? (got ? `terminated at ${score.outcome.terminatedAt} s` : 'not terminated')
        : expect.terminated ? 'expected the response to be terminated (a terminate event), it was not' : `expected no termination, terminated at ${score.outcome.terminatedAt} s`,
      messageZh: ok ? (got ? `已于第 ${score.outcome.terminatedAt} 秒宣布响应终止` : '未宣布响应终止')
        : expect.terminated ? '应宣布响应终止，实际未宣布' : `不应宣布响应终止，实际于第 ${score.outcome.terminatedAt} 秒宣布` }, 'terminated');
  }
  return out;
}
