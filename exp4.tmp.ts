import { parsePlanFile } from './src/parse/index.js';
import { reachableStates, sampleValuations } from './src/compile/reach.js';
const plan = parsePlanFile('plans/chem/general.md').plan!;
for (let i=0;i<5;i++){ let t=performance.now(); sampleValuations(plan); const a=performance.now()-t; t=performance.now(); const r=reachableStates(plan,{maxCells:2000}); console.log(a.toFixed(0), (performance.now()-t).toFixed(0), r.transitions); }
