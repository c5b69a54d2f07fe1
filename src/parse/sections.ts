import type { SectionKey } from '../model/plan.js';

/**
 * Heading aliases (Chinese and English) for each canonical section.
 * Order matters: the first alias list that matches a heading wins, so specific names come before general ones.
 */
export const SECTION_ALIASES: [SectionKey, string[]][] = [
  ['facts', ['事故信息要素', '研判要素', '事故参数', '事件参数', '启动要素', '事实', 'incident facts', 'facts']],
  ['criteria', ['分级标准', '分级条件', '响应分级标准', '分级启动条件', 'grading criteria', 'level criteria', 'criteria']],
  ['standby', ['启动准备', '响应准备', '准备状态', '预警响应', '应急准备状态', 'standby', 'readiness', 'standby and readiness']],
  ['constraints', ['要素约束', '事实约束', '要素关系', 'fact constraints', 'constraints']],
  ['levels', ['响应分级', '响应级别', '分级响应', '应急响应分级', 'response levels', 'activation levels', 'levels']],
  ['escalation', ['响应升级与降级', '升级与降级', '级别调整', '响应调整', '响应升级', '升级', 'escalation']],
  ['termination', ['响应终止', '应急结束', '终止', 'termination', 'stand-down']],
  ['warning', ['预警', '预警分级', '监测与预警', 'warnings', 'warning']],
  ['reports', ['信息报告', '信息报送', '报告程序', 'reporting', 'reports', 'information reporting']],
  ['activation', ['响应启动', 'activation', 'response activation']],
  ['procedure', ['响应程序', '处置措施', '应急处置', '处置程序', '应急处置程序', '现场处置', 'response procedure', 'procedure', 'response steps', 'steps']],
  ['organization', ['应急组织机构及职责', '应急组织机构与职责', '组织机构及职责', '应急工作职责', '应急组织', '组织机构', 'roles and responsibilities', 'organization', 'organisation', 'roles']],
  ['resources', ['应急物资', '物资装备', '应急物资装备', '应急资源', '物资与装备', '资源', 'resources', 'equipment and supplies', 'supplies']],
  ['contacts', ['联系方式', '通讯录', '应急联络', 'contacts']],
  ['scope', ['适用范围', 'scope']],
  ['principles', ['工作原则', '应急工作原则', 'principles']],
  ['system', ['预案体系', '应急预案体系', 'plan system']],
  ['risk', ['事故风险描述', '风险描述', '事故风险分析', '风险分析', '危险源', 'risk description', 'risk assessment', 'risks', 'hazards']],
  ['response', ['应急响应', 'response']],
  ['support', ['应急支援', '外部支援', 'mutual aid', 'support']],
  ['aftermath', ['后期处置', '善后处置', 'recovery', 'aftermath', 'post-incident']],
  ['communication', ['通信与信息保障', '通信保障', 'communications']],
  ['teams', ['应急队伍保障', '队伍保障', 'response teams']],
  ['supplies', ['物资装备保障', '物资保障']],
  ['assurance', ['应急保障', '保障措施', 'assurance', 'logistics']],
  ['notes', ['注意事项', 'precautions', 'notes', 'cautions']],
  ['general', ['总则', '编制目的', 'general provisions', 'purpose']],
  ['appendix', ['附件', '附录', 'appendix', 'appendices', 'annex']],
];

/** Strips section numbering: "3.2 ", "第三章 ", "一、", "(一)", "3、", "Section 4:". */
export function stripNumbering(title: string): string {
  return title
    .trim()
    .replace(/^第[一二三四五六七八九十百零〇\d]+[章节条部分]\s*/u, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[)）]\s*/u, '')
    .replace(/^[一二三四五六七八九十]+[、.．]\s*/u, '')
    .replace(/^(section|chapter|part)\s+\d+[:.]?\s*/iu, '')
    .replace(/^\d+(\.\d+)*[.、．]?\s*/u, '')
    .trim();
}

/** Canonical section key of a heading ("3.2 响应程序" → procedure), or `other`. */
export function sectionKey(heading: string): SectionKey {
  const t = stripNumbering(heading).toLowerCase().replace(/\s+/g, ' ');
  for (const [key, aliases] of SECTION_ALIASES) {
    if (aliases.some((a) => t === a)) return key;
  }
  // Headings often carry a suffix ("应急组织机构及职责（附通讯录）", "Roles & duties"): fall back to prefix match.
  for (const [key, aliases] of SECTION_ALIASES) {
    if (aliases.some((a) => a.length >= 2 && t.startsWith(a))) return key;
  }
  return 'other';
}
