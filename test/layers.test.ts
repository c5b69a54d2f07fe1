/**
 * Layers are one-way: i18n → model → expr → parse → compile → validate → render/format/export → drill → score → report → live,
 * then cli. Every import of every source file (static, `export … from`, dynamic `import()`, type-only alike) is read
 * with TypeScript's own pre-processor and checked against that order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Pipeline stages in order; stages with the same rank are peers and may import each other. */
const RANK: Record<string, number> = {
  i18n: -1, model: 0, expr: 1, parse: 2, compile: 3, validate: 4, render: 5, format: 5, export: 5, drill: 6, score: 7, report: 8, live: 9,
};
/** Top-level modules under src/ that every stage shares; they may import only the model, the message catalogue and each other. */
const SHARED = new Set(['diagnostics.ts', 'html.ts', 'paths.ts', 'schema-validator.ts', 'suggest.ts', 'xml.ts', 'markdown.ts']);

/**
 * Imports that break the order today, each with who removes it. A listed import that no longer exists fails the
 * test too, so the list only shrinks.
 */
const KNOWN: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|\.test-helper\.ts$/.test(e.name) ? [p.split(sep).join('/')] : [];
  });
}

/** Relative imports of a file, resolved to repository paths (`src/x/y.ts`). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(join(root, file)), s)).split(sep).join('/').replace(/\.js$/, '.ts'));
}

/** `model`, `validate`, … for a file under src/<stage>/; `shared` for a shared top-level module; the path otherwise. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0];
  if (parts.length === 2) return SHARED.has(parts[1]) ? 'shared' : file;
  return parts[1];
}

/** Why `from` may not import `to`, or undefined when it may. */
function violation(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!to.startsWith('src/') && from.startsWith('src/')) return `src/ imports ${b}/`;
  if (from === 'src/index.ts' || !from.startsWith('src/')) return undefined; // the public API and the CLI sit on top
  const isRule = (f: string) => /^src\/validate\/rules\/(?!index\.ts$)[^/]+\.ts$/.test(f);
  if (isRule(to) && from !== 'src/validate/rules/index.ts') return 'a rule is private to the rule registry (shared helpers go in a module)';
  if (a === b) return undefined;
  if (a === 'shared') return b === 'model' || b === 'i18n' ? undefined : `a shared module imports stage ${b}`;
  if (b === 'shared') return undefined;
  if (!(a in RANK) || !(b in RANK)) return `unknown layer ${!(a in RANK) ? a : b} (add it to RANK or SHARED)`;
  return RANK[b] <= RANK[a] ? undefined : `${a} (stage ${RANK[a]}) imports the later stage ${b} (stage ${RANK[b]})`;
}

const files = [...sourceFiles('src'), ...sourceFiles('cli')];
const edges = files.flatMap((f) => importsOf(f).map((t) => ({ from: f, to: t, key: `${f} -> ${t}` })));

describe('import direction', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(edges.filter((e) => e.from === 'src/render/browser.ts').length).toBeGreaterThan(0);
    // It sees dynamic imports and `export … from` too.
    expect(importsOf('cli/commands/drill-serve.ts')).toContain('src/live/qr.ts');
    expect(importsOf('src/index.ts')).toContain('src/validate/index.ts');
  });

  it('knows what it forbids', () => {
    expect(violation('src/parse/x.ts', 'src/validate/y.ts')).toMatch(/later stage validate/);
    expect(violation('src/score/x.ts', 'src/validate/rules/role-deputy.ts')).toMatch(/private/);
    expect(violation('src/validate/rules/a.ts', 'src/validate/rules/b.ts')).toMatch(/private/);
    expect(violation('src/html.ts', 'src/render/x.ts')).toMatch(/shared module/);
    expect(violation('src/drill/x.ts', 'cli/y.ts')).toMatch(/src\/ imports cli/);
    expect(violation('src/score/x.ts', 'src/drill/types.ts')).toBeUndefined();
    expect(violation('src/render/x.ts', 'src/format/y.ts')).toBeUndefined();
  });

  it('goes one way: each stage imports only earlier stages and the shared modules', () => {
    const bad = edges.map((e) => ({ ...e, why: violation(e.from, e.to) })).filter((e) => e.why && !(e.key in KNOWN));
    expect(bad.map((e) => `${e.key}: ${e.why}`)).toEqual([]);
  });

  it('lists only exceptions that still exist (remove one when its import is gone)', () => {
    const present = new Set(edges.filter((e) => violation(e.from, e.to)).map((e) => e.key));
    expect(Object.keys(KNOWN).filter((k) => !present.has(k))).toEqual([]);
  });
});
