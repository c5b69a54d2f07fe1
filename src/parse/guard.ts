import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';

/** Default largest plan file accepted (bytes). Real plans are < 1 MB; 10 MB leaves room for appendices. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const at1 = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Refuses inputs no parser should see: too large, or binary / not UTF-8. Returns the decoded text or a diagnostic. */
export function guardInput(bytes: Uint8Array, file: string, maxBytes = MAX_PLAN_BYTES): { text: string } | { diagnostic: Diagnostic } {
  if (bytes.byteLength > maxBytes) return { diagnostic: tooLarge(bytes.byteLength, file, maxBytes) };
  const nul = bytes.indexOf(0);
  let text: string;
  try {
    if (nul >= 0) throw new Error('NUL');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = nul >= 0 ? nul : firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const point = { line, column, offset: before.length };
    return { diagnostic: {
      ruleId: 'parse/binary', severity: 'error', file, place: { start: point, end: point },
      message: `Unexpected binary data (byte ${offset}), expected UTF-8 text (save the plan as UTF-8; GBK files must be converted)`,
      messageZh: `第 ${offset} 字节处为二进制数据，应为 UTF-8 文本（请以 UTF-8 保存预案，GBK 文件需转换）`,
    } };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Reads a text file with the input guards: refused unread when larger than `maxBytes` (`parse/too-large`), refused
 * when it cannot be opened (`parse/unreadable`) or is binary / not UTF-8 (`parse/binary`); a BOM is dropped. Never throws.
 */
export function readGuardedFile(file: string, maxBytes = MAX_PLAN_BYTES): { text: string } | { diagnostic: Diagnostic } {
  let bytes: Uint8Array;
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > maxBytes) return { diagnostic: tooLarge(size, file, maxBytes) };
      const buf = Buffer.alloc(size);
      bytes = buf.subarray(0, readSync(fd, buf, 0, size, 0));
    } finally { closeSync(fd); }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { diagnostic: { ruleId: 'parse/unreadable', severity: 'error', file, place: at1,
      message: `Unexpected unreadable file: ${code}`, messageZh: `无法读取文件：${code}` } };
  }
  return guardInput(bytes, file, maxBytes);
}

/** The diagnostic for a file over the size limit (built from its size alone, so the file is never read). */
export function tooLarge(size: number, file: string, maxBytes: number): Diagnostic {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    ruleId: 'parse/too-large', severity: 'error', file, place: at1,
    message: `Unexpected file of ${mb(size)} MB, expected at most ${mb(maxBytes)} MB (refused unread; raise --max-bytes if this is really a plan)`,
    messageZh: `文件大小 ${mb(size)} MB，超过上限 ${mb(maxBytes)} MB，未读取（如确为预案，请用 --max-bytes 调高上限）`,
  };
}

/** Byte offset of the first invalid UTF-8 sequence (binary search on the fatal decoder). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try { dec.decode(bytes.subarray(0, mid), { stream: true }); lo = mid; } catch { hi = mid; }
  }
  return lo;
}
