/**
 * SHA-256 of a file read in chunks, returned as a live hash (not yet digested) so that
 * bytes appended to the file afterwards can be fed to it: the whole file's digest after an
 * append costs one read of the old bytes (SHA-256 cannot resume from a digest). Synchronous:
 * ~0.3 s for 400 MB on an idle core of this project's machines, ~1 s under load.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 4 << 20;

export interface FileHash {
  /** Fed with every byte of the file; call .copy().digest() to read it and keep it live. */
  hash: Hash;
  size: number;
}

export function hashFileSync(file: string): FileHash {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, size);
      if (n <= 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { hash, size };
}
