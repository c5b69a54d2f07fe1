import { test } from 'vitest';
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';
test('p', async () => {
  const d = DOMPurify as unknown as Record<string, unknown>;
  console.log('supported', DOMPurify.isSupported, typeof d.sanitize);
  d.addHook = () => {}; d.removeHook = () => {}; d.removeHooks = () => {}; d.removeAllHooks = () => {}; d.sanitize = (s: unknown) => String(s);
  const r = await mermaid.parse('flowchart TB\n  A["x #lt;script#gt; #35; #59;"] --> B');
  console.log(r);
  console.log(await mermaid.parse('stateDiagram-v2\n  [*] --> a\n  a --> b: x #59; y'));
  console.log(await mermaid.parse('gantt\n  dateFormat X\n  axisFormat %H:%M\n  section A #35;\n  t #lt;x#gt; #59; : a1, 0, 60\n'));
  try { await mermaid.parse('flowchart TB\n A[ --> '); } catch (e) { console.log('ERR', (e as Error).message.slice(0,200)); }
  try { await mermaid.parse('gantt\n dateFormat X\n section A\n t : a1, 0, zz\n'); console.log('gantt bad ok?'); } catch (e) { console.log('ERR', (e as Error).message.slice(0,200)); }
});
