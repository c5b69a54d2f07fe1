import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's root folder (holds package.json and schemas/), whether running from src/ or dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas')) && dirname(dir) !== dir) dir = dirname(dir);
  return (root = dir);
}

/** Absolute path of a file under schemas/. */
export const schemaFile = (name: string): string => join(packageRoot(), 'schemas', name);
