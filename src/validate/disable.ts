import type { Diagnostic } from '../diagnostics.js';

/** Lines on which rules are disabled by inline comments; `*` disables every rule. */
export type Disables = Map<number, Set<string>>;

// <!-- yuan-disable-next-line rule-a, rule-b -->   # yuan-disable-line rule-a   # yuan-disable-next-line
const COMMENT = /(?:<!--|#)\s*yuan-disable-(next-line|line)\b([^\n]*?)(?:-->|$)/gm;

/** Reads inline disable comments (Markdown `<!-- … -->`, YAML `# …`) from a source text. */
export function readDisables(source: string): Disables {
  const out: Disables = new Map();
  if (!source.includes('yuan-disable')) return out;
  let line = 1;
  let last = 0;
  for (const m of source.matchAll(COMMENT)) {
    for (let i = last; i < m.index!; i++) if (source.charCodeAt(i) === 10) line++;
    last = m.index!;
    const target = m[1] === 'next-line' ? line + 1 : line;
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const set = out.get(target) ?? new Set<string>();
    (ids.length ? ids : ['*']).forEach((id) => set.add(id));
    out.set(target, set);
  }
  return out;
}

/** True when a diagnostic is switched off by an inline comment on its first line. */
export function isDisabled(d: Diagnostic, disables: Disables | undefined): boolean {
  const set = disables?.get(d.place?.start.line ?? 1);
  return !!set && (set.has('*') || set.has(d.ruleId));
}
