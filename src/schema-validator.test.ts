import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { precompiledPath, schemaSource, schemaValidator, type SchemaName } from './schema-validator.js';

const names = readdirSync('schemas').filter((f) => f.endsWith('.schema.json')).map((f) => f.replace('.schema.json', '') as SchemaName);
const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };

describe('schemas', () => {
  it.each(names)('%s.schema.json compiles under ajv strict mode (no unknown keywords, no ambiguous types)', (name) => {
    expect(() => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(JSON.parse(schemaSource(name).text))).not.toThrow();
  });

  it.each(names)('%s: the build precompiled a current validator, and it agrees with a fresh compile', (name) => {
    expect(existsSync(precompiledPath(name))).toBe(true);
    const pre = createRequire(import.meta.url)(precompiledPath(name)) as { schemaHash: string };
    expect(pre.schemaHash).toBe(schemaSource(name).hash);
    const fresh = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: false }).compile(JSON.parse(schemaSource(name).text));
    for (const value of [{}, [], 'x', { plan: { id: 'x' } }, { extends: 'strict' }]) {
      expect(schemaValidator(name)(value)).toBe(fresh(value));
    }
  });
});
