/** Words of the after-action report that carry data (the rest of its vocabulary is still `T` in src/report/i18n.ts). */
export const REPORT = {
  'report.band.objective-missed': { en: 'objective {id} not met', zh: '目标 {id} 未达成' },
  'report.band.objectives-missed': { en: 'most objectives not met ({id})', zh: '多数目标未达成（{id}）' },
  'report.band.objective-not-reached': { en: 'objective {id} came due', zh: '目标 {id} 到期' },
  'report.band.pending': { en: 'step {id} came due', zh: '步骤 {id} 到期' },
  'report.band.rated-U': { en: 'step {id} not done (U)', zh: '步骤 {id} 未完成（U）' },
  'report.band.rated-M': { en: 'step {id} with major challenges (M)', zh: '步骤 {id} 有较大问题（M）' },
  'report.band.level-missed': { en: 'level {id} never declared', zh: '{id}级响应未启动' },
  'report.band.premature-termination': { en: 'a premature termination', zh: '过早宣布响应终止' },
  'report.band.not-terminated': { en: 'no termination once its condition held', zh: '终止条件满足后未宣布终止' },
  'report.list.separator': { en: ', ', zh: '、' },
  'report.step.cadence': { en: ' {done}/{dues}', zh: ' {done}/{dues} 次' },
  'report.step.advisory': { en: ' (recommended, not scored)', zh: '（建议性，不计分）' },
} as const;
