/**
 * Every cable record of the real corpus (all site builds, the body extracts and the plain
 * text files), read through the project's own source readers. Used by the field audit
 * (scripts/audit.ts) and the corpus-wide outlier test.
 */
import { join } from 'node:path';
import { readSources } from '../../src/sources/read-sources.js';
import type { SourceRecord } from '../../src/domain/source-record.js';
import { corpusDir, extracted } from './corpus.js';

export function corpusPaths(): string[] {
  return [
    join(extracted('site-2010-12-10-complete'), 'cable'),
    extracted('site-2011-04-cables'),
    extracted('site-2010-11-early-cables'),
    join(corpusDir, 'site-2011-08-final'),
    extracted('body-extracts-2011'),
    join(corpusDir, 'plaintext-2011-unredacted'),
  ];
}

/** The records (rejected items are counted, not returned). */
export async function corpusRecords(): Promise<{ records: SourceRecord[]; rejected: number }> {
  const records: SourceRecord[] = [];
  let rejected = 0;
  for await (const item of readSources(corpusPaths())) {
    if (item.ok) records.push(item.record);
    else rejected++;
  }
  return { records, rejected };
}
