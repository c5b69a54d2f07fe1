import { describe, expect, it } from 'vitest';
import { progress } from './progress.js';

/** A stand-in for stderr that records what is written. */
function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (x: string) => { out.push(x); return true; } } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('prints one line per unit when stderr is not a terminal', () => {
    const { out, s } = stream(false);
    const p = progress(4, 'rendering', { stream: s, env: {}, units: 2 });
    p.tick(); p.tick(); p.line('a.md: 2 diagrams'); p.tick(); p.tick(); p.line('b.md: 2 diagrams'); p.done();
    expect(out.join('')).toBe('yuan: [1/2] a.md: 2 diagrams\nyuan: [2/2] b.md: 2 diagrams\n');
  });

  it('prints lines, not a bar, on a terminal when CI is set', () => {
    const { out, s } = stream(true);
    const p = progress(3, 'printing', { stream: s, env: { CI: 'true' } });
    p.tick(); p.line('x'); p.done();
    expect(out.join('')).toBe('yuan: [1/3] x\n');
  });

  it('draws a bar on a terminal and no lines', () => {
    const { out, s } = stream(true);
    const p = progress(2, 'linting', { stream: s, env: {} });
    p.tick(); p.line('x'); p.tick(); p.done();
    const all = out.join('');
    expect(all).toContain('linting [############............] 1/2');
    expect(all).toContain('2/2');
    expect(all).not.toContain('yuan: [');
    expect(all.endsWith('\r\x1b[2K')).toBe(true);
  });
});
