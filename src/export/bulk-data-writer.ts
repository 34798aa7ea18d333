/**
 * The researchers' bulk files: `cables.csv.gz` (the 2011 cables.csv format) and
 * `cables.jsonl.gz` (one JSON object per released cable: id, URL, release time and
 * everything the parser understood). Streamed through gzip into a temporary file while
 * hashed; the file replaces the previous one only when its bytes changed.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import type { StoredCable } from '../store/store.js';
import { cableCsvRow, cableJsonLine } from '../web/bulk-data-rows.js';

export const BULK_CSV = 'cables.csv.gz';
export const BULK_JSONL = 'cables.jsonl.gz';

export interface WrittenFile {
  path: string;
  sha256: string;
  size: number;
  written: boolean;
}

class GzipFileWriter {
  private readonly gzip: Gzip;
  private readonly out: WriteStream;
  private readonly hash = createHash('sha256');
  private size = 0;
  private readonly tmp: string;

  constructor(
    private readonly dir: string,
    private readonly path: string,
  ) {
    this.tmp = join(dir, `.${path}.partial`);
    // Level 6 with no timestamp in the header: the same cables give the same bytes.
    this.gzip = createGzip({ level: 6 });
    this.out = createWriteStream(this.tmp);
    this.gzip.on('data', (d: Buffer) => {
      this.hash.update(d);
      this.size += d.length;
    });
    this.gzip.pipe(this.out);
  }

  async write(text: string): Promise<void> {
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }

  async finish(previous: { sha256: string; size: number } | undefined): Promise<WrittenFile> {
    this.gzip.end();
    await once(this.out, 'finish');
    const sha256 = this.hash.digest('hex');
    const target = join(this.dir, this.path);
    const same = previous?.sha256 === sha256 && previous.size === this.size && existsSync(target) && statSync(target).size === this.size;
    if (same) unlinkSync(this.tmp);
    else renameSync(this.tmp, target);
    return { path: this.path, sha256, size: this.size, written: !same };
  }
}

export class BulkDataWriter {
  private readonly csv: GzipFileWriter;
  private readonly jsonl: GzipFileWriter;
  private row = 0;

  constructor(dir: string) {
    this.csv = new GzipFileWriter(dir, BULK_CSV);
    this.jsonl = new GzipFileWriter(dir, BULK_JSONL);
  }

  async add(stored: StoredCable): Promise<void> {
    this.row++;
    await this.csv.write(cableCsvRow(this.row, stored));
    await this.jsonl.write(cableJsonLine(stored));
  }

  async finish(previous: (path: string) => { sha256: string; size: number } | undefined): Promise<WrittenFile[]> {
    return [await this.csv.finish(previous(BULK_CSV)), await this.jsonl.finish(previous(BULK_JSONL))];
  }
}
