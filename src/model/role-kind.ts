import type { Role, RoleKind } from './plan.js';

/**
 * Everyone on the scene, the public: 事故现场有关人员 is the statutory universal duty of Order 493 Art. 9 (whoever is on the
 * scene reports), not a post to staff or a vague owner.
 */
const PUBLIC_ZH = /(?:事故)?现场(?:有关|相关)?人员$|在场人员$|发现人$|发现者$|目击者$|^(?:社会)?公众$|群众$|居民$|市民$|^所有人员$|^全体人员$|^任何(?:单位和)?个人$/u;
const PUBLIC_EN = /^(?:the )?(?:public|general public|members of the public|residents|citizens|bystanders|anyone|everyone|any person|persons on (?:the )?scene)$/iu;

/**
 * Chinese names are head-final: the last morpheme says what a role is. A post ends in a title (长, 经理, 主任, 负责人, 员 …);
 * a body in an institution word (国务院, 人民政府, 委员会, 指挥部, 办公室, 厅/局/部门/中心 …). Posts are tried first so that
 * 部长 or 办公室主任 are posts while 应急救援办公室 is a body.
 */
const POST_ZH = /(?:长|总指挥|指挥|经理|主任|负责人|员|书记|主席|官|总监|主管|总工|总师|师|人|工|手)$/u;
const BODY_ZH = /(?:国务院|政府|委员会|安委会|指挥部|指挥机构|领导小组|小组|工作组|组|办公室|值班室|厅|局|部|部门|中心|单位|机构|机关|公司|集团|企业|队|站|所|院|科|处|室|班组|班|运营者|经营者|主管部门|网信部门|公安机关|保护工作部门|值班)$/u;
const POST_EN = /\b(?:chief|director|officer|manager|commander|coordinator|chair|chairman|chairperson|mayor|administrator|head|supervisor|leader|controller|master|president|secretary|lead|warden|marshal)$/iu;
const BODY_EN = /\b(?:government|department|departments|agency|agencies|office|authority|authorities|council|committee|ministry|service|services|centre|center|eoc|team|teams|unit|units|operators?|company|port|coastguard|police|brigade|board|commission|administration|staff|personnel|contractors?|group|organi[sz]ation|city|county|state|district|province|municipality|oem|emergency management)$/iu;

/** Drops a trailing parenthetical: `Chief Administrative Officer (CAO)`, `监控员（夜班）`. */
const head = (name: string) => name.replace(/\s*[（(][^（）()]*[)）]\s*$/u, '').trim();

/**
 * What a role is — a post a person holds (总指挥, 值长, Fire Chief), a body (国务院安委会, 省人民政府, a department,
 * "Government", "network operators") or the public (事故现场有关人员) — as declared, else inferred from its name.
 */
export function roleKind(role: Pick<Role, 'name' | 'kind'> & { holder?: string }): RoleKind {
  if (role.kind) return role.kind;
  return nameKind(role.name);
}

/** The kind a role name implies (a post when nothing says otherwise). */
export function nameKind(name: string | undefined): RoleKind {
  const n = head(name ?? '');
  if (!n) return 'post';
  if (PUBLIC_ZH.test(n) || PUBLIC_EN.test(n)) return 'public';
  if (/[\u4e00-\u9fff]/u.test(n)) {
    if (POST_ZH.test(n)) return 'post';
    if (BODY_ZH.test(n)) return 'body';
    return 'post';
  }
  if (POST_EN.test(n)) return 'post';
  if (BODY_EN.test(n)) return 'body';
  return 'post';
}
