// Precompiles every JSON Schema to a standalone ajv validator in dist/validators/ (run by `npm run build`).
// Each module records the hash of the schema it was built from; src/schema-validator.ts ignores stale ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import { AJV_OPTIONS, precompiledPath, schemaSource, type SchemaName } from '../src/schema-validator.js';

const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class };
const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, v: unknown) => string }).default;

for (const name of ['plan', 'scenario', 'drill-log', 'config', 'reference-grades'] as SchemaName[]) {
  let source;
  try { source = schemaSource(name); } catch { continue; } // schema not written yet
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(source.text));
  mkdirSync(dirname(precompiledPath(name)), { recursive: true });
  writeFileSync(precompiledPath(name), `${standalone(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(source.hash)};\n`);
}
