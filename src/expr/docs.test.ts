import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExpr } from './parse.js';

// Keeps docs/triggers.md honest: every example line in its ```text blocks must parse.
const doc = readFileSync(fileURLToPath(new URL('../../docs/triggers.md', import.meta.url)), 'utf8');
const examples = [...doc.matchAll(/```text\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1].split('\n'))
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.replace(/^[IV]+\s*级:\s*/, ''));

describe('docs/triggers.md examples', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThan(10));
  it.each(examples)('%s parses', (text) => {
    expect(parseExpr(text).errors).toEqual([]);
  });
});
