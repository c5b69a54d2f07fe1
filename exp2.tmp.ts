import { parsePlanFile, collectPlanFiles } from './src/parse/index.js';
import { reachableStates } from './src/compile/reach.js';
const { files } = collectPlanFiles(['plans']);
for (const f of files) {
  const plan = parsePlanFile(f).plan; if (!plan) { console.log(f, 'no plan'); continue; }
  const t = performance.now();
  const r = reachableStates(plan);
  console.log(f, (performance.now()-t).toFixed(0)+'ms', [...r.levels].join(','), 'term', r.terminated, [...r.terminatesFrom].join(",")+" at "+[...r.terminatesAt].join(","), 'states', [...r.states].join(' '), 'samples', r.samples, 'tr', r.transitions, r.truncated);
}
