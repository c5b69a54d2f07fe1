import { describe, expect, it } from 'vitest';
import { contentBox, diagramSections, escapeHtml, fitDiagram, fitSvg, MIN_PRINT_SCALE, planTiles, PX_MM, svgSizeOf } from './pdf.js';

const svgOf = (w: number, h: number) =>
  `<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: ${w}px;" viewBox="-8 -8 ${w} ${h}"><g><text>x</text></g></svg>`;

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('fitting diagrams to A4', () => {
  it('reads the natural size from the viewBox', () => {
    expect(svgSizeOf(svgOf(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it('prints small diagrams at natural size, portrait', () => {
    const f = fitDiagram({ width: 400, height: 300 });
    expect(f).toMatchObject({ landscape: false, scale: 1 });
    expect(f.width).toBeCloseTo(400 * PX_MM);
  });

  it('turns wide diagrams to landscape and scales them into the content box', () => {
    const f = fitDiagram({ width: 2000, height: 700 }, 20);
    expect(f.landscape).toBe(true);
    expect(f.width).toBeLessThanOrEqual(contentBox(true).width + 1e-6);
    expect(f.height).toBeLessThanOrEqual(contentBox(true).height - 20 + 1e-6);
  });

  it('keeps tall diagrams portrait', () => {
    expect(fitDiagram({ width: 700, height: 2400 }).landscape).toBe(false);
  });

  it('sets an explicit size on the root element only', () => {
    const out = fitSvg(svgOf(640, 480), 100, 75, 'mm');
    expect(out).toMatch(/^<svg id="d1" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="-8 -8 640 480" width="100.00mm" height="75.00mm"/);
    expect(out).not.toContain('max-width');
    expect(out).toContain('<text>x</text>');
  });
});

describe('tiling large diagrams', () => {
  it('tiles only below the minimum print scale, at or above it', () => {
    const size = { width: 2700, height: 3500 };
    expect(fitDiagram(size, 19).scale).toBeLessThan(MIN_PRINT_SCALE);
    const t = planTiles(size, 19);
    expect(t.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(t.scale).toBeLessThanOrEqual(1);
    // The tiles cover the whole diagram.
    expect(t.stepW * (t.cols - 1) + t.tileW).toBeGreaterThanOrEqual(size.width - 1e-6);
    expect(t.stepH * (t.rows - 1) + t.tileH).toBeGreaterThanOrEqual(size.height - 1e-6);
  });

  it('writes the whole diagram first, then one fixed-height page per tile', () => {
    const html = diagramSections(svgOf(2700, 3500), { title: '总览', lang: 'zh' });
    const t = planTiles({ width: 2700, height: 3500 }, 12 + 7);
    expect(html.match(/<section /g)).toHaveLength(1 + t.cols * t.rows);
    expect(html).toContain(`第 1/${t.cols * t.rows} 部分`);
    expect(html).toMatch(/缩放至 \d+%；按 \d+% 分 \d+ 页放大打印/);
    expect(html.match(/style="height:[\d.]+mm"/g)).toHaveLength(1 + t.cols * t.rows);
  });

  it('does not tile a diagram that reads on one page', () => {
    const html = diagramSections(svgOf(800, 600), { title: 'Overview', lang: 'en' });
    expect(html.match(/<section /g)).toHaveLength(1);
    expect(html).not.toContain('scaled to');
  });

  it('escapes titles and subtitles', () => {
    const html = diagramSections(svgOf(100, 100), { title: '<b>x</b>', subtitle: '<img src=x onerror=alert(1)>', lang: 'en' });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
