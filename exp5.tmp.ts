import { parsePlanText } from './src/parse/index.js';
import { miniPlan } from './test/helpers/lint.js';
const t = miniPlan({ levels: '## 4 响应分级\n\n| 级别 | 颜色 | 启动条件 | 决策 | 时限 |\n|---|---|---|---|---|\n| III | yellow | `leak_kg < 100` | deputy | 10分钟 |\n| I | red | `no_such_fact > 3` | commander | 15分钟 |\n| II | red | `leak_kg >>> 3` | commander | 15分钟 |' });
const r = parsePlanText(t, 'x.md');
console.log(r.diagnostics.map(d => d.ruleId + ' ' + d.severity), r.plan?.levels.map(l => !!l.trigger?.ast));
