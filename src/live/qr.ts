/**
 * QR codes for the participant links, from the maintained `qrcode` encoder (ISO/IEC 18004: error correction level M,
 * the smallest version that fits, the best mask). Output: the module matrix, terminal text, or SVG.
 */
import QRCode from 'qrcode';

/** A QR symbol: `size`×`size` modules, `true` = dark. */
export interface QrCode {
  version: number;
  size: number;
  mask: number;
  modules: boolean[][];
}

/** Encodes `text` as a QR Code, level M. Throws a RangeError when it is too long for version 40. */
export function encodeQr(text: string): QrCode {
  let q: QRCode.QRCode;
  try {
    q = QRCode.create(text, { errorCorrectionLevel: 'M' });
  } catch (err) {
    throw new RangeError(`text too long for a QR code (${(err as Error).message})`, { cause: err });
  }
  const { size } = q.modules;
  const modules = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => q.modules.get(y, x) === 1));
  return { version: q.version, size, mask: q.maskPattern ?? 0, modules };
}

/**
 * The code as terminal text: two module rows per line with half blocks, dark modules black on a white background
 * (ANSI colours, so it scans on dark and light terminals alike), with a 2-module quiet zone.
 */
export function qrTerminal(text: string): string {
  const { modules, size } = encodeQr(text);
  const q = 2;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && modules[y][x];
  const lines: string[] = [];
  for (let y = -q; y < size + q; y += 2) {
    let line = '\x1b[30;47m';
    for (let x = -q; x < size + q; x++) {
      const top = dark(x, y), bottom = dark(x, y + 1);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(`${line}\x1b[0m`);
  }
  return lines.join('\n');
}

/** The code as a standalone SVG (one path, 4-module quiet zone, `scale` px per module). */
export function qrSvg(text: string, scale = 4): string {
  const { modules, size } = encodeQr(text);
  const q = 4;
  const dim = (size + 2 * q) * scale;
  let d = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (modules[y][x]) d += `M${x + q},${y + q}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${dim}" height="${dim}" viewBox="0 0 ${size + 2 * q} ${size + 2 * q}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
