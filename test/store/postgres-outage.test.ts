/**
 * The database going away and coming back: through a TCP relay the test can cut, the
 * store reports E_STORE_UNAVAILABLE, the website answers 503 with Retry-After, and both
 * recover by themselves once the relay is back (the pool opens new connections).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createApp } from '../../src/web/app.js';
import { isCablegateError } from '../../src/domain/errors.js';
import { makeParsedCable } from './make-parsed-cable.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArchive } from '../../src/import/import-archive.js';
import { fictionalTextCable } from '../import/fictional-text-cable.js';
import { dropSchemas, freshSchema, needsPostgres, TEST_DATABASE_URL } from './postgres-support.js';

const available = await needsPostgres();
test.after(() => dropSchemas());

/** A relay from a local port to the PostgreSQL server; `cut()` drops every connection. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      if (this.held) for (const s of [client, upstream]) s.pause();
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  private held = false;

  /** The network held: nothing passes either way (no error, no close), as a partition does. */
  hold(): void {
    this.held = true;
    for (const s of this.sockets) s.pause();
  }

  release(): void {
    this.held = false;
    for (const s of this.sockets) s.resume();
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

test('database away: E_STORE_UNAVAILABLE, 503 with Retry-After, then recovery without a restart', available, async () => {
  const target = new URL(TEST_DATABASE_URL);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  await relay.start();
  const viaRelay = new URL(TEST_DATABASE_URL);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(relay.port);
  const store = await PostgresStore.open(viaRelay.toString(), { schema: freshSchema('outage'), poolSize: 2 });
  try {
    await store.putCables([
      { parsed: makeParsedCable({ canonicalId: '09RURITANIA1' }), raw: 'r', source: 's', format: 'text', releasedAt: '2010-11-28T18:00Z' },
    ]);
    const app = createApp(store, { cacheTtlMs: 0, logError: () => undefined });
    const path = '/cable/2009/01/09RURITANIA1.html';
    const before = await app.request(path);
    assert.equal(before.status, 200);

    await relay.cut();
    await assert.rejects(store.getCable('09RURITANIA1'), (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_UNAVAILABLE');
    const away = await app.request(path);
    assert.equal(away.status, 503);
    assert.ok(Number(away.headers.get('retry-after')) > 0);
    const awayJson = await app.request(path.replace(/\.html$/, '.json'));
    assert.equal(awayJson.status, 503);
    assert.equal(((await awayJson.json()) as { error: { code: string } }).error.code, 'E_STORE_UNAVAILABLE');

    await relay.start(relay.port);
    const back = await app.request(path);
    assert.equal(back.status, 200);
    assert.equal((await store.getCable('09RURITANIA1'))?.canonicalId, '09RURITANIA1');
  } finally {
    await store.close();
    await relay.cut();
  }
});

test('connection lost during an import: only whole batches stay, the rerun completes the archive', available, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cablegate-pg-outage-'));
  const target = new URL(TEST_DATABASE_URL);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  await relay.start();
  const viaRelay = new URL(TEST_DATABASE_URL);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(relay.port);
  const store = await PostgresStore.open(viaRelay.toString(), { schema: freshSchema('lost'), poolSize: 2 });
  try {
    const files = 400;
    for (let i = 1; i <= files; i++) writeFileSync(join(dir, `c${i}.txt`), fictionalTextCable(i));
    const batch = 25;
    let cut: Promise<void> | null = null;
    await assert.rejects(
      importArchive(store, [dir], {
        batchSize: batch,
        workers: 0,
        onProgress: (p) => {
          if (p.stored >= 2 * batch && !cut) cut = relay.cut();
        },
      }),
      (e: unknown) => isCablegateError(e) && e.code === 'E_STORE_UNAVAILABLE',
    );
    await cut;
    await relay.start(relay.port);
    const stats = await store.stats();
    assert.ok(stats.total >= 2 * batch && stats.total < files, `stopped part-way (${stats.total})`);
    assert.equal(stats.total % batch, 0, 'only whole batches were committed');
    assert.equal(stats.versions, stats.total);
    let iterated = 0;
    for await (const c of store.iterateCables()) iterated += c.versions.length > 0 ? 1 : 0;
    assert.equal(iterated, stats.total, 'every stored cable has its current version');

    const rerun = await importArchive(store, [dir], { batchSize: batch, workers: 0 });
    assert.equal(rerun.unchanged, stats.total);
    assert.equal(rerun.new, files - stats.total);
    assert.equal((await store.stats()).total, files);
  } finally {
    await store.close();
    await relay.cut();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('network to the database held: 503 with Retry-After within the configured timeouts, not after half a minute, then recovery', available, async () => {
  const target = new URL(TEST_DATABASE_URL);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  await relay.start();
  const viaRelay = new URL(TEST_DATABASE_URL);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(relay.port);
  const schema = freshSchema('held');
  const writer = await PostgresStore.open(viaRelay.toString(), { schema, poolSize: 2 });
  await writer.putCables([
    { parsed: makeParsedCable({ canonicalId: '09RURITANIA1' }), raw: 'r', source: 's', format: 'text', releasedAt: '2010-11-28T18:00Z' },
  ]);
  await writer.close();
  const store = await PostgresStore.open(viaRelay.toString(), { schema, poolSize: 2, readonly: true, connectTimeoutMs: 1000, queryTimeoutMs: 1500 });
  try {
    const app = createApp(store, { cacheTtlMs: 0, logError: (e) => { throw e; } });
    const path = '/cable/2009/01/09RURITANIA1.html';
    assert.equal((await app.request(path)).status, 200);
    relay.hold();
    for (const p of [path, path.replace(/\.html$/, '.json'), '/', '/search?q=ruritania']) {
      const started = performance.now();
      const res = await app.request(p);
      const seconds = (performance.now() - started) / 1000;
      assert.equal(res.status, 503, p);
      assert.ok(Number(res.headers.get('retry-after')) > 0, p);
      // Bounded by the timeouts (1.5 s a statement, 1 s a connection), with slack for a busy machine.
      assert.ok(seconds < 10, `${p} answered after ${seconds.toFixed(1)} s`);
    }
    relay.release();
    let back = 0;
    for (let i = 0; i < 20 && back !== 200; i++) {
      back = (await app.request(path)).status;
      if (back !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(back, 200, 'recovers once the network is back');
  } finally {
    await store.close();
    await relay.cut();
  }
});
