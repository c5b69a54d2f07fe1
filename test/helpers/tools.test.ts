import { describe, expect, it } from 'vitest';
import { MissingToolError, requireChromium, requirePdftoppm, requirePdftotext, requireRoot, toolsRequired } from './tools.js';

// An environment in which no tool can be found: no PATH, no YUAN_CHROMIUM / CHROME_PATH.
const bare = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: '/nonexistent', ...extra });

describe('tool gate', () => {
  it('fails instead of skipping in CI, with YUAN_REQUIRE_TOOLS=1, and (for Chromium) with YUAN_REQUIRE_CHROMIUM=1', () => {
    for (const env of [bare({ CI: 'true' }), bare({ CI: '1' }), bare({ YUAN_REQUIRE_TOOLS: '1' })]) {
      expect(() => requireChromium(env)).toThrow(MissingToolError);
      expect(() => requirePdftotext(env)).toThrow(/pdftotext is required .* but was not found/);
      expect(() => requirePdftoppm(env)).toThrow(MissingToolError);
    }
    expect(() => requireChromium(bare({ YUAN_REQUIRE_CHROMIUM: '1' }))).toThrow(/chromium is required \(YUAN_REQUIRE_CHROMIUM=1\)/);
    expect(toolsRequired('pdftotext', bare({ YUAN_REQUIRE_CHROMIUM: '1' }))).toBe(false);
    expect(() => requireRoot(bare({ YUAN_REQUIRE_ROOT: '1' }), 1000)).toThrow(/root is required \(YUAN_REQUIRE_ROOT=1\).*run these tests as root/);
    expect(() => requireRoot(bare({ CI: 'true' }), 1000)).toThrow(MissingToolError);
    expect(requireRoot(bare({ CI: 'true' }), 0)).toBe(true);
  });

  it('skips on a developer machine without the tool', () => {
    for (const env of [bare(), bare({ CI: 'false' }), bare({ CI: '' }), bare({ CI: '0' })]) {
      expect(requireChromium(env)).toBeUndefined();
      expect(requirePdftotext(env)).toBe(false);
      expect(requireRoot(env, 1000)).toBe(false);
    }
  });

  it('returns the tool when it is there', () => {
    expect(requireChromium(bare({ CI: 'true', YUAN_CHROMIUM: process.execPath }))).toBe(process.execPath);
  });
});
