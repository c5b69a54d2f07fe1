/**
 * A `LogFs` for tests: the real file system, with failures scripted per call (ENOSPC on a write, EIO on an fsync,
 * a short write) and a journal of every operation, so tests can check what reached the disk and in which order.
 */
import { nodeLogFs, type LogFs } from './log-fs.js';

/** What a scripted write does instead of writing everything: fail, or write only some bytes. */
export type WriteFault = { error: string } | { short: number };

/** Scripted failures: called with the 1-based number of the write / fsync call. */
export interface Faults {
  write?: (call: number, length: number) => WriteFault | undefined;
  fsync?: (call: number) => string | undefined;
  truncate?: (call: number) => string | undefined;
}

const errno = (code: string, syscall: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${syscall} failed (injected)`), { code, syscall });

/** The real file system with scripted failures; `journal` lists `write <bytes>`, `fsync`, `truncate <n>` … in order. */
export class ScriptedFs implements LogFs {
  readonly journal: string[] = [];
  private writes = 0;
  private fsyncs = 0;
  private truncates = 0;

  constructor(public faults: Faults = {}) {}

  /** Adds a line of the test's own (an acknowledgement, say) to the journal, to check order against the disk's. */
  note(what: string): void {
    this.journal.push(what);
  }

  open(path: string, flags: 'w' | 'a+' | 'r+', mode: number): number {
    this.journal.push(`open ${flags}`);
    return nodeLogFs.open(path, flags, mode);
  }

  write(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    const fault = this.faults.write?.(++this.writes, length);
    if (fault && 'error' in fault) {
      this.journal.push(`write failed ${fault.error}`);
      throw errno(fault.error, 'write');
    }
    const n = nodeLogFs.write(fd, buffer, offset, fault ? Math.min(fault.short, length) : length);
    this.journal.push(`write ${n}`);
    return n;
  }

  fsync(fd: number): void {
    const code = this.faults.fsync?.(++this.fsyncs);
    if (code) {
      this.journal.push(`fsync failed ${code}`);
      throw errno(code, 'fsync');
    }
    nodeLogFs.fsync(fd);
    this.journal.push('fsync');
  }

  fsyncAsync(fd: number, done: (err: NodeJS.ErrnoException | null) => void): void {
    const code = this.faults.fsync?.(++this.fsyncs);
    if (code) {
      this.journal.push(`fsync failed ${code}`);
      setImmediate(() => done(errno(code, 'fsync')));
      return;
    }
    nodeLogFs.fsyncAsync(fd, (err) => {
      this.journal.push(err ? `fsync failed ${err.code}` : 'fsync');
      done(err);
    });
  }

  truncate(fd: number, length: number): void {
    const code = this.faults.truncate?.(++this.truncates);
    if (code) {
      this.journal.push(`truncate failed ${code}`);
      throw errno(code, 'ftruncate');
    }
    nodeLogFs.truncate(fd, length);
    this.journal.push(`truncate ${length}`);
  }

  size(fd: number): number { return nodeLogFs.size(fd); }
  chmod(fd: number, mode: number): void { nodeLogFs.chmod(fd, mode); }
  read(fd: number): string { return nodeLogFs.read(fd); }
  close(fd: number): void { nodeLogFs.close(fd); }
  mkdirp(path: string): void { nodeLogFs.mkdirp(path); }
}
