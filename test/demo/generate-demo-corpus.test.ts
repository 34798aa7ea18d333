import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { demoPages, generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { FICTION_NOTICE, plainBody } from '../../src/demo/compose-demo-cable.js';
import { CLASSIFICATIONS } from '../../src/domain/classification.js';
import { isCablegateError } from '../../src/domain/errors.js';

function listHtml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** One hash over every file's relative path and bytes. */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of listHtml(dir)) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

test('same seed gives identical bytes, another seed different ones', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-demo-test-'));
  try {
    const a = await generateDemoCorpus({ count: 300, seed: 7, out: join(root, 'a') });
    const b = await generateDemoCorpus({ count: 300, seed: 7, out: join(root, 'b') });
    const c = await generateDemoCorpus({ count: 300, seed: 8, out: join(root, 'c') });
    assert.equal(a.files, 300);
    assert.deepEqual(a, b);
    assert.equal(treeHash(join(root, 'a')), treeHash(join(root, 'b')));
    assert.notEqual(treeHash(join(root, 'a')), treeHash(join(root, 'c')));
    const files = listHtml(join(root, 'a'));
    assert.equal(files.length, 300);
    assert.equal(files.reduce((s, f) => s + statSync(f).size, 0), a.bytes);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pages sit at cable/YYYY/MM/<ID>.html, say they are fictional, and stay small', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cablegate-demo-test-'));
  try {
    await generateDemoCorpus({ count: 200, seed: 3, out: root });
    for (const f of listHtml(root)) {
      const rel = relative(root, f);
      const m = /^cable\/(\d{4})\/(\d{2})\/(\d{2})([A-Z]+)(\d+)\.html$/.exec(rel);
      assert.ok(m, `unexpected path ${rel}`);
      assert.equal(m[1].slice(2), m[3], `${rel}: id year matches folder year`);
      const html = readFileSync(f, 'utf8');
      assert.ok(html.includes(FICTION_NOTICE), `${rel} carries the fiction notice`);
      assert.ok(html.length < 16_000, `${rel} is ${html.length} bytes`);
      assert.ok(html.includes("<table class='cable'>"));
      assert.ok(html.includes(`<a href='/${rel}'>${m[3]}${m[4]}${m[5]}</a>`), `${rel}: the table links the page itself`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('ids are unique, dates and classifications plausible, REF lines cite other demo cables', () => {
  const pages = [...demoPages(3000, 11)];
  const ids = new Set(pages.map((p) => p.cable.id));
  assert.equal(ids.size, pages.length);
  const classes = new Set(pages.map((p) => p.cable.classification));
  assert.deepEqual([...classes].sort(), [...CLASSIFICATIONS].sort());
  let cited = 0;
  let recent = 0;
  for (const { cable } of pages) {
    assert.ok(cable.created >= '1966-12-28' && cable.created < '2010-03-01', cable.created);
    assert.ok(cable.released >= '2010-11-28' && cable.released < '2011-04-12', cable.released);
    if (cable.created >= '2005') recent++;
    for (const r of cable.references) {
      assert.ok(ids.has(r), `${cable.id} cites ${r}, which is not in the demo corpus`);
      cited++;
    }
    assert.ok(plainBody(cable.body).includes(FICTION_NOTICE));
    assert.ok(plainBody(cable.body).trimEnd().endsWith(cable.signer));
  }
  assert.ok(cited > pages.length / 10, `only ${cited} citations`);
  assert.ok(recent > pages.length / 2, `only ${recent} cables from 2005 on`);
  assert.ok(new Set(pages.map((p) => p.cable.origin)).size > 100);
  assert.ok(new Set(pages.map((p) => p.cable.releasedDisplayed.slice(0, 10))).size > 5);
});

test('a bad count or seed is a usage error', async () => {
  await assert.rejects(generateDemoCorpus({ count: 0, out: join(tmpdir(), 'never') }), (e) => isCablegateError(e) && e.code === 'E_USAGE');
  await assert.rejects(generateDemoCorpus({ count: 5, seed: -1, out: join(tmpdir(), 'never') }), (e) => isCablegateError(e) && e.code === 'E_USAGE');
});
