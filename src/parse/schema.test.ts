import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describePath, PLAN_SCHEMA_ID, planSchema, pointerToPath, schemaCompileMs, validatePlanValue } from './schema.js';

/** The YAML example of SPEC.md. */
const SPEC_EXAMPLE = `
plan:
  id: fire
  title: 火灾爆炸事故专项应急预案
  kind: special
  parent: general
  version: "2.1"
  issued: 2023-06-01
  reviewed: 2025-06-01
  owner: 安全环保部
facts:
  - { id: fire_area_m2, label: 着火面积, type: number, unit: m2 }
  - { id: warning, label: 气象预警, type: enum, values: [blue, yellow, orange, red] }
roles:
  - id: commander
    name: 总指挥
    holder: 总经理
    deputies: [deputy]
    contact: 0571-8800 1001
    duties: [决定启动II级及以上响应, 宣布响应终止]
    memberOf: hq
warnings:
  - { id: orange, colour: orange, trigger: "warning == orange", lead: 24小时, actions: 停止动火作业 }
levels:
  - id: IV
    name: 班组级
    colour: blue
    trigger: "fire_area_m2 < 10 and injured == 0"
    decidedBy: duty-officer
    activation: 5分钟
    description: optional
steps:
  - id: alarm
    action: 发现火情立即报警
    role: operator
    deadline: 1分钟
    after: []
    levels: all
    resources: [{ resource: extinguisher, quantity: 2 }]
    notify: [duty-officer]
    condition: "fire_area_m2 > 0"
escalations:
  - { from: IV, to: III, when: "fire_area_m2 >= 10" }
termination:
  when: "extinguished and all_accounted"
  decidedBy: commander
  followUp: 24小时
  description: 明火扑灭、无复燃危险、人员全部清点后宣布终止。
resources:
  - { id: scba, name: 正压式空气呼吸器, quantity: 8, unit: 套, location: 消防站, keeper: rescue-team }
reports:
  - { to: 县应急管理局, within: 1小时, by: reporting, levels: II+, contact: "0571-12350", content: 事故概况 }
sections:
  - { key: scope, title: 1 适用范围, depth: 2, text: "本预案适用于……" }
`;

type Json = Record<string, unknown>;

describe('plan JSON Schema', () => {
  it('is a 2020-12 schema with the published $id', () => {
    const schema = planSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PLAN_SCHEMA_ID);
  });

  it('accepts the SPEC.md example', () => {
    expect(validatePlanValue(parse(SPEC_EXAMPLE))).toEqual([]);
  });

  it('compiles once, in strict mode, and says how long it took', () => {
    validatePlanValue({});
    const ms = schemaCompileMs();
    expect(ms).toBeGreaterThan(0);
    console.info(`plan schema compile: ${ms.toFixed(1)} ms`);
    validatePlanValue({});
    expect(schemaCompileMs()).toBe(ms);
  });

  it('gives every property a title and a description with the Chinese term', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as Json).properties as Record<string, Json> | undefined;
      for (const [key, prop] of Object.entries(props ?? {})) {
        const target = typeof prop.$ref === 'string' && !prop.title
          ? (planSchema().$defs as Record<string, Json>)[prop.$ref.replace('#/$defs/', '')] : prop;
        if (typeof target.title !== 'string' || typeof target.description !== 'string') missing.push(`${path}.${key}`);
        else if (key !== '$schema' && !/[\u4e00-\u9fff]/.test(`${target.title}${target.description}`)) missing.push(`${path}.${key} (no Chinese term)`);
      }
      // `if`/`then` only restate properties declared (and documented) beside them.
      for (const [k, v] of Object.entries(node as Json)) if (!['properties', 'if', 'then'].includes(k) && typeof v === 'object') walk(v, `${path}.${k}`);
      for (const [k, v] of Object.entries(props ?? {})) walk(v, `${path}.${k}`);
    };
    walk(planSchema(), '#');
    expect(missing).toEqual([]);
  });

  it('forbids unknown keys everywhere', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Json;
      const types = ([] as unknown[]).concat(n.type ?? []);
      if (types.includes('object') && n.additionalProperties !== false) open.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    walk(planSchema(), '#');
    expect(open).toEqual([]);
  });
});

describe('validatePlanValue', () => {
  const base = () => parse(SPEC_EXAMPLE) as Json;

  it('names an unexpected key, the allowed keys and the likely one', () => {
    const v = base();
    (v.steps as Json[])[0].deadine = '1分钟';
    const [e] = validatePlanValue(v);
    expect(e).toMatchObject({ instancePath: ['steps', 0], keyword: 'additionalProperties', property: 'deadine', target: 'key' });
    expect(e.message).toContain('Unexpected property `deadine` in a step, expected one of: id, action, role, alternatives, support, obligation, deadline');
    expect(e.message).toContain('(did you mean `deadline`?)');
    expect(e.messageZh).toBe('处置步骤中有未知属性 `deadine`，应为以下之一：id、action、role、alternatives、support、obligation、deadline、after、afterAny、levels、resources、notify、condition（是否应为 `deadline`？）');
  });

  it('names a missing key', () => {
    const v = base();
    delete (v.plan as Json).kind;
    expect(validatePlanValue(v)).toEqual([{
      instancePath: ['plan'], keyword: 'required', property: 'kind', target: 'value',
      message: 'Missing required property `kind` in the plan metadata (`plan`), expected `kind: …`',
      messageZh: '预案信息（plan）缺少必填属性 `kind`',
    }]);
  });

  it('lists the allowed values of an enum', () => {
    const v = base();
    (v.warnings as Json[])[0].colour = '橙色';
    const [e] = validatePlanValue(v);
    expect(e.instancePath).toEqual(['warnings', 0, 'colour']);
    expect(e.message).toBe('Unexpected `橙色` for `colour` of a warning level, expected one of: red, orange, yellow, blue');
    expect(e.messageZh).toBe('预警级别的 `colour` 的取值 `橙色` 无效，应为以下之一：red、orange、yellow、blue');
  });

  it('suggests quoting numbers where text is expected', () => {
    const v = base();
    (v.plan as Json).version = 2.1;
    const [e] = validatePlanValue(v);
    expect(e.message).toBe('Unexpected number `2.1` for `version` of the plan metadata (`plan`), expected a string (quote it: "2.1")');
  });

  it('reports every error, not just the first', () => {
    const v = base();
    (v.plan as Json).kind = 'x';
    (v.levels as Json[])[0].colour = 'purple';
    (v.steps as Json[])[0].role = 3;
    expect(validatePlanValue(v).map((e) => e.instancePath.join('.'))).toEqual(['plan.kind', 'levels.0.colour', 'steps.0.role']);
  });

  it('does not report the `if` half of the enum-values rule', () => {
    const v = base();
    delete (v.facts as Json[])[1].values;
    expect(validatePlanValue(v).map((e) => e.keyword)).toEqual(['required']);
  });
});

describe('schema helpers', () => {
  it('turns JSON pointers into paths', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/steps/0/a~1b~0c')).toEqual(['steps', 0, 'a/b~c']);
  });

  it('describes paths in both languages', () => {
    expect(describePath([])).toEqual({ en: 'the plan file', zh: '预案文件' });
    expect(describePath(['steps', 2])).toEqual({ en: 'a step', zh: '处置步骤' });
    expect(describePath(['steps', 2, 'resources', 0])).toEqual({ en: 'a resource demand', zh: '资源需求' });
    expect(describePath(['resources', 0])).toEqual({ en: 'a resource', zh: '应急物资' });
    expect(describePath(['levels', 0, 'trigger'])).toEqual({ en: '`trigger` of a response level', zh: '响应级别的 `trigger`' });
  });
});
