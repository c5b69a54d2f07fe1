import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../model/index.js';
import { stripPlan } from '../model/strip.js';
import { parseMarkdown } from '../parse/markdown.js';
import { validatePlanValue } from '../parse/schema.js';
import { parseYaml } from '../parse/yaml.js';
import { exportPlan, markdownView, type ExportFormat } from './index.js';

/** Files under plans/ that are not plans: golden findings and READMEs. */
const NOT_PLAN = /(\.expected\.ya?ml|^README\.md)$/i;

/** Every plan under `plans/` (found when the test runs, so plans added later are covered), except `plans/defective/`,
 * the golden findings of `plans/real/` (`*.expected.yaml`) and READMEs. */
function planFiles(dir = 'plans'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (p !== join('plans', 'defective')) out.push(...planFiles(p)); } else if (/\.(md|markdown|ya?ml|json)$/i.test(e.name) && !NOT_PLAN.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Parses by extension, as `yuan` does. */
function parse(text: string, file: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  return /\.(md|markdown)$/i.test(file) ? parseMarkdown(text, file) : parseYaml(text, file);
}

const EXT: Record<ExportFormat, string> = { yaml: 'yaml', md: 'md', json: 'json' };
const parseErrors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error' && d.ruleId.startsWith('parse/')).map((d) => `${d.ruleId} ${d.message}`);

/**
 * `rule@line` of the parse findings a real plan's golden file (plans/real/<id>.expected.yaml) lists as true defects of
 * the published plan (e.g. a quantity written 若干): they are expected, any other parse error is not.
 */
function goldenParseFindings(file: string): Set<string> {
  const golden = file.replace(/\.md$/i, '.expected.yaml');
  if (!file.startsWith(join('plans', 'real')) || !existsSync(golden)) return new Set();
  const g = parseYamlText(readFileSync(golden, 'utf8')) as { findings?: { rule: string; line: number }[] };
  return new Set((g.findings ?? []).filter((f) => f.rule.startsWith('parse/')).map((f) => `${f.rule}@${f.line}`));
}

describe('round trip: every plan in plans/ through every export', () => {
  const files = planFiles();
  it('finds plans in both syntaxes', () => {
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(files.some((f) => /\.ya?ml$/.test(f))).toBe(true);
  });

  for (const file of files) {
    describe(file, () => {
      const original = parse(readFileSync(file, 'utf8'), file);
      it('parses', () => {
        expect(original.plan).toBeDefined();
        const expected = goldenParseFindings(file);
        const unexpected = original.diagnostics.filter((d) => !expected.has(`${d.ruleId}@${d.place?.start.line}`));
        expect(parseErrors(unexpected)).toEqual([]);
      });

      for (const to of ['yaml', 'json', 'md'] as const) {
        it(`parse(export(parse(f), '${to}')) equals parse(f)`, () => {
          const plan = original.plan!;
          const text = exportPlan(plan, to);
          const back = parse(text, file.replace(/\.[^.]+$/, `.roundtrip.${EXT[to]}`));
          expect(parseErrors(back.diagnostics)).toEqual([]);
          expect(back.plan).toBeDefined();
          // Markdown cannot say everything YAML can; markdownView states exactly what it gives back.
          const expected = to === 'md' ? markdownView(plan) : plan;
          expect(stripPlan(back.plan!)).toStrictEqual(stripPlan(expected));
          // And exporting again gives the same text (stable output).
          expect(exportPlan(back.plan!, to)).toBe(text);
        });
      }

      it('exports YAML and JSON that satisfy the schema', () => {
        const plan = original.plan!;
        expect(validatePlanValue(parseYamlText(exportPlan(plan, 'yaml')))).toEqual([]);
        expect(validatePlanValue(JSON.parse(exportPlan(plan, 'json')))).toEqual([]);
      });

      if (/\.(md|markdown)$/i.test(file)) {
        it('loses nothing in Markdown (markdownView is the identity on Markdown plans)', () => {
          expect(stripPlan(markdownView(original.plan!))).toStrictEqual(stripPlan(original.plan!));
        });
      }
    });
  }
});
