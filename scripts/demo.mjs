// The README's main job: runs yuan on the bundled examples, showing each command and checking its exit code.
import { spawnSync } from 'node:child_process';

const steps = [
  { title: 'Parse every example plan · 解析示例预案', args: ['parse', 'plans/chem', 'plans/flood', '-o', 'out/model.json'], expect: 0 },
  { title: 'Lint the good examples as one 1+N system · 检查示例预案体系', args: ['lint', 'plans/'], expect: 0 },
  { title: 'Lint the plans with seeded defects (exit 1 expected) · 检查含缺陷的预案（应以 1 退出）', args: ['lint', 'plans/defective', '--today', '2026-11-25'], expect: 1 },
  { title: 'Lint 15 real published plans: the defects a reviewer would flag (exit 1 expected; golden lists in plans/real/*.expected.yaml) · 检查真实发布的预案', args: ['lint', 'plans/real', '--today', '2026-11-25'], expect: 1 },
  { title: 'Convert the leak plan to YAML · 将泄漏预案导出为 YAML', args: ['export', 'plans/chem/hazardous-chemical-leak.md', '--to', 'yaml', '-o', 'out/hazardous-chemical-leak.yaml'], expect: 0 },
  { title: 'Compile the leak plan to its statechart · 编译为状态机', args: ['compile', 'plans/chem/hazardous-chemical-leak.md', '-o', 'out/hazardous-chemical-leak.machine.json'], expect: 0 },
  { title: 'Render flowcharts, state diagrams and gantts (needs Chromium) · 绘制流程图', args: ['render', 'plans/chem', 'plans/flood', '-o', 'out/render', '--format', 'svg,pdf,png,md'], expect: 0, browser: true },
  { title: 'Reviewer packet (A4 PDF) for the leak plan · 评审材料 PDF', args: ['review', 'plans/chem/hazardous-chemical-leak.md', '-o', 'out/review-hazardous-chemical-leak.pdf'], expect: 0, browser: true },
  { title: 'Test every drill scenario in CI mode · 测试全部演练脚本', args: ['drill', 'test', 'scenarios/'], expect: 0 },
  { title: 'Run the IV → II escalation drill and write its after-action report · 推演并生成评估报告', args: ['drill', 'run', 'scenarios/leak-escalation-iv-to-ii.yaml', '-o', 'out/leak-escalation.log.jsonl', '--report', 'html'], expect: 0 },
  { title: 'Score a real tabletop from its observer log · 依据观察记录评分', args: ['drill', 'score', 'scenarios/leak-escalation-iv-to-ii.yaml', '--observed', 'scenarios/observed/leak-observer-log.csv'], expect: 0 },
];

// Rendering needs Chromium and CJK fonts (scripts/setup.sh installs them); without them those steps are skipped, loudly.
const hasChromium = !!process.env.YUAN_CHROMIUM || spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'], { encoding: 'utf8' }).stdout.trim() !== '';

let failed = 0;
for (const s of steps) {
  process.stdout.write(`\n== ${s.title}\n$ yuan ${s.args.join(' ')}\n`);
  if (s.browser && !hasChromium) { process.stdout.write('-- skipped: Chromium not found (run scripts/setup.sh, or set YUAN_CHROMIUM)\n'); continue; }
  const r = spawnSync(process.execPath, ['dist/cli/yuan.js', ...s.args], { stdio: 'inherit' });
  if (r.status !== s.expect) { failed++; process.stdout.write(`!! exit ${r.status}, expected ${s.expect}\n`); }
}
process.stdout.write(failed ? `\n${failed} step(s) did not behave as expected\n` : '\nAll demo steps behaved as expected · 演示全部符合预期 (outputs in out/)\n');
process.exit(failed ? 1 : 0);
