import { describeIn, schemaErrors, type Names, type PathNames, type SchemaError, type SchemaWording } from '../parse/schema.js';
import { schemaValidator } from '../schema-validator.js';
import { closest } from '../suggest.js';

/**
 * Validates the JS value of a scenario file against the scenario schema: every violation with its path and
 * English/Chinese messages (the same `SchemaError` shape and wording the plan schema gives), `[]` when valid.
 */
export function validateScenarioValue(value: unknown): SchemaError[] {
  // The shared loader: the standalone validator precompiled by `npm run build` when current, else ajv now.
  return schemaErrors(schemaValidator('scenario'), value, SCENARIO_WORDING);
}

const ITEMS: Record<string, Names> = {
  objectives: { en: 'an objective', zh: '演练目标' },
  injects: { en: 'an inject', zh: '情景注入' },
  actions: { en: 'a scripted action', zh: '脚本化行动' },
  expected: { en: 'an expected action', zh: '预期行动' },
  to: { en: 'a recipient', zh: '接收方' },
  steps: { en: 'a step', zh: '步骤' },
  gaps: { en: 'a gap kind', zh: '问题类型' },
  noGaps: { en: 'a gap kind', zh: '问题类型' },
};

const TOP: Record<string, Names> = {
  scenario: { en: 'the scenario metadata (`scenario`)', zh: '演练信息（scenario）' },
  objectives: { en: '`objectives`', zh: '演练目标（objectives）' },
  injects: { en: '`injects`', zh: '情景注入（injects）' },
  actions: { en: '`actions`', zh: '脚本化行动（actions）' },
  expect: { en: 'the expectations (`expect`)', zh: '预期结果（expect）' },
  weights: { en: 'the scoring weights (`weights`)', zh: '评估权重（weights）' },
};

/**
 * What a scenario path names: `['injects', 0, 'at']` → "`at` of an inject" / "情景注入的 `at`", and a key under
 * `facts` → "fact `x`".
 */
const SCENARIO_NAMES: PathNames = {
  file: { en: 'the scenario file', zh: '演练脚本' },
  top: TOP,
  items: ITEMS,
  special: (last, parent) => (typeof last === 'string' && parent[parent.length - 1] === 'facts'
    ? { en: `fact \`${last}\``, zh: `事故信息 \`${last}\`` } : undefined),
};

const SCENARIO_WORDING: SchemaWording = {
  describe: (path) => describeIn(SCENARIO_NAMES, path),
  closest,
  enumHints: true,
  special(e, { path, shown, where }) {
    if (e.keyword === 'anyOf') { // the only anyOf: an expected action needs step, level or text
      return { message: `Missing \`step\`, \`level\` or \`text\` in ${where.en}, expected what the role should do`,
        messageZh: `${where.zh}缺少 \`step\`、\`level\` 或 \`text\`，应写明该角色要做什么` };
    }
    if (e.keyword === 'pattern' && path[path.length - 1] === 'score') {
      return { message: `Unexpected score condition \`${shown}\`, expected a comparison such as ">= 80" or "< 60"`,
        messageZh: `总分条件 \`${shown}\` 格式不对，应为 ">= 80"、"< 60" 等比较` };
    }
    return undefined;
  },
};
