/**
 * Child process of the floor benchmark: reads extracted texts from a JSONL file into
 * memory (not timed), then inserts them into a bare SQLite FTS5 table, one transaction
 * per 1000 rows (timed). The SQL lives here, outside src/, because this measures
 * SQLite itself, not the project's store.
 * Usage: child-floor <texts.jsonl> <db file>
 */
import { createReadStream, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { reportResult } from './run-child.js';
import type { ExtractedText } from './extract-texts.js';

const [jsonl, dbFile] = process.argv.slice(2);
// Line by line: the whole file can be larger than the longest string V8 allows.
const rows: ExtractedText[] = [];
for await (const line of createInterface({ input: createReadStream(jsonl, 'utf8'), crlfDelay: Infinity })) {
  if (line) rows.push(JSON.parse(line) as ExtractedText);
}
const bytes = rows.reduce((a, r) => a + Buffer.byteLength(r.body) + (r.header ? Buffer.byteLength(r.header) : 0), 0);

for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
const t0 = performance.now();
const db = new Database(dbFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE VIRTUAL TABLE cable_text USING fts5(id UNINDEXED, header, body)');
const insert = db.prepare('INSERT INTO cable_text (id, header, body) VALUES (?, ?, ?)');
const insertMany = db.transaction((batch: ExtractedText[]) => {
  for (const r of batch) insert.run(r.id, r.header, r.body);
});
for (let i = 0; i < rows.length; i += 1000) insertMany(rows.slice(i, i + 1000));
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
const seconds = (performance.now() - t0) / 1000;
const dbBytes = statSync(dbFile).size;
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
reportResult({ cables: rows.length, textBytes: bytes, seconds, dbBytes });
