import { test } from 'vitest';
import { parsePlanFile } from '../parse/index.js';
import { flowchart } from './mermaid-flowchart.js';
import { stateDiagram } from './mermaid-state.js';
import { gantt } from './mermaid-gantt.js';
import { flowDb, stateDb, ganttDb, shownText } from './mermaid-parse.test-helper.js';
test('probe', async () => {
  const p = parsePlanFile('plans/chem/hazardous-chemical-leak.md').plan!;
  const f = await flowDb(flowchart(p));
  const v = f.vertices.get('d_I')!; console.log(v, shownText(v.text!));
  console.log(f.edges.slice(-8), f.subgraphs[0], [...f.classes.entries()].slice(0,2));
  console.log(f.vertices.get('s_evacuate'));
  const s = await stateDb(stateDiagram(p));
  console.log([...s.states.values()].slice(0,4), s.relations.slice(0,3), s.states.get('terminated'));
  const g = await ganttDb(gantt(p, 'II'));
  console.log(g.tasks.slice(0,2), g.tasks.at(-1), g.sections, g.title);
});
