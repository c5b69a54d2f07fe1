/**
 * Chinese bound words (以上 / 以下 / 超过 / 不足 …): what each one means, the convention that decides
 * whether 以上 / 以下 / 以内 include their number, and the comparisons a `BoundExpr` stands for.
 *
 * 生产安全事故报告和调查处理条例 Art. 3: "本条第一款所称的'以上'包括本数，所称的'以下'不包括本数" — the
 * statutory default here. 刑法 Art. 99: "本法所称以上、以下、以内，包括本数" — a plan may declare that instead.
 */
import type { BoundConvention, BoundExpr, BoundMeaning, CompareExpr, CompareOp, ExprOptions } from './ast.js';

/** The statutory convention: 以上 includes the number, 以下 excludes it, 以内 includes it. */
export const STATUTORY_BOUNDS: Readonly<BoundConvention> = Object.freeze({ 以上: 'inclusive', 以下: 'exclusive', 以内: 'inclusive' });

/** 刑法 Art. 99: 以上, 以下 and 以内 all include the number. */
export const CRIMINAL_LAW_BOUNDS: Readonly<BoundConvention> = Object.freeze({ 以上: 'inclusive', 以下: 'inclusive', 以内: 'inclusive' });

/** What a bound word says: where it stands, which side it bounds, and whether it includes the number. */
export interface BoundWordInfo {
  word: string;
  /** `prefix`: before the number (`超过30人`); `suffix`: after it (`30人以上`). */
  position: 'prefix' | 'suffix';
  /** `lower`: the fact is at least / above the number; `upper`: at most / below. */
  side: 'lower' | 'upper';
  /** Fixed meaning, or the convention key that decides it. */
  meaning: BoundMeaning | keyof BoundConvention;
}

const WORDS: readonly BoundWordInfo[] = [
  // after the number
  { word: '以上', position: 'suffix', side: 'lower', meaning: '以上' },
  { word: '以下', position: 'suffix', side: 'upper', meaning: '以下' },
  { word: '以内', position: 'suffix', side: 'upper', meaning: '以内' },
  { word: '及以上', position: 'suffix', side: 'lower', meaning: 'inclusive' },
  { word: '及以下', position: 'suffix', side: 'upper', meaning: 'inclusive' },
  // before the number
  ...['超过', '多于', '大于', '高于'].map((word): BoundWordInfo => ({ word, position: 'prefix', side: 'lower', meaning: 'exclusive' })),
  ...['不足', '少于', '低于', '不到', '小于', '不满'].map((word): BoundWordInfo => ({ word, position: 'prefix', side: 'upper', meaning: 'exclusive' })),
  ...['不超过', '不多于', '不高于', '不大于'].map((word): BoundWordInfo => ({ word, position: 'prefix', side: 'upper', meaning: 'inclusive' })),
  ...['不少于', '至少', '不低于', '不小于'].map((word): BoundWordInfo => ({ word, position: 'prefix', side: 'lower', meaning: 'inclusive' })),
];

const BY_WORD = new Map(WORDS.map((w) => [w.word, w]));

/** Bound words written after a number, longest first (`及以上` before `以上`). */
export const SUFFIX_BOUND_WORDS: readonly string[] = WORDS.filter((w) => w.position === 'suffix').map((w) => w.word).sort((a, b) => b.length - a.length);
/** Bound words written before a number, longest first (`不超过` before `超过`). */
export const PREFIX_BOUND_WORDS: readonly string[] = WORDS.filter((w) => w.position === 'prefix').map((w) => w.word).sort((a, b) => b.length - a.length);

/** The meaning of a bound word, or undefined when `word` is not one. */
export function boundWordInfo(word: string): BoundWordInfo | undefined {
  return BY_WORD.get(word);
}

/** The bound word among `words` that `text` starts with at `i` (longest first), if any. */
export function boundWordAt(text: string, i: number, words: readonly string[]): string | undefined {
  return words.find((w) => text.startsWith(w, i));
}

/**
 * The full convention from options (missing keys keep the statutory meaning). Keys may be the words or their
 * English names as the plan model has them (`PlanMeta.bounds`: `{ above, below }`), so callers pass
 * `{ bounds: plan.meta.bounds }` as it is.
 */
export function boundConvention(options?: ExprOptions): BoundConvention {
  const b = options?.bounds;
  if (!b || typeof b !== 'object') return STATUTORY_BOUNDS;
  const pick = (v: unknown, d: BoundMeaning): BoundMeaning => (v === 'inclusive' || v === 'exclusive' ? v : d);
  return {
    以上: pick(b.以上 ?? b.above, STATUTORY_BOUNDS.以上),
    以下: pick(b.以下 ?? b.below, STATUTORY_BOUNDS.以下),
    以内: pick(b.以内 ?? b.within, STATUTORY_BOUNDS.以内),
  };
}

/** Whether a bound word includes its number under `convention`. */
export function boundInclusive(info: BoundWordInfo, convention: BoundConvention): boolean {
  const m = info.meaning === 'inclusive' || info.meaning === 'exclusive' ? info.meaning : convention[info.meaning];
  return m === 'inclusive';
}

/** The operator of `fact op number` a bound word stands for (`以上` → `>=`, statutory `以下` → `<`). */
export function boundOp(info: BoundWordInfo, convention: BoundConvention): CompareOp {
  const inclusive = boundInclusive(info, convention);
  return info.side === 'lower' ? (inclusive ? '>=' : '>') : (inclusive ? '<=' : '<');
}

/**
 * The comparisons a bound stands for, fact on the left, operator span on the bound word:
 * `死亡人数 10人以上30人以下` is `死亡人数 >= 10人` and `死亡人数 < 30人` (statutory). Terms with a word that is
 * not a bound word (only possible in a hand-built AST) are left out.
 */
export function boundCompares(node: BoundExpr, convention: BoundConvention): CompareExpr[] {
  const out: CompareExpr[] = [];
  for (const t of node.terms) {
    const info = boundWordInfo(t.word);
    if (!info) continue;
    out.push({
      type: 'compare', op: boundOp(info, convention), left: { ...node.fact }, right: t.value,
      start: Math.min(node.fact.start, t.start), end: Math.max(node.fact.end, t.end), opStart: t.wordStart, opEnd: t.wordEnd,
    });
  }
  return out;
}
