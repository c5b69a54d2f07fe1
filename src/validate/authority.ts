/**
 * Which report recipients are government authorities, and under which sector's reporting rule: production safety
 * (Order 493: 应急管理, 安监, departments with production-safety duties), cyber (国家网络安全事件报告管理办法: 网信,
 * 公安, 保护工作部门), environment (环境保护部令第17号: 生态环境 / 环境保护 departments), or any other government body
 * (人民政府, 国务院, 教育局, 卫健委, 水利, 住建 … and English agencies).
 */
export type Sector = 'production-safety' | 'cyber' | 'environment' | 'government';

const SECTORS: [Sector, RegExp][] = [
  ['production-safety', /应急管理|应急局|应急厅|安监|安全生产监督|安全监管|负有安全生产监督管理职责|安委会|安委办|emergency management|occupational safety|health and safety executive|\bosha\b/iu],
  ['cyber', /网信|公安|保护工作部门|cyberspace|\bcert\b|national cyber|police/iu],
  ['environment', /生态环境|环境保护|环保局|环保部门|环保厅|environment(?:al)? (?:agency|protection|department)|\bepa\b/iu],
  ['government', /人民政府|政府|国务院|总值班室|管委会|主管部门|教育局|教育厅|教育部|教育行政|卫健|卫生健康|卫生局|卫生厅|卫生行政|水利|水务|住建|住房和城乡建设|交通运输|市场监管|海事|能源局|电力监管|地震局|气象局|自然资源|民政|防汛|防指|减灾委|街道办|乡镇|镇政府|government|ministry|bureau|department|agency|authority|authorities|coastguard|coast guard|council|county|\beoc\b|office of emergency/iu],
];

/** The sector of a recipient that is a government authority, or undefined (a company unit, a person, the public). */
export function authoritySector(to: string): Sector | undefined {
  for (const [sector, re] of SECTORS) if (re.test(to)) return sector;
  return undefined;
}

/** True when a report goes to a government authority. */
export const isAuthority = (to: string) => authoritySector(to) !== undefined;

/** Why a recipient is not taken for an authority, for messages. */
export function notAuthority(to: string[]): { en: string; zh: string } {
  const list = to.join(', ');
  return {
    en: `${list} ${to.length === 1 ? 'is' : 'are'} not a government body (a people's government, or a department such as emergency management, ecology and environment, education or health)`,
    zh: `${to.join('、')}不是政府部门（人民政府，或应急管理、生态环境、教育、卫生健康等部门）`,
  };
}
