import { defineRule } from '../rule.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC) of an ISO date, or undefined when the text is not a real calendar date. */
function dayNumber(iso: string | undefined): number | undefined {
  const m = ISO.exec(iso?.trim() ?? '');
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return t / 86_400_000;
}

/** The ISO date `years` after `iso` (29 Feb rolls to 1 Mar). */
function addYears(iso: string, years: number): string {
  const m = ISO.exec(iso)!;
  const d = new Date(Date.UTC(Number(m[1]) + years, Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10);
}

/** Whole years and months between two ISO dates ("5 years 2 months"). */
function age(from: string, to: string): { years: number; months: number } {
  const [a, b] = [ISO.exec(from)!, ISO.exec(to)!];
  let months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  if (Number(b[3]) < Number(a[3])) months -= 1;
  return { years: Math.floor(months / 12), months: months % 12 };
}

/**
 * A plan is reviewed (评估/修订) at least every `maxAgeYears` years — enterprises by 生产安全事故应急预案管理办法 第三十五条,
 * governments by 突发事件应急预案管理办法 (原则上每3年评估一次). The age is read from the plan's own record (`reviewed`,
 * else `issued`); `source.date` is the publication date of the text that was read, not a review record, so it is not
 * used. A plan with no date at all is reported only for an enterprise plan that is not an excerpt: the enterprise must
 * keep the record, while a published government or foreign plan is dated by its issuer and an excerpt's cover page
 * was not seen.
 */
export default defineRule({
  meta: {
    id: 'stale-plan',
    description: { en: 'A plan was reviewed within the last few years (default 3)', zh: '预案应在规定年限内（默认3年）评估修订' },
    severity: 'warning',
    clause: '生产安全事故应急预案管理办法 第三十五条（每三年进行一次应急预案评估）/ 突发事件应急预案管理办法（定期评估）',
    options: { maxAgeYears: 3 },
  },
  check({ plan, options, today, regime, excerpt, report }) {
    const maxAgeYears = typeof options.maxAgeYears === 'number' && options.maxAgeYears > 0 ? options.maxAgeYears : 3;
    const { meta } = plan;
    const field = dayNumber(meta.reviewed) !== undefined ? 'reviewed' : dayNumber(meta.issued) !== undefined ? 'issued' : undefined;
    if (!field) {
      // A date that is present but unreadable is already reported by the parser (parse/front-matter).
      if (meta.reviewed?.trim() || meta.issued?.trim()) return;
      if (regime !== 'enterprise' || excerpt) return;
      report({
        node: meta,
        message: 'Unexpected plan without `reviewed` or `issued` date, expected the date of the last review (评审/修订日期) as YYYY-MM-DD',
        messageZh: '预案既无评审（修订）日期也无发布日期，应填写 `reviewed:`（最近评审/修订日期，YYYY-MM-DD）',
      });
      return;
    }
    const date = meta[field]!.trim();
    const due = addYears(date, Math.floor(maxAgeYears));
    const dueDay = dayNumber(due)! + Math.round((maxAgeYears % 1) * 365.25);
    const now = dayNumber(today);
    if (now === undefined || now <= dueDay) return;
    const { years, months } = age(date, today);
    const what = field === 'reviewed' ? 'last review' : 'issue date (never reviewed)';
    const whatZh = field === 'reviewed' ? '最近一次评审（修订）' : '发布日期（此后未评审）';
    const span = `${years} year${years === 1 ? '' : 's'}${months ? ` ${months} month${months === 1 ? '' : 's'}` : ''}`;
    report({
      node: meta, field,
      message: `Unexpected ${what} ${date}, ${span} before ${today}, expected a review at least every ${maxAgeYears} years`,
      messageZh: `预案${whatZh}为 ${date}，距 ${today} 已 ${years} 年${months ? ` ${months} 个月` : ''}，应至少每 ${maxAgeYears} 年评估修订一次`,
    });
  },
});
