/**
 * Static checks of a parsed trigger against the plan's declared facts: unknown
 * names, type mismatches, enum values, units. Every error carries the exact span
 * of the offending token (the name, the operator, the literal or its unit).
 */
import type { BoundConvention, BoundExpr, CompareExpr, CompareOp, Expr, ExprError, ExprOptions, IdentExpr, InExpr, ValueExpr } from './ast.js';
import type { Fact } from '../model/plan.js';
import { boundCompares, boundConvention } from './bounds.js';
import { emptyBoundError, factPairError, scaleAmbiguityError, unknownBoundFact, unknownFactHint } from './check-hints.js';
import { closest } from './closest.js';
import { factLookup, isBooleanFact, isOrdering, isScaledNumeral, resolveCompare, type Atom, type FactLookup, type Operand } from './resolve.js';
import { caseVariants, convertUnit, dimensionName, isPlainUnit, lookupUnit, unitsOf } from './units.js';

/**
 * Errors of `ast` against `facts` (facts may be referenced by `id` or `label`); empty when the trigger is sound.
 * `options.bounds` is the 以上/以下 convention (default statutory); `options.allowFactComparisons` admits
 * `rain_3h <= rain_6h` (fact constraints only), refused with a located error otherwise.
 */
export function checkExpr(ast: Expr, facts: readonly Fact[], options?: ExprOptions): ExprError[] {
  const c = new Checker(facts, options ?? {});
  c.condition(ast);
  return c.result();
}

/** Names of each fact type, for messages. */
export const TYPE_NAMES: Record<Fact['type'], [string, string]> = {
  number: ['number', '数值'],
  integer: ['integer', '整数'],
  boolean: ['boolean', '布尔'],
  enum: ['enum', '枚举'],
  judgement: ['judgement', '研判'],
};

class Checker {
  private readonly errors: ExprError[] = [];
  private readonly lookup: FactLookup;
  private readonly names: string[];
  private readonly convention: BoundConvention;

  constructor(private readonly facts: readonly Fact[], private readonly options: ExprOptions) {
    this.lookup = factLookup(facts);
    this.names = [...new Set(facts.flatMap((f) => (f.label !== undefined ? [f.id, f.label] : [f.id])))];
    this.convention = boundConvention(options);
  }

  result(): ExprError[] {
    // The same token can be reached twice (an unknown name on the left of `in` meets every item); report it once.
    const seen = new Set<string>();
    return this.errors.filter((e) => {
      const k = `${e.start}:${e.end}:${e.code}:${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  /** A node in condition position (top level, operand of and/or/not). */
  condition(e: Expr): void {
    switch (e.type) {
      case 'implies':
        this.condition(e.left);
        this.condition(e.right);
        return;
      case 'bound':
        this.bound(e);
        return;
      case 'or':
      case 'and':
        for (const o of e.operands) this.condition(o);
        return;
      case 'not':
        this.condition(e.operand);
        return;
      case 'compare':
        this.compare(e);
        return;
      case 'in':
        this.inList(e);
        return;
      case 'boolean':
        return;
      case 'ident': {
        const f = this.lookup(e.name);
        if (!f) return this.unknownFact(e);
        if (!isBooleanFact(f)) {
          const [t, tz] = TYPE_NAMES[f.type];
          const example = f.type === 'enum' ? `${e.name} == ${f.values?.[0] ?? '…'}` : `${e.name} > 0`;
          this.add(e, 'expr/type',
            `Unexpected ${t} fact \`${e.name}\` as a condition, expected a comparison such as \`${example}\``,
            `意外的${tz}事实 \`${e.name}\` 单独作为条件，应为比较，如 \`${example}\``);
        }
        return;
      }
      default:
        this.add(e, 'expr/type',
          `Unexpected ${describe(e)} as a condition, expected a comparison or a boolean fact`,
          `意外的${describeZh(e)} 作为条件，应为比较或布尔事实`);
    }
  }

  private compare(e: CompareExpr): void {
    this.atom(resolveCompare(e.left, e.op, e.right, this.lookup), e, { start: e.opStart, end: e.opEnd });
  }

  /** `死亡人数 10人以上30人以下`: a numeric fact, units that fit, and a band that holds some value. */
  private bound(e: BoundExpr): void {
    const f = this.lookup(e.fact.name);
    if (!f) {
      const err = unknownBoundFact(e, this.facts, this.names);
      this.errors.push(err);
      return;
    }
    if (f.type !== 'number' && f.type !== 'integer') {
      const [t, tz] = TYPE_NAMES[f.type];
      const w = e.terms[0];
      this.add({ start: w.wordStart, end: w.wordEnd }, 'expr/type',
        `Unexpected \`${w.word}\` on ${t} fact \`${e.fact.name}\`, expected a number or integer fact`,
        `意外的 \`${w.word}\`：${tz}事实 \`${e.fact.name}\` 不能用“以上/以下”，应为数值或整数事实`);
      return;
    }
    const before = this.errors.length;
    for (const c of boundCompares(e, this.convention)) this.compare(c);
    if (this.errors.length === before && e.terms.length === 2) {
      const empty = emptyBoundError(e, f, this.convention);
      if (empty) this.errors.push(empty);
    }
  }

  private inList(e: InExpr): void {
    if (e.left.type === 'ident' && !this.lookup(e.left.name)) {
      // Nothing is known about the items of an unknown fact; one error is enough.
      const itemFacts = e.values.filter((v) => v.type === 'ident' && this.lookup(v.name));
      if (itemFacts.length === 0) return this.unknownFact(e.left);
    }
    for (const v of e.values) this.atom(resolveCompare(e.left, '==', v, this.lookup), v, { start: e.opStart, end: e.opEnd });
  }

  /** Checks one comparison; `where` is the span for errors about the comparison as a whole. */
  private atom(a: Atom, where: { start: number; end: number }, opSpan: { start: number; end: number }): void {
    switch (a.kind) {
      case 'unknown':
        for (const id of a.idents) this.unknownFact(id);
        return;
      case 'literals':
        this.add(where, 'expr/type', 'Unexpected comparison of two values, expected a fact on one side',
          '意外的两个常量之间的比较，应有一侧为事实');
        return;
      case 'facts': {
        if (!this.options.allowFactComparisons) {
          this.add(where, 'expr/type',
            `Unexpected comparison of two facts \`${a.leftNode.name}\` and \`${a.rightNode.name}\`, expected a value on one side (facts may be compared only in fact constraints)`,
            `意外的两个事实 \`${a.leftNode.name}\` 与 \`${a.rightNode.name}\` 之间的比较，应有一侧为数值或取值（事实之间的比较只能写在事实约束中）`);
          return;
        }
        const err = factPairError(a, opSpan, where);
        if (err) this.errors.push(err);
        return;
      }
      case 'fact':
        this.factOperand(a.fact, a.factNode, a.op, a.operand, opSpan);
        return;
    }
  }

  private factOperand(fact: Fact, factNode: IdentExpr, op: CompareOp, operand: Operand, opSpan: { start: number; end: number }): void {
    const name = factNode.name;
    if (operand.kind === 'unknown-ident') return this.unknownFact(operand.node);
    const [t, tz] = TYPE_NAMES[fact.type];
    switch (fact.type) {
      case 'number':
      case 'integer':
        if (operand.kind !== 'number') {
          this.add(operand.node, 'expr/type',
            `Unexpected ${describe(operand.node)}, expected a number to compare with ${t} fact \`${name}\``,
            `意外的${describeZh(operand.node)}，${tz}事实 \`${name}\` 应与数值比较`);
          return;
        }
        this.unit(fact, name, operand);
        return;
      case 'boolean':
      case 'judgement':
        if (isOrdering(op)) {
          this.add(opSpan, 'expr/type', `Unexpected \`${op}\` on ${t} fact \`${name}\`, expected \`==\` or \`!=\``,
            `意外的 \`${op}\`：${tz}事实 \`${name}\` 只能用 \`==\` 或 \`!=\``);
        }
        if (operand.kind !== 'boolean') {
          this.add(operand.node, 'expr/type',
            `Unexpected ${describe(operand.node)}, expected \`true\` or \`false\` for ${t} fact \`${name}\``,
            `意外的${describeZh(operand.node)}，${tz}事实 \`${name}\` 应与 \`true\` 或 \`false\` 比较`);
        }
        return;
      case 'enum': {
        if (isOrdering(op)) {
          this.add(opSpan, 'expr/type', `Unexpected \`${op}\` on enum fact \`${name}\`, expected \`==\`, \`!=\` or \`in\``,
            `意外的 \`${op}\`：枚举事实 \`${name}\` 只能用 \`==\`、\`!=\` 或 \`in\``);
        }
        const values = fact.values ?? [];
        if (values.length === 0) {
          this.add(factNode, 'expr/enum-value',
            `Unexpected enum fact \`${name}\` without declared values, expected a \`values\` list in its declaration`,
            `意外的未声明取值的枚举事实 \`${name}\`，应在事实声明中列出取值`);
          return;
        }
        let v: string | undefined;
        if (operand.kind === 'enum-name' || operand.kind === 'string') v = operand.value;
        else if (operand.kind === 'number' && operand.unit === undefined) v = String(operand.value);
        else {
          this.add(operand.node, 'expr/type',
            `Unexpected ${describe(operand.node)}, expected a value of enum fact \`${name}\``,
            `意外的${describeZh(operand.node)}，应为枚举事实 \`${name}\` 的取值`);
          return;
        }
        if (!values.includes(v)) {
          const list = values.map((x) => `\`${x}\``);
          const guess = closest(v, values);
          this.add(operand.node, 'expr/enum-value',
            `Unexpected value \`${v}\` for \`${name}\`, expected one of ${list.join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
            `意外的取值 \`${v}\`：\`${name}\` 的取值应为 ${list.join('、')} 之一${guess ? `（是否指 \`${guess}\`？）` : ''}`);
        }
        return;
      }
    }
  }

  private unit(fact: Fact, name: string, operand: Extract<Operand, { kind: 'number' }>): void {
    const unit = operand.unit;
    const node = operand.node;
    if (unit === undefined) {
      const err = isScaledNumeral(node) ? scaleAmbiguityError(node, fact, name) : undefined;
      if (err) this.errors.push(err);
      return;
    }
    if (convertUnit(1, unit, fact.unit ?? unit) !== undefined && (fact.unit !== undefined || isPlainUnit(unit))) return;
    const span = node.type === 'number' && node.unitStart !== undefined && node.unitEnd !== undefined
      ? { start: node.unitStart, end: node.unitEnd } : node;
    if (fact.unit === undefined) {
      this.add(span, 'expr/unit', `Unexpected unit \`${unit}\`, expected a plain number: \`${name}\` declares no unit`,
        `意外的单位 \`${unit}\`：事实 \`${name}\` 未声明单位，应为不带单位的数值`);
      return;
    }
    const lit = lookupUnit(unit);
    const fu = lookupUnit(fact.unit);
    // A unit the plan declares but the table does not know, or a scale (级, M): only its own spelling fits.
    if (!fu || fu.dimension === 'scale') {
      this.add(span, 'expr/unit', `Unexpected unit \`${unit}\`, expected \`${fact.unit}\`, the unit of \`${name}\``,
        `意外的单位 \`${unit}\`，应为 \`${name}\` 的单位 \`${fact.unit}\``);
      return;
    }
    const examples = unitsOf(fu.dimension).slice(0, 6).map((u) => `\`${u}\``);
    const dimEn = dimensionName(fu.dimension, 'en');
    const dimZh = dimensionName(fu.dimension, 'zh');
    if (!lit) {
      const known = caseVariants(unit)[0];
      const hint = known !== undefined ? ` (did you mean \`${known}\`? units with a prefix are case-sensitive)` : '';
      const hintZh = known !== undefined ? `（是否指 \`${known}\`？带词头的单位区分大小写）` : '';
      this.add(span, 'expr/unit', `Unexpected unknown unit \`${unit}\`, expected a ${dimEn} unit (${examples.join(', ')}; \`${name}\` is in \`${fact.unit}\`)${hint}`,
        `意外的未知单位 \`${unit}\`，应为${dimZh}单位（${examples.join('、')}；\`${name}\` 的单位是 \`${fact.unit}\`）${hintZh}`);
      return;
    }
    this.add(span, 'expr/unit',
      `Unexpected ${dimensionName(lit.dimension, 'en')} unit \`${unit}\` for \`${name}\` (${fact.unit}), expected a ${dimEn} unit (${examples.join(', ')})`,
      `意外的${dimensionName(lit.dimension, 'zh')}单位 \`${unit}\`：\`${name}\` 的单位是 \`${fact.unit}\`，应为${dimZh}单位（${examples.join('、')}）`);
  }

  private unknownFact(node: IdentExpr): void {
    const guess = this.suggest(node.name);
    const hint = guess === undefined ? unknownFactHint(node.name, this.facts) : undefined;
    this.add(node, 'expr/unknown-fact',
      `Unexpected unknown fact \`${node.name}\`, expected a declared fact${guess ? ` (did you mean \`${guess}\`?)` : hint ? ` (${hint.en})` : ''}`,
      `意外的未知事实 \`${node.name}\`，应为已声明的事实${guess ? `（是否指 \`${guess}\`？）` : hint ? `（${hint.zh}）` : ''}`);
  }

  private suggest(name: string): string | undefined {
    // `火灾或爆炸` written without spaces lexes as one name; if its parts are facts, say so.
    if (/并且|或者|且|或|则/.test(name)) {
      const parts = name.split(/(并且|或者|且|或|则)/);
      const words = parts.filter((_, k) => k % 2 === 0);
      if (words.every((w) => w !== '' && this.lookup(w))) return parts.join(' ').replace(/ +/g, ' ');
    }
    return closest(name, this.names);
  }

  private add(span: { start: number; end: number }, code: string, message: string, messageZh: string): void {
    this.errors.push({ message, messageZh, start: span.start, end: span.end, code });
  }
}

function describe(v: Expr): string {
  switch (v.type) {
    case 'number': return `number \`${v.value}${v.unit ?? ''}\``;
    case 'string': return `string \`'${v.value}'\``;
    case 'boolean': return `\`${v.value}\``;
    case 'ident': return `\`${v.name}\``;
    default: return 'condition';
  }
}

function describeZh(v: Expr): string {
  switch (v.type) {
    case 'number': return `数值 \`${v.value}${v.unit ?? ''}\``;
    case 'string': return `字符串 \`'${v.value}'\``;
    case 'boolean': return ` \`${v.value}\``;
    case 'ident': return ` \`${v.name}\``;
    default: return '条件';
  }
}

/** Facts a trigger refers to (by id), in first-mention order; unknown names are skipped. */
export function referencedFacts(ast: Expr, facts: readonly Fact[]): Fact[] {
  const lookup = factLookup(facts);
  const out: Fact[] = [];
  const add = (f: Fact | undefined): void => {
    if (f && !out.includes(f)) out.push(f);
  };
  const visitAtom = (a: Atom): void => {
    if (a.kind === 'fact') add(a.fact);
    else if (a.kind === 'facts') { add(a.left); add(a.right); }
  };
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'or': case 'and': e.operands.forEach(walk); return;
      case 'not': walk(e.operand); return;
      case 'implies': walk(e.left); walk(e.right); return;
      case 'bound': add(lookup(e.fact.name)); return;
      case 'compare': visitAtom(resolveCompare(e.left, e.op, e.right, lookup)); return;
      case 'in': e.values.forEach((v: ValueExpr) => visitAtom(resolveCompare(e.left, '==', v, lookup))); return;
      case 'ident': add(lookup(e.name)); return;
      default: return;
    }
  };
  walk(ast);
  return out;
}
