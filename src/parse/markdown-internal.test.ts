import { describe, expect, it, vi } from 'vitest';

// The builder is replaced by one that fails, to check that parseMarkdown turns internal failures into diagnostics.
const failure = vi.hoisted(() => ({ error: new Error('boom') as Error }));
vi.mock('./markdown-build.js', () => ({ buildPlan: () => { throw failure.error; } }));

const { parseMarkdown } = await import('./markdown.js');

describe('internal failures', () => {
  it('become a parse/syntax error at 1:1, without a plan', () => {
    failure.error = new Error('boom');
    const r = parseMarkdown('# x\n', 'a.md');
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ ruleId: 'parse/syntax', severity: 'error', file: 'a.md',
      place: { start: { line: 1, column: 1, offset: 0 } }, message: 'Unexpected failure while reading Markdown: boom' }]);
  });

  it('report stack exhaustion as parse/too-deep', () => {
    failure.error = new RangeError('Maximum call stack size exceeded');
    const r = parseMarkdown('# x\n', 'a.md');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['parse/too-deep']);
  });
});
