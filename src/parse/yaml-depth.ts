import type { CST } from 'yaml';

/** Deepest collection nesting a plan may use (real plans need about 5). */
export const MAX_YAML_DEPTH = 100;

/**
 * Finds the first collection nested deeper than `limit` in a YAML CST, iteratively (no recursion, so 10,000 nested
 * `[` cannot overflow the stack). Returns the offset of that collection, or undefined when the tree is shallow enough.
 * The `yaml` CST parser is itself iterative; its composer is not, so this must run before composing.
 */
export function cstTooDeep(tokens: readonly CST.Token[], limit = MAX_YAML_DEPTH): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [tok, depth] = stack.pop()!;
    switch (tok.type) {
      case 'document':
        if (tok.value) stack.push([tok.value, depth]);
        break;
      case 'block-map': case 'block-seq': case 'flow-collection': {
        const d = depth + 1;
        if (d > limit) return tok.offset;
        for (const item of tok.items) {
          if (item.key) stack.push([item.key, d]);
          if (item.value) stack.push([item.value, d]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/**
 * True when a JS value (after alias expansion) nests deeper than `limit`. Iterative; shared objects (from aliases)
 * are visited once per depth they occur at, which the alias-count limit keeps small.
 */
export function valueTooDeep(value: unknown, limit = MAX_YAML_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Map<object, number>();
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > limit) return true;
    const before = seen.get(v);
    if (before !== undefined && before >= d) continue;
    seen.set(v, d);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d]);
  }
  return false;
}

/** Offset of the first quoted scalar in a CST that has no closing quote (the YAML library reports those at the end). */
export function unclosedQuote(tokens: readonly CST.Token[]): number | undefined {
  const stack: CST.Token[] = [...tokens].reverse();
  while (stack.length) {
    const tok = stack.pop()!;
    switch (tok.type) {
      case 'document':
        if (tok.value) stack.push(tok.value);
        break;
      case 'block-map': case 'block-seq': case 'flow-collection':
        for (let i = tok.items.length - 1; i >= 0; i--) {
          const item = tok.items[i];
          if (item.value) stack.push(item.value);
          if (item.key) stack.push(item.key);
        }
        break;
      case 'double-quoted-scalar': case 'single-quoted-scalar': {
        const q = tok.type === 'double-quoted-scalar' ? '"' : "'";
        const s = tok.source;
        const closed = s.length >= 2 && s.endsWith(q) && (q === "'" || !/(^|[^\\])(\\\\)*\\"$/.test(s));
        if (!closed) return tok.offset;
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
