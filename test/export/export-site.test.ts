/**
 * The static mirror of a generated demo archive: links resolve, a plain static file
 * server returns the app's bytes, nothing unreleased is written, verify catches changed,
 * missing and extra files, signatures, incremental exports, the bulk CSV round trip and
 * the static search index.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { cleanupStores, openLocation, storeFactories } from '../support/store-factories.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { exportSite, type ExportSummary } from '../../src/export/export-site.js';
import { generateSigningKeys } from '../../src/export/manifest-signature.js';
import { pathForMirrorFile } from '../../src/export/mirror-file-path.js';
import { readManifest, type MirrorManifest } from '../../src/export/mirror-manifest.js';
import { verifyMirror } from '../../src/export/verify-mirror.js';
import { describeVerify } from '../../src/cli/commands/verify.js';
import { isDataFile } from '../../src/export/mirror-data-files.js';
import { searchTokens } from '../../src/export/search-tokens.js';
import { readSearchIndex } from '../../src/export/search-index-reader.js';
import { readCsv } from '../../src/sources/csv-reader.js';
import { checkMirrorLinks } from './mirror-link-check.js';
import { startStaticServer } from './static-file-server.js';

after(cleanupStores);

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    let root: string;
    let dbFile: string;
    let store: Store;
    let mirror: string;
    let first: ExportSummary;
    let embargoed: string[];

    const RELEASE_TIME = '2011-01-15T12:00:00Z';

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'cablegate-export-'));
      await generateDemoCorpus({ count: 240, seed: 21, out: join(root, 'corpus') });
      dbFile = await factory.freshLocation('export');
      store = await openLocation(dbFile);
      const summary = await importArchive(store, [join(root, 'corpus')], { workers: 0 });
      assert.equal(summary.rejected, 0);
      // Embargo some cables that others cite, and some more.
      const { rows } = await store.listCables({ releasedOnly: true, sort: 'id' });
      const cited: string[] = [];
      for (const r of rows) if ((await store.citedBy(r.canonicalId, { releasedOnly: true })).length) cited.push(r.canonicalId);
      assert.ok(cited.length >= 3, 'the demo archive has cited cables');
      embargoed = [...cited.slice(0, 3), ...rows.slice(-20).map((r) => r.canonicalId)];
      await store.setReleased(embargoed, null);
      mirror = join(root, 'mirror');
      first = await exportSite({ store, dbLocation: dbFile, dir: mirror, workers: 0 });
    });

    after(async () => {
      rmSync(root, { recursive: true, force: true });
    });

    const manifestOf = (dir: string): MirrorManifest => readManifest(dir)!;

    test('the export writes every released cable page and JSON twin, browse pages, index pages, search and bulk files', async () => {
      const m = manifestOf(mirror);
      const files = new Set(m.files.map((f) => f.path));
      const released = await store.listCables({ releasedOnly: true, sort: 'id' });
      assert.equal(m.releasedCables, released.total);
      assert.equal(first.build, 1);
      assert.equal(first.written, m.fileCount);
      for (const r of released.rows) {
        const ym = r.created!.slice(0, 7).replace('-', '/');
        assert.ok(files.has(`cable/${ym}/${r.canonicalId}.html`), r.canonicalId);
        assert.ok(files.has(`cable/${ym}/${r.canonicalId}.json`), r.canonicalId);
      }
      for (const f of ['index.html', 'index.json', 'reldate/index.html', 'date/index.json', 'origin/index.html', 'tag/index.html', 'classification/index.html',
        'understanding/index.html', 'understanding/faq.html', 'understanding/tags.html', 'static/cablegate.css', 'robots.txt',
        'search.html', 'search/index.html', 'static/mirror-search.js', 'search-index/meta.json', 'search-index/s0/facets.json', 'cables.csv.gz', 'cables.jsonl.gz']) {
        assert.ok(files.has(f), f);
      }
      const classes = await store.countBy('classification', { releasedOnly: true });
      assert.ok(classes.length > 0);
      assert.equal(m.files.filter((f) => /^classification\/\d_\d+\.html$/.test(f.path)).length, classes.reduce((n, c) => n + Math.ceil(c.count / 50), 0));
      assert.equal(first.brokenLinks, 0, first.brokenLinkExamples.join(', '));
      // SHA256SUMS lists what the manifest lists, in sha256sum format.
      const sums = readFileSync(join(mirror, 'SHA256SUMS'), 'utf8').trim().split('\n');
      assert.equal(sums.length, m.fileCount);
      assert.match(sums[0], /^[0-9a-f]{64} {2}\S/);
    });

    test('every link of every exported HTML page resolves to an exported file, paragraph anchors included', () => {
      const check = checkMirrorLinks(mirror, manifestOf(mirror));
      assert.ok(check.pages > 300, `${check.pages} pages`);
      assert.ok(check.fragments > 0, 'paragraph permalinks were checked');
      assert.deepEqual(check.broken, []);
    });

    test('a plain static file server returns the same bytes as the app for every page', async () => {
      const app = createApp(store, { logError: (e) => { throw e; } });
      const server = await startStaticServer(mirror);
      try {
        const pages = manifestOf(mirror).files.filter((f) => /\.(html|json|css)$/.test(f.path) && !isDataFile(f.path));
        assert.ok(pages.length > 500);
        for (const f of pages) {
          const path = f.path === 'index.html' ? '/' : pathForMirrorFile(f.path);
          const fromApp = Buffer.from(await (await app.request(path)).arrayBuffer());
          const res = await fetch(server.base + path);
          assert.equal(res.status, 200, path);
          assert.ok(Buffer.from(await res.arrayBuffer()).equals(fromApp), `${path} differs from the app's page`);
        }
        // The header's search form targets /search: on the mirror it lands on the static search page.
        const search = await fetch(`${server.base}/search?q=embassy`);
        assert.equal(search.status, 200);
        assert.match(await search.text(), /mirror-search\.js/);
      } finally {
        await server.close();
      }
    });

    test('nothing unreleased is written: no page, no search entry, no bulk row', async () => {
      const m = manifestOf(mirror);
      const docs: string[] = [];
      for (const f of m.files) {
        for (const id of embargoed) assert.ok(!f.path.includes(id), `${f.path} names embargoed ${id}`);
        // Deleted documents of an updated index are null.
        if (f.path.startsWith('search-index/docs/')) for (const d of JSON.parse(readFileSync(join(mirror, f.path), 'utf8')) as Array<string[] | null>) if (d) docs.push(d[0]);
      }
      const released = await store.listCables({ releasedOnly: true });
      assert.equal(docs.length, released.total);
      for (const id of embargoed) assert.ok(!docs.includes(id));
      const jsonl = gunzipSync(readFileSync(join(mirror, 'cables.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
      assert.equal(jsonl.length, released.total);
      for (const id of embargoed) assert.ok(!jsonl.some((l) => l.id === id));
      // No page links to an embargoed cable.
      for (const f of m.files.filter((x) => x.path.endsWith('.html'))) {
        const text = readFileSync(join(mirror, f.path), 'utf8');
        for (const id of embargoed) assert.ok(!text.includes(`/${id}.html"`), `${f.path} links to embargoed ${id}`);
      }
    });

    test('the bulk CSV is in the 2011 cables.csv format and round-trips through the CSV reader', async () => {
      const csvFile = join(root, 'cables.csv');
      writeFileSync(csvFile, gunzipSync(readFileSync(join(mirror, 'cables.csv.gz'))));
      const byId = new Map<string, { header: string | null; body: string; created: string | undefined; origin: string | undefined; classification: string | undefined; refs: string[] }>();
      for await (const item of readCsv(csvFile)) {
        assert.ok(item.ok, item.ok ? '' : item.reject.reason);
        const r = item.record;
        byId.set(r.meta.referenceId!, { header: r.header, body: r.body, created: r.meta.created, origin: r.meta.origin, classification: r.meta.classification, refs: r.meta.referencedIds ?? [] });
      }
      const released = await store.listCables({ releasedOnly: true });
      assert.equal(byId.size, released.total);
      for (const row of released.rows) {
        const stored = (await store.getCable(row.canonicalId))!;
        const got = byId.get(row.canonicalId)!;
        assert.ok(got, row.canonicalId);
        assert.equal(got.body, stored.cable.body);
        assert.equal(got.header, stored.cable.header);
        assert.equal(got.origin, stored.cable.origin ?? undefined);
        assert.equal(got.classification, stored.cable.classification ?? undefined);
        assert.deepEqual(got.refs, stored.cable.references);
        const [y, mo, d, h, mi] = stored.cable.created!.match(/\d+/g)!;
        assert.equal(got.created, `${Number(mo)}/${Number(d)}/${y} ${h}:${mi}`);
      }
    });

    test('the static search index lists a cable under the words of its subject', async () => {
      // Through the browser's own query code (search-index-query.ts), run by Node.
      const index = readSearchIndex(mirror);
      const { rows } = await store.listCables({ releasedOnly: true, sort: 'id', limit: 5, offset: 7 });
      for (const row of rows) {
        const words = searchTokens(row.subject ?? '').filter((w) => w.length > 3).slice(0, 3);
        assert.ok(words.length > 0);
        const { ids } = index.search(words.join(' '));
        assert.ok(ids.includes(row.canonicalId), `${row.canonicalId} found by ${words.join(' ')}`);
      }
    });

    test('verify accepts the mirror and names a changed byte, a missing file and an extra file', async () => {
      const ok = await verifyMirror(mirror);
      assert.equal(ok.ok, true);
      assert.equal(ok.checked, ok.manifest.fileCount);
      const copy = join(root, 'tampered');
      cpSync(mirror, copy, { recursive: true });
      const m = manifestOf(copy);
      const victim = m.files.find((f) => f.path.startsWith('cable/') && f.path.endsWith('.html'))!.path;
      const buf = readFileSync(join(copy, victim));
      buf[100] ^= 1;
      writeFileSync(join(copy, victim), buf);
      const gone = m.files.find((f) => f.path.startsWith('tag/'))!.path;
      unlinkSync(join(copy, gone));
      writeFileSync(join(copy, 'cable', 'planted.html'), '<p>not part of the mirror</p>');
      const bad = await verifyMirror(copy);
      assert.equal(bad.ok, false);
      assert.deepEqual(bad.altered, [victim]);
      assert.deepEqual(bad.missing, [gone]);
      assert.deepEqual(bad.extra, ['cable/planted.html']);
      rmSync(copy, { recursive: true, force: true });
    });

    test('a signed manifest verifies with its public key and fails with another key or after tampering', async () => {
      const keys = generateSigningKeys();
      const dir = join(root, 'signed');
      cpSync(mirror, dir, { recursive: true });
      const s = await exportSite({ store, dbLocation: dbFile, dir, workers: 0, signingKey: createPrivateKey(keys.privateKeyPem) });
      assert.equal(s.written, 0, 'nothing changed since the copied export');
      const good = await verifyMirror(dir, { publicKey: createPublicKey(keys.publicKeyPem) });
      assert.equal(good.signatureValid, true);
      assert.equal(good.ok, true);
      const other = await verifyMirror(dir, { publicKey: createPublicKey(generateSigningKeys().publicKeyPem) });
      assert.equal(other.signatureValid, false);
      assert.equal(other.ok, false);
      const manifestPath = join(dir, 'MANIFEST.json');
      writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"build": 2', '"build": 7'));
      const tampered = await verifyMirror(dir, { publicKey: createPublicKey(keys.publicKeyPem) });
      assert.equal(tampered.signatureValid, false);
      rmSync(dir, { recursive: true, force: true });
    });

    test('verify without a key says the signature was not checked, and fails on a signature file that is not a signature', async () => {
      const dir = join(root, 'unkeyed');
      cpSync(mirror, dir, { recursive: true });
      const unsigned = await verifyMirror(dir);
      assert.equal(unsigned.ok, true);
      assert.equal(unsigned.signatureValid, null);
      assert.match(unsigned.signatureNote!, /unsigned/);
      assert.match(describeVerify(unsigned).at(-1)!, /^ok: .*no MANIFEST\.json\.sig: it is unsigned/);
      const keys = generateSigningKeys();
      await exportSite({ store, dbLocation: dbFile, dir, workers: 0, signingKey: createPrivateKey(keys.privateKeyPem) });
      const signed = await verifyMirror(dir);
      assert.equal(signed.ok, true);
      assert.match(describeVerify(signed).at(-1)!, /^ok: .*the signature was not checked: give the publisher's public key with --key/);
      for (const garbage of ['hello\n', '', 'A'.repeat(87) + '=\n', '<html>not found</html>']) {
        writeFileSync(join(dir, 'MANIFEST.json.sig'), garbage);
        const bad = await verifyMirror(dir);
        assert.equal(bad.ok, false, JSON.stringify(garbage));
        assert.equal(bad.signatureValid, false);
        assert.match(describeVerify(bad).join('\n'), /MANIFEST\.json\.sig is not a signature/);
      }
      rmSync(dir, { recursive: true, force: true });
    });

    test('exporting in parallel (worker threads) gives the same files as on one thread', async () => {
      const dir = join(root, 'parallel');
      const s = await exportSite({ store, dbLocation: dbFile, dir, workers: 2 });
      const a = manifestOf(mirror).files;
      const b = manifestOf(dir).files;
      assert.equal(s.build, 1);
      assert.deepEqual(b, a);
      rmSync(dir, { recursive: true, force: true });
    });

    test('an incremental export after a release rewrites only changed files; a withdrawal removes files', async () => {
      const dir = join(root, 'incremental');
      cpSync(mirror, dir, { recursive: true });
      const before = manifestOf(dir);
      const beforeByPath = new Map(before.files.map((f) => [f.path, f.sha256]));
      const untouched = before.files.find((f) => f.path === 'understanding/faq.html')!;
      const mtime = statSync(join(dir, untouched.path)).mtimeMs;
      await store.setReleased(embargoed, RELEASE_TIME);
      try {
        const s = await exportSite({ store, dbLocation: dbFile, dir, workers: 0 });
        const after = manifestOf(dir);
        assert.equal(s.build, before.build + 1);
        const changed = after.files.filter((f) => beforeByPath.get(f.path) !== f.sha256);
        assert.equal(s.written, changed.length);
        assert.equal(s.unchanged, after.fileCount - changed.length);
        assert.equal(s.removed, 0);
        assert.ok(s.unchanged > s.written, `${s.written} written, ${s.unchanged} unchanged`);
        for (const id of embargoed) assert.ok(changed.some((f) => f.path.endsWith(`/${id}.html`)), `${id} is new`);
        assert.equal(statSync(join(dir, untouched.path)).mtimeMs, mtime, 'an unchanged page is not rewritten');
        assert.equal((await verifyMirror(dir)).ok, true);

        // Embargo one cable again: its page and twin are removed.
        const gone = embargoed[0];
        await store.setReleased([gone], null);
        const s2 = await exportSite({ store, dbLocation: dbFile, dir, workers: 0 });
        assert.ok(s2.removed >= 2, `${s2.removed} removed`);
        assert.ok(!manifestOf(dir).files.some((f) => f.path.includes(gone)));
        const cableFile = after.files.find((f) => f.path.endsWith(`/${gone}.html`))!.path;
        assert.equal(existsSync(join(dir, cableFile)), false);
        assert.equal((await verifyMirror(dir)).ok, true);
        // A folder whose files all went goes too.
        const emptyFolders = readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isDirectory() && readdirSync(join(e.parentPath, e.name)).length === 0)
          .map((e) => join(e.parentPath, e.name));
        assert.deepEqual(emptyFolders, []);
      } finally {
        await store.setReleased(embargoed, null);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
