/**
 * The file operations the drill log and the live store use, behind one small interface so tests can make them fail
 * the way disks do (ENOSPC on write, EIO on fsync, a short write) and can record their order (no acknowledgement
 * before the fsync that covers it).
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';

/** What `DrillLog` and `LiveStore` do to files. Errors are thrown (sync) or passed to the callback (async fsync). */
export interface LogFs {
  open(path: string, flags: 'w' | 'a+' | 'r+', mode: number): number;
  /** Writes up to `length` bytes of `buffer` from `offset`; returns how many were written (may be fewer). */
  write(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsync(fd: number): void;
  /** fsync without blocking the event loop (the live store's group commit). */
  fsyncAsync(fd: number, done: (err: NodeJS.ErrnoException | null) => void): void;
  truncate(fd: number, length: number): void;
  size(fd: number): number;
  chmod(fd: number, mode: number): void;
  read(fd: number): string;
  close(fd: number): void;
  /** Creates a folder and its parents (a no-op when it exists). */
  mkdirp(path: string): void;
}

/** The real file system. */
export const nodeLogFs: LogFs = {
  open: (path, flags, mode) => fs.openSync(path, flags, mode),
  write: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsync: (fd) => fs.fsyncSync(fd),
  fsyncAsync: (fd, done) => fs.fsync(fd, done),
  truncate: (fd, length) => fs.ftruncateSync(fd, length),
  size: (fd) => fs.fstatSync(fd).size,
  chmod: (fd, mode) => fs.fchmodSync(fd, mode),
  read: (fd) => fs.readFileSync(fd, 'utf8'),
  close: (fd) => fs.closeSync(fd),
  mkdirp: (path) => mkdirp(path),
};

/**
 * `mkdir -p` that reports the folder it could not create with the real cause: Node's recursive mkdir can say
 * `ENOENT … mkdir` on a read-only file system where `EROFS` or `EACCES` is the truth.
 */
export function mkdirp(path: string): void {
  try {
    fs.mkdirSync(path, { recursive: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') throw err;
    // Find the deepest existing ancestor and try to create its child ourselves: that error is the real one.
    let dir = path;
    for (;;) {
      const parent = dirname(dir);
      if (parent === dir || fs.existsSync(parent)) {
        fs.mkdirSync(dir); // throws EROFS / EACCES / ENOTDIR with the folder named
        break;
      }
      dir = parent;
    }
    fs.mkdirSync(path, { recursive: true });
  }
}

/** A failure of the log's disk: the event was not stored, and the log accepts nothing more until an operator acts. */
export class LogWriteError extends Error {
  readonly code: string;
  constructor(readonly file: string, readonly op: 'write' | 'fsync', cause: unknown, readonly lastSeq: number) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? (cause as Error)?.message ?? String(cause);
    super(`cannot ${op} the drill log ${file}: ${code}; events after seq ${lastSeq} are not stored, and the log accepts nothing more until the operator frees the disk and restarts the drill with --resume`);
    this.name = 'LogWriteError';
    this.code = code;
  }
}
