/** Writing a mirror file over its previous bytes. */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';

/**
 * Writes over an existing file in place, cutting it only where the new bytes end: false
 * when there is no such file. Truncating the whole file first (what writeFileSync does)
 * frees its blocks, and on a file system that discards freed blocks that costs ten times
 * the write (measured: 141 against 15 us per 9 KB page on this machine's ext4).
 */
export function overwriteFile(target: string, bytes: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(target, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  try {
    let done = 0;
    while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done, done);
    if (fstatSync(fd).size !== bytes.byteLength) ftruncateSync(fd, bytes.byteLength);
  } finally {
    closeSync(fd);
  }
  return true;
}
