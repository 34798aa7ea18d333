/**
 * The mirror's static search index (src/export/search-index-*.ts) over fictional cables:
 * its encodings agree with the browser's decoder; a full build followed by updates (new
 * cables, changed cables, withdrawals) answers every query exactly like a full rebuild of
 * the same archive, through the browser's own query code; updates write only a new
 * segment, the changed docs chunks and meta.json; compaction; unchanged files are not
 * rewritten; an interrupted or foreign index is rebuilt.
 */
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ParsedCable } from '../../src/domain/cable.js';
import type { CableVersion, StoredCable } from '../../src/store/store.js';
import type { WrittenFile } from '../../src/export/bulk-data-writer.js';
import type { MirrorChanges } from '../../src/export/cable-sink.js';
import { decodeNumbers, decodePostings, encodeNumbers, postingsText } from '../../src/export/search-index-codec.js';
import { indexedTexts, META_PATH, type SearchIndexMeta } from '../../src/export/search-index-format.js';
import { PostingPool } from '../../src/export/search-index-postings.js';
import { readSearchIndex, searchQueryFunctions, type SearchFilters } from '../../src/export/search-index-reader.js';
import { searchIndexSink, type SearchIndexSinkOptions } from '../../src/export/search-index-sink.js';
import { searchTokens } from '../../src/export/search-tokens.js';
import { makeParsedCable } from '../store/make-parsed-cable.js';

type Cable = StoredCable & { versions: CableVersion[] };

const ORIGINS = ['Embassy Ruritania', 'Embassy Freedonia', 'Consulate Elbonia', 'Secretary of State'];
const CLASSES = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET'] as const;
const TAGS = ['PREL', 'PGOV', 'ECON', 'KTIP', 'MARR'];
const WORDS = ['harbour', 'tariff', 'minister', 'election', 'fisheries', 'bridge', 'summit', 'grain', 'railway', 'festival', 'treaty', 'vaccine'];

/** A fictional archive: cables by id, each with its versions and release time. */
class Archive {
  readonly cables = new Map<string, Cable>();
  private clock = Date.parse('2010-11-28T00:00:00Z');

  /** Each call releases at a later, distinct second, so the release order is total. */
  nextRelease(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('.000Z', 'Z');
  }

  put(id: string, fields: Partial<ParsedCable>, releasedAt = this.nextRelease()): Cable {
    const old = this.cables.get(id);
    const parsed = makeParsedCable({ ...fields, canonicalId: id });
    const versions: CableVersion[] = [...(old?.versions ?? [])];
    versions.push({ number: versions.length + 1, contentHash: `h${versions.length}`, source: 'test', format: 'plain-text' as CableVersion['format'], importedAt: releasedAt, raw: parsed.body, parsed, publishedAt: releasedAt });
    const cable: Cable = { canonicalId: id, releasedAt: old?.releasedAt ?? releasedAt, currentVersion: versions.length, versionCount: versions.length, cable: parsed, versions };
    this.cables.set(id, cable);
    return cable;
  }

  withdraw(id: string): void {
    this.cables.delete(id);
  }

  /** Released cables in release order (release time, then id), as the store gives them. */
  released(): Cable[] {
    return [...this.cables.values()].sort((a, b) => (a.releasedAt! < b.releasedAt! ? -1 : a.releasedAt! > b.releasedAt! ? 1 : a.canonicalId < b.canonicalId ? -1 : 1));
  }
}

function fields(i: number, extra = ''): Partial<ParsedCable> {
  const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length];
  return {
    subject: `FICTIONAL: ${w(0).toUpperCase()} AND ${w(1).toUpperCase()} TALKS ${i}`,
    body: `1. (C) Fictional text about the ${w(2)}, the ${w(3)} and ${w(0)} number ${i * 13}. ${extra}`,
    tags: [TAGS[i % TAGS.length], TAGS[(i * 3 + 1) % TAGS.length]],
    origin: ORIGINS[i % ORIGINS.length],
    classification: CLASSES[i % CLASSES.length],
    created: `${2000 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00Z`,
  };
}

/** What the exporter does around the sink: a manifest of the previous export, deleting files the index no longer has. */
class Mirror {
  manifest = new Map<string, { sha256: string; size: number }>();
  lastFiles: WrittenFile[] = [];
  constructor(readonly dir: string) {}

  async export(archive: Archive, changes: MirrorChanges | null, options: SearchIndexSinkOptions = {}) {
    const sink = searchIndexSink(this.dir, changes, (p) => this.manifest.get(p), options);
    for (const c of archive.released()) {
      if (sink.needs === 'all' || sink.needs.has(c.canonicalId)) await sink.add(c);
    }
    const files = await sink.finish();
    const now = new Map(files.map((f) => [f.path, { sha256: f.sha256, size: f.size }]));
    for (const p of this.manifest.keys()) if (!now.has(p)) unlinkSync(join(this.dir, p));
    this.manifest = now;
    this.lastFiles = files;
    return { plan: sink.plan, files };
  }
}

function filesOnDisk(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

const QUERIES: Array<[string, SearchFilters?]> = [
  ['harbour'],
  ['harbour festival'],
  ['Election, SUMMIT!'],
  ['fictional'],
  ['fictional', { classification: 'SECRET' }],
  ['fictional', { tag: 'ECON' }],
  ['text', { origin: 'Embassy Freedonia', year: '2003' }],
  ['railway treaty'],
  ['marmalade'],
  ['zeppelin'],
  ['10UPD01'],
  ['x'],
];

function answers(dir: string) {
  const r = readSearchIndex(dir);
  return QUERIES.map(([q, f]) => {
    const res = r.search(q, f);
    return { q, f, ids: res.ids, counts: ['classification', 'origin', 'tag', 'year'].map((k) => res.counts(k as 'tag')) };
  });
}

async function fullRebuild(archive: Archive, root: string, name: string): Promise<string> {
  const dir = join(root, name);
  const m = new Mirror(dir);
  const { plan } = await m.export(archive, null);
  assert.equal(plan.mode, 'full');
  return dir;
}

function assertSameAnswers(updated: string, rebuilt: string): void {
  const a = answers(updated);
  const b = answers(rebuilt);
  for (let i = 0; i < a.length; i++) assert.deepEqual(a[i], b[i], `query ${JSON.stringify(QUERIES[i])}`);
}

test('the index encodings and the word rule are the same in Node and in the browser code', () => {
  const q = searchQueryFunctions();
  const nums = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 1_300_000_000, 2 ** 40];
  const text = encodeNumbers(nums);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeNumbers(text), nums);
  assert.deepEqual(Array.from(q.numbers(text)), nums);
  for (const docs of [[5], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [3, 700, 70000], Array.from({ length: 300 }, (_, i) => 1000 + i * 2)]) {
    const s = postingsText(docs, 1000 > docs[0] ? 0 : 1000);
    const first = 1000 > docs[0] ? 0 : 1000;
    assert.deepEqual(decodePostings(s, first), docs);
    assert.deepEqual(Array.from(q.postings(s, first)), docs);
  }
  // Dense lists become bitmaps, sparse ones gaps.
  assert.ok(postingsText(Array.from({ length: 300 }, (_, i) => i), 0).startsWith('~'));
  assert.ok(!postingsText([3, 700, 70000], 0).startsWith('~'));
  for (const s of ['Ünïcode Café-au-lait X 2010 émigré', 'The CONSTRUCTOR __proto__ hasOwnProperty', 'a bb ' + 'c'.repeat(24) + ' ' + 'd'.repeat(25), '10STATE1234 İstanbul straße']) {
    assert.deepEqual(Array.from(q.tokens(s)), [...new Set(searchTokens(s))], s);
  }
});

test('postings of many terms survive the block pool, large gaps and long chains included', () => {
  const pool = new PostingPool();
  const want: number[][] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let t = 0; t < 3000; t++) {
    assert.equal(pool.newTerm(), t);
    want.push([]);
  }
  for (let doc = 0; doc < 20000; doc++) {
    for (let k = 0; k < 5; k++) {
      const t = Math.floor(rnd() ** 3 * 3000);
      pool.add(t, doc);
      pool.add(t, doc); // a repeat in the same document counts once
      if (want[t][want[t].length - 1] !== doc) want[t].push(doc);
    }
  }
  const t = pool.newTerm();
  for (const d of [0, 127, 128, 16384, 2 ** 21, 2 ** 28, 2 ** 31 - 2]) pool.add(t, d);
  want.push([0, 127, 128, 16384, 2 ** 21, 2 ** 28, 2 ** 31 - 2]);
  const out = new Uint32Array(20000);
  for (let i = 0; i < want.length; i++) {
    const n = pool.read(i, out);
    assert.equal(n, want[i].length);
    assert.equal(pool.count(i), want[i].length);
    assert.deepEqual(Array.from(out.subarray(0, n)), want[i]);
  }
});

test('updates (new, changed, withdrawn cables) answer every query exactly like a full rebuild', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-search-index-'));
  try {
    const archive = new Archive();
    for (let i = 0; i < 60; i++) archive.put(`09TEST${String(i).padStart(3, '0')}`, fields(i, i === 5 ? 'The marmalade envoy.' : ''));
    const mirror = new Mirror(join(root, 'mirror'));
    const first = await mirror.export(archive, null);
    assert.equal(first.plan.mode, 'full');
    assert.ok(first.files.every((f) => f.written));
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full0'));
    const bigFiles = new Map(filesOnDisk(mirror.dir).filter((p) => p.startsWith('search-index/s0/')).map((p) => [p, statSync(join(mirror.dir, p)).mtimeMs]));

    // A release: 3 new cables, and 09TEST005 changed (its earlier text had "marmalade").
    for (let i = 0; i < 3; i++) archive.put(`10UPD0${i}`, fields(100 + i, 'A zeppelin was seen.'));
    const indexed = (c: ParsedCable) => indexedTexts('09TEST005', c).join(' ');
    const oldText = indexed(archive.cables.get('09TEST005')!.cable);
    archive.put('09TEST005', fields(5, 'Now about a zeppelin.'));
    const up1 = await mirror.export(archive, { added: ['10UPD00', '10UPD01', '10UPD02', '09TEST005'], removed: ['09TEST005'] });
    assert.equal(up1.plan.mode, 'update', up1.plan.reason);
    const written = up1.files.filter((f) => f.written).map((f) => f.path);
    // The new segment, the one docs chunk, meta.json, and in s0 only shards of words that
    // only the earlier text of 09TEST005 had ("marmalade" among them).
    assert.ok(written.includes(META_PATH));
    assert.ok(written.includes('search-index/docs/0.json'));
    assert.ok(written.some((p) => p.startsWith('search-index/s1/terms/')));
    const oldOnly = new Set(searchTokens(oldText).filter((w) => !searchTokens(indexed(archive.cables.get('09TEST005')!.cable)).includes(w)).map((w) => `search-index/s0/terms/${w.slice(0, 2)}.json`));
    assert.ok(written.includes('search-index/s0/terms/ma.json'), written.join(' '));
    for (const p of written.filter((x) => x.startsWith('search-index/s0/'))) assert.ok(oldOnly.has(p), `${p} rewritten`);
    for (const [p, mtime] of bigFiles) if (!oldOnly.has(p)) assert.equal(statSync(join(mirror.dir, p)).mtimeMs, mtime, `${p} not rewritten`);
    // Every file returned exists with the returned hash; nothing else is in the folder.
    assert.deepEqual(filesOnDisk(mirror.dir), up1.files.map((f) => f.path).sort());
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full1'));
    // The changed cable's old word is gone from the index files, not only from the hits.
    for (const p of filesOnDisk(mirror.dir)) assert.ok(!readFileSync(join(mirror.dir, p), 'utf8').includes('marmalade'), p);
    const meta1 = JSON.parse(readFileSync(join(mirror.dir, META_PATH), 'utf8')) as SearchIndexMeta;
    assert.deepEqual(meta1.segments.map((s) => [s.name, s.first, s.count]), [['s0', 0, 60], ['s1', 60, 4]]);
    assert.equal(meta1.deletedCount, 1);
    assert.equal(meta1.docs, 63);

    // A second release.
    archive.put('10UPD03', fields(103));
    archive.put('09TEST017', fields(18, 'railway treaty revised'));
    const up2 = await mirror.export(archive, { added: ['10UPD03', '09TEST017'], removed: ['09TEST017'] });
    assert.equal(up2.plan.mode, 'update');
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full2'));

    // Nothing changed: nothing written.
    const same = await mirror.export(archive, { added: [], removed: [] });
    assert.equal(same.plan.mode, 'update');
    assert.deepEqual(same.files.filter((f) => f.written), []);
    assert.deepEqual(same.files, up2.files.map((f) => ({ ...f, written: false })));

    // A withdrawal rebuilds, so no word of the withdrawn cable stays.
    archive.withdraw('10UPD01');
    const gone = await mirror.export(archive, { added: [], removed: ['10UPD01'] });
    assert.equal(gone.plan.mode, 'full');
    assert.match(gone.plan.reason, /no longer public/);
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full3'));
    assert.deepEqual(filesOnDisk(mirror.dir), gone.files.map((f) => f.path).sort());
    assert.ok(!readFileSync(join(mirror.dir, 'search-index/docs/0.json'), 'utf8').includes('10UPD01'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('hits come newest release first, facets filter and count them', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-search-index-'));
  try {
    const archive = new Archive();
    for (let i = 0; i < 30; i++) archive.put(`08ORD${String(i).padStart(3, '0')}`, fields(i));
    const mirror = new Mirror(join(root, 'm'));
    await mirror.export(archive, null);
    archive.put('11LATE001', fields(1));
    await mirror.export(archive, { added: ['11LATE001'], removed: [] });
    const r = readSearchIndex(mirror.dir).search('fictional');
    assert.equal(r.ids.length, 31);
    assert.equal(r.ids[0], '11LATE001');
    const released = new Map([...archive.cables.values()].map((c) => [c.canonicalId, c.releasedAt!]));
    for (let i = 1; i < r.ids.length; i++) assert.ok(released.get(r.ids[i - 1])! >= released.get(r.ids[i])!);
    const secret = readSearchIndex(mirror.dir).search('fictional', { classification: 'SECRET' });
    assert.deepEqual([...secret.ids].sort(), [...archive.cables.values()].filter((c) => c.cable.classification === 'SECRET').map((c) => c.canonicalId).sort());
    const byClass = r.counts('classification');
    assert.equal(byClass.reduce((a, [, n]) => a + n, 0), 31);
    assert.deepEqual(byClass.find(([k]) => k === 'SECRET'), ['SECRET', secret.ids.length]);
    assert.deepEqual(readSearchIndex(mirror.dir).search('fictional', { tag: 'NOSUCH' }).ids, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('compaction: too many segments or too many deleted documents rebuild the index as one segment', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-search-index-'));
  try {
    const archive = new Archive();
    for (let i = 0; i < 40; i++) archive.put(`07CMP${String(i).padStart(3, '0')}`, fields(i));
    const mirror = new Mirror(join(root, 'm'));
    await mirror.export(archive, null);
    const modes: string[] = [];
    for (let u = 0; u < 4; u++) {
      archive.put(`12NEW00${u}`, fields(200 + u));
      const r = await mirror.export(archive, { added: [`12NEW00${u}`], removed: [] }, { maxSegments: 3 });
      modes.push(r.plan.mode);
    }
    // s0 + s1 + s2, then a 4th segment would be one too many.
    assert.deepEqual(modes, ['update', 'update', 'full', 'update']);
    const meta = JSON.parse(readFileSync(join(mirror.dir, META_PATH), 'utf8')) as SearchIndexMeta;
    assert.deepEqual(meta.segments.map((s) => s.name), ['s0', 's1']);
    assert.ok(!existsSync(join(mirror.dir, 'search-index/s2')) || filesOnDisk(join(mirror.dir, 'search-index/s2')).length === 0);
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full'));

    // Default thresholds: changing 4 of 44 cables deletes 4 of 48 documents (8%): an update;
    // 2 more (12%): compaction.
    const change = async (ids: string[]) => {
      for (const id of ids) archive.put(id, { ...archive.cables.get(id)!.cable, body: `${archive.cables.get(id)!.cable.body} revised` });
      return mirror.export(archive, { added: ids, removed: ids });
    };
    assert.equal((await change(['07CMP001', '07CMP002', '07CMP003', '07CMP004'])).plan.mode, 'update');
    const second = await change(['07CMP005', '07CMP006']);
    assert.equal(second.plan.mode, 'full');
    assert.match(second.plan.reason, /compaction/);
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full2'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a full export of the same cables rewrites nothing; a damaged or foreign index is rebuilt', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-search-index-'));
  try {
    const archive = new Archive();
    for (let i = 0; i < 25; i++) archive.put(`06SAM${String(i).padStart(3, '0')}`, fields(i));
    const mirror = new Mirror(join(root, 'm'));
    const first = await mirror.export(archive, null);
    const again = await mirror.export(archive, null);
    assert.deepEqual(again.files, first.files.map((f) => ({ ...f, written: false })));
    assert.ok(existsSync(join(mirror.dir, META_PATH)));

    // An interrupted write leaves no meta.json: the next update is a rebuild.
    unlinkSync(join(mirror.dir, META_PATH));
    archive.put('13NEW000', fields(300));
    const r1 = await mirror.export(archive, { added: ['13NEW000'], removed: [] });
    assert.equal(r1.plan.mode, 'full');
    assert.match(r1.plan.reason, /missing/);

    // A docs chunk that differs from the manifest: rebuilt too.
    const chunk = join(mirror.dir, 'search-index/docs/0.json');
    writeFileSync(chunk, readFileSync(chunk, 'utf8').replace('06SAM003', '06SAM00X'));
    archive.put('13NEW001', fields(301));
    const r2 = await mirror.export(archive, { added: ['13NEW001'], removed: [] });
    assert.equal(r2.plan.mode, 'full');
    assert.match(r2.plan.reason, /differs/);
    assertSameAnswers(mirror.dir, await fullRebuild(archive, root, 'full'));

    // An index of another format (the one-segment format 1) is replaced, its files dropped.
    mkdirSync(join(mirror.dir, 'search-index/terms'), { recursive: true });
    writeFileSync(join(mirror.dir, 'search-index/terms/ab.json'), '{}');
    writeFileSync(join(mirror.dir, META_PATH), JSON.stringify({ format: 'cablegate-search/1' }));
    const sha = createHash('sha256').update(readFileSync(join(mirror.dir, META_PATH))).digest('hex');
    mirror.manifest.set(META_PATH, { sha256: sha, size: statSync(join(mirror.dir, META_PATH)).size });
    mirror.manifest.set('search-index/terms/ab.json', { sha256: 'x', size: 2 });
    const r3 = await mirror.export(archive, { added: [], removed: [] });
    assert.equal(r3.plan.mode, 'full');
    assert.match(r3.plan.reason, /format/);
    assert.ok(!existsSync(join(mirror.dir, 'search-index/terms/ab.json')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumOpts = existsSync(CHROMIUM) || process.env.CI === 'true' ? {} : { skip: `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)` };

test('in Chromium, the search page lists the hits of an updated (multi-segment) index in the reader\'s order', chromiumOpts, async () => {
  const { chromium } = await import('playwright-core');
  const { startStaticServer } = await import('./static-file-server.js');
  const { mirrorSearchPage } = await import('../../src/export/mirror-search-page.js');
  const { MIRROR_SEARCH_SCRIPT, MIRROR_SEARCH_SCRIPT_PATH } = await import('../../src/export/mirror-search-script.js');
  const root = mkdtempSync(join(tmpdir(), 'cablegate-search-index-'));
  const archive = new Archive();
  for (let i = 0; i < 70; i++) archive.put(`05BRW${String(i).padStart(3, '0')}`, fields(i));
  const mirror = new Mirror(join(root, 'm'));
  await mirror.export(archive, null);
  archive.put('05BRW004', fields(4, 'zeppelin'));
  archive.put('14NEW000', fields(400, 'zeppelin'));
  assert.equal((await mirror.export(archive, { added: ['05BRW004', '14NEW000'], removed: ['05BRW004'] })).plan.mode, 'update');
  mkdirSync(join(mirror.dir, 'static'), { recursive: true });
  writeFileSync(join(mirror.dir, MIRROR_SEARCH_SCRIPT_PATH.slice(1)), MIRROR_SEARCH_SCRIPT);
  writeFileSync(join(mirror.dir, 'search.html'), mirrorSearchPage());
  const server = await startStaticServer(mirror.dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const reader = readSearchIndex(mirror.dir);
    for (const [q, filters] of [['fictional', {}], ['zeppelin', {}], ['harbour', { tag: 'PREL' }]] as Array<[string, Record<string, string>]>) {
      await page.goto(`${server.base}/search.html?${new URLSearchParams({ q, ...filters }).toString()}`);
      await page.waitForSelector('#mirror-search-count');
      const hrefs = await page.locator('ol.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const expected = reader.search(q, filters).hits.slice(0, 50).map((n) => reader.doc(n)![1]);
      assert.ok(expected.length > 0, q);
      assert.deepEqual(hrefs, expected, q);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
