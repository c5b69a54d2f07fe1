import { isTimed } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Content that exists only after an assessment: 初步认定为一般突发环境事件的信息, 经核实, 研判后, "once confirmed". */
const ASSESSED = /初步认定|认定为|核实|研判|确认为|initial assessment|once confirmed|after verification/iu;
/** A time text that names its own starting point: 接到报告后2小时, 发现后1小时内, 自…起, "of receipt". */
const OWN_ANCHOR = /后|起|以来|\bafter\b|\bof\b|\bfrom\b|\bsince\b/iu;

/**
 * A report whose content exists only after an assessment (初步认定为重大突发环境事件的信息) and whose deadline names no starting
 * point (两小时内) leaves open whether the clock starts at 发现或者得知 or at the assessment — an unbounded gap when the
 * assessment itself is "立即". The deadline should say which (发现后两小时内, or `verify 完成后两小时内` after the assessment step).
 */
export default defineRule({
  meta: {
    id: 'ambiguous-anchor',
    description: { en: 'A report deadline says when its clock starts when the report follows an assessment', zh: '需先研判认定再报告的，报告时限应写明起算点' },
    severity: 'warning',
    clause: '突发环境事件信息报告办法（环境保护部令第17号）第三条 / 生产安全事故报告和调查处理条例 第九条（起算点：接到报告后、发现后）',
  },
  check({ plan, report }) {
    // A row with two recipients (本级人民政府、上一级环保部门) is two reports sharing one deadline: one finding.
    const seen = new Set<string>();
    for (const r of plan.reports) {
      const d = r.within;
      const key = d ? `${d.place?.start.line}:${d.place?.start.column}:${d.text}` : '';
      if (!d || seen.has(key)) continue;
      seen.add(key);
      if (!isTimed(d) || d.anchor.kind !== 'incident' || OWN_ANCHOR.test(d.text) || !ASSESSED.test(r.content ?? '')) continue;
      const what = (r.content ?? '').match(ASSESSED)![0];
      report({
        node: d,
        message: `Unexpected deadline \`${d.text}\` without a starting point for a report made after an assessment (\`${what}\`), expected whether the clock starts at discovery or at the assessment (\`发现后${d.text}\`, or \`<assessment step id> 完成后${d.text}\`)`,
        messageZh: `报告时限“${d.text}”未写明起算点，而该报告需在“${what}”之后作出：应写明从发现（得知）起算还是从${what}起算（如“发现后${d.text}”，或“<核实步骤标识> 完成后${d.text}”）`,
      });
    }
  },
});
