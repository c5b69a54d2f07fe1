import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { exportPlan } from '../src/export/index.js';
import { parseMarkdown, parseYaml } from '../src/parse/index.js';
import { generatePlan } from './generate.js';
import { measurePair, row } from './measure.js';

/** Builds a corpus: the bundled example plans plus generated ones, as Markdown texts and their YAML exports. */
export function corpus(dir: string, generated = 40): { md: string[]; yaml: string[] } {
  mkdirSync(dir, { recursive: true });
  const md: string[] = [];
  const yaml: string[] = [];
  for (let i = 0; i < generated; i++) {
    const text = generatePlan(i);
    md.push(text);
    const plan = parseMarkdown(text, `gen-${i}.md`).plan!;
    yaml.push(exportPlan(plan, 'yaml'));
    writeFileSync(join(dir, `gen-${i}.md`), text);
  }
  for (const f of ['plans/chem/hazardous-chemical-leak.md']) md.push(readFileSync(f, 'utf8'));
  return { md, yaml };
}

/** Parse throughput of yuan against remark-parse and yaml alone on the same texts (same run). */
export function benchParse(dir: string): string[] {
  const { md, yaml } = corpus(dir);
  const mb = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024 / 1024;
  const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const mdMB = mb(md);
  const yamlMB = mb(yaml);
  const [tRemark, tYuanMd] = measurePair(() => { for (const t of md) remark.parse(t); }, () => { for (const t of md) parseMarkdown(t, 'x.md'); });
  const [tYamlLib, tYuanYaml] = measurePair(
    () => { for (const t of yaml) { const lc = new LineCounter(); parseDocument(t, { lineCounter: lc }).toJS(); } },
    () => { for (const t of yaml) parseYaml(t, 'x.yaml'); });
  const baseMd = { name: 'remark-parse', value: mdMB / (tRemark / 1000), better: 'higher' as const };
  const baseYaml = { name: 'yaml', value: yamlMB / (tYamlLib / 1000), better: 'higher' as const };
  return [
    `parse — ${md.length} Markdown files (${mdMB.toFixed(2)} MB), ${yaml.length} YAML files (${yamlMB.toFixed(2)} MB)`,
    row('remark-parse + gfm + frontmatter (baseline)', baseMd.value, 'MB/s'),
    row('yuan parseMarkdown', mdMB / (tYuanMd / 1000), 'MB/s', baseMd),
    row('yaml parseDocument + LineCounter + toJS (baseline)', baseYaml.value, 'MB/s'),
    row('yuan parseYaml (incl. schema validation)', yamlMB / (tYuanYaml / 1000), 'MB/s', baseYaml),
  ];
}
