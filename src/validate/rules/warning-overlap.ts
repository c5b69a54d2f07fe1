import { describeBox, TRUE, type Expr, type Formula } from '../../expr/index.js';
import type { WarningLevel } from '../../model/index.js';
import { limitOption, limitText, SOLVER_LIMIT, TriggerLogic } from '../logic.js';
import { defineRule } from '../rule.js';
import { bySeverity, COLOUR_NAME } from '../warnings.js';
import { measurablePart, vagueAtoms } from '../wording.js';

/**
 * Two warning colours are told apart by something measurable. Reported at the less severe colour, with the more severe
 * ones as related: (a) when only unmeasurable wording separates them — set 即将发生 / 会随时发生 aside and 预计特别重大 meets
 * both 一级 and 二级, so the colour repeats the grade forecast instead of giving criteria; (b) under the `exclusive`
 * convention, when one situation meets both. Under `highest` (就高, the default) a situation meeting two colours is
 * simply the more severe one.
 */
export default defineRule({
  meta: {
    id: 'warning-overlap',
    description: { en: 'Warning colours are separated by measurable criteria', zh: '各级预警应以可度量的条件相互区分' },
    severity: 'warning',
    clause: 'GB/T 29639-2020 6.3.2 (预警分级) / 突发事件应对法 第六十三条',
    options: { ...SOLVER_LIMIT },
  },
  check({ plan, options, report, truncated }) {
    const ws = bySeverity(plan.warnings.filter((w) => w.trigger?.ast));
    if (ws.length < 2) return;
    const logic = new TriggerLogic(plan, limitOption(options, 'maxWork'));
    const f = (e: Expr | undefined): Formula => (e ? logic.holds(e) : TRUE);
    const full = new Map(ws.map((w) => [w, f(w.trigger!.ast)]));
    const loose = new Map(ws.map((w) => [w, f(measurablePart(w.trigger!.ast!, plan.facts))]));
    const vague = new Set(ws.filter((w) => vagueAtoms(w.trigger!.ast!, plan.facts).length > 0));
    const exclusive = plan.meta.grading === 'exclusive';
    let cut = false;
    for (const [i, mild] of ws.entries()) {
      const hits: { w: WarningLevel; how: 'wording' | 'both'; box?: string; boxZh?: string }[] = [];
      for (const severe of ws.slice(0, i)) {
        if (severe.colour === mild.colour) continue;
        const box = logic.witness(full.get(severe)!, full.get(mild)!);
        if (box === undefined) { cut = true; continue; }
        if (box) {
          if (exclusive) hits.push({ w: severe, how: 'both', box: describeBox(box, plan.facts, 'en'), boxZh: describeBox(box, plan.facts, 'zh') });
          continue;
        }
        if (!vague.has(severe) && !vague.has(mild)) continue;
        const loose2 = logic.witness(loose.get(severe)!, loose.get(mild)!);
        if (loose2 === undefined) { cut = true; continue; }
        if (loose2) hits.push({ w: severe, how: 'wording', box: describeBox(loose2, plan.facts, 'en'), boxZh: describeBox(loose2, plan.facts, 'zh') });
      }
      if (!hits.length) continue;
      const c = COLOUR_NAME[mild.colour];
      const names = hits.map((h) => `${COLOUR_NAME[h.w.colour].en} \`${h.w.id}\``).join(', ');
      const namesZh = hits.map((h) => `${COLOUR_NAME[h.w.colour].zh}预警 \`${h.w.id}\``).join('、');
      const both = hits.find((h) => h.how === 'both');
      report({
        node: mild, field: 'trigger',
        message: both
          ? `Unexpected overlap: ${both.box} issues both ${names} and ${c.en} \`${mild.id}\`, expected each situation to issue one colour`
          : `Unexpected ${c.en} warning \`${mild.id}\` separated from ${names} only by unmeasurable wording, expected a measurable criterion that tells the colours apart (set the wording aside and ${hits[0].box} meets both)`,
        messageZh: both
          ? `${both.boxZh} 时同时满足${namesZh}和${c.zh}预警 \`${mild.id}\` 的发布条件，每种情形应只对应一种颜色`
          : `${c.zh}预警 \`${mild.id}\` 与${namesZh}只靠无法度量的措辞区分：去掉这些措辞，${hits[0].boxZh} 时同时满足两级条件，应以可度量的条件区分各级预警`,
        related: hits.map((h) => ({ node: h.w, field: 'trigger', message: `${COLOUR_NAME[h.w.colour].en} warning \`${h.w.id}\` is here`, messageZh: `${COLOUR_NAME[h.w.colour].zh}预警 \`${h.w.id}\` 在此` })),
      });
    }
    if (cut) truncated({ node: ws[0], field: 'trigger', what: { en: 'the comparison of the warning criteria', zh: '各级预警发布条件的两两比较' }, limit: limitText('work', options) });
  },
});
