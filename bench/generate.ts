/** Generates realistic Markdown plans of a given size for benchmarks (deterministic for a seed). */
export function generatePlan(seed: number, opts: { steps?: number; roles?: number; resources?: number } = {}): string {
  let s = seed * 2654435761 % 4294967296 || 1;
  const rand = (n: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
  const nSteps = opts.steps ?? 150;
  const nRoles = opts.roles ?? 30;
  const nRes = opts.resources ?? 40;
  const roles = Array.from({ length: nRoles }, (_, i) => `team-${i}`);
  const res = Array.from({ length: nRes }, (_, i) => `res-${i}`);
  const lines: string[] = [
    '---', `id: gen-${seed}`, `title: 生成的危险化学品泄漏专项应急预案 ${seed}`, 'kind: special', 'parent: general',
    'version: "1.0"', 'issued: 2025-01-01', 'reviewed: 2025-06-01', 'owner: 安全环保部', '---', '',
    `# 生成的危险化学品泄漏专项应急预案 ${seed}`, '', '## 1 适用范围', '',
  ];
  for (let i = 0; i < 8; i++) lines.push(`本预案适用于第${i + 1}生产区发生的液氨、液氯等危险化学品泄漏事故，泄漏量与人员伤亡按第4章分级。`, '');
  lines.push('## 2 事故信息要素', '', '| 标识 | 名称 | 类型 | 单位 |', '|---|---|---|---|',
    '| leak_kg | 泄漏量 | number | kg |', '| injured | 重伤人数 | integer | 人 |', '| deaths | 死亡人数 | integer | 人 |',
    '| fire | 发生火灾 | boolean | |', '| offsite | 扩散至厂外 | boolean | |', '| contained | 泄漏已控制 | boolean | |', '');
  lines.push('## 3 应急组织机构及职责', '', '| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |', '|---|---|---|---|---|---|',
    '| commander | 总指挥 | 总经理 | deputy | 0571-8800 1001 | 决定II级及以上响应；宣布终止 |',
    '| deputy | 副总指挥 | 生产副总 | commander | 0571-8800 1002 | 决定III级、IV级响应 |');
  roles.forEach((r, i) => lines.push(`| ${r} | 应急小组${i} | 组长${i} | 副组长${i} | 0571-8800 ${2000 + i} | 负责第${i}项处置任务；向总指挥报告 |`));
  lines.push('', '## 4 响应分级', '', '| 级别 | 颜色 | 启动条件 | 决策 | 时限 |', '|---|---|---|---|---|',
    '| IV | blue | `leak_kg < 100 and injured == 0 and deaths == 0 and not fire and not offsite` | deputy | 5分钟 |',
    '| III | yellow | `leak_kg < 1000 and injured <= 2 and deaths == 0 and not fire and not offsite and (leak_kg >= 100 or injured >= 1)` | deputy | 10分钟 |',
    '| II | orange | `(leak_kg >= 1000 or fire or injured >= 3 or deaths >= 1) and deaths < 3 and not offsite` | commander | 15分钟 |',
    '| I | red | `offsite or deaths >= 3` | commander | 15分钟 |', '');
  lines.push('## 5 响应升级与降级', '', '| 从 | 到 | 条件 |', '|---|---|---|',
    '| IV | III | `leak_kg >= 100 or injured >= 1` |', '| III | II | `fire or leak_kg >= 1000` |', '| II | I | `offsite or deaths >= 3` |',
    '| I | II | `not offsite and contained` |', '| II | III | `contained and not fire` |', '| III | IV | `contained and injured == 0` |', '');
  lines.push('## 6 响应程序', '', '| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 | 通知 |', '|---|---|---|---|---|---|---|---|');
  const levelSpecs = ['全部', 'III+', 'II+', 'I'];
  for (let i = 0; i < nSteps; i++) {
    const after = i === 0 ? '—' : `s${Math.max(0, i - 1 - rand(3))}`;
    const spec = levelSpecs[Math.min(3, Math.floor(i / (nSteps / 4)))];
    const r = rand(4) === 0 ? `${res[rand(nRes)]}×1` : '—';
    lines.push(`| s${i} | 第${i}项处置措施：检查现场、设置警戒并向指挥部报告进展 | ${roles[i % nRoles]} | ${5 + i}分钟 | ${after} | ${spec} | ${r} | commander |`);
  }
  lines.push('', '## 7 信息报告', '', '| 对象 | 时限 | 负责 | 级别 |', '|---|---|---|---|', '| 县应急管理局 | 1小时 | team-0 | II+ |', '');
  lines.push('## 8 响应终止', '', '- 条件：`contained and not fire`', '- 宣布：commander', '- 后续报告：24小时内', '');
  lines.push('## 9 应急保障', '', '### 9.1 应急物资', '', '| 标识 | 名称 | 数量 | 单位 | 存放地点 | 保管 |', '|---|---|---|---|---|---|');
  res.forEach((r, i) => lines.push(`| ${r} | 应急物资${i} | ${50 + rand(50)} | 件 | 应急物资库${i % 5} | ${roles[i % nRoles]} |`));
  lines.push('', '### 9.2 通信与信息保障', '', '应急指挥部设在中控室；对讲机3频道为应急专用频道。', '');
  return lines.join('\n');
}
