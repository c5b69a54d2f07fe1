// The README's main job: runs yuan on the bundled examples, showing each command and checking its exit code.
import { spawnSync } from 'node:child_process';

const steps = [
  { title: 'Parse every example plan · 解析示例预案', args: ['parse', 'plans/chem', 'plans/flood', '-o', 'out/model.json'], expect: 0 },
  { title: 'Lint the good examples as one 1+N system · 检查示例预案体系', args: ['lint', 'plans/'], expect: 0 },
  { title: 'Lint the plans with seeded defects (exit 1 expected) · 检查含缺陷的预案（应以 1 退出）', args: ['lint', 'plans/defective', '--today', '2026-11-25'], expect: 1 },
  { title: 'Convert the leak plan to YAML · 将泄漏预案导出为 YAML', args: ['export', 'plans/chem/hazardous-chemical-leak.md', '--to', 'yaml', '-o', 'out/hazardous-chemical-leak.yaml'], expect: 0 },
];

let failed = 0;
for (const s of steps) {
  process.stdout.write(`\n== ${s.title}\n$ yuan ${s.args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['dist/cli/yuan.js', ...s.args], { stdio: 'inherit' });
  if (r.status !== s.expect) { failed++; process.stdout.write(`!! exit ${r.status}, expected ${s.expect}\n`); }
}
process.stdout.write(failed ? `\n${failed} step(s) did not behave as expected\n` : '\nAll demo steps behaved as expected · 演示全部符合预期 (outputs in out/)\n');
process.exit(failed ? 1 : 0);
