import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** File extensions yuan reads as plans. */
export const PLAN_EXTENSIONS = ['.md', '.markdown', '.yaml', '.yml', '.json'];

const isPlanFile = (f: string) => PLAN_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e));
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/** Converts a glob (`*`, `**`, `?`) to a RegExp over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[], exclude?: (p: string) => boolean): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (exclude?.(p)) continue;
    if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, exclude); }
    else if (e.isFile() && isPlanFile(e.name)) out.push(p);
  }
}

/**
 * Expands files, folders (recursively, plan extensions only) and globs into a sorted, de-duplicated file list.
 * Returns the inputs that matched nothing so the CLI can report them.
 */
export function collectPlanFiles(inputs: string[], opts: { exclude?: (p: string) => boolean } = {}): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const base = input.slice(0, input.search(/[*?]/)).replace(/[^/\\]*$/, '') || '.';
      const re = globToRegExp(input.split(sep).join('/').replace(/^\.\//, ''));
      const all: string[] = [];
      try { walk(base, all, opts.exclude); } catch { /* base folder missing: reported below */ }
      const hits = all.filter((f) => re.test(relative('.', f).split(sep).join('/')));
      if (!hits.length) missing.push(input);
      hits.forEach((h) => files.add(h));
      continue;
    }
    let st;
    try { st = statSync(input); } catch { missing.push(input); continue; }
    if (st.isDirectory()) { const all: string[] = []; walk(input, all, opts.exclude); all.forEach((f) => files.add(f)); }
    else files.add(input);
  }
  return { files: [...files].sort((a, b) => resolve(a).localeCompare(resolve(b))), missing };
}
