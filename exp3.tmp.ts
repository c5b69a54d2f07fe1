import { parsePlanFile } from './src/parse/index.js';
import { reachableStates, sampleValuations } from './src/compile/reach.js';
for (const f of ['plans/flood/municipal-flood.md','plans/chem/general.md','plans/chem/fire-explosion.yaml']) {
  const plan = parsePlanFile(f).plan!;
  for (let i=0;i<3;i++){
  let t = performance.now();
  const s = sampleValuations(plan);
  const t1 = performance.now()-t; t = performance.now();
  const r = reachableStates(plan);
  console.log(f, 'cells', t1.toFixed(0), 'all', (performance.now()-t).toFixed(0), r.transitions, (r.transitions/((performance.now()-t)/1000)).toFixed(0)+' ev/s');
  }
}
