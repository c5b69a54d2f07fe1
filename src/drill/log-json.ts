/** Where a JSON text first goes wrong, for located diagnostics (JSON.parse on Node 20 does not always say where). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * 0-based offset of the first JSON syntax error in `s` (`s.length` when the text ends too early), or -1 when it is
 * valid. Iterative, so hostile nesting cannot overflow the stack. JSON.parse on Node 20 does not always say where.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = () => { while (i < s.length && ' \t\n\r'.includes(s[i])) i++; };
  const str = (): boolean => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 34) { i++; return true; }
      if (c < 32) return false;
      if (c === 92) {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { i += 1; return false; }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else { i += 1; return false; }
      } else i++;
    }
    return false;
  };
  const key = (): boolean => {
    ws();
    if (s[i] !== '"' || !str()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    ws();
    if (expectValue) {
      const c = s[i];
      if (c === '{') {
        i++; ws();
        if (s[i] === '}') { i++; expectValue = false; } else { stack.push('}'); if (!key()) return i; }
      } else if (c === '[') {
        i++; ws();
        if (s[i] === ']') { i++; expectValue = false; } else stack.push(']');
      } else if (c === '"') {
        if (!str()) return i;
        expectValue = false;
      } else {
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        const m = NUMBER.exec(s) ?? LITERAL.exec(s);
        if (!m) return i;
        i += m[0].length;
        expectValue = false;
      }
    } else {
      if (!stack.length) return i < s.length ? i : -1;
      const close = stack[stack.length - 1];
      if (s[i] === ',') {
        i++;
        if (close === '}' && !key()) return i;
        expectValue = true;
      } else if (s[i] === close) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
