import { BAND_NAMES, duration, type Band, type DimensionId, type GapKind, type ObjectiveStatus, type Rating, type StepResult, type TimeStatus } from '../score/index.js';

export type { Lang } from '../i18n/index.js';
import { MESSAGES, msg, msgWith, type Lang, type MessageId } from '../i18n/index.js';

/**
 * The language of a document for the plan's readers (after-action reports, live pages): `--lang` when the user gave
 * it, else the plan's own language (Chinese unless the plan says `language: en`). The one rule every command follows.
 */
export const documentLang = (plan: { meta: { language?: string } }, chosen: Lang | undefined): Lang =>
  chosen ?? (plan.meta.language === 'en' ? 'en' : 'zh');

const zh = {
  title: '演练评估报告（复盘）',
  plan: '预案', scenario: '演练', mode: '方式', date: '演练日期', duration: '演练时长', incidentStart: '事故开始',
  warranted: '应启动级别', declared: '已启动级别', finalLevel: '最终级别', none: '无',
  summary: '概要', overall: '总分', scores: '分项得分', dimension: '维度', score: '得分', weight: '权重', weighted: '加权得分',
  item: '评估项', value: '得分率', points: '得分', evidence: '证据（事件序号）', notEvaluated: '无可评估项，不计入总分',
  keyTimes: '关键时间节点', activation: '响应启动', milestone: '里程碑', deadline: '时限', doneAt: '完成时刻', latency: '用时', status: '状态',
  containment: '事态控制', termination: '响应终止', notReached: '未达到',
  steps: '步骤评定（HSEEP P/S/M/U）', step: '步骤', action: '措施', owner: '负责', doneBy: '执行', rating: '评定', gapsCol: '问题',
  gaps: '协同问题及证据', gapId: '编号', kind: '类型', description: '说明', penalty: '扣分', noGaps: '未发现协同问题。',
  objectives: '演练目标与预期行动', objective: '目标', met: '达成', notMet: '未达成', within: '时限', noObjectives: '本次演练未设定目标。',
  strengths: '优势', noStrengths: '无。',
  improvement: '整改计划', loop: '闭环管理：发现 → 登记 → 整改 → 验收 → 销号。下表为“登记”结果，整改完成后由责任角色提交验收，验收合格后销号。',
  finding: '发现', corrective: '整改措施', responsible: '责任角色', due: '完成期限', verify: '验收', open: '待整改', dueRelative: (d: number) => `演练后${d}日内`,
  noImprovement: '无需整改。',
  timeline: '时间线（按角色）', breakdown: '得分构成', legend: '图例',
  lgWindow: '应完成时段（开始—时限）', lgOnTime: '按时完成', lgLate: '超时完成（红线为超时部分）', lgMissed: '未完成', lgOverdue: '超过时限', lgInject: '情景注入', lgLevel: '启动响应', lgNotify: '通知', lgOther: '其他行动', lgWrong: '非负责角色完成',
  method: '评分方法', methodText: '评分只依据演练日志和预案计算，方法与公式见 docs/scoring.md。',
  ratingRules: 'P：按时且由负责角色完成；S：超时不超过时限的50%或有轻微问题；M：超时超过50%或由非负责角色完成；U：未完成。',
  params: '参数', handoff: '交接延误阈值', generated: '由 yuan 生成',
  notes: '说明（不计分）', limit: '时限要求',
  bandCapped: (score: string, reasons: string) => `按得分为${score}；因${reasons}，评定等级不高于此`,
  notRated: (reasons: string) => `演练在${reasons}之前结束，只评估了部分内容，不评定等级`,
  minutes: '分钟', level: (l: string) => `${l}级`, levelResp: (l: string) => `${l}级响应`,
  ratingsLabel: 'P/S/M/U 计数',
  summaryLine: (g: number, f: number, s: number) => `发现协同问题 ${g} 项，登记整改 ${f} 项，优势 ${s} 项。`,
  firstResponse: '首次响应', initialDisposal: '初期处置', by: '由',
  roles: '角色',
  injects: '情景注入', time: '时刻', to: '对象', message: '内容', facts: '揭示的事故信息', everyone: '全体',
  expected: '预期行动（MSEL）', inject: '注入', expectedWhat: '预期', notChecked: '无法客观核查（仅文字）', noExpected: '',
};

const en: typeof zh = {
  title: 'After-action report',
  plan: 'Plan', scenario: 'Drill', mode: 'Mode', date: 'Drill date', duration: 'Duration', incidentStart: 'Incident start',
  warranted: 'Warranted level', declared: 'Declared level', finalLevel: 'Final level', none: 'none',
  summary: 'Summary', overall: 'Overall', scores: 'Scores by dimension', dimension: 'Dimension', score: 'Score', weight: 'Weight', weighted: 'Weighted',
  item: 'Item', value: 'Value', points: 'Points', evidence: 'Evidence (event seq)', notEvaluated: 'nothing to evaluate; left out of the overall',
  keyTimes: 'Key times', activation: 'Activation', milestone: 'Milestone', deadline: 'Deadline', doneAt: 'Done at', latency: 'Latency', status: 'Status',
  containment: 'Containment', termination: 'Termination', notReached: 'not reached',
  steps: 'Steps (HSEEP P/S/M/U)', step: 'Step', action: 'Action', owner: 'Owner', doneBy: 'Done by', rating: 'Rating', gapsCol: 'Gaps',
  gaps: 'Coordination gaps and evidence', gapId: 'Id', kind: 'Kind', description: 'Description', penalty: 'Penalty', noGaps: 'No coordination gaps found.',
  objectives: 'Objectives and expected actions', objective: 'Objective', met: 'met', notMet: 'not met', within: 'Within', noObjectives: 'The drill set no objectives.',
  strengths: 'Strengths', noStrengths: 'None.',
  improvement: 'Improvement plan', loop: 'Closed loop: find → register → correct → verify → close. The table registers the findings; the responsible role submits each action for verification, then it is closed.',
  finding: 'Finding', corrective: 'Corrective action', responsible: 'Responsible', due: 'Due', verify: 'Verified', open: 'Open', dueRelative: (d: number) => `within ${d} days of the drill`,
  noImprovement: 'Nothing to correct.',
  timeline: 'Timeline by role', breakdown: 'Score breakdown', legend: 'Legend',
  lgWindow: 'expected window (start–deadline)', lgOnTime: 'done on time', lgLate: 'done late (red = overrun)', lgMissed: 'not done', lgOverdue: 'deadline passed', lgInject: 'inject', lgLevel: 'level declared', lgNotify: 'notification', lgOther: 'other action', lgWrong: 'done by a non-owner',
  method: 'Method', methodText: 'The score is computed from the drill log and the plan alone; see docs/scoring.md for the formulas.',
  ratingRules: 'P: on time by the owner; S: late by ≤ 50% of the allowance or a minor gap; M: late by > 50% or done by a non-owner; U: not done.',
  params: 'Parameters', handoff: 'Handoff threshold', generated: 'Generated by yuan',
  notes: 'Notes (not scored)', limit: 'Time limit',
  bandCapped: (score: string, reasons: string) => `the score alone gives ${score}; because of ${reasons} the band is no higher`,
  notRated: (reasons: string) => `the drill ended before ${reasons}; only part of it was evaluated, so it is not rated`,
  minutes: 'min', level: (l: string) => `level ${l}`, levelResp: (l: string) => `level ${l} response`,
  ratingsLabel: 'P/S/M/U counts',
  summaryLine: (g: number, f: number, s: number) => `${g} coordination gap(s), ${f} finding(s) registered for correction, ${s} strength(s).`,
  firstResponse: 'First response', initialDisposal: 'Initial disposal', by: 'by',
  roles: 'Roles',
  injects: 'Injects', time: 'Time', to: 'To', message: 'Message', facts: 'Facts revealed', everyone: 'everyone',
  expected: 'Expected actions (MSEL)', inject: 'Inject', expectedWhat: 'Expected', notChecked: 'not checkable (text only)', noExpected: '',
};

export const T: Record<Lang, typeof zh> = { zh, en };

export const DIMENSION_NAMES: Record<Lang, Record<DimensionId, string>> = {
  zh: { time: '响应时间', coordination: '协同效率', effect: '处置效果' },
  en: { time: 'Response time', coordination: 'Coordination', effect: 'Effect' },
};

export const GAP_NAMES: Record<Lang, Record<GapKind, string>> = {
  zh: {
    'wrong-role': '职责错位', duplicated: '重复处置', 'out-of-order': '顺序错误', 'handoff-delay': '交接延误',
    'missed-notification': '漏通知', 'role-not-engaged': '角色未参与', 'over-response': '响应过度', 'under-response': '响应不足',
    'unmatched-action': '预案外行动',
  },
  en: {
    'wrong-role': 'wrong role', duplicated: 'duplicated', 'out-of-order': 'out of order', 'handoff-delay': 'handoff delay',
    'missed-notification': 'missed notification', 'role-not-engaged': 'role not engaged', 'over-response': 'over-response',
    'under-response': 'under-response', 'unmatched-action': 'unmatched action',
  },
};

export const STATUS_NAMES: Record<Lang, Record<TimeStatus, string>> = {
  zh: { 'on-time': '按时', done: '已完成', late: '超时', missed: '未完成', pending: '未到时限', 'not-scored': '不计分（无法计时）', 'not-required': '不要求' },
  en: { 'on-time': 'on time', done: 'done', late: 'late', missed: 'missed', pending: 'pending', 'not-scored': 'not scored (cannot be timed)', 'not-required': 'not required' },
};

export const RATING_NAMES: Record<Lang, Record<Rating, string>> = {
  zh: { P: 'P 顺利完成', S: 'S 有一些问题', M: 'M 有较大问题', U: 'U 未能完成' },
  en: { P: 'P performed without challenges', S: 'S with some challenges', M: 'M with major challenges', U: 'U unable to be performed' },
};

export const MODE_NAMES: Record<Lang, Record<string, string>> = {
  zh: { scripted: '脚本推演', live: '实时演练', blind: '双盲演练', observed: '观察记录' },
  en: { scripted: 'scripted', live: 'live', blind: 'double-blind', observed: 'observed' },
};

export { BAND_NAMES };

export const OBJECTIVE_STATUS_NAMES: Record<Lang, Record<ObjectiveStatus, string>> = {
  zh: { met: '✓ 达成', missed: '✗ 未达成', 'not-reached': '— 未到评定时点' },
  en: { met: '✓ met', missed: '✗ not met', 'not-reached': '— not reached' },
};

/** One reason a band was capped or withheld (`objective-missed:o2`, `wrong-role:G03` …) in words. */
export function bandReason(code: string, lang: Lang): string {
  const [kind, id = ''] = code.split(/:(.*)/s);
  const messageId = `report.band.${kind}`;
  if (messageId in MESSAGES) return msgWith(lang, messageId as MessageId, { id });
  return `${GAP_NAMES[lang][kind as GapKind] ?? kind} ${id}`.trim();
}

/** The band and, when it is not what the score alone gives, why (one sentence). */
export function bandText(b: Band, lang: Lang): { name: string; why?: string } {
  const reasons = b.reasons.map((r) => bandReason(r, lang)).join(msg(lang, 'report.list.separator'));
  if (b.id === 'not-rated') return { name: BAND_NAMES[lang][b.id], why: T[lang].notRated(reasons) };
  if (b.id !== b.byScore) return { name: BAND_NAMES[lang][b.id], why: T[lang].bandCapped(BAND_NAMES[lang][b.byScore], reasons) };
  return { name: BAND_NAMES[lang][b.id] };
}

/** A step's status in words: `超时 30秒`, a cadence's `按时 2/3 次`, a recommendation's `未完成（建议性）`. */
export function stepStatusText(s: StepResult, lang: Lang): string {
  let text = STATUS_NAMES[lang][s.status];
  if (s.dues !== undefined && s.dues > 0) text += msg(lang, 'report.step.cadence', { done: s.dues - (s.misses ?? 0), dues: s.dues });
  else if (s.lateBy) text += ` ${duration(s.lateBy, lang)}`;
  if (s.advisory) text += msg(lang, 'report.step.advisory');
  return text;
}
