import { dueSeconds, isTimed, type Plan, type Report } from '../../model/index.js';
import { defineRule } from '../rule.js';
import { absoluteDeadlines, minutes } from '../timing.js';

/** Recipients that are a government authority (应急管理局, 人民政府, 安监, emergency management …). */
const AUTHORITY = /政府|应急管理|应急局|安监|安全生产监督|安全监管|负有安全生产监督管理职责|authority|authorities|emergency management|government|ministry|bureau/iu;

/** True when a report goes to a government authority. */
export const isAuthority = (to: string) => AUTHORITY.test(to);

/**
 * Latest time, in seconds from the incident, by which a report must be made over the levels it applies to:
 * level-anchored limits add the level's activation deadline, step-anchored ones the step's own latest finish.
 * Undefined when the time limit is missing or unreadable.
 */
function latestSeconds(plan: Plan, r: Report): number | undefined {
  const w = r.within;
  if (!isTimed(w)) return undefined;
  const levels = r.levels.length ? r.levels : plan.levels.length ? plan.levels.map((l) => l.id) : [undefined];
  let worst = w.seconds;
  for (const id of levels) {
    if (w.anchor.kind === 'level') {
      const a = dueSeconds(plan.levels.find((l) => l.id === id)?.activation);
      worst = Math.max(worst, w.seconds + (a ?? 0));
    } else if (w.anchor.kind === 'step') {
      const base = absoluteDeadlines(plan, id).get(w.anchor.step)?.seconds;
      if (base !== undefined) worst = Math.max(worst, base + w.seconds);
    }
  }
  return worst;
}

/** A general or special plan reports to the authority, and within the legal time limit (1 hour by default). */
export default defineRule({
  meta: {
    id: 'report-authority',
    description: { en: 'The plan reports to the authority within 1 hour', zh: '预案应规定在1小时内向政府有关部门报告' },
    severity: 'error',
    clause: '生产安全事故报告和调查处理条例 第九条（单位负责人接到报告后1小时内报告）',
    kinds: ['general', 'special'],
    options: { maxSeconds: 3600 },
  },
  check({ plan, options, report }) {
    const maxSeconds = typeof options.maxSeconds === 'number' && options.maxSeconds > 0 ? options.maxSeconds : 3600;
    const limitEn = minutes(maxSeconds, 'en');
    const limitZh = minutes(maxSeconds, 'zh');
    const toAuthority = plan.reports.filter((r) => isAuthority(r.to));
    if (!toAuthority.length) {
      const section = plan.sections.find((s) => s.key === 'reports' || s.key === 'information');
      report({
        ...(section ? { node: section, field: 'title' } : { node: plan.meta, field: 'title' }),
        message: `Unexpected plan without a report to the authority, expected a reports row such as \`县应急管理局 | ${limitZh}\` (within ${limitEn})`,
        messageZh: `预案未规定向政府应急管理部门报告，应在信息报告表中写明报告对象（如县应急管理局）和时限（${limitZh}内）`,
      });
      return;
    }
    for (const r of toAuthority) {
      const seconds = latestSeconds(plan, r);
      if (r.within && !Number.isFinite(r.within.seconds)) continue; // parse/duration already reported it
      if (seconds !== undefined && seconds <= maxSeconds) continue;
      const got = seconds === undefined ? 'no time limit' : `a time limit of ${minutes(seconds, 'en')}${r.within!.anchor.kind === 'incident' ? '' : ' from the incident'}`;
      const gotZh = seconds === undefined ? '未规定时限' : `时限为${minutes(seconds, 'zh')}${r.within!.anchor.kind === 'incident' ? '' : '（自事发起算）'}`;
      report({
        node: r, field: 'within',
        message: `Unexpected report to ${r.to} with ${got}, expected within ${limitEn}`,
        messageZh: `向${r.to}的报告${gotZh}，应在${limitZh}内报告`,
      });
    }
  },
});
