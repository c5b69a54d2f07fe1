import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { schemaSource, schemaValidator } from '../schema-validator.js';

/** Where the plan JSON Schema is published (its `$id`). */
export const PLAN_SCHEMA_ID = 'https://yuan.dev/schemas/plan.schema.json';

/** One schema violation of a YAML/JSON plan value, with bilingual messages. */
export interface SchemaError {
  /** Path of the offending value: keys and array indexes (`['steps', 0, 'deadline']`). */
  instancePath: (string | number)[];
  /** The JSON Schema keyword that failed (`additionalProperties`, `required`, `type`, `enum`, …). */
  keyword: string;
  /** The unexpected key (additionalProperties) or the missing key (required). */
  property?: string;
  /**
   * Where to point: `key` = the key node of `instancePath + property` (an unexpected key), `value` = the node at
   * `instancePath` (for `required`, the map that lacks the key).
   */
  target: 'key' | 'value';
  message: string;
  messageZh: string;
}

type SchemaObject = Record<string, unknown>;

let cachedSchema: SchemaObject | undefined;
let cachedValidator: ValidateFunction | undefined;
let compileMs = 0;

/** The plan JSON Schema (2020-12), read once from `schemas/plan.schema.json`. */
export function planSchema(): SchemaObject {
  return (cachedSchema ??= JSON.parse(schemaSource('plan').text) as SchemaObject);
}

/** The compiled validator (precompiled at build time when current), cached for the life of the process. */
function validator(): ValidateFunction {
  if (cachedValidator) return cachedValidator;
  const t0 = performance.now();
  cachedValidator = schemaValidator('plan');
  compileMs = performance.now() - t0;
  return cachedValidator;
}

/** Milliseconds the one-time ajv load + schema compile took in this process (0 before the first validation). */
export function schemaCompileMs(): number {
  return compileMs;
}

/**
 * Validates a plan value (the JS value of a YAML/JSON plan) against the plan schema. Returns every violation
 * (all errors, not just the first), each with a path and English/Chinese messages; `[]` when valid.
 */
export function validatePlanValue(value: unknown): SchemaError[] {
  return schemaErrors(validator(), value, PLAN_WORDING);
}

/** How one schema's violations are worded: what its paths name, "did you mean" hints, and its own special cases. */
export interface SchemaWording {
  /** What a path names, for messages: `['steps', 0]` → a step / 处置步骤. */
  describe(path: readonly (string | number)[]): Names;
  /** The option a misspelt word most likely meant (for unexpected keys, and enum values when `enumHints`). */
  closest(word: string, options: string[]): string | undefined;
  /** Whether an invalid enum value gets a "did you mean" hint too. */
  enumHints?: boolean;
  /**
   * The message for an error whose meaning only this schema knows (a pattern for dates, an anyOf of required keys),
   * or undefined for the generic one. `where` is the described path (spaced for Chinese), `shown` the value shortened.
   */
  special?(e: ErrorObject, at: SchemaErrorAt): { message: string; messageZh: string } | undefined;
}

/** What a `SchemaWording.special` case is told about the failing value. */
export interface SchemaErrorAt {
  path: (string | number)[];
  value: unknown;
  shown: string;
  where: Names;
}

/**
 * Validates a value and words every violation once: an `if` (its then-branch reports the real error) and the
 * branches of an `anyOf` (the anyOf itself is reported) are skipped, and repeats of a path + keyword + key dropped.
 */
export function schemaErrors(validate: ValidateFunction, value: unknown, wording: SchemaWording): SchemaError[] {
  if (validate(value)) return [];
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if' || e.schemaPath.includes('/anyOf/')) continue;
    const err = toSchemaError(e, value, wording);
    const key = `${err.instancePath.join('/')}|${err.keyword}|${err.property ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(err);
  }
  return out;
}

/** `/steps/0/deadline` → `['steps', 0, 'deadline']` (indexes as numbers, `~1`/`~0` unescaped). */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : seg;
  });
}

/** A name in both languages, for messages. */
export interface Names {
  en: string;
  zh: string;
}

/** The names a schema gives the places in its files, for messages. */
export interface PathNames {
  /** The whole file (the empty path). */
  file: Names;
  /** Top-level keys: `steps` → "`steps`" / 处置步骤（steps）. */
  top: Record<string, Names>;
  /** An item of a list, by the list's key: `steps` → "a step" / 处置步骤. */
  items: Record<string, Names>;
  /** A name only this schema gives, tried first (for `last`, the final key or index, under `parent`). */
  special?(last: string | number, parent: readonly (string | number)[]): Names | undefined;
}

/**
 * What a path names under a schema's names: `['steps', 0]` → a step, `['steps', 0, 'role']` → `role` of a step,
 * an unnamed item → "item 3 of …", an unnamed top-level key → the key itself.
 */
export function describeIn(names: PathNames, path: readonly (string | number)[]): Names {
  if (path.length === 0) return names.file;
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  const special = names.special?.(last, parent);
  if (special) return special;
  if (typeof last === 'number') {
    const item = names.items[String(parent[parent.length - 1])];
    return item ?? { en: `item ${last + 1} of ${describeIn(names, parent).en}`, zh: `${describeIn(names, parent).zh}的第 ${last + 1} 项` };
  }
  if (parent.length === 0) return names.top[last] ?? { en: `\`${last}\``, zh: `\`${last}\`` };
  const owner = describeIn(names, parent);
  return { en: `\`${last}\` of ${owner.en}`, zh: `${owner.zh}的 \`${last}\`` };
}

/** What a path names, for messages: `['steps', 0]` → a step / 处置步骤, `['steps', 0, 'role']` → `role` of a step. */
export function describePath(path: readonly (string | number)[]): Names {
  return describeIn(PLAN_NAMES, path);
}

const ITEM_NAMES: Record<string, Names> = {
  facts: { en: 'a fact', zh: '事故信息要素' },
  roles: { en: 'a role', zh: '角色' },
  warnings: { en: 'a warning level', zh: '预警级别' },
  levels: { en: 'a response level', zh: '响应级别' },
  steps: { en: 'a step', zh: '处置步骤' },
  escalations: { en: 'an escalation rule', zh: '级别调整规则' },
  resources: { en: 'a resource', zh: '应急物资' },
  reports: { en: 'a reporting duty', zh: '信息报告' },
  sections: { en: 'a section', zh: '章节' },
  values: { en: 'an enum value', zh: '枚举值' },
  deputies: { en: 'a deputy', zh: '副职' },
  duties: { en: 'a duty', zh: '职责' },
  after: { en: 'a preceding step', zh: '前置步骤' },
  notify: { en: 'a role to notify', zh: '通知对象' },
};

const TOP_NAMES: Record<string, Names> = {
  plan: { en: 'the plan metadata (`plan`)', zh: '预案信息（plan）' },
  termination: { en: 'the termination (`termination`)', zh: '响应终止（termination）' },
  facts: { en: '`facts`', zh: '事故信息要素（facts）' },
  roles: { en: '`roles`', zh: '角色（roles）' },
  warnings: { en: '`warnings`', zh: '预警分级（warnings）' },
  levels: { en: '`levels`', zh: '响应分级（levels）' },
  steps: { en: '`steps`', zh: '处置步骤（steps）' },
  escalations: { en: '`escalations`', zh: '级别调整（escalations）' },
  resources: { en: '`resources`', zh: '应急物资（resources）' },
  reports: { en: '`reports`', zh: '信息报告（reports）' },
  sections: { en: '`sections`', zh: '章节（sections）' },
};

const PLAN_NAMES: PathNames = {
  file: { en: 'the plan file', zh: '预案文件' },
  top: TOP_NAMES,
  items: ITEM_NAMES,
  special: (last, parent) => (typeof last === 'number' && parent[parent.length - 1] === 'resources' && parent.length >= 3
    ? { en: 'a resource demand', zh: '资源需求' } : undefined),
};

/** The property names a schema object allows, for "expected one of" lists. */
function allowedKeys(parentSchema: unknown): string[] {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props).filter((k) => k !== '$schema') : [];
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', array: '列表', object: '映射（键: 值）', null: '空值',
};
const TYPE_BARE: Record<string, string> = {
  string: 'string', number: 'number', integer: 'integer', boolean: 'boolean', array: 'list', object: 'map', null: 'null',
};
const TYPE_EN: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'a boolean', array: 'a list', object: 'a map (key: value)', null: 'null',
};

function typeOfValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** A short, safe rendering of a value for messages. */
function show(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v === null || v === undefined) s = 'null';
  else if (typeof v === 'object') s = Array.isArray(v) ? '[…]' : '{…}';
  else s = String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) { best = o; bestD = d; }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const PLAN_WORDING: SchemaWording = {
  describe: describePath,
  closest,
  special(e, { shown, where }) {
    if (e.keyword !== 'pattern' || !String((e.params as { pattern?: unknown }).pattern).startsWith('^[0-9]{4}')) return undefined;
    return { message: `Unexpected date \`${shown}\` for ${where.en}, expected YYYY-MM-DD`,
      messageZh: `${where.zh}的日期 \`${shown}\` 格式不对，应为 YYYY-MM-DD` };
  },
};

/** One ajv error as a `SchemaError`: its path, where to point, and English/Chinese messages worded by `wording`. */
export function toSchemaError(e: ErrorObject, root: unknown, wording: SchemaWording): SchemaError {
  const path = pointerToPath(e.instancePath);
  const described = wording.describe(path);
  // A space between an inline-code name and the Chinese that follows it.
  const where = { en: described.en, zh: described.zh.endsWith('`') ? `${described.zh} ` : described.zh };
  const value = valueAt(root, path);
  const params = e.params as Record<string, unknown>;
  const base = { instancePath: path, keyword: e.keyword };
  const special = wording.special?.(e, { path, value, shown: show(value), where });
  if (special) return { ...base, target: 'value', ...special };
  const hint = (word: string, options: string[]) => {
    const h = wording.closest(word, options);
    return h ? { en: ` (did you mean \`${h}\`?)`, zh: `（是否应为 \`${h}\`？）` } : { en: '', zh: '' };
  };
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const allowed = allowedKeys(e.parentSchema);
      const h = hint(prop, allowed);
      return { ...base, property: prop, target: 'key',
        message: `Unexpected property \`${prop}\` in ${where.en}, expected one of: ${allowed.join(', ')}${h.en}`,
        messageZh: `${where.zh}中有未知属性 \`${prop}\`，应为以下之一：${allowed.join('、')}${h.zh}` };
    }
    case 'required': {
      const prop = String(params.missingProperty);
      return { ...base, property: prop, target: 'value',
        message: `Missing required property \`${prop}\` in ${where.en}, expected \`${prop}: …\``,
        messageZh: `${where.zh}缺少必填属性 \`${prop}\`` };
    }
    case 'type': {
      const want = ([] as string[]).concat(params.type as string | string[]);
      const got = typeOfValue(value);
      const quote = want.includes('string') && (got === 'number' || got === 'integer' || got === 'boolean')
        ? { en: ` (quote it: "${show(value)}")`, zh: `（请加引号："${show(value)}"）` } : { en: '', zh: '' };
      return { ...base, target: 'value',
        message: `Unexpected ${TYPE_BARE[got] ?? got} \`${show(value)}\` for ${where.en}, expected ${want.map((t) => TYPE_EN[t] ?? t).join(' or ')}${quote.en}`,
        messageZh: `${where.zh}应为${want.map((t) => TYPE_ZH[t] ?? t).join('或')}，实际为${TYPE_ZH[got] ?? got} \`${show(value)}\`${quote.zh}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const h = wording.enumHints && typeof value === 'string' ? hint(value, allowed) : { en: '', zh: '' };
      return { ...base, target: 'value',
        message: `Unexpected \`${show(value)}\` for ${where.en}, expected one of: ${allowed.join(', ')}${h.en}`,
        messageZh: `${where.zh}的取值 \`${show(value)}\` 无效，应为以下之一：${allowed.join('、')}${h.zh}` };
    }
    case 'const':
      return { ...base, target: 'value',
        message: `Unexpected \`${show(value)}\` for ${where.en}, expected \`${show(params.allowedValue)}\``,
        messageZh: `${where.zh}的取值 \`${show(value)}\` 无效，应为 \`${show(params.allowedValue)}\`` };
    case 'pattern': // ids; a schema's other patterns are its `special` cases
      return { ...base, target: 'value',
        message: `Unexpected id \`${show(value)}\` for ${where.en}, expected letters, digits, \`_\`, \`.\` or \`-\` (starting with a letter, digit or \`_\`, no spaces)`,
        messageZh: `${where.zh}的标识 \`${show(value)}\` 不合法，只能包含字母、汉字、数字、\`_\`、\`.\`、\`-\`（以字母、汉字、数字或 \`_\` 开头，不含空格）` };
    case 'minLength':
      return { ...base, target: 'value',
        message: `Unexpected empty text for ${where.en}, expected a value`,
        messageZh: `${where.zh}不能为空` };
    case 'minItems':
      return { ...base, target: 'value',
        message: `Unexpected empty list for ${where.en}, expected at least ${String(params.limit)} item`,
        messageZh: `${where.zh}不能为空列表，至少应有 ${String(params.limit)} 项` };
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
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
