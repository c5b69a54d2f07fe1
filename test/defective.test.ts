import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPlanFiles } from '../src/parse/index.js';
import { allRules, lintFiles, loadConfig } from '../src/validate/index.js';

// plans/defective/ seeds every defect a reviewer should find. This is the exact list yuan must report:
// [file under plans/defective/, line, column, rule]. Each entry was checked against the plan text by hand.
const EXPECTED: [string, number, number, string][] = [
  // unmeasurable-criterion / undefined-quantifier / circular-criterion / ambiguous-compound-band (issue 10): 大量浓酸泄漏 and 若干人员被困
  // grade II (and, negated, III), 需要启动II级响应 defines II by itself, 500升或1吨以上、5000升或10吨以下 mixes units in each bound,
  // 人口密集地区 grades II undefined (undefined-term)
  ["criteria-vague.md",5,9,"system-parent"],
  ["criteria-vague.md",32,11,"undefined-term"],
  ["criteria-vague.md",52,10,"undefined-quantifier"],
  ["criteria-vague.md",52,10,"unmeasurable-criterion"],
  ["criteria-vague.md",53,9,"ambiguous-compound-band"],
  ["criteria-vague.md",54,9,"undefined-quantifier"],
  ["criteria-vague.md",54,9,"unmeasurable-criterion"],
  ["criteria-vague.md",56,9,"circular-criterion"],
  ["env-grades.md",1,1,"termination-required"],
  ["env-grades.md",3,8,"required-sections"],
  ["env-grades.md",3,8,"required-sections"],
  ["env-grades.md",3,8,"required-sections"],
  ["env-grades.md",48,9,"reference-grade-conflict"],
  ["env-grades.md",50,9,"reference-grade-conflict"],
  ["grades-differ.md",1,1,"termination-required"],
  ["grades-differ.md",3,8,"required-sections"],
  ["grades-differ.md",3,8,"required-sections"],
  ["grades-differ.md",3,8,"required-sections"],
  ["grades-differ.md",44,1,"level-unreachable"],
  ["grades-differ.md",51,9,"reference-grade-deviation"],
  ["grades-differ.md",53,9,"level-overlap"],
  ["grades-differ.md",53,9,"level-overlap"],
  ["grades-differ.md",53,9,"reference-grade-deviation"],
  ["grades-differ.md",54,9,"duplicated-criterion"],
  ["incomplete-onsite.md",3,8,"plan-regime"],
  ["incomplete-onsite.md",3,8,"required-sections"],
  ["incomplete-onsite.md",3,8,"required-sections"],
  ["incomplete-onsite.md",5,9,"system-parent"],
  ["levels-gap.md",1,1,"termination-required"],
  ["levels-gap.md",3,8,"plan-regime"],
  ["levels-gap.md",29,3,"fact-unused"],
  ["levels-gap.md",51,22,"level-coverage"],
  ["levels-gap.md",52,25,"level-coverage"],
  ["levels-gap.md",52,73,"level-decider"],
  ["levels-gap.md",52,77,"level-activation"],
  ["levels-gap.md",53,23,"level-monotonic"],
  ["levels-gap.md",54,19,"level-trigger"],
  ["levels-gap.md",62,9,"escalation-path"],
  ["levels-single.yaml",6,10,"plan-regime"],
  ["levels-single.yaml",56,9,"level-grading"],
  ["meta-stale.md",1,1,"meta-owner"],
  ["meta-stale.md",1,1,"meta-version"],
  ["meta-stale.md",3,8,"plan-regime"],
  ["meta-stale.md",5,9,"system-parent"],
  ["meta-stale.md",7,11,"stale-plan"],
  ["meta-stale.md",72,12,"report-authority"],
  ["meta-stale.md",73,16,"report-deadline-missing"],
  ["roles-unclear.md",3,8,"plan-regime"],
  ["roles-unclear.md",5,9,"system-parent"],
  ["roles-unclear.md",41,27,"role-deputy"],
  ["roles-unclear.md",44,23,"role-conflict"],
  ["roles-unclear.md",44,40,"contact-ambiguous"],
  ["roles-unclear.md",45,36,"role-deputy"],
  ["roles-unclear.md",45,53,"role-contact"],
  ["roles-unclear.md",46,3,"role-unused"],
  ["roles-unclear.md",68,29,"role-vague"],
  ["roles-unclear.md",69,37,"role-undefined"],
  ["roles-unclear.md",72,26,"step-owner"],
  ["roles-unclear.md",73,68,"first-report-to-unit-head"],
  ["steps-broken.yaml",9,10,"plan-regime"],
  ["steps-broken.yaml",11,11,"system-parent"],
  ["steps-broken.yaml",43,11,"step-unreachable"],
  ["steps-broken.yaml",52,128,"notify-undefined"],
  ["steps-broken.yaml",54,93,"step-level-gap"],
  ["steps-broken.yaml",55,85,"step-deadline-chain"],
  ["steps-broken.yaml",57,5,"step-deadline"],
  ["steps-broken.yaml",58,131,"resource-undefined"],
  ["steps-broken.yaml",59,88,"step-cycle"],
  ["steps-broken.yaml",61,81,"step-dangling"],
  ["steps-broken.yaml",62,109,"parse/unknown-level"],
  ["steps-broken.yaml",62,109,"step-unreachable"],
  ["steps-broken.yaml",65,9,"termination-unreachable"],
  ["steps-broken.yaml",71,43,"resource-shortage"],
  ["system/berth-fire.md",3,8,"plan-regime"],
  ["system/berth-fire.md",38,15,"system-role-consistency"],
  ["system/berth-fire.md",48,1,"system-level-mapping"],
  ["system/berth-fire.md",49,1,"system-level-mapping"],
  ["system/general.md",3,8,"plan-regime"],
  ["system/loading-arm.yaml",6,10,"plan-regime"],
  ["system/loading-arm.yaml",9,16,"system-escalates-to"],
  ["system/loading-arm.yaml",64,18,"system-level-mapping"],
  ["system/oil-spill.yaml",6,10,"plan-regime"],
  ["system/oil-spill.yaml",8,11,"system-parent"],
  // warning rules (issue 10): warnings-unclear.md seeds one defect per warning rule and a prerequisite that cannot happen at its step's level (step-prerequisite); warning-after-event.md a "warning" sent after the event and a report of "经核实确认" information whose 2小时 has no starting point (ambiguous-anchor)
  ["warning-after-event.md",5,9,"system-parent"],
  ["warning-after-event.md",36,4,"warning-criteria"],
  ["warning-after-event.md",59,13,"ambiguous-anchor"],
  ["warnings-unclear.md",5,9,"system-parent"],
  ["warnings-unclear.md",46,13,"warning-measurable"],
  ["warnings-unclear.md",47,13,"warning-measurable"],
  ["warnings-unclear.md",47,13,"warning-overlap"],
  ["warnings-unclear.md",47,82,"warning-callback"],
  ["warnings-unclear.md",48,8,"warning-order"],
  ["warnings-unclear.md",49,13,"warning-order"],
  ["warnings-unclear.md",49,37,"warning-issuer"],
  ["warnings-unclear.md",49,39,"warning-actions"],
  ["warnings-unclear.md",49,41,"warning-callback"],
  ["warnings-unclear.md",72,51,"step-prerequisite"],
];

describe('plans/defective', () => {
  const { files } = collectPlanFiles(['plans/defective']);
  const result = lintFiles(files, { today: '2026-11-25' });
  const actual = result.diagnostics.map((d) => [d.file.replace(/^plans\/defective\//, ''), d.place?.start.line, d.place?.start.column, d.ruleId]);

  it('reports exactly the seeded defects, at the right line and column', () => {
    expect(actual).toEqual(EXPECTED);
  });

  it('makes every rule fire at least once', () => {
    const fired = new Set(result.diagnostics.map((d) => d.ruleId));
    expect(allRules.map((r) => r.meta.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  it('gives every finding a Chinese message and a docs URL', () => {
    for (const d of result.diagnostics) {
      expect(d.messageZh, d.ruleId).toMatch(/[\u4e00-\u9fff]/);
      if (!d.ruleId.startsWith('parse/')) expect(d.url).toMatch(new RegExp(`docs/rules/${d.ruleId}\\.md$`));
    }
  });
});

describe('good examples', () => {
  it('plans/chem and plans/flood lint clean as one system, with the repository config (their regimes)', () => {
    const { files } = collectPlanFiles(['plans/chem', 'plans/flood']);
    expect(files.length).toBeGreaterThanOrEqual(6);
    const { config, diagnostics } = loadConfig('yuan.config.yaml', allRules.map((r) => r.meta.id));
    expect(diagnostics).toEqual([]);
    const result = lintFiles(files, { config, today: '2026-11-25' });
    expect(result.diagnostics.map((d) => `${d.file}:${d.place?.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.plans).toHaveLength(files.length);
  });
});

describe('rule documentation', () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s has meta and a bilingual docs page', (id, rule) => {
    expect(rule.meta.description.en.length).toBeGreaterThan(10);
    expect(rule.meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
    const page = `docs/rules/${id}.md`;
    expect(existsSync(page), page).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/Bad|错误示例|不正确/);
  });
});
