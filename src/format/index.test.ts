import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, makeContext } from './fixture.test-helper.js';
import { formatDiagnostics, formatNames, formatters, isFormatName } from './index.js';

describe('formatters', () => {
  it('offers the five formats', () => {
    expect(formatNames).toEqual(['stylish', 'json', 'sarif', 'github', 'junit']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
  });

  it('formats the shared fixture with every format, ending in a newline', () => {
    for (const name of formatNames) {
      const out = formatDiagnostics(name, DIAGNOSTICS, makeContext());
      expect(out).toBe(formatters[name](DIAGNOSTICS, makeContext()));
      expect(out.endsWith('\n')).toBe(true);
      expect(out).not.toMatch(/\u001b\[/);
    }
  });

  it('rejects an unknown format name', () => {
    expect(() => formatDiagnostics('checkstyle', DIAGNOSTICS, makeContext())).toThrow(/Unknown format "checkstyle", expected one of: stylish, json, sarif, github, junit/);
  });
});
