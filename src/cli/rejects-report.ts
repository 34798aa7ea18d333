import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CablegateError } from '../domain/errors.js';
import type { SourceReject } from '../domain/source-record.js';

export const DEFAULT_REJECTS_FILE = './cablegate-rejects.jsonl';

/**
 * The rejects report of one import: JSON Lines `{source, code, reason}` per rejected item,
 * `{source, code, reason, skipped: true}` per item skipped by rule; rewritten each run.
 */
export class RejectsReport {
  private fd: number;
  /** Rejected items (not counting skips). */
  count = 0;
  skipped = 0;
  /** A few first rejects, for the summary. */
  readonly firsts: SourceReject[] = [];

  constructor(readonly path: string) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw new CablegateError('E_USAGE', `cannot write the rejects report: ${(e as Error).message}`, {
        subject: path,
        hint: 'choose another file with --rejects FILE',
        cause: e,
      });
    }
  }

  /** Rejects first, then skips, in the summary's list. */
  readonly firstSkips: SourceReject[] = [];

  add(reject: SourceReject): void {
    if (reject.skipped) {
      this.skipped++;
      if (this.firstSkips.length < 5) this.firstSkips.push(reject);
    } else {
      this.count++;
      if (this.firsts.length < 5) this.firsts.push(reject);
    }
    const line = { source: reject.source, code: reject.code, reason: reject.reason, ...(reject.skipped ? { skipped: true } : {}) };
    writeSync(this.fd, JSON.stringify(line) + '\n');
  }

  close(): void {
    closeSync(this.fd);
  }
}
