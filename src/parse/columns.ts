/** The structured tables a plan may contain; each maps to one model array. */
export type TableKind = 'facts' | 'roles' | 'warnings' | 'levels' | 'steps' | 'escalations' | 'resources' | 'reports'
  | 'criteria' | 'standby' | 'constraints';

/** Column aliases (Chinese and English, compared case-insensitively, spaces ignored) for each table kind's fields. */
export const COLUMN_ALIASES: Record<TableKind, Record<string, string[]>> = {
  facts: {
    id: ['id', '标识', '编号', '代码', '变量'],
    label: ['label', 'name', '名称', '事实', '要素'],
    type: ['type', '类型'],
    unit: ['unit', '单位'],
    values: ['values', '取值', '可选值', '枚举值'],
    min: ['min', '最小值', '下限'],
    max: ['max', '最大值', '上限'],
    decidedBy: ['decidedby', 'decided by', '判定', '判定主体', '研判', '决定'],
  },
  roles: {
    id: ['id', '标识', '编号', '代码'],
    name: ['role', 'name', '角色', '名称', '职务', '机构', '岗位'],
    holder: ['holder', 'held by', '担任', '人员', '由谁担任', '负责人'],
    deputies: ['deputy', 'deputies', '副职', '替补', '代理', 'ab角', 'b角'],
    contact: ['contact', 'phone', '联系方式', '电话'],
    duties: ['duties', 'duty', 'responsibilities', '职责', '主要职责'],
    memberOf: ['memberof', 'member of', 'group', '隶属', '所属'],
    kind: ['kind', '类型', '性质'],
  },
  warnings: {
    id: ['id', 'level', '级别', '预警级别', '标识'],
    colour: ['colour', 'color', '颜色'],
    trigger: ['trigger', 'condition', '条件', '发布条件', '预警条件'],
    lead: ['lead', 'lead time', '提前量', '提前'],
    actions: ['actions', 'measures', '措施', '响应措施'],
    issuer: ['issuer', 'issued by', '发布', '发布单位', '发布机构', '发布主体'],
    callback: ['callback', 'call-back', 'acknowledge', '叫应', '叫应时限'],
  },
  levels: {
    id: ['level', 'id', '级别', '等级', '响应级别'],
    name: ['name', '名称'],
    colour: ['colour', 'color', '颜色'],
    trigger: ['trigger', 'condition', '启动条件', '条件'],
    decidedBy: ['decidedby', 'decided by', 'decision', '决策', '决定', '启动人', '决策人'],
    activation: ['within', 'activation', 'deadline', '时限', '启动时限'],
    parentLevel: ['parentlevel', 'parent level', '对应上级级别', '上级响应', '对应上级响应'],
    manual: ['manual', 'mode', 'activation mode', '启动方式'],
    description: ['description', '说明', '备注'],
  },
  steps: {
    id: ['id', '标识', '编号', '代码'],
    action: ['action', 'step', 'task', '措施', '步骤', '任务', '内容', '处置措施'],
    role: ['role', 'owner', 'responsible', '负责', '责任', '负责人', '责任人', '责任角色'],
    deadline: ['deadline', 'within', '时限', '完成时限'],
    after: ['after', 'dependson', 'depends on', '前置', '依赖', '前序'],
    afterAny: ['afterany', 'after any', '任一前置', '任一前序'],
    levels: ['levels', 'level', '级别', '适用级别'],
    resources: ['resources', '资源', '物资', '装备'],
    notify: ['notify', '通知', '告知'],
    condition: ['condition', 'if', '条件', '执行条件'],
    support: ['support', 'with', '配合', '协助', '会同', '配合单位', '协助单位'],
    obligation: ['obligation', '要求', '义务'],
  },
  escalations: {
    from: ['from', '从', '原级别', '当前级别'],
    to: ['to', '到', '升至', '调整为', '目标级别'],
    when: ['when', 'condition', '条件', '调整条件'],
  },
  resources: {
    id: ['id', '标识', '编号', '代码'],
    name: ['name', 'resource', '名称', '物资', '装备'],
    quantity: ['quantity', 'qty', '数量'],
    unit: ['unit', '单位'],
    location: ['location', 'where', '存放地点', '存放位置', '位置', '地点'],
    keeper: ['keeper', 'kept by', '保管', '保管人', '管理', '负责'],
  },
  reports: {
    to: ['to', 'recipient', '对象', '报告对象', '接收单位', '上报对象'],
    within: ['within', 'deadline', '时限'],
    by: ['by', 'reporter', '负责', '报告人', '报告角色'],
    levels: ['levels', 'level', '级别', '适用级别'],
    contact: ['contact', 'phone', '联系方式', '电话'],
    content: ['content', '内容', '报告内容'],
    kind: ['kind', 'type', '类型', '报告类型', '报告方式'],
    when: ['when', 'condition', '条件', '适用条件'],
    obligation: ['obligation', '要求', '义务'],
  },
  criteria: {
    level: ['level', '级别', '响应级别', '等级'],
    when: ['condition', 'criterion', 'when', '条件', '标准', '分级标准', '启动条件'],
    note: ['note', 'wording', 'text', '原文', '说明', '备注'],
  },
  standby: {
    id: ['id', '标识', '编号'],
    name: ['name', '名称', '状态'],
    trigger: ['trigger', 'condition', '条件', '启动条件'],
    decidedBy: ['decidedby', 'decided by', '决策', '决定'],
    actions: ['actions', 'measures', '措施', '准备措施'],
  },
  constraints: {
    when: ['constraint', 'condition', '约束', '条件'],
    note: ['note', '说明', '备注'],
  },
};

const norm = (s: string) => s.toLowerCase().replace(/[\s_*`]/g, '');

/** Field name for a column header in a table of the given kind, or undefined when unknown. */
export function columnField(kind: TableKind, header: string): string | undefined {
  const h = norm(header);
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES[kind])) {
    if (aliases.some((a) => norm(a) === h)) return field;
  }
  return undefined;
}

/** Guesses a table's kind from its headers when the section heading does not say (best match, ≥ 2 known columns). */
export function guessTableKind(headers: string[]): TableKind | undefined {
  let best: TableKind | undefined;
  let bestScore = 1;
  for (const kind of Object.keys(COLUMN_ALIASES) as TableKind[]) {
    const score = headers.filter((h) => columnField(kind, h)).length / headers.length;
    const known = headers.filter((h) => columnField(kind, h)).length;
    if (known >= 2 && score * 10 + known > bestScore) { best = kind; bestScore = score * 10 + known; }
  }
  return best;
}
