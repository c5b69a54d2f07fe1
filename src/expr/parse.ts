/**
 * Recursive-descent parser of trigger conditions.
 *
 * Grammar (precedence low → high; `not` covers a whole comparison, as in SQL/Python):
 *
 *   implies    := or (('implies' | '=>' | '⇒' | '→' | '则') or)?
 *   or         := and (('or' | '||' | '或' | '或者') and)*
 *   and        := unary (('and' | '&&' | '且' | '并且') unary)*
 *   unary      := ('not' | '!' | '非')* comparison
 *   comparison := '(' implies ')'
 *               | bounds ident                                  (bound first: `30人以上 死亡人数`)
 *               | value ( (cmp value)+ | 'not'? 'in' '[' value (',' value)* ']' | bounds )?
 *   bounds     := term term?                                    (after a name only)
 *   term       := number suffix-word | prefix-word number       (`30人以上`, `超过30人`)
 *   value      := ident | number unit? | string | 'true' | 'false'
 *
 * A comparison chain `a < b <= c` (one direction only) desugars to
 * `a < b and b <= c`. `a implies b implies c` is refused (write the parentheses).
 * The parser stops at the first syntax error.
 */
import type { AndExpr, BoundExpr, BoundTerm, CompareExpr, Expr, ExprError, IdentExpr, InExpr, NumberExpr, ValueExpr } from './ast.js';
import { boundWordInfo } from './bounds.js';
import { clip, tokenize, type LexOptions, type Token } from './lexer.js';
import { printBoundTerms } from './print.js';
import { caseVariants } from './units.js';

/** Longest expression text accepted (characters, UTF-16 units). */
export const MAX_EXPR_LENGTH = 4000;
/** Deepest nesting of parentheses plus `not` accepted. */
export const MAX_EXPR_DEPTH = 64;

/** Result of `parseExpr`: an AST when the text parsed, and the errors found (at most one syntax error). */
export interface ParseResult {
  ast?: Expr;
  errors: ExprError[];
}

// Thrown inside the parser only; parseExpr turns it into an ExprError.
class ParseFailure {
  constructor(readonly error: ExprError) {}
}

/** Parser options: unit spellings the plan declares on its facts (see `LexOptions`). */
export type ParseOptions = LexOptions;

/** Parses a trigger condition; never throws, whatever the input. */
export function parseExpr(text: string, options?: ParseOptions): ParseResult {
  try {
    if (typeof text !== 'string') {
      return { errors: [err(0, 0, 'expr/syntax', 'Unexpected non-text input, expected an expression string', '意外的非文本输入，应为表达式字符串')] };
    }
    if (text.length > MAX_EXPR_LENGTH) {
      return {
        errors: [err(0, text.length, 'expr/limit',
          `Unexpected expression of ${text.length} characters, expected at most ${MAX_EXPR_LENGTH}`,
          `意外的过长表达式（${text.length} 个字符），应不超过 ${MAX_EXPR_LENGTH} 个字符`)],
      };
    }
    const lexed = tokenize(text, options !== null && typeof options === 'object' ? options : {});
    if (lexed.error) return { errors: [lexed.error] };
    const parser = new Parser(lexed.tokens);
    return { ast: parser.parseAll(), errors: [] };
  } catch (e) {
    if (e instanceof ParseFailure) return { errors: [e.error] };
    // Defence in depth: an internal bug must still not escape as an exception.
    const len = typeof text === 'string' ? text.length : 0;
    return { errors: [err(0, len, 'expr/syntax', 'Unexpected internal parser failure, expected a parsable expression', '解析器内部错误，应为可解析的表达式')] };
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    const ast = this.parseImplies();
    const t = this.peek();
    if (t.kind !== 'eof') {
      if (t.kind === ')') this.fail(t, 'a matching `(` before it', '与之匹配的 `(`');
      this.fail(t, '`and`, `or` or the end of the expression', '`and`、`or` 或表达式结尾');
    }
    return ast;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private parseImplies(): Expr {
    const left = this.parseOr();
    if (this.peek().kind !== 'implies') return left;
    const op = this.next();
    const right = this.parseOr();
    const again = this.peek();
    if (again.kind === 'implies') {
      this.failMsg(again, 'expr/syntax', `Unexpected second \`${clip(again.text)}\`, expected parentheses around one implication: \`(a implies b) implies c\` or \`a implies (b implies c)\``,
        `意外的第二个 \`${clip(again.text)}\`：连续蕴含须加括号，如 \`(a 则 b) 则 c\` 或 \`a 则 (b 则 c)\``);
    }
    return { type: 'implies', left, right, start: left.start, end: right.end, opStart: op.start, opEnd: op.end };
  }

  private parseOr(): Expr {
    const first = this.parseAnd();
    if (this.peek().kind !== 'or') return first;
    const operands = [first];
    while (this.peek().kind === 'or') {
      this.next();
      operands.push(this.parseAnd());
    }
    return { type: 'or', operands, start: first.start, end: operands[operands.length - 1].end };
  }

  private parseAnd(): Expr {
    const first = this.parseUnary();
    if (this.peek().kind !== 'and') return first;
    const operands = [first];
    while (this.peek().kind === 'and') {
      this.next();
      operands.push(this.parseUnary());
    }
    return { type: 'and', operands, start: first.start, end: operands[operands.length - 1].end };
  }

  private parseUnary(): Expr {
    // A run of `not` is collected in a loop, not by recursion, and counts toward the depth limit.
    const nots: Token[] = [];
    while (this.peek().kind === 'not') {
      const t = this.next();
      this.enter(t);
      nots.push(t);
    }
    let expr = this.parseComparison();
    for (let k = nots.length - 1; k >= 0; k--) {
      expr = { type: 'not', operand: expr, start: nots[k].start, end: expr.end };
    }
    this.depth -= nots.length;
    return expr;
  }

  private parseComparison(): Expr {
    const t = this.peek();
    if (t.kind === '(') {
      const group = this.parseGroup();
      const after = this.peek();
      if (after.kind === 'op' || after.kind === 'in' || (after.kind === 'not' && this.peek(1).kind === 'in')) {
        this.failMsg(after, 'expr/syntax',
          `Unexpected \`${clip(after.text)}\` after a parenthesised condition, expected \`and\`, \`or\` or \`)\``,
          `意外的 \`${clip(after.text)}\`：括号内的条件不能再参与比较，应为 \`and\`、\`or\` 或 \`)\``);
      }
      return group;
    }
    if (this.startsBound()) return this.noteAfterBound(this.parseBoundFirst());
    const left = this.parseValue();
    const p = this.peek();
    if (p.kind === 'in' || (p.kind === 'not' && this.peek(1).kind === 'in')) return this.parseIn(left);
    if (p.kind === 'op') {
      const chain = this.parseChain(left);
      const after = this.peek();
      if (after.kind === 'bound') {
        this.failMsg(after, 'expr/syntax', `Unexpected \`${after.text}\` after a comparison, expected either an operator or a bound word: \`x >= 30\` or \`x 30以上\``,
          `意外的 \`${after.text}\`：比较运算符与“以上/以下”不能同时使用，应写为 \`x >= 30\` 或 \`x 30以上\``);
      }
      return chain;
    }
    if (left.type === 'ident' && (p.kind === 'number' || p.kind === 'bound')) return this.noteAfterBound(this.parseBoundAfter(left));
    if (p.kind === 'bound') this.misplacedBound(p);
    if (startsValue(p)) this.fail(p, 'an operator', '运算符');
    return left;
  }

  // A bound clause starts here: `超过30人 …` or `30人以上 …` (a number directly followed by a suffix bound word).
  private startsBound(): boolean {
    const t = this.peek();
    if (t.kind === 'bound') return boundWordInfo(t.value!)?.position === 'prefix';
    return t.kind === 'number' && this.peek(1).kind === 'bound' && boundWordInfo(this.peek(1).value!)?.position === 'suffix';
  }

  // Real plans annotate a bound: `3人以上（含3人）`, `200人以上（含本数，下同）`. The meaning belongs to the
  // plan's declared convention or to the word (`及以上`), so the note is refused with the way to write it.
  private noteAfterBound(b: BoundExpr): BoundExpr {
    const open = this.peek();
    const word = this.peek(1);
    if (open.kind === '(' && word.kind === 'ident' && /^不?含/.test(word.value!)) {
      this.failMsg(open, 'expr/bound',
        'Unexpected note on a bound, expected the inclusive word (`3人及以上`, `3人及以下`) or the plan\'s declared convention (`bounds: { above: inclusive, below: inclusive }`)',
        '意外的界限注释：应改用 `3人及以上`、`3人及以下`，或在预案中声明以上/以下约定（`bounds: { 以上: 含本数, 以下: 含本数 }`）');
    }
    return b;
  }

  /** `死亡人数 30人以上`, `死亡30人以上`, `死亡人数 10人以上30人以下`, `死亡人数 超过10人`. */
  private parseBoundAfter(fact: IdentExpr): BoundExpr {
    const terms = this.parseBoundTerms(fact);
    return { type: 'bound', fact, terms, boundFirst: false, start: fact.start, end: terms[terms.length - 1].end };
  }

  /** `30人以上 死亡人数` (the order of "造成30人以上死亡"). */
  private parseBoundFirst(): BoundExpr {
    const terms = this.parseBoundTerms(undefined);
    const t = this.peek();
    if (t.kind !== 'ident') {
      const b = printBoundTerms({ type: 'bound', fact: { type: 'ident', name: '', start: 0, end: 0 }, terms, boundFirst: true, start: 0, end: 0 });
      this.failMsg(t, 'expr/syntax', `Unexpected ${t.kind === 'eof' ? 'end of expression' : `\`${clip(t.text)}\``} after \`${b}\`, expected the fact it bounds: \`死亡人数 ${b}\` or \`${b} 死亡人数\``,
        `意外的${t.kind === 'eof' ? '表达式结尾' : ` \`${clip(t.text)}\``}：\`${b}\` 须与事实连用，应写为 \`死亡人数 ${b}\` 或 \`${b} 死亡人数\``);
    }
    this.next();
    const fact: IdentExpr = { type: 'ident', name: t.value!, start: t.start, end: t.end };
    return { type: 'bound', fact, terms, boundFirst: true, start: terms[0].start, end: fact.end };
  }

  /** One or two terms; at most one lower and one upper bound. */
  private parseBoundTerms(fact: IdentExpr | undefined): BoundTerm[] {
    const terms: BoundTerm[] = [this.parseBoundTerm(fact)];
    const t = this.peek();
    if (t.kind === 'number' || (t.kind === 'bound' && boundWordInfo(t.value!)?.position === 'prefix')) {
      const second = this.parseBoundTerm(fact);
      const a = boundWordInfo(terms[0].word)!;
      const b = boundWordInfo(second.word)!;
      if (a.side === b.side) {
        const want = a.side === 'lower' ? '`以下`, `不足`, `不超过`' : '`以上`, `超过`, `不少于`';
        const wantZh = a.side === 'lower' ? '上限（`以下`、`不足`、`不超过`）' : '下限（`以上`、`超过`、`不少于`）';
        this.failMsg({ kind: 'bound', start: second.wordStart, end: second.wordEnd, text: second.word }, 'expr/bound',
          `Unexpected second ${a.side} bound \`${second.word}\`, expected an ${a.side === 'lower' ? 'upper' : 'lower'} bound (${want})`,
          `意外的第二个${a.side === 'lower' ? '下限' : '上限'} \`${second.word}\`，应为${wantZh}`);
      }
      terms.push(second);
    }
    return terms;
  }

  private parseBoundTerm(fact: IdentExpr | undefined): BoundTerm {
    const t = this.peek();
    if (t.kind === 'bound') {
      const word = this.next();
      if (boundWordInfo(word.value!)?.position !== 'prefix') this.misplacedBound(word);
      const n = this.peek();
      if (n.kind !== 'number') this.fail(n, `a number after \`${word.text}\` (\`${word.text}30人\`)`, `\`${word.text}\` 之后的数值（如 \`${word.text}30人\`）`);
      const value = this.parseValue(fact === undefined) as NumberExpr;
      return { word: word.value!, value, start: word.start, end: value.end, wordStart: word.start, wordEnd: word.end };
    }
    const numTok = t;
    const value = this.parseValue() as NumberExpr;
    const w = this.peek();
    if (w.kind !== 'bound' || boundWordInfo(w.value!)?.position !== 'suffix') {
      const name = fact?.name ?? '死亡人数';
      const v = clip(numTok.text);
      this.failMsg(numTok, 'expr/syntax',
        `Unexpected \`${v}\` after \`${clip(name)}\`, expected an operator or a bound word: \`${clip(name)} >= ${v}\` or \`${clip(name)} ${v}以上\``,
        `意外的 \`${v}\`：\`${clip(name)}\` 之后应为运算符或“以上/以下”，如 \`${clip(name)} >= ${v}\` 或 \`${clip(name)} ${v}以上\``);
    }
    this.next();
    return { word: w.value!, value, start: value.start, end: w.end, wordStart: w.start, wordEnd: w.end };
  }

  private misplacedBound(t: Token): never {
    const info = boundWordInfo(t.value ?? '');
    const ex = info?.position === 'prefix' ? `死亡人数 ${t.text}30人` : `死亡人数 30人${t.text}`;
    return this.failMsg(t, 'expr/syntax', `Unexpected \`${t.text}\` here, expected it ${info?.position === 'prefix' ? 'before' : 'right after'} a number that follows a fact: \`${ex}\``,
      `意外的 \`${t.text}\`：应紧${info?.position === 'prefix' ? '接在数值之前' : '跟在数值之后'}，并与事实连用，如 \`${ex}\``);
  }

  private parseGroup(): Expr {
    const open = this.next();
    this.enter(open);
    const inner = this.parseImplies();
    const close = this.peek();
    if (close.kind === 'eof') {
      this.failMsg(open, 'expr/syntax', 'Unexpected unclosed `(`, expected a matching `)`', '意外的未闭合 `(`，应有匹配的 `)`');
    }
    if (close.kind !== ')') this.fail(close, '`and`, `or` or `)`', '`and`、`or` 或 `)`');
    this.next();
    this.depth--;
    return inner;
  }

  private parseIn(left: ValueExpr): InExpr {
    const first = this.next();
    const negated = first.kind === 'not';
    const inTok = negated ? this.next() : first;
    const open = this.peek();
    if (open.kind !== '[') this.fail(open, '`[`', '`[`');
    this.next();
    const values: ValueExpr[] = [];
    for (;;) {
      values.push(this.parseValue());
      const t = this.peek();
      if (t.kind === ',') { this.next(); continue; }
      if (t.kind === ']') break;
      if (t.kind === 'eof') {
        this.failMsg(open, 'expr/syntax', 'Unexpected unclosed `[`, expected a matching `]`', '意外的未闭合 `[`，应有匹配的 `]`');
      }
      this.fail(t, '`,` or `]`', '`,` 或 `]`');
    }
    const close = this.next();
    return { type: 'in', negated, left, values, start: left.start, end: close.end, opStart: first.start, opEnd: inTok.end };
  }

  private parseChain(first: ValueExpr): Expr {
    const values: ValueExpr[] = [first];
    const ops: Token[] = [];
    while (this.peek().kind === 'op') {
      ops.push(this.next());
      values.push(this.parseValue());
    }
    const compares: CompareExpr[] = ops.map((op, k) => ({
      type: 'compare',
      op: op.op!,
      // The middle operand of a chain belongs to two compares; copy it so nodes never alias.
      left: k === 0 ? values[k] : { ...values[k] },
      right: values[k + 1],
      start: values[k].start,
      end: values[k + 1].end,
      opStart: op.start,
      opEnd: op.end,
    }));
    if (compares.length === 1) return compares[0];
    const dir = direction(ops[0]);
    for (let k = 1; k < ops.length; k++) {
      if (dir === 0) {
        this.failMsg(ops[k], 'expr/syntax', `Unexpected \`${ops[k].text}\` after a comparison, expected \`and\` or \`or\``,
          `意外的 \`${ops[k].text}\`：比较之后应为 \`and\` 或 \`or\``);
      }
      if (direction(ops[k]) !== dir) {
        const want = dir > 0 ? '`<` or `<=`' : '`>` or `>=`';
        const wantZh = dir > 0 ? '`<` 或 `<=`' : '`>` 或 `>=`';
        this.failMsg(ops[k], 'expr/syntax', `Unexpected \`${ops[k].text}\` in a chain of comparisons, expected ${want}`,
          `意外的 \`${ops[k].text}\`：连续比较方向须一致，应为 ${wantZh}`);
      }
    }
    const and: AndExpr = { type: 'and', operands: compares, start: first.start, end: values[values.length - 1].end };
    return and;
  }

  /** A value; `beforeFact`: a number that may be followed by a name (`超过30人 死亡人数`, the bound first). */
  private parseValue(beforeFact = false): ValueExpr {
    const t = this.peek();
    switch (t.kind) {
      case 'ident':
        this.next();
        return { type: 'ident', name: t.value!, start: t.start, end: t.end };
      case 'number': {
        this.next();
        const node: NumberExpr = { type: 'number', value: t.num!, start: t.start, end: t.end };
        if (t.numText !== undefined) node.text = t.numText;
        const after = this.peek();
        if (after.kind === 'ident' && after.start !== t.end && t.unit === undefined && !beforeFact) {
          // No value may follow a number: a word after a space is a unit the lexer was not told about.
          const known = caseVariants(after.text)[0];
          if (known !== undefined) {
            this.failMsg(after, 'expr/unit', `Unexpected unit \`${clip(after.text)}\`, expected \`${known}\` (units with a prefix are case-sensitive)`,
              `意外的单位 \`${clip(after.text)}\`，应为 \`${known}\`（带词头的单位区分大小写）`);
          }
          this.failMsg(after, 'expr/unit', `Unexpected \`${clip(after.text)}\` after \`${clip(t.text)}\`, expected an operator, or a unit: write it attached (\`${clip(t.text)}${clip(after.text)}\`) or declare it as a fact's unit`,
            `意外的 \`${clip(after.text)}\`：数值 \`${clip(t.text)}\` 之后应为运算符；若是单位，请紧接数值书写（\`${clip(t.text)}${clip(after.text)}\`）或在事实中声明该单位`);
        }
        if (after.kind === 'ident' && after.start === t.end) {
          // A word glued to a number that the lexer did not take as a unit (`3头`): say so, not "expected an operator".
          this.failMsg(after, 'expr/unit', `Unexpected unknown unit \`${clip(after.text)}\`, expected a known unit such as \`kg\`, \`t\`, \`人\``,
            `意外的未知单位 \`${clip(after.text)}\`，应为已知单位，如 \`kg\`、\`t\`、\`人\``);
        }
        if (t.unit !== undefined) {
          node.unit = t.unit;
          node.unitStart = t.unitStart;
          node.unitEnd = t.unitEnd;
        }
        return node;
      }
      case 'string':
        this.next();
        return { type: 'string', value: t.value!, start: t.start, end: t.end };
      case 'true':
      case 'false':
        this.next();
        return { type: 'boolean', value: t.kind === 'true', start: t.start, end: t.end };
      case 'bound':
        return this.misplacedBound(t);
      default:
        return this.fail(t, 'a value', '数值或事实名');
    }
  }

  private enter(t: Token): void {
    this.depth++;
    if (this.depth > MAX_EXPR_DEPTH) {
      this.failMsg(t, 'expr/limit', `Unexpected nesting deeper than ${MAX_EXPR_DEPTH} levels, expected at most ${MAX_EXPR_DEPTH}`,
        `意外的嵌套层数超过 ${MAX_EXPR_DEPTH}，应不超过 ${MAX_EXPR_DEPTH} 层`);
    }
  }

  private fail(t: Token, expected: string, expectedZh: string): never {
    const what = t.kind === 'eof' ? 'end of expression' : `\`${clip(t.text)}\``;
    const whatZh = t.kind === 'eof' ? '表达式结尾' : ` \`${clip(t.text)}\``;
    return this.failMsg(t, 'expr/syntax', `Unexpected ${what}, expected ${expected}`, `意外的${whatZh}，应为${expectedZh.startsWith('`') ? ' ' : ''}${expectedZh}`);
  }

  private failMsg(t: Token, code: string, message: string, messageZh: string): never {
    throw new ParseFailure(err(t.start, t.end, code, message, messageZh));
  }
}

function startsValue(t: Token): boolean {
  return t.kind === 'ident' || t.kind === 'number' || t.kind === 'string' || t.kind === 'true' || t.kind === 'false' || t.kind === '(';
}

// +1 for `<`/`<=`, -1 for `>`/`>=`, 0 for `==`/`!=` (which never chain).
function direction(t: Token): number {
  if (t.op === '<' || t.op === '<=') return 1;
  if (t.op === '>' || t.op === '>=') return -1;
  return 0;
}

function err(start: number, end: number, code: string, message: string, messageZh: string): ExprError {
  return { message, messageZh, start, end, code };
}
