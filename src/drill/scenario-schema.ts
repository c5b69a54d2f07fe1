import type { ErrorObject } from 'ajv/dist/2020.js';
import { pointerToPath, type SchemaError } from '../parse/schema.js';
import { schemaValidator } from '../schema-validator.js';
import { closest } from '../validate/rules/resource-undefined.js';

/**
 * Validates the JS value of a scenario file against the scenario schema: every violation with its path and
 * English/Chinese messages (the same `SchemaError` shape the plan schema gives), `[]` when valid.
 */
export function validateScenarioValue(value: unknown): SchemaError[] {
  // The shared loader: the standalone validator precompiled by `npm run build` when current, else ajv now.
  const validate = schemaValidator('scenario');
  if (validate(value)) return [];
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // A value that fails `anyOf` fails each branch too: report the anyOf once, not every branch.
    if (e.schemaPath.includes('/anyOf/')) continue;
    const err = toError(e, value);
    const key = `${err.instancePath.join('/')}|${err.keyword}|${err.property ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(err);
  }
  return out;
}

/** What a path names: `['injects', 0, 'at']` → "`at` of an inject" / "情景注入的 `at`". */
function describe(path: readonly (string | number)[]): { en: string; zh: string } {
  if (path.length === 0) return { en: 'the scenario file', zh: '演练脚本' };
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') {
    const item = ITEMS[String(parent[parent.length - 1])];
    return item ?? { en: `item ${last + 1} of ${describe(parent).en}`, zh: `${describe(parent).zh}的第 ${last + 1} 项` };
  }
  if (parent.length === 0) return TOP[last] ?? { en: `\`${last}\``, zh: `\`${last}\`` };
  if (parent[parent.length - 1] === 'facts') return { en: `fact \`${last}\``, zh: `事故信息 \`${last}\`` };
  const owner = describe(parent);
  return { en: `\`${last}\` of ${owner.en}`, zh: `${owner.zh}的 \`${last}\`` };
}

const ITEMS: Record<string, { en: string; zh: string }> = {
  objectives: { en: 'an objective', zh: '演练目标' },
  injects: { en: 'an inject', zh: '情景注入' },
  actions: { en: 'a scripted action', zh: '脚本化行动' },
  expected: { en: 'an expected action', zh: '预期行动' },
  to: { en: 'a recipient', zh: '接收方' },
  steps: { en: 'a step', zh: '步骤' },
  gaps: { en: 'a gap kind', zh: '问题类型' },
  noGaps: { en: 'a gap kind', zh: '问题类型' },
};

const TOP: Record<string, { en: string; zh: string }> = {
  scenario: { en: 'the scenario metadata (`scenario`)', zh: '演练信息（scenario）' },
  objectives: { en: '`objectives`', zh: '演练目标（objectives）' },
  injects: { en: '`injects`', zh: '情景注入（injects）' },
  actions: { en: '`actions`', zh: '脚本化行动（actions）' },
  expect: { en: 'the expectations (`expect`)', zh: '预期结果（expect）' },
  weights: { en: 'the scoring weights (`weights`)', zh: '评估权重（weights）' },
};

const TYPE_EN: Record<string, string> = { string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', array: 'a list', object: 'a map (key: value)', null: 'null' };
const TYPE_ZH: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', array: '列表', object: '映射（键: 值）', null: '空值' };

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : v === null || v === undefined ? 'null' : typeof v === 'object' ? (Array.isArray(v) ? '[…]' : '{…}') : String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function toError(e: ErrorObject, root: unknown): SchemaError {
  const path = pointerToPath(e.instancePath);
  const d = describe(path);
  const where = { en: d.en, zh: d.zh.endsWith('`') ? `${d.zh} ` : d.zh };
  const value = valueAt(root, path);
  const params = e.params as Record<string, unknown>;
  const base = { instancePath: path, keyword: e.keyword };
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      const allowed = props ? Object.keys(props).filter((k) => k !== '$schema') : [];
      const hint = closest(prop, allowed);
      return { ...base, property: prop, target: 'key',
        message: `Unexpected property \`${prop}\` in ${where.en}, expected one of: ${allowed.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
        messageZh: `${where.zh}中有未知属性 \`${prop}\`，应为以下之一：${allowed.join('、')}${hint ? `（是否应为 \`${hint}\`？）` : ''}` };
    }
    case 'required': {
      const prop = String(params.missingProperty);
      return { ...base, property: prop, target: 'value',
        message: `Missing required property \`${prop}\` in ${where.en}, expected \`${prop}: …\``,
        messageZh: `${where.zh}缺少必填属性 \`${prop}\`` };
    }
    case 'anyOf': // the only anyOf: an expected action needs step, level or text
      return { ...base, target: 'value',
        message: `Missing \`step\`, \`level\` or \`text\` in ${where.en}, expected what the role should do`,
        messageZh: `${where.zh}缺少 \`step\`、\`level\` 或 \`text\`，应写明该角色要做什么` };
    case 'type': {
      const want = ([] as string[]).concat(params.type as string | string[]);
      const got = typeOf(value);
      const quote = want.includes('string') && ['number', 'integer', 'boolean'].includes(got) && !want.includes(got === 'integer' ? 'number' : got);
      return { ...base, target: 'value',
        message: `Unexpected ${got === 'array' ? 'list' : got === 'object' ? 'map' : got} \`${show(value)}\` for ${where.en}, expected ${want.map((t) => TYPE_EN[t] ?? t).join(' or ')}${quote ? ` (quote it: "${show(value)}")` : ''}`,
        messageZh: `${where.zh}应为${want.map((t) => TYPE_ZH[t] ?? t).join('或')}，实际为${TYPE_ZH[got] ?? got} \`${show(value)}\`${quote ? `（请加引号："${show(value)}"）` : ''}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return { ...base, target: 'value',
        message: `Unexpected \`${show(value)}\` for ${where.en}, expected one of: ${allowed.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
        messageZh: `${where.zh}的取值 \`${show(value)}\` 无效，应为以下之一：${allowed.join('、')}${hint ? `（是否应为 \`${hint}\`？）` : ''}` };
    }
    case 'pattern': {
      const key = path[path.length - 1];
      if (key === 'score') {
        return { ...base, target: 'value',
          message: `Unexpected score condition \`${show(value)}\`, expected a comparison such as ">= 80" or "< 60"`,
          messageZh: `总分条件 \`${show(value)}\` 格式不对，应为 ">= 80"、"< 60" 等比较` };
      }
      return { ...base, target: 'value',
        message: `Unexpected id \`${show(value)}\` for ${where.en}, expected letters, digits, \`_\`, \`.\` or \`-\` (starting with a letter, digit or \`_\`, no spaces)`,
        messageZh: `${where.zh}的标识 \`${show(value)}\` 不合法，只能包含字母、汉字、数字、\`_\`、\`.\`、\`-\`（以字母、汉字、数字或 \`_\` 开头，不含空格）` };
    }
    case 'minLength':
      return { ...base, target: 'value', message: `Unexpected empty text for ${where.en}, expected a value`, messageZh: `${where.zh}不能为空` };
    case 'minItems':
      return { ...base, target: 'value',
        message: `Unexpected empty list for ${where.en}, expected at least ${String(params.limit)} item`,
        messageZh: `${where.zh}不能为空列表，至少应有 ${String(params.limit)} 项` };
    case 'minimum': case 'maximum': {
      const op = e.keyword === 'minimum' ? '>=' : '<=';
      return { ...base, target: 'value',
        message: `Unexpected \`${show(value)}\` for ${where.en}, expected a number ${op} ${String(params.limit)}`,
        messageZh: `${where.zh}的值 \`${show(value)}\` 超出范围，应 ${op} ${String(params.limit)}` };
    }
    default:
      return { ...base, target: 'value',
        message: `Unexpected value for ${where.en}: ${e.message ?? e.keyword}`,
        messageZh: `${where.zh}的值不符合要求：${e.message ?? e.keyword}` };
  }
}
