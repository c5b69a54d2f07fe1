/**
 * The words on the live pages (participant, console, projector), in Chinese and English. A drill's pages are in the
 * plan's language: an English plan gets English pages, a Chinese plan Chinese pages with English beside each label
 * (`zh-en`, for mixed rooms) unless the organiser asks for Chinese only (`--ui zh`) or another language (`--lang`).
 */
import type { Plan } from '../model/index.js';

/** Language of the live pages: Chinese only, English only, or Chinese with English beside it. */
export type UiLang = 'zh' | 'en' | 'zh-en';

/** Every UI string: [Chinese, English]. `{0}`, `{1}` are filled in by the page. */
export const UI_TEXT = {
  participantTitle: ['演练席位', 'Participant'],
  consoleTitle: ['导调台', 'Facilitator console'],
  projectorTitle: ['态势看板', 'Situation board'],
  blindTitle: ['双盲演练（脚本已密封）', 'Blind drill (scenario sealed)'],
  notStarted: ['未开始', 'not started'],
  running: ['进行中 ×{0}', 'running ×{0}'],
  paused: ['已暂停', 'paused'],
  ended: ['已结束', 'ended'],
  offline: ['连接中断，正在重连……', 'Connection lost, reconnecting…'],
  endedBanner: ['演练已结束，感谢参演。', 'The drill has ended. Thank you.'],
  injects: ['情景注入', 'Injects'],
  notifications: ['通知', 'Notifications'],
  none: ['暂无', 'none yet'],
  from: ['来自 {0}', 'from {0}'],
  acknowledge: ['确认收到', 'Acknowledge'],
  acknowledged: ['已确认', 'Acknowledged'],
  logAction: ['记录行动', 'Log an action'],
  kind: ['类型', 'Kind'],
  kindStep: ['完成步骤', 'Step done'],
  kindLevel: ['启动响应级别', 'Declare a level'],
  kindNotify: ['通知', 'Notify'],
  kindNote: ['记录', 'Note'],
  kindTerminate: ['宣布响应终止', 'Terminate the response'],
  planStep: ['预案步骤', 'Plan step'],
  byText: ['— 按文字匹配 —', '— match by text —'],
  yourSteps: ['本角色步骤', 'Your steps'],
  otherSteps: ['其他步骤', 'Other steps'],
  level: ['级别', 'Level'],
  notifyWho: ['通知对象', 'Notify'],
  whatYouDid: ['说明', 'What you did'],
  whatPlaceholder: ['如：关闭2#储罐出口紧急切断阀', 'e.g. closed the tank outlet valve'],
  submit: ['提交', 'Submit'],
  writeWhat: ['请填写内容', 'Please write what you did'],
  logged: ['已记录（#{0}）', 'Logged (#{0})'],
  notifyOffer: ['预案要求完成后通知：', 'The plan says to notify:'],
  notified: ['已通知 {0}', 'Notified {0}'],
  doneNotice: ['已完成：{0}', 'Done: {0}'],
  myLog: ['我的记录', 'My log'],
  stepDone: ['完成步骤 {0}', 'step {0} done'],
  unmatched: ['记录（未对应预案步骤）：{0}', 'logged (no plan step): {0}'],
  declared: ['启动 {0} 级响应', 'declared level {0}'],
  notifiedWho: ['通知 {0}', 'notified {0}'],
  notifiedYou: ['{0} 通知你', '{0} notified you'],
  ackedWhat: ['确认收到 {0}', 'acknowledged {0}'],
  note: ['记录：{0}', 'note: {0}'],
  terminated: ['宣布响应终止', 'terminated the response'],
  start: ['开始', 'Start'],
  resume: ['继续', 'Resume'],
  pause: ['暂停', 'Pause'],
  speed: ['倍速', 'Speed'],
  end: ['结束演练', 'End drill'],
  confirmEnd: ['结束演练并生成评估报告？', 'End the drill and score it?'],
  report: ['评估报告', 'After-action report'],
  reportPdf: ['评估报告 PDF', 'Report (PDF)'],
  projector: ['投屏看板', 'Projector view'],
  done: ['完成', 'Done'],
  silentAlert: ['{0} 已 {1} 无行动', '{0} silent for {1}'],
  board: ['角色状态', 'Roles'],
  role: ['角色', 'Role'],
  told: ['已接报', 'Told'],
  lastAction: ['最近行动', 'Last action'],
  idle: ['未行动时长', 'Idle'],
  pendingAcks: ['待确认', 'To acknowledge'],
  steps: ['完成步骤数', 'Steps'],
  silent: ['沉默', 'silent'],
  notTold: ['未接报', 'not told'],
  upcoming: ['待发布注入', 'Upcoming injects'],
  revealNow: ['立即发布', 'Reveal now'],
  edit: ['编辑', 'Edit'],
  save: ['保存', 'Save'],
  cancel: ['取消', 'Cancel'],
  skip: ['跳过', 'Skip'],
  confirmSkip: ['跳过注入 {0}？跳过后不再发布。', 'Skip inject {0}? It will not be revealed.'],
  moveUp: ['提前', 'Earlier'],
  moveDown: ['推后', 'Later'],
  at: ['时刻（分:秒）', 'Time (mm:ss)'],
  to: ['发给', 'To'],
  everyone: ['全体', 'everyone'],
  message: ['内容', 'Message'],
  facts: ['事故信息（情景事实）', 'Incident facts'],
  factUnset: ['— 不变 —', '— unchanged —'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  expected: ['预期行动', 'Expected'],
  revealed: ['已发布注入与确认情况', 'Revealed injects and acknowledgements'],
  ackOf: ['已确认 {0}/{1}', 'acknowledged {0}/{1}'],
  manualInject: ['人工注入', 'Manual inject'],
  reveal: ['发布', 'Reveal'],
  messageRequired: ['请填写注入内容', 'Message required'],
  noteTitle: ['导调记录', 'Note'],
  addNote: ['记录', 'Add note'],
  lanes: ['分角色时间线', 'Timeline per role'],
  allEvents: ['全部事件', 'All events'],
  links: ['参演链接', 'Participant links'],
  facilitatorLane: ['导调 / 引擎', 'Facilitator / engine'],
  warranted: ['态势对应级别', 'Warranted level'],
  declaredLevel: ['已启动级别', 'Declared level'],
  nextInject: ['下一注入', 'Next inject'],
  noNext: ['无', 'none'],
  overdue: ['超时：{0}', 'overdue: {0}'],
  clockEv: ['时钟 {0} ×{1}', 'clock {0} ×{1}'],
  drillStart: ['演练开始（{0}）', 'drill start ({0})'],
  drillEnd: ['演练结束（{0}）', 'drill end ({0})'],
  injectEv: ['注入 {0} → {1}：{2}', 'inject {0} → {1}: {2}'],
  warrantedEv: ['态势对应级别：{0}', 'warranted level: {0}'],
  scheduleEv: ['调整注入 {0}（{1}）', 'inject {0} changed ({1})'],
} as const satisfies Record<string, readonly [string, string]>;

export type UiKey = keyof typeof UI_TEXT;

/** The UI strings in one language mode (`zh-en`: `中文 · English`). */
export function uiText(lang: UiLang): Record<UiKey, string> {
  const out = {} as Record<UiKey, string>;
  for (const [k, [zh, en]] of Object.entries(UI_TEXT) as [UiKey, readonly [string, string]][]) {
    out[k] = lang === 'zh' ? zh : lang === 'en' ? en : zh === en ? zh : `${zh} · ${en}`;
  }
  return out;
}

/** Parses `--ui`: zh, en or zh-en (RangeError otherwise). */
export function parseUiLang(v: string): UiLang {
  if (v === 'zh' || v === 'en' || v === 'zh-en') return v;
  throw new RangeError(`--ui must be zh, en or zh-en, got ${JSON.stringify(v)}`);
}

/**
 * The pages' language: `--ui` when given; else `--lang` (one language); else the plan's — English for an English plan,
 * Chinese with English beside it for a Chinese one.
 */
export function uiLangFor(plan: Pick<Plan, 'meta'>, opts: { ui?: UiLang; lang?: 'zh' | 'en' } = {}): UiLang {
  if (opts.ui) return opts.ui;
  if (opts.lang) return opts.lang;
  return plan.meta.language === 'en' ? 'en' : 'zh-en';
}
