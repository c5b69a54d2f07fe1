import { isTimed, type Plan, type Report } from '../../model/index.js';
import { authoritySector, notAuthority, type Sector } from '../authority.js';
import { latestSeconds, reportRows } from '../reports.js';
import { defineRule } from '../rule.js';
import { minutes } from '../timing.js';

export { isAuthority } from '../authority.js';

const HOUR = 3600;
const DAY = 86_400;

/** A statutory limit: seconds, and the clause that sets it. */
interface Limit { seconds: number; clause: { en: string; zh: string } }

/** Road traffic and fire accidents have 7 days for a supplementary report instead of 30 (Order 493 Art. 13). */
const SEVEN_DAYS = /道路交通|交通事故|火灾|fire|road traffic/iu;

/**
 * The limit a reporting duty is held to under the plan's regime and the recipient's sector, or undefined when no rule
 * sets one:
 * - enterprise plans (Order 493): the unit head's first report to the authority within 1 h of receipt (Art. 9), each
 *   hop up within 2 h (Art. 11), a supplementary report within 30 days of a change in casualties (7 days for road
 *   traffic and fire, Art. 13); follow-ups and notices have no statutory limit;
 * - cyber recipients (国家网络安全事件报告管理办法 Art. 4): a first report within 4 h at most (1 h for critical
 *   information infrastructure, 2 h for central and state bodies);
 * - environmental recipients in a government plan (环境保护部令第17号 Art. 3): within 2 h for 重大/特别重大 (levels Ⅰ–Ⅱ),
 *   4 h for 一般/较大.
 */
function limitFor(plan: Plan, r: Report, sector: Sector, regime: string, maxSeconds: number): Limit | undefined {
  const kind = r.kind ?? 'first';
  if (sector === 'cyber') {
    if (kind !== 'first') return undefined;
    return { seconds: 4 * HOUR, clause: { en: 'cyber incident reporting measures Art. 4: 1 h, 2 h or 4 h by kind of operator', zh: '国家网络安全事件报告管理办法 第四条（按运营者类别1小时、2小时或4小时）' } };
  }
  if (sector === 'environment' && regime === 'government') {
    if (kind !== 'first') return undefined;
    const ranks = (r.levels.length ? r.levels : plan.levels.map((l) => l.id)).map((id) => plan.levels.find((l) => l.id === id)?.rank ?? 4);
    const severe = ranks.length > 0 && ranks.every((k) => k <= 2);
    return severe
      ? { seconds: 2 * HOUR, clause: { en: 'MEP Order 17 Art. 3: 2 h for major and especially major incidents', zh: '环境保护部令第17号 第三条（重大、特别重大事件2小时内）' } }
      : { seconds: 4 * HOUR, clause: { en: 'MEP Order 17 Art. 3: 4 h for ordinary and larger incidents', zh: '环境保护部令第17号 第三条（一般、较大事件4小时内）' } };
  }
  if (regime !== 'enterprise' || sector === 'environment') return undefined;
  if (kind === 'first') return { seconds: maxSeconds, clause: { en: 'Order 493 Art. 9: the unit head reports within 1 h of receipt', zh: '生产安全事故报告和调查处理条例 第九条（单位负责人接到报告后1小时内）' } };
  if (kind === 'hop') return { seconds: 2 * HOUR, clause: { en: 'Order 493 Art. 11: each level passes it up within 2 h', zh: '生产安全事故报告和调查处理条例 第十一条（每级上报不超过2小时）' } };
  if (kind === 'supplementary') {
    const days = SEVEN_DAYS.test(`${plan.meta.hazard ?? ''}${plan.meta.title}`) ? 7 : 30;
    return { seconds: days * DAY, clause: { en: `Order 493 Art. 13: within ${days} days of a change in casualties`, zh: `生产安全事故报告和调查处理条例 第十三条（伤亡人数变化的，${days}日内补报）` } };
  }
  return undefined;
}

const span = (seconds: number, lang: 'en' | 'zh') => (seconds >= DAY && seconds % DAY === 0 ? (lang === 'en' ? `${seconds / DAY} days` : `${seconds / DAY}日`) : minutes(seconds, lang));

/**
 * Reports reach the authority within the statutory time limit of the plan's regime and of the recipient's sector (see
 * `limitFor`); an enterprise plan reports to a government authority at all. A row with no time limit is
 * `report-deadline-missing`'s finding and a vague one `time/vague`'s, not this rule's; a row with several recipients is
 * judged once. A plan written under NIMS/ICS or another country's rules has no Chinese reporting duty.
 */
export default defineRule({
  meta: {
    id: 'report-authority',
    description: { en: 'Reports reach the authority within the statutory time limit', zh: '应在法定时限内向政府有关部门报告' },
    severity: 'error',
    clause: '生产安全事故报告和调查处理条例 第九、十一、十三条 / 国家网络安全事件报告管理办法 第四条 / 环境保护部令第17号 第三条',
    kinds: ['general', 'special'],
    regimes: ['enterprise', 'government'],
    options: { maxSeconds: 3600 },
  },
  check({ plan, options, regime, excerpt, report }) {
    const maxSeconds = typeof options.maxSeconds === 'number' && options.maxSeconds > 0 ? options.maxSeconds : HOUR;
    const rows = reportRows(plan);
    const official = rows.filter((row) => row.to.some((t) => authoritySector(t)));
    if (!official.length) {
      // Only an enterprise plan must carry the first report itself (a government plan's reporting is required-sections'
      // 信息报告 element); an excerpt's reporting section may be in the part not seen.
      if (regime !== 'enterprise' || excerpt) return;
      const section = plan.sections.find((s) => s.key === 'reports' || s.key === 'information');
      const recipients = rows.flatMap((r) => r.to);
      const why = recipients.length ? notAuthority(recipients) : undefined;
      report({
        ...(section ? { node: section, field: 'title' } : { node: plan.meta, field: 'title' }),
        message: `Unexpected plan without a report to a government authority${why ? ` (${why.en})` : ''}, expected a reports row to the county emergency management bureau (or the department with production-safety duties) within ${minutes(maxSeconds, 'en')} (Order 493 Art. 9)`,
        messageZh: `预案未规定向政府部门报告${why ? `（${why.zh}）` : ''}，应在信息报告表中写明报告对象（如县应急管理局或负有安全生产监督管理职责的部门）和时限（${minutes(maxSeconds, 'zh')}内，条例第九条）`,
      });
      return;
    }
    for (const row of official) {
      const r = row.report;
      if (!isTimed(r.within)) continue; // missing: report-deadline-missing; vague or unreadable: time/*
      const seconds = latestSeconds(plan, r)!;
      // The strictest limit among the row's recipients (a row to 县应急管理局、县生态环境局 is held to the 1 h of the first).
      let limit: Limit | undefined;
      for (const to of row.to) {
        const sector = authoritySector(to);
        const l = sector && limitFor(plan, r, sector, regime, maxSeconds);
        if (l && (!limit || l.seconds < limit.seconds)) limit = l;
      }
      if (!limit || seconds <= limit.seconds) continue;
      const fromIncident = r.within.anchor.kind === 'level' || r.within.anchor.kind === 'step';
      report({
        node: r, field: 'within',
        message: `Unexpected report to ${row.to.join(', ')} with a time limit of ${span(seconds, 'en')}${fromIncident ? ' from the incident' : ''}, expected within ${span(limit.seconds, 'en')} (${limit.clause.en})`,
        messageZh: `向${row.to.join('、')}的报告时限为${span(seconds, 'zh')}${fromIncident ? '（自事发起算）' : ''}，应在${span(limit.seconds, 'zh')}内报告（${limit.clause.zh}）`,
      });
    }
  },
});
