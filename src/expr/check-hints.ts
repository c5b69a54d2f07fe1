/**
 * Checker messages that say how to write what was meant: an unknown fact before a bound (`死亡30人以上`), an
 * empty band (`10人以上10人以下`), an ambiguous 万 (`100万` against a fact in 万人), two facts that cannot be
 * compared exactly.
 */
import type { BoundConvention, BoundExpr, ExprError, NumberExpr, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { boundWordInfo, boundCompares, SUFFIX_BOUND_WORDS } from './bounds.js';
import { closest } from './closest.js';
import { interval, norm } from './box.js';
import { printBoundTerms } from './print.js';
import { isBooleanFact, numberInUnit, type Atom } from './resolve.js';
import { convertUnit, roundConverted, unitScale } from './units.js';

type Span = { start: number; end: number };

function error(span: Span, code: string, message: string, messageZh: string): ExprError {
  return { message, messageZh, start: span.start, end: span.end, code };
}

const isNumeric = (f: Fact): boolean => f.type === 'number' || f.type === 'integer';

/** The error for a bound whose fact is unknown, with the way to write it (`死亡人数 30人以上`). */
export function unknownBoundFact(e: BoundExpr, facts: readonly Fact[], names: readonly string[]): ExprError {
  const name = e.fact.name;
  const bound = printBoundTerms(e);
  const glued = !e.boundFirst && e.fact.end === e.terms[0].start;
  const whole = `${name}${bound}`;
  if (glued && names.includes(whole)) {
    return error(e.fact, 'expr/unknown-fact',
      `Unexpected \`${whole}\` read as the fact \`${name}\` with the bound \`${bound}\`, expected a fact name that does not end in a number and a bound word (rename the fact \`${whole}\`)`,
      `意外的 \`${whole}\`：被读作事实 \`${name}\` 加“${bound}”，事实名不能以“数值+以上/以下”结尾（请重命名事实 \`${whole}\`）`);
  }
  const numericNames = facts.filter(isNumeric).flatMap((f) => (f.label !== undefined ? [f.id, f.label] : [f.id]));
  // `rain_24h100mm以上`: a declared name is a longer prefix of what was written; the space is missing.
  const prefix = glued ? numericNames.filter((n) => n.length > name.length && whole.startsWith(n) && n !== whole).sort((a, b) => b.length - a.length)[0] : undefined;
  let write: string;
  if (prefix !== undefined) {
    write = `${prefix} ${whole.slice(prefix.length)}`;
  } else {
    const containing = numericNames.filter((n) => n.includes(name));
    const fact = containing[0] ?? closest(name, numericNames) ?? numericNames[0] ?? '死亡人数';
    write = e.boundFirst ? `${bound} ${fact}` : `${fact} ${bound}`;
  }
  const where = e.boundFirst ? 'after' : 'before';
  const whereZh = e.boundFirst ? '之后' : '之前';
  return error(e.fact, 'expr/unknown-fact',
    `Unexpected unknown fact \`${name}\` ${where} \`${bound}\`, expected a declared fact: write \`${write}\` (a fact's id or label with the bound), or declare \`${name}\``,
    `意外的未知事实 \`${name}\`：“${bound}”${whereZh}应为已声明的事实，应写为 \`${write}\`（事实的标识或名称加“${bound}”），或声明事实 \`${name}\``);
}

/** A hint for an unknown name that looks like a bound without digits (`三十人以上`, `死亡人数以上`). */
export function unknownFactHint(name: string, facts: readonly Fact[]): { en: string; zh: string } | undefined {
  const word = SUFFIX_BOUND_WORDS.find((w) => name.endsWith(w) && name.length > w.length);
  if (!word) return undefined;
  const f = facts.find(isNumeric);
  const ex = `${f?.label ?? f?.id ?? '死亡人数'} 30人${word}`;
  return {
    en: `a bound is a fact, then a number in digits, then \`${word}\`: \`${ex}\``,
    zh: `“${word}”应写在事实名与阿拉伯数字之后，如 \`${ex}\``,
  };
}

/** An error when a two-sided bound leaves no value (`10人以上10人以下` under the statutory convention). */
export function emptyBoundError(e: BoundExpr, fact: Fact, convention: BoundConvention): ExprError | undefined {
  let lo = -Infinity; let hi = Infinity; let loOpen = true; let hiOpen = true;
  for (const c of boundCompares(e, convention)) {
    const n = c.right as NumberExpr;
    const v = numberInUnit(n.value, n.unit, fact.unit);
    if (v === undefined) return undefined;
    if (c.op === '>=' || c.op === '>') { lo = v; loOpen = c.op === '>'; } else { hi = v; hiOpen = c.op === '<'; }
  }
  if (norm(interval(Math.max(lo, fact.min ?? -Infinity), hi, loOpen, hiOpen, fact.type === 'integer'))) return undefined;
  const text = printBoundTerms(e);
  const lower = `${loOpen ? '>' : '≥'} ${lo}`;
  const upper = `${hiOpen ? '<' : '≤'} ${hi}`;
  const upperWord = e.terms.map((t) => t.word).find((w) => boundWordInfo(w)?.side === 'upper') ?? '';
  return error(e, 'expr/bound',
    `Unexpected empty band \`${text}\`: no value of \`${e.fact.name}\` is ${lower} and ${upper}, expected a lower bound below the upper one${upperWord === '以下' ? ' (以下 excludes its number by statute)' : ''}`,
    `意外的空区间 \`${text}\`：\`${e.fact.name}\` 不可能同时 ${lower} 且 ${upper}，下限应小于上限${upperWord === '以下' ? '（依法“以下”不含本数）' : ''}`);
}

/**
 * An error for a number scaled by 万/亿 without a unit against a fact whose own unit is scaled: `100万` against
 * 转移人数 in 万人 could be 100 万人 or 100万 万人.
 */
export function scaleAmbiguityError(node: ValueExpr, fact: Fact, name: string): ExprError | undefined {
  const s = unitScale(fact.unit);
  if (s === 1 || node.type !== 'number') return undefined;
  const text = node.text ?? String(node.value);
  const inFactUnit = roundConverted(node.value / s);
  return error(node, 'expr/unit',
    `Unexpected \`${text}\` for \`${name}\` in \`${fact.unit}\`: ${text} ${fact.unit} or ${text} in all? Expected a unit (\`${text}${fact.unit!.slice(1)}\`) or a number in \`${fact.unit}\` (\`${inFactUnit}\`)`,
    `意外的 \`${text}\`：\`${name}\` 的单位是 \`${fact.unit}\`，无法确定是 ${text}${fact.unit} 还是共 ${text}，应写明单位（\`${text}${fact.unit!.slice(1)}\`）或按 \`${fact.unit}\` 计（\`${inFactUnit}\`）`);
}

/**
 * Why two facts cannot be compared exactly (constraints only): numbers in units that convert 1:1 (or both
 * without a unit), booleans with `==`/`!=`, enums with `==`/`!=`.
 */
export function factPairError(a: Extract<Atom, { kind: 'facts' }>, opSpan: Span, where: Span): ExprError | undefined {
  const { left: l, right: r, op } = a;
  const pair = `\`${a.leftNode.name}\` and \`${a.rightNode.name}\``;
  const pairZh = `\`${a.leftNode.name}\` 与 \`${a.rightNode.name}\``;
  if (isNumeric(l) && isNumeric(r)) {
    if (l.unit === r.unit) return undefined;
    if (l.unit !== undefined && r.unit !== undefined && convertUnit(1, r.unit, l.unit) === 1) return undefined;
    return error(where, 'expr/unit',
      `Unexpected comparison of ${pair} in different units (\`${l.unit ?? '—'}\`, \`${r.unit ?? '—'}\`), expected both facts declared in the same unit`,
      `意外的比较：${pairZh} 的单位不同（\`${l.unit ?? '无'}\`、\`${r.unit ?? '无'}\`），两事实应声明相同单位`);
  }
  const sameKind = (isBooleanFact(l) && isBooleanFact(r)) || (l.type === 'enum' && r.type === 'enum');
  if (!sameKind) {
    return error(where, 'expr/type', `Unexpected comparison of ${pair} (${l.type}, ${r.type}), expected two facts of the same type`,
      `意外的比较：${pairZh} 类型不同（${l.type}、${r.type}），应为同类型事实`);
  }
  if (op !== '==' && op !== '!=') {
    return error(opSpan, 'expr/type', `Unexpected \`${op}\` between ${pair}, expected \`==\` or \`!=\``,
      `意外的 \`${op}\`：${pairZh} 只能用 \`==\` 或 \`!=\` 比较`);
  }
  return undefined;
}
