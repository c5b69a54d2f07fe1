/** Test helpers for the render tests: a tiny PNG decoder (8-bit, non-interlaced) and poppler wrappers. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Decodes an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB, RGBA) into RGBA pixels. */
export function decodePng(buf: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const b = Buffer.from(buf);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8;
  let width = 0; let height = 0; let type = 0; let depth = 0;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const kind = b.toString('latin1', off + 4, off + 8);
    const data = b.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); depth = data[8]; type = data[9]; if (data[12]) throw new Error('interlaced PNG'); }
    if (kind === 'IDAT') idat.push(data);
    if (kind === 'IEND') break;
    off += 12 + len;
  }
  if (depth !== 8) throw new Error(`PNG bit depth ${depth}`);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (!channels) throw new Error(`PNG colour type ${type}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels] : 0;
      const up = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) { const p = a + up - c; const pa = Math.abs(p - a); const pb = Math.abs(p - up); const pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c; }
      cur[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const s = x * channels;
      if (channels <= 2) { out[i] = out[i + 1] = out[i + 2] = cur[s]; out[i + 3] = channels === 2 ? cur[s + 1] : 255; }
      else { out[i] = cur[s]; out[i + 1] = cur[s + 1]; out[i + 2] = cur[s + 2]; out[i + 3] = channels === 4 ? cur[s + 3] : 255; }
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

/** Share of pixels that are not (near) white: 0 for a blank page. */
export function inkRatio(png: Uint8Array): number {
  const { width, height, rgba } = decodePng(png);
  let ink = 0;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b, a] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2], rgba[i * 4 + 3]];
    if (a > 16 && (r < 235 || g < 235 || b < 235)) ink++;
  }
  return ink / (width * height);
}

/** Text of a PDF (pdftotext, layout order). */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuan-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

/** Rasterises PDF pages with `pdftoppm -png -r <dpi>` into `dir`; returns the PNG paths in page order. */
export function pdfPages(pdf: Uint8Array, dir: string, dpi = 60, first?: number, last?: number): string[] {
  writeFileSync(join(dir, 'packet.pdf'), pdf);
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  const r = spawnSync('pdftoppm', ['-png', '-r', String(dpi), ...range, join(dir, 'packet.pdf'), join(dir, 'page')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort().map((f) => join(dir, f));
}

/** Text content of every `<text>` element of an SVG (rows joined), entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

export const readPng = (path: string) => readFileSync(path);
