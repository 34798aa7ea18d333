/**
 * The mirror's bulk files (cables.csv.gz, cables.jsonl.gz) kept by bulkDataSink, on a
 * small fictional archive: a full write, an append after a release (one more gzip member;
 * the rows equal a full rewrite's, row numbers included), the cases that rewrite instead
 * (a removal, an addition sorting before the last row, an altered file or state), the CSV
 * read back by the project's reader, and the live server's rows in the same order.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { ParsedCable } from '../../src/domain/cable.js';
import { openStore } from '../../src/store/open-store.js';
import type { CableVersion, Store, StoredCable } from '../../src/store/store.js';
import type { MirrorChanges } from '../../src/export/cable-sink.js';
import { BULK_CSV, BULK_DATA_FILES, BULK_JSONL, BULK_STATE, bulkDataSink, type BulkDataSink, type WrittenFile } from '../../src/export/bulk-data-writer.js';
import { importArchive } from '../../src/import/import-archive.js';
import { readCsv } from '../../src/sources/csv-reader.js';
import { createApp } from '../../src/web/app.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';

let root: string;
let n = 0;
const fresh = (name: string) => {
  const d = join(root, `${name}-${++n}`);
  mkdirSync(d, { recursive: true });
  return d;
};

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cablegate-bulk-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

const T1 = '2011-01-10T10:00:00Z';
const T2 = '2011-02-10T10:00:00Z';
const T3 = '2011-03-10T10:00:00Z';

function cable(id: string, extra: Omit<Partial<ParsedCable>, 'canonicalId'> = {}): ParsedCable {
  return makeParsedCable({
    canonicalId: id,
    created: `20${id.slice(0, 2)}-0${(id.length % 9) + 1}-0${(id.length % 7) + 1}T0${id.length % 10}:1${id.length % 6}Z`,
    subject: `FICTIONAL SUBJECT OF ${id}`,
    body: `1. (C) Fictional text of ${id}.\n2. (U) It said "no" and C:\\TEMP\\X.\n`,
    header: `R 010101Z JAN 10\nFM AMEMBASSY NOWHERE\nTO SECSTATE WASHDC`,
    references: id.endsWith('1') ? ['09NOWHERE3', '09STATE45'] : [],
    ...extra,
  });
}

/** A fictional archive: 12 cables released at T1 (several at the same time: id order), 4 unreleased. */
async function archive(): Promise<Store> {
  const store = await openStore(join(fresh('db'), 'archive.db'));
  const ids = ['10NOWHERE1', '10ELSEWHERE7', '09NOWHERE12', '10ALPHAVILLE2', '08BETA33', '10GAMMAVILLE4', '09DELTA5', '10NOWHERE20', '07EPSILON9', '10ZETA1', '10ETA8', '09THETA6'];
  await store.putCables(ids.map((id, i) => ({ parsed: cable(id), raw: `raw ${id}`, source: `/fictional/${id}.html`, format: 'site-page', releasedAt: i < 8 ? T1 : '2011-01-09T08:00:00Z' })));
  const later = ['10LATER1', '10LATER2', '09LATER3', '10QUOTEVILLE4'];
  await store.putCables(
    later.map((id) => ({
      parsed: cable(id, id === '10QUOTEVILLE4' ? { body: 'A "quoted" \\ backslash,\ncomma\r\nand é ü \u2028 line.\n', header: 'H "x"' } : {}),
      raw: `raw ${id}`,
      source: `/fictional/${id}.html`,
      format: 'site-page',
      releasedAt: null,
    })),
  );
  return store;
}

interface Run {
  sink: BulkDataSink;
  files: WrittenFile[];
  previous: (p: string) => WrittenFile | undefined;
}

/** What the export does: feed the sink the cables it needs, in release order (plus `extra`, which it must ignore). */
async function run(store: Store, dir: string, changes: MirrorChanges | null, prev?: Run, extra: string[] = []): Promise<Run> {
  const sink = await bulkDataSink(dir, changes, prev ? prev.previous : () => undefined);
  const ids = sink.needs === 'all' ? undefined : [...sink.needs, ...extra];
  if (!ids || ids.length > 0) for await (const c of store.iterateCables({ releasedOnly: true, order: 'released', batchSize: 3, ids })) await sink.add(c);
  const files = await sink.finish();
  const byPath = new Map(files.map((f) => [f.path, f]));
  return { sink, files, previous: (p) => byPath.get(p) };
}

const text = (dir: string, file: string) => gunzipSync(readFileSync(join(dir, file))).toString('utf8');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const state = (dir: string) => JSON.parse(readFileSync(join(dir, BULK_STATE), 'utf8')) as { rows: number; last: { id: string } | null; files: Record<string, { members: number }> };

/** Every file the sink returned is on disk with that hash and size, and they are exactly the sink's files. */
function assertFilesTrue(dir: string, r: Run): void {
  assert.deepEqual(r.files.map((f) => f.path).sort(), [...BULK_DATA_FILES].sort());
  for (const f of r.files) {
    const bytes = readFileSync(join(dir, f.path));
    assert.equal(f.size, bytes.length, f.path);
    assert.equal(f.sha256, sha(bytes), f.path);
  }
}

function assertSameRows(dir: string, full: string): void {
  assert.equal(text(dir, BULK_CSV), text(full, BULK_CSV));
  assert.equal(text(dir, BULK_JSONL), text(full, BULK_JSONL));
}

test('a full write lists every released cable in release order (time, then id), CSV rows numbered from 1', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const r = await run(store, dir, null);
    assert.equal(r.sink.needs, 'all');
    assertFilesTrue(dir, r);
    const ids = text(dir, BULK_JSONL).trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    assert.deepEqual(ids, ['07EPSILON9', '09THETA6', '10ETA8', '10ZETA1', '08BETA33', '09DELTA5', '09NOWHERE12', '10ALPHAVILLE2', '10ELSEWHERE7', '10GAMMAVILLE4', '10NOWHERE1', '10NOWHERE20']);
    const numbers = [...text(dir, BULK_CSV).matchAll(/^"(\d+)","[^"]*","([^"]+)"/gm)].map((m) => [Number(m[1]), m[2]]);
    assert.deepEqual(numbers, ids.map((id, i) => [i + 1, id]));
    assert.deepEqual({ rows: state(dir).rows, last: state(dir).last }, { rows: 12, last: { releasedAt: T1, id: '10NOWHERE20' } });
  } finally {
    await store.close();
  }
});

test('after a release, one gzip member is appended: the old bytes stay, the rows equal a full rewrite', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    const oldCsv = readFileSync(join(dir, BULK_CSV));
    const oldJsonl = readFileSync(join(dir, BULK_JSONL));

    await store.setReleased(['10LATER2', '10QUOTEVILLE4'], T2);
    // The exporter may hand the sink other cables too: it must ignore them.
    const second = await run(store, dir, { added: ['10QUOTEVILLE4', '10LATER2'], removed: [] }, first, ['10ALPHAVILLE2', '10NOWHERE1']);
    assert.equal(second.sink.plan, 'append');
    assert.deepEqual([...(second.sink.needs as ReadonlySet<string>)].sort(), ['10LATER2', '10QUOTEVILLE4']);
    assertFilesTrue(dir, second);
    assert.ok(second.files.every((f) => f.written), 'all three files changed');
    const csv = readFileSync(join(dir, BULK_CSV));
    assert.ok(csv.subarray(0, oldCsv.length).equals(oldCsv), 'the CSV was appended to, not rewritten');
    assert.ok(readFileSync(join(dir, BULK_JSONL)).subarray(0, oldJsonl.length).equals(oldJsonl));
    assert.equal(state(dir).files[BULK_CSV].members, 2);
    assert.equal(state(dir).rows, 14);
    const full = fresh('full');
    await run(store, full, null);
    assertSameRows(dir, full);
    assert.match(text(dir, BULK_CSV), /\n"13","[^"]*","10LATER2",.*\n"14","[^"]*","10QUOTEVILLE4",/s);

    // A second release appends a third member.
    await store.setReleased(['09LATER3'], T3);
    const third = await run(store, dir, { added: ['09LATER3'], removed: [] }, second);
    assert.equal(third.sink.plan, 'append');
    assertFilesTrue(dir, third);
    assert.equal(state(dir).files[BULK_JSONL].members, 3);
    const full2 = fresh('full');
    await run(store, full2, null);
    assertSameRows(dir, full2);

    // Node's streaming gunzip, not just gunzipSync, reads every member.
    const chunks: Buffer[] = [];
    for await (const c of Readable.from([readFileSync(join(dir, BULK_CSV))]).pipe(createGunzip())) chunks.push(c as Buffer);
    assert.equal(Buffer.concat(chunks).toString('utf8'), text(full2, BULK_CSV));
  } finally {
    await store.close();
  }
});

test('nothing added: nothing is written and the same files are returned', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    const again = await run(store, dir, { added: [], removed: [] }, first);
    assert.equal(again.sink.plan, 'unchanged');
    assert.equal((again.sink.needs as ReadonlySet<string>).size, 0);
    assert.deepEqual(again.files, first.files.map((f) => ({ ...f, written: false })));
  } finally {
    await store.close();
  }
});

test('a full export whose rows did not change keeps the old files', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    const again = await run(store, dir, null, first);
    assert.equal(again.sink.needs, 'all');
    assert.deepEqual(again.files, first.files.map((f) => ({ ...f, written: false })));
  } finally {
    await store.close();
  }
});

test('a removed or changed cable rewrites both files from every cable', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    await store.setReleased(['10GAMMAVILLE4'], null);
    await store.setReleased(['10LATER1'], T2);
    const second = await run(store, dir, { added: ['10LATER1'], removed: ['10GAMMAVILLE4'] }, first);
    assert.equal(second.sink.needs, 'all');
    assertFilesTrue(dir, second);
    assert.equal(state(dir).files[BULK_CSV].members, 1);
    const full = fresh('full');
    await run(store, full, null);
    assertSameRows(dir, full);
    assert.ok(!text(dir, BULK_JSONL).includes('10GAMMAVILLE4'));
  } finally {
    await store.close();
  }
});

test('an addition that sorts before the last row is merged into a rewrite, byte for byte a full one', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    // Released at an earlier time (as a withdrawn cable released again keeps its time),
    // together with one that would append.
    await store.setReleased(['10LATER1'], '2011-01-09T09:00:00Z');
    await store.setReleased(['10LATER2'], T2);
    const second = await run(store, dir, { added: ['10LATER1', '10LATER2'], removed: [] }, first);
    assert.equal(second.sink.plan, 'merge');
    assertFilesTrue(dir, second);
    const full = fresh('full');
    const fullRun = await run(store, full, null);
    assertSameRows(dir, full);
    // One member, same compressor: the very same bytes as a full rewrite.
    assert.deepEqual(second.files, fullRun.files);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, BULK_STATE), 'utf8')), JSON.parse(readFileSync(join(full, BULK_STATE), 'utf8')));
  } finally {
    await store.close();
  }
});

test('an altered bulk file or state, or a manifest that does not match, forces a full rewrite', async () => {
  const store = await archive();
  try {
    const cases: [string, (dir: string, first: Run) => (p: string) => WrittenFile | undefined][] = [
      ['a changed byte in the CSV', (dir, first) => {
        const b = readFileSync(join(dir, BULK_CSV));
        b[b.length - 6] ^= 1; // in the gzip trailer (CRC-32): same size
        writeFileSync(join(dir, BULK_CSV), b);
        return first.previous;
      }],
      ['a truncated JSONL', (dir, first) => {
        const b = readFileSync(join(dir, BULK_JSONL));
        writeFileSync(join(dir, BULK_JSONL), b.subarray(0, b.length - 1));
        return first.previous;
      }],
      ['rows edited in the state', (dir, first) => {
        writeFileSync(join(dir, BULK_STATE), readFileSync(join(dir, BULK_STATE), 'utf8').replace('"rows": 12', '"rows": 11'));
        return first.previous;
      }],
      ['a state file the manifest does not know', (dir, first) => {
        return (p) => (p === BULK_STATE ? undefined : first.previous(p));
      }],
      ['a manifest entry that differs from the state', (dir, first) => {
        return (p) => (p === BULK_JSONL ? { ...first.previous(p)!, sha256: '0'.repeat(64) } : first.previous(p));
      }],
      ['an older row format', (dir, first) => {
        const s = readFileSync(join(dir, BULK_STATE), 'utf8').replace(/"rowFormat": "[0-9a-f]+"/, '"rowFormat": "0000"');
        writeFileSync(join(dir, BULK_STATE), s);
        return (p) => (p === BULK_STATE ? { path: p, sha256: sha(Buffer.from(s)), size: Buffer.byteLength(s), written: true } : first.previous(p));
      }],
    ];
    await store.setReleased(['10LATER2'], T2);
    const full = fresh('full');
    await run(store, full, null);
    await store.setReleased(['10LATER2'], null);
    for (const [what, alter] of cases) {
      const dir = fresh('mirror');
      const first = await run(store, dir, null);
      const previous = alter(dir, first);
      await store.setReleased(['10LATER2'], T2);
      const second = await run(store, dir, { added: ['10LATER2'], removed: [] }, { ...first, previous });
      await store.setReleased(['10LATER2'], null);
      assert.equal(second.sink.needs, 'all', what);
      assert.equal(second.sink.plan, 'full', what);
      assertFilesTrue(dir, second);
      assertSameRows(dir, full);
    }
  } finally {
    await store.close();
  }
});

test('a full write refuses cables that are not in release order', async () => {
  const store = await archive();
  try {
    const sink = await bulkDataSink(fresh('mirror'), null, () => undefined);
    const cables: (StoredCable & { versions: CableVersion[] })[] = [];
    for await (const c of store.iterateCables({ releasedOnly: true, order: 'id' })) cables.push(c);
    await assert.rejects(async () => {
      for (const c of cables) await sink.add(c);
    }, (e: Error & { code?: string }) => e.code === 'E_USAGE');
  } finally {
    await store.close();
  }
});

test('the appended CSV reads back with the CSV reader and re-imports; the JSON Lines hold the stored cables', async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    await store.setReleased(['10QUOTEVILLE4', '10LATER1'], T2);
    await run(store, dir, { added: ['10QUOTEVILLE4', '10LATER1'], removed: [] }, first);

    const expected: string[] = [];
    for await (const c of store.iterateCables({ releasedOnly: true, order: 'released' })) expected.push(c.canonicalId);
    const csvFile = join(fresh('csv'), 'cables.csv');
    writeFileSync(csvFile, gunzipSync(readFileSync(join(dir, BULK_CSV))));
    const got: string[] = [];
    for await (const item of readCsv(csvFile)) {
      assert.ok(item.ok, item.ok ? '' : item.reject.reason);
      const r = item.record;
      const stored = (await store.getCable(r.meta.referenceId!))!;
      assert.equal(r.body, stored.cable.body.replace(/\r\n?/g, '\n')); // the 2011 format has no CR: CRLF is written as LF
      assert.equal(r.header, stored.cable.header);
      assert.equal(r.meta.origin, stored.cable.origin ?? undefined);
      assert.deepEqual(r.meta.referencedIds ?? [], stored.cable.references);
      got.push(r.meta.referenceId!);
    }
    assert.deepEqual(got, expected);

    const copy = await openStore(join(fresh('db'), 'copy.db'));
    try {
      const summary = await importArchive(copy, [csvFile], { workers: 0 });
      assert.equal(summary.rejected, 0);
      assert.equal((await copy.stats()).total, expected.length);
      for await (const c of copy.iterateCables()) assert.equal(c.cable.body, (await store.getCable(c.canonicalId))!.cable.body.replace(/\r\n?/g, '\n'), c.canonicalId);
    } finally {
      await copy.close();
    }

    const lines = text(dir, BULK_JSONL).split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id), expected);
    for (const l of lines) {
      const row = JSON.parse(l) as { id: string; url: string; releasedAt: string; cable: ParsedCable };
      const stored = (await store.getCable(row.id, { releasedOnly: true }))!;
      assert.equal(row.releasedAt, stored.releasedAt);
      assert.deepEqual(row.cable, stored.cable);
      assert.match(row.url, new RegExp(`^/cable/\\d{4}/\\d{2}/${row.id}\\.html$`));
    }
  } finally {
    await store.close();
  }
});

test("the live server's /cables.csv.gz and /cables.jsonl.gz hold the mirror's rows in the mirror's order", async () => {
  const store = await archive();
  try {
    const dir = fresh('mirror');
    const first = await run(store, dir, null);
    await store.setReleased(['10LATER1', '10LATER2'], T2);
    await run(store, dir, { added: ['10LATER1', '10LATER2'], removed: [] }, first);
    const app = createApp(store);
    for (const file of [BULK_CSV, BULK_JSONL]) {
      const res = await app.request(`/${file}`);
      assert.equal(res.status, 200);
      assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), text(dir, file), file);
    }
  } finally {
    await store.close();
  }
});
