/**
 * Recursive-descent parser of trigger conditions.
 *
 * Grammar (precedence low → high; `not` covers a whole comparison, as in SQL/Python):
 *
 *   or         := and (('or' | '||' | '或' | '或者') and)*
 *   and        := unary (('and' | '&&' | '且' | '并且') unary)*
 *   unary      := ('not' | '!' | '非')* comparison
 *   comparison := '(' or ')'
 *               | value ( (cmp value)+ | 'not'? 'in' '[' value (',' value)* ']' )?
 *   value      := ident | number unit? | string | 'true' | 'false'
 *
 * A comparison chain `a < b <= c` (one direction only) desugars to
 * `a < b and b <= c`. The parser stops at the first syntax error.
 */
import type { AndExpr, CompareExpr, Expr, ExprError, InExpr, NumberExpr, ValueExpr } from './ast.js';
import { clip, tokenize, type Token } from './lexer.js';

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

/** Parses a trigger condition; never throws, whatever the input. */
export function parseExpr(text: string): ParseResult {
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
    const lexed = tokenize(text);
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
    const ast = this.parseOr();
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
    const left = this.parseValue();
    const p = this.peek();
    if (p.kind === 'in' || (p.kind === 'not' && this.peek(1).kind === 'in')) return this.parseIn(left);
    if (p.kind === 'op') return this.parseChain(left);
    if (startsValue(p)) this.fail(p, 'an operator', '运算符');
    return left;
  }

  private parseGroup(): Expr {
    const open = this.next();
    this.enter(open);
    const inner = this.parseOr();
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

  private parseValue(): ValueExpr {
    const t = this.peek();
    switch (t.kind) {
      case 'ident':
        this.next();
        return { type: 'ident', name: t.value!, start: t.start, end: t.end };
      case 'number': {
        this.next();
        const node: NumberExpr = { type: 'number', value: t.num!, start: t.start, end: t.end };
        const after = this.peek();
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
