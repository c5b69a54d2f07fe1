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

/** The full convention from options (missing keys keep the statutory meaning). */
export function boundConvention(options?: ExprOptions): BoundConvention {
  const b = options?.bounds;
  if (!b) return STATUTORY_BOUNDS;
  return { 以上: b.以上 ?? STATUTORY_BOUNDS.以上, 以下: b.以下 ?? STATUTORY_BOUNDS.以下, 以内: b.以内 ?? STATUTORY_BOUNDS.以内 };
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

const MEANING_WORDS: ReadonlyMap<string, BoundMeaning> = new Map([
  ['inclusive', 'inclusive'], ['exclusive', 'exclusive'], ['包括本数', 'inclusive'], ['不包括本数', 'exclusive'],
  ['包括', 'inclusive'], ['不包括', 'exclusive'], ['含', 'inclusive'], ['不含', 'exclusive'],
  ['含本数', 'inclusive'], ['不含本数', 'exclusive'], ['true', 'inclusive'], ['false', 'exclusive'],
]);
const KEY_WORDS: ReadonlyMap<string, keyof BoundConvention> = new Map([
  ['以上', '以上'], ['以下', '以下'], ['以内', '以内'], ['above', '以上'], ['below', '以下'], ['within', '以内'],
]);

/** A declared convention that could not be read: what was wrong, in both languages. */
export interface BoundConventionError {
  message: string;
  messageZh: string;
  /** The offending key, when one is to blame. */
  key?: string;
}

/**
 * Reads a plan's declared convention, e.g. front matter `bounds: { 以上: inclusive, 以下: inclusive }` (刑法 Art. 99)
 * or `{ 以下: 包括本数 }`. Keys 以上/以下/以内 (or above/below/within), values inclusive/exclusive, 包括/不包括,
 * 含/不含 (…本数), true/false. Missing keys keep the statutory meaning.
 */
export function boundConventionFrom(value: unknown): { convention?: BoundConvention; errors: BoundConventionError[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      errors: [{
        message: 'Unexpected bound convention, expected a map such as `{ 以上: inclusive, 以下: exclusive }`',
        messageZh: '意外的以上/以下约定，应为映射，如 `{ 以上: 包括本数, 以下: 不包括本数 }`',
      }],
    };
  }
  const out: Partial<BoundConvention> = {};
  const errors: BoundConventionError[] = [];
  for (const [k, v] of Object.entries(value)) {
    const key = KEY_WORDS.get(k.trim().toLowerCase());
    if (!key) {
      errors.push({ key: k, message: `Unexpected key \`${k}\`, expected \`以上\`, \`以下\` or \`以内\``, messageZh: `意外的键 \`${k}\`，应为 \`以上\`、\`以下\` 或 \`以内\`` });
      continue;
    }
    const meaning = MEANING_WORDS.get(String(v).trim().toLowerCase());
    if (!meaning) {
      errors.push({
        key: k,
        message: `Unexpected value \`${String(v)}\` for \`${k}\`, expected \`inclusive\` or \`exclusive\``,
        messageZh: `意外的取值 \`${String(v)}\`：\`${k}\` 应为 \`包括本数\` 或 \`不包括本数\`（inclusive / exclusive）`,
      });
      continue;
    }
    out[key] = meaning;
  }
  return { convention: boundConvention({ bounds: out }), errors };
}
