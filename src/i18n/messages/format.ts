/** Words of the lint report formats (stylish's severities, totals and per-rule summary). */
export const FORMAT = {
  'format.severity.error': { en: 'error', zh: '错误' },
  'format.severity.warning': { en: 'warning', zh: '警告' },
  'format.severity.info': { en: 'info', zh: '提示' },
  'format.count.error': { en: '{n} error{n_s}', zh: '{n} 个错误' },
  'format.count.warning': { en: '{n} warning{n_s}', zh: '{n} 个警告' },
  'format.count.info': { en: '{n} info', zh: '{n} 个提示' },
  'format.count.separator': { en: ', ', zh: '，' },
  'format.summary': { en: '✖ {problems} problem{problems_s} ({counts})', zh: '✖ {problems} 个问题（{counts}）' },
  'format.byRule': { en: 'By rule:', zh: '按规则统计：' },
} as const;
