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

/** Plan shapes the scale bench sweeps (see `generateShape`). */
export const SHAPES = ['steps', 'facts', 'levels', 'concurrent', 'pairs', 'chain', 'layered', 'system'] as const;
export type Shape = (typeof SHAPES)[number];

interface Parts {
  facts: string[];
  levels: string[];
  escalations: string[];
  steps: string[];
  termination: string;
  resources: string[];
}

const FRONT = (id: string, kind = 'special') => [
  '---', `id: ${id}`, `title: 规模测试预案 ${id}`, `kind: ${kind}`, ...(kind === 'general' ? [] : ['parent: general']),
  'version: "1.0"', 'issued: 2025-01-01', 'reviewed: 2025-06-01', 'owner: 安全环保部', 'levelOrder: 1-highest', '---', '',
];

/** A plan from its tables (rows only; headers are added here). */
function planFrom(id: string, p: Parts): string {
  const roles = ['| commander | 总指挥 | 总经理 | deputy | 0571-8800 1001 | 决定响应级别；宣布终止 |',
    '| deputy | 副总指挥 | 生产副总 | commander | 0571-8800 1002 | 协助总指挥 |',
    ...Array.from({ length: 10 }, (_, i) => `| team-${i} | 应急小组${i} | 组长${i} | 副组长${i} | 0571-8800 ${2000 + i} | 负责第${i}项处置任务 |`)];
  return [
    ...FRONT(id), `# 规模测试预案 ${id}`, '', '## 1 适用范围', '', '本预案适用于规模测试。', '',
    '## 2 事故信息要素', '', '| 标识 | 名称 | 类型 | 单位 |', '|---|---|---|---|', ...p.facts, '',
    '## 3 应急组织机构及职责', '', '| 标识 | 角色 | 担任 | 副职 | 联系方式 | 职责 |', '|---|---|---|---|---|---|', ...roles, '',
    '## 4 响应分级', '', '| 级别 | 颜色 | 启动条件 | 决策 | 时限 |', '|---|---|---|---|---|', ...p.levels, '',
    '## 5 响应升级与降级', '', '| 从 | 到 | 条件 |', '|---|---|---|', ...p.escalations, '',
    '## 6 响应程序', '', '| 标识 | 措施 | 负责 | 时限 | 前置 | 级别 | 资源 | 通知 |', '|---|---|---|---|---|---|---|---|', ...p.steps, '',
    '## 7 信息报告', '', '| 对象 | 时限 | 负责 | 级别 |', '|---|---|---|---|', '| 县应急管理局 | 1小时 | team-0 | 全部 |', '',
    '## 8 响应终止', '', `- 条件：\`${p.termination}\``, '- 宣布：commander', '- 后续报告：24小时内', '',
    '## 9 应急保障', '', '### 9.1 应急物资', '', '| 标识 | 名称 | 数量 | 单位 | 存放地点 | 保管 |', '|---|---|---|---|---|---|', ...p.resources, '',
  ].join('\n');
}

/** A step row. */
const stepRow = (id: string, i: number, after: string[], levels = '全部', res = '—', deadline = `${5 + i}分钟`) =>
  `| ${id} | 第${i}项处置措施：检查现场并向指挥部报告 | team-${i % 10} | ${deadline} | ${after.length ? after.join(', ') : '—'} | ${levels} | ${res} | commander |`;

/** The four standard levels over `leak_kg`, `injured` and `contained` (the steps-only shapes use them). */
const STANDARD: Pick<Parts, 'facts' | 'levels' | 'escalations' | 'termination'> = {
  facts: ['| leak_kg | 泄漏量 | number | kg |', '| injured | 受伤人数 | integer | 人 |', '| contained | 泄漏已控制 | boolean | |'],
  levels: ['| IV | blue | `leak_kg < 100 and injured == 0` | deputy | 5分钟 |',
    '| III | yellow | `leak_kg < 1000 and injured <= 2 and (leak_kg >= 100 or injured >= 1)` | deputy | 10分钟 |',
    '| II | orange | `(leak_kg >= 1000 or injured >= 3) and injured < 10` | commander | 15分钟 |',
    '| I | red | `injured >= 10` | commander | 15分钟 |'],
  escalations: ['| IV | III | `leak_kg >= 100 or injured >= 1` |', '| III | II | `leak_kg >= 1000 or injured >= 3` |', '| II | I | `injured >= 10` |',
    '| I | II | `contained and injured < 10` |', '| II | III | `contained and leak_kg < 1000 and injured < 3` |'],
  termination: 'contained and leak_kg < 1',
};

/** Deterministic pseudo-random integers below n. */
function lcg(seed: number): (n: number) => number {
  let s = seed * 2654435761 % 4294967296 || 1;
  return (n) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
}

/**
 * One plan (or, for `system`, a 1+N set of plans) of a given shape and size, as Markdown files (name → text):
 * - `steps`: the realistic generator above with `n` steps (random prerequisites, levels and resources);
 * - `facts`: `n` integer facts; every level trigger and escalation an OR and/or AND over all of them;
 * - `levels`: `n` levels tiling one fact, each escalating to the next more severe one and back;
 * - `concurrent`: `n` steps without prerequisites, all needing one scarce resource;
 * - `pairs`: like `concurrent`, but in pairs, the second after the first;
 * - `chain`: `n` steps each after the previous one, with deadlines;
 * - `layered`: `n` steps in layers of 50, each after three steps of the layer before;
 * - `system`: a general plan and `n` special plans of 60 steps under it.
 */
export function generateShape(shape: Shape, n: number, seed = 1): Record<string, string> {
  const rand = lcg(seed);
  const res = ['| res-0 | 空气呼吸器 | 10 | 套 | 应急物资库 | team-0 |', '| res-1 | 吸附棉 | 500 | 包 | 应急物资库 | team-1 |'];
  const plain = (steps: string[]) => ({ 'plan.md': planFrom(`${shape}-${n}`, { ...STANDARD, steps, resources: res }) });
  switch (shape) {
    case 'steps':
      return { 'plan.md': generatePlan(seed, { steps: n }) };
    case 'facts': {
      const ids = Array.from({ length: n }, (_, i) => `f${i}`);
      const any = (t: number) => ids.map((f) => `${f} >= ${t}`).join(' or ');
      const all = (t: number) => ids.map((f) => `${f} < ${t}`).join(' and ');
      return {
        'plan.md': planFrom(`facts-${n}`, {
          facts: [...ids.map((f, i) => `| ${f} | 指标${i} | integer | 人 |`), '| contained | 已控制 | boolean | |'],
          levels: [`| IV | blue | \`${all(1)}\` | deputy | 5分钟 |`, `| III | yellow | \`(${any(1)}) and ${all(10)}\` | deputy | 10分钟 |`,
            `| II | orange | \`(${any(10)}) and ${all(30)}\` | commander | 15分钟 |`, `| I | red | \`${any(30)}\` | commander | 15分钟 |`],
          escalations: [`| IV | III | \`${any(1)}\` |`, `| III | II | \`${any(10)}\` |`, `| II | I | \`${any(30)}\` |`,
            `| I | II | \`contained and ${all(30)}\` |`, `| II | III | \`contained and ${all(10)}\` |`, `| III | IV | \`contained and ${all(1)}\` |`],
          termination: `contained and ${all(1)}`,
          steps: Array.from({ length: 40 }, (_, i) => stepRow(`s${i}`, i, i ? [`s${rand(i)}`] : [], ['全部', 'III+', 'II+', 'I'][i % 4])),
          resources: res,
        }),
      };
    }
    case 'levels': {
      const t = (k: number) => 10 * (n - k); // lower bound of level k (1 = most severe)
      const levels = Array.from({ length: n }, (_, i) => {
        const k = i + 1;
        const when = k === 1 ? `x >= ${t(1)}` : k === n ? `x < ${t(n - 1)}` : `x >= ${t(k)} and x < ${t(k - 1)}`;
        // No colours: with levelOrder 1-highest the levels rank as listed (L1 most severe).
        return `| L${k} | — | \`${when}\` | commander | ${5 + i}分钟 |`;
      });
      const escalations = Array.from({ length: n - 1 }, (_, i) => i + 2).flatMap((k) => [
        `| L${k} | L${k - 1} | \`x >= ${t(k - 1)}\` |`, `| L${k - 1} | L${k} | \`contained and x < ${t(k - 1)}\` |`]);
      const steps = Array.from({ length: 2 * n }, (_, i) => stepRow(`s${i}`, i, i % 2 ? [`s${i - 1}`] : [], `L${Math.floor(i / 2) + 1}`));
      return {
        'plan.md': planFrom(`levels-${n}`, {
          facts: ['| x | 泄漏量 | number | kg |', '| contained | 已控制 | boolean | |'],
          levels, escalations, termination: `contained and x < ${t(n - 1)}`, steps, resources: res,
        }),
      };
    }
    case 'concurrent':
      return plain(Array.from({ length: n }, (_, i) => stepRow(`s${i}`, i, [], '全部', 'res-0×1')));
    case 'pairs':
      return plain(Array.from({ length: n }, (_, i) => stepRow(`s${i}`, i, i % 2 ? [`s${i - 1}`] : [], '全部', 'res-0×1')));
    case 'chain':
      // Deadlines grow along the chain, with an occasional step whose deadline is shorter than its predecessors'.
      return plain(Array.from({ length: n }, (_, i) => stepRow(`s${i}`, i, i ? [`s${i - 1}`] : [], '全部', '—', `${i % 97 === 50 ? 1 : 2 * i + 1}分钟`)));
    case 'layered': {
      const W = 50;
      return plain(Array.from({ length: n }, (_, i) => {
        const layer = Math.floor(i / W);
        const after = layer === 0 ? [] : [...new Set([0, 1, 2].map(() => `s${(layer - 1) * W + rand(W)}`))];
        return stepRow(`s${i}`, i, after, ['全部', 'III+', 'II+'][layer % 3], rand(5) === 0 ? 'res-1×20' : '—', `${30 * (layer + 1)}分钟`);
      }));
    }
    case 'system': {
      const general = generatePlan(0, { steps: 60 }).replace(/^id: .*$/m, 'id: general').replace(/^kind: special$/m, 'kind: general').replace(/^parent: general\n/m, '');
      const out: Record<string, string> = { 'general.md': general };
      for (let i = 1; i <= n; i++) out[`special-${i}.md`] = generatePlan(i, { steps: 60 });
      return out;
    }
  }
}
