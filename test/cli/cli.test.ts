import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { runCli, spawnCli } from './run-cli.js';
import { fictionalTextCable, fictionalTextCableId } from '../import/fictional-text-cable.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const work = mkdtempSync(join(tmpdir(), 'cablegate-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

function textDir(name: string, serials: number[]): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const s of serials) writeFileSync(join(dir, `${s}.txt`), fictionalTextCable(s));
  return dir;
}

test('cli parse --json: one object per cable, every field, nulls for absent ones, plus source', () => {
  const dir = textDir('parse', [31, 32]);
  const r = runCli(['parse', dir, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 2);
  assert.deepEqual(lines.map((l) => l.canonicalId), [fictionalTextCableId(31), fictionalTextCableId(32)]);
  assert.equal(lines[0].source, join(dir, '31.txt'));
  assert.equal(lines[0].released, null);
  assert.ok('createdDisplayed' in lines[0] && 'comment' in lines[0] && 'section' in lines[0]);
  assert.equal(lines[0].subject, 'FICTIONAL TEST CABLE NUMBER 31');

  const human = runCli(['parse', dir]);
  assert.equal(human.code, 0);
  assert.match(human.stdout, new RegExp(`${fictionalTextCableId(31)}[\\s\\S]*subject: FICTIONAL TEST CABLE NUMBER 31`));
});

test('cli import: summary, --json, rejects report, reimport unchanged, --released-at, stats', () => {
  const dir = textDir('import', [41, 42, 43]);
  writeFileSync(join(dir, 'empty.txt'), '');
  const db = join(work, 'import.db');
  const rejects = join(work, 'import-rejects.jsonl');
  const first = runCli(['import', dir, '--db', db, '--rejects', rejects, '--released-at', '2010-11-28']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /read 4, stored 3 \(new 3, changed 0\), unchanged 0, rejected 1/);
  assert.match(first.stdout, /empty\.txt/);
  const report = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: string; code: string; reason: string });
  assert.equal(report.length, 1);
  assert.equal(basename(report[0].source), 'empty.txt');
  assert.ok(report[0].reason.length > 0);

  const again = runCli(['import', dir, '--db', db, '--rejects', rejects, '--json']);
  assert.equal(again.code, 0, again.stderr);
  const summary = JSON.parse(again.stdout) as Record<string, number>;
  assert.deepEqual([summary.read, summary.new, summary.changed, summary.unchanged, summary.rejected], [4, 0, 0, 3, 1]);

  const stats = runCli(['stats', '--json'], { env: { CABLEGATE_DB: db } });
  assert.equal(stats.code, 0, stats.stderr);
  const s = JSON.parse(stats.stdout) as { total: number; released: number; versions: number; byOrigin: Record<string, number> };
  assert.deepEqual([s.total, s.released, s.versions], [3, 3, 3]);
  assert.deepEqual(s.byOrigin, { 'Embassy Ruritania': 3 });
  assert.match(runCli(['stats', '--db', db]).stdout, /cables: 3 \(3 released/);
});

test('cli errors: usage errors exit 2, expected failures exit 1 with `error:` and no stack trace', () => {
  const unknown = runCli(['import', '--no-such-option', 'x']);
  assert.equal(unknown.code, 2);
  const badDate = runCli(['import', work, '--db', join(work, 'x.db'), '--released-at', 'soon']);
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /^error: E_USAGE --released-at/m);
  const missing = runCli(['stats', '--db', join(work, 'missing.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^error: E_STORE_OPEN .*missing\.db/m);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
  const pg = runCli(['stats', '--db', 'postgres://localhost/cables']);
  assert.equal(pg.code, 1);
  assert.match(pg.stderr, /^error: E_STORE_(OPEN|UNAVAILABLE) postgres:\/\/localhost\/cables: /m);
  assert.doesNotMatch(pg.stderr, /\n\s+at /);
  assert.equal(runCli(['--help']).code, 0);
});

test('cli export-jsonl: re-importing the export into an empty archive reproduces cables, versions and release dates', needsCorpus(), async () => {
  const dir = join(work, 'roundtrip');
  mkdirSync(dir, { recursive: true });
  const pages = listFiles(join(extracted('site-2010-11-early-cables'), 'cable'), '.html');
  for (const p of pages.slice(0, 5)) copyFileSync(p, join(dir, basename(p)));
  writeFileSync(join(dir, 'text-51.txt'), fictionalTextCable(51));
  const a = join(work, 'roundtrip-a.db');
  const rejects = join(work, 'roundtrip-rejects.jsonl');
  assert.equal(runCli(['import', dir, '--db', a, '--rejects', rejects, '--released-at', '2011-01-02T03:04Z']).code, 0);
  // A second text of the fictional cable, and an unreleased cable.
  const dir2 = join(work, 'roundtrip-2');
  mkdirSync(dir2, { recursive: true });
  writeFileSync(join(dir2, 'text-51.txt'), fictionalTextCable(51, 'A corrected fictional paragraph.'));
  writeFileSync(join(dir2, 'text-52.txt'), fictionalTextCable(52));
  assert.equal(runCli(['import', dir2, '--db', a, '--rejects', rejects]).code, 0);

  const out = join(work, 'export.jsonl');
  // --private: the publisher's backup keeps each version's import path (lossless).
  const exp = runCli(['export-jsonl', '--db', a, '--out', out, '--private']);
  assert.equal(exp.code, 0, exp.stderr);
  // Without it the file names sources by kind only (no path of the publisher's machine).
  const shared = join(work, 'shared.jsonl');
  assert.equal(runCli(['export-jsonl', '--db', a, '--out', shared]).code, 0);
  assert.ok(!readFileSync(shared, 'utf8').includes(work), 'export-jsonl without --private names no import path');
  const b = join(work, 'roundtrip-b.db');
  const imp = runCli(['import', out, '--db', b, '--rejects', rejects, '--json']);
  assert.equal(imp.code, 0, imp.stderr);
  assert.equal((JSON.parse(imp.stdout) as { rejected: number }).rejected, 0);

  const snapshot = async (file: string) => {
    const store = SqliteStore.open(file);
    const cables = [];
    for await (const c of store.iterateCables()) {
      cables.push({
        id: c.canonicalId,
        releasedAt: c.releasedAt,
        current: c.currentVersion,
        versions: c.versions.map((v) => ({ n: v.number, hash: v.contentHash, raw: v.raw, format: v.format, source: v.source })),
        // The JSONL reader hands the cable's release time to the parser as page metadata, so a
        // text cable's `parsed.released` is filled after the round trip; everything else is equal.
        parsed: { ...c.cable, released: null },
      });
    }
    await store.close();
    return cables;
  };
  const before = await snapshot(a);
  const afterImport = await snapshot(b);
  assert.equal(before.length, 7);
  assert.deepEqual(afterImport, before);
  const c51 = before.find((c) => c.id === fictionalTextCableId(51));
  assert.equal(c51?.versions.length, 2);
  assert.equal(c51?.releasedAt, '2011-01-02T03:04Z');
  assert.equal(before.find((c) => c.id === fictionalTextCableId(52))?.releasedAt, null);
});

test('cli import killed after the first batch leaves a consistent archive; a rerun completes it', needsCorpus(), async () => {
  const corpus = join(extracted('site-2010-11-early-cables'), 'cable');
  const files = listFiles(corpus, '.html').length;
  const db = join(work, 'kill.db');
  const rejects = join(work, 'kill-rejects.jsonl');
  const batch = 40;
  const child = spawnCli(['import', corpus, '--db', db, '--rejects', rejects, '--batch', String(batch), '--workers', '1', '--no-progress']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen = 0;
  for (let i = 0; i < 2000 && seen === 0; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(db)) continue;
    try {
      const probe = new Database(db, { readonly: true });
      seen = (probe.prepare('SELECT count(*) AS n FROM cables').get() as { n: number }).n;
      probe.close();
    } catch {
      // schema not created yet
    }
  }
  child.kill('SIGKILL');
  await exited;
  assert.ok(seen > 0, 'the first batch was committed before the kill');

  const check = new Database(db);
  assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
  const n = (check.prepare('SELECT count(*) AS n FROM cables').get() as { n: number }).n;
  const v = (check.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n;
  const orphans = (check.prepare('SELECT count(*) AS n FROM cables c WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.cable_id = c.id AND v.number = c.current_version)').get() as { n: number }).n;
  check.close();
  assert.equal(n % batch, 0, 'only whole batches were committed');
  assert.equal(v, n);
  assert.equal(orphans, 0);
  assert.ok(n < files, 'the import was stopped before the end');

  const rerun = runCli(['import', corpus, '--db', db, '--rejects', rejects, '--json']);
  assert.equal(rerun.code, 0, rerun.stderr);
  const s = JSON.parse(rerun.stdout) as Record<string, number>;
  assert.equal(s.read, files);
  assert.equal(s.unchanged, n);
  assert.equal(s.new + s.unchanged + s.rejected, files);
  const stats = JSON.parse(runCli(['stats', '--db', db, '--json']).stdout) as { total: number; versions: number };
  assert.equal(stats.total, files - s.rejected);
  assert.equal(stats.versions, stats.total);
});
