import type { Located, Trigger } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** The unit head (单位负责人) of Order 493 Art. 9, as plans name the post. */
const UNIT_HEAD = /单位负责人|主要负责人|总经理|厂长|矿长|法定代表人|董事长|unit head|general manager|plant manager|managing director/iu;
/** A duty that reports: 报告, 汇报, 报告…情况, report, notify. */
const REPORTS = /报告|汇报|上报|报告情况|report|notify/iu;

/**
 * On an enterprise's accident, whoever is on the scene reports to the unit head at once, and the unit head reports to the
 * authority within 1 h (Order 493 Art. 9). A plan that makes the report to the unit head conditional (必要时, only when
 * the shift leader thinks it necessary) or optional (宜, 可) breaks the first link of that chain: the 1 h never starts.
 */
export default defineRule({
  meta: {
    id: 'first-report-to-unit-head',
    description: { en: 'The report to the unit head is immediate and unconditional', zh: '向单位负责人的报告应立即、无条件进行' },
    severity: 'error',
    clause: '生产安全事故报告和调查处理条例 第九条（事故现场有关人员应当立即向本单位负责人报告）',
    regimes: ['enterprise'],
  },
  check({ plan, report }) {
    const duties: { node: Located; what: string; when?: Trigger; optional: boolean; field: string }[] = [];
    for (const s of plan.steps) {
      const head = UNIT_HEAD.exec(s.action);
      if (head && REPORTS.test(s.action)) duties.push({ node: s, what: head[0], when: s.condition, optional: s.obligation === 'should' || s.obligation === 'may', field: s.condition ? 'condition' : 'obligation' });
    }
    for (const r of plan.reports) {
      const head = UNIT_HEAD.exec(r.to);
      if (head) duties.push({ node: r, what: head[0], when: r.when, optional: r.obligation === 'should' || r.obligation === 'may', field: r.when ? 'when' : 'obligation' });
    }
    for (const d of duties) {
      if (!d.when && !d.optional) continue;
      const only = d.when ? `only when \`${d.when.text}\`` : 'as optional';
      const onlyZh = d.when ? `仅在 \`${d.when.text}\` 时` : '为非强制要求';
      report({
        node: d.node, field: d.field,
        message: `Unexpected report to the unit head (${d.what}) ${only}, expected an immediate report on every accident, so that the unit head's 1 h to the authority starts (Order 493 Art. 9)`,
        messageZh: `向单位负责人（${d.what}）的报告${onlyZh}进行，应在事故发生后立即报告，单位负责人方能在1小时内向政府部门报告（条例第九条）`,
      });
    }
  },
});
