import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020 as Ajv2020Class, ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot, schemaFile } from './paths.js';

/** The JSON Schemas yuan validates against (files `schemas/<name>.schema.json`). */
export type SchemaName = 'plan' | 'scenario' | 'drill-log' | 'config' | 'reference-grades';

/** ajv options shared by the build-time precompiler and the run-time fallback, so both report errors alike. */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true } as const;

const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, ValidateFunction>();

/** The schema's text and its SHA-256 (used to tell whether a precompiled validator is current). */
export function schemaSource(name: SchemaName): { text: string; hash: string } {
  const text = readFileSync(schemaFile(`${name}.schema.json`), 'utf8');
  return { text, hash: createHash('sha256').update(text).digest('hex') };
}

/** Precompiled validator module path (written by `npm run build`). */
export const precompiledPath = (name: SchemaName): string => join(packageRoot(), 'dist', 'validators', `${name}.cjs`);

/**
 * A compiled validator for a schema: the standalone module precompiled at build time when it matches the
 * schema on disk (a cold `yuan lint` then never loads the ajv compiler), else compiled now with ajv.
 */
export function schemaValidator(name: SchemaName): ValidateFunction {
  const cached = cache.get(name);
  if (cached) return cached;
  const { text, hash } = schemaSource(name);
  let validate: ValidateFunction | undefined;
  try {
    const mod = require(precompiledPath(name)) as ValidateFunction & { schemaHash?: string };
    if (mod.schemaHash === hash) validate = mod;
  } catch { /* not built yet (tests straight from src/): compile below */ }
  if (!validate) {
    const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
    validate = new Ajv2020({ ...AJV_OPTIONS }).compile(JSON.parse(text));
  }
  cache.set(name, validate);
  return validate;
}
