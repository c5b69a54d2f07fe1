import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
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

/** Bytes read from the top of a file to tell whether it is a plan. */
const SNIFF_BYTES = 16 * 1024;

function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/u;
const KIND_KEY = /^(?:kind|类型|预案类型)\s*:/mu;
/** A YAML plan's root: `plan:` followed by a map (indented keys or a `{ … }` flow map). */
const YAML_PLAN = /^plan:[ \t]*(?:\{|(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]+[^\s#])/mu;

/**
 * True when a file found by walking a folder is a plan by its content, not just its extension: Markdown with front
 * matter that says its `kind`, or YAML / JSON whose root has a `plan` map. README.md, docs, package.json and golden
 * files (`plan: x.md`) are not plans.
 */
export function looksLikePlan(file: string): boolean {
  let text: string;
  try { text = head(file); } catch { return false; }
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
    const fm = FRONT_MATTER.exec(text);
    return !!fm && KIND_KEY.test(fm[1]);
  }
  if (lower.endsWith('.json')) {
    try {
      const root = JSON.parse(statSync(file).size <= SNIFF_BYTES ? text : readFileSync(file, 'utf8')) as { plan?: unknown };
      return typeof root?.plan === 'object' && root.plan !== null && !Array.isArray(root.plan);
    } catch {
      return false;
    }
  }
  return YAML_PLAN.test(text);
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
 * Expands files, folders (recursively, plan extensions only) and globs into a sorted, de-duplicated file list. Files
 * found by walking a folder or matching a glob are kept only when their content is a plan (`looksLikePlan`); a file
 * named on its own is always kept. Returns the inputs that matched nothing so the CLI can report them.
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
      const hits = all.filter((f) => re.test(relative('.', f).split(sep).join('/')) && looksLikePlan(f));
      if (!hits.length) missing.push(input);
      hits.forEach((h) => files.add(h));
      continue;
    }
    let st;
    try { st = statSync(input); } catch { missing.push(input); continue; }
    if (st.isDirectory()) { const all: string[] = []; walk(input, all, opts.exclude); all.filter(looksLikePlan).forEach((f) => files.add(f)); }
    else files.add(input);
  }
  return { files: [...files].sort((a, b) => resolve(a).localeCompare(resolve(b))), missing };
}
