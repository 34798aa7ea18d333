import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, listSourceFiles } from '../../src/sources/read-sources.js';
import type { SourceItem } from '../../src/domain/source-record.js';
import { parseCable } from '../../src/parse/cable.js';
import { corpusDir, extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { fakeSitePage } from '../parse/site-page-fixture.js';

async function collect(paths: string[]): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const x of readSources(paths)) out.push(x);
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cg-src-'));
}

/** A fictional plain text cable, Windows-1252 bytes with CRLF line ends. */
function cp1252Cable(): Buffer {
  const text = [
    '',
    'VZCZCXRO0001',
    'OO RUEHXX',
    'DE RUEHFB #0042/01 0451230',
    'ZNY SSSSS ZZH',
    'O 141230Z FEB 09',
    'FM AMEMBASSY FOO BAR',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 0001',
    'S E C R E T SECTION 01 OF 02 FOO BAR 000042 ',
    ' ',
    'NOFORN ',
    'SIPDIS ',
    ' ',
    'E.O. 12958: DECL: 02/14/2019 ',
    'TAGS: PREL XX',
    'SUBJECT: CAF\u00c9 \u201cTALKS\u201d ',
    ' ',
    '1. (S/NF) A fictional paragraph \u2013 with a dash. ',
  ].join('\r\n');
  const map: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u00c9': 0xc9 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

test('plain text: Windows-1252 + CRLF decoded, header split from body, parsed from the text alone', async () => {
  const dir = tmp();
  try {
    const path = join(dir, '09FOOBAR42.txt');
    writeFileSync(path, cp1252Cable());
    const [item] = await collect([path]);
    assert.ok(item.ok);
    if (!item.ok) return;
    const r = item.record;
    assert.equal(r.format, 'text');
    // Not UTF-8: read as Windows-1252, and said so (issue 21.6).
    assert.deepEqual(Object.keys(r.meta), ['readingNotes']);
    assert.match(r.meta.readingNotes![0], /^not UTF-8: read as Windows-1252/);
    assert.ok(!r.body.includes('\r') && !(r.header ?? '').includes('\r'));
    assert.match(r.header ?? '', /^VZCZCXRO0001\nOO RUEHXX\nDE RUEHFB/);
    assert.match(r.body, /^S E C R E T SECTION 01 OF 02 FOO BAR 000042/);
    assert.match(r.body, /SUBJECT: CAFÉ “TALKS”/);
    assert.match(r.body, /paragraph – with/);
    const c = parseCable(r);
    assert.equal(c.canonicalId, '09FOOBAR42');
    assert.equal(c.created, '2009-02-14T12:30Z');
    assert.equal(c.createdDisplayed, null);
    assert.equal(c.released, null);
    assert.equal(c.classification, 'SECRET//NOFORN');
    assert.equal(c.origin, 'Embassy Foo Bar');
    assert.equal(c.originRoute, 'RUEHFB');
    assert.equal(c.transmissionId, 'RUEHFB #0042/01 0451230');
    assert.equal(c.precedence, 'IMMEDIATE');
    assert.deepEqual(c.section, { n: 1, of: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rejects: missing path, empty file, binary file, truncated page, non-cable text; reading goes on', async () => {
  const dir = tmp();
  try {
    const page = fakeSitePage();
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(dir, 'c-cut.html'), page.slice(0, page.indexOf('First paragraph')));
    writeFileSync(join(dir, 'd-notes.txt'), 'shopping list\nmilk\n');
    writeFileSync(join(dir, 'e-good.html'), page);
    const items = await collect([join(dir, 'missing.html'), dir]);
    const codes = items.map((i) => (i.ok ? 'ok' : i.reject.code));
    assert.deepEqual(codes, ['E_SOURCE_UNREADABLE', 'E_SOURCE_NOT_A_CABLE', 'E_SOURCE_ENCODING', 'E_SOURCE_TRUNCATED', 'E_SOURCE_NOT_A_CABLE', 'ok']);
    for (const i of items) if (!i.ok) assert.ok(i.reject.reason.length > 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('folder tree: a mirror yields its cable pages; browse pages and assets are skipped by name, each named', async () => {
  const dir = tmp();
  try {
    mkdirSync(join(dir, 'cable', '2009', '02'), { recursive: true });
    mkdirSync(join(dir, 'origin'), { recursive: true });
    mkdirSync(join(dir, 'static', 'css'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<html><body>Browse latest releases</body></html>');
    writeFileSync(join(dir, 'magnet.txt'), 'magnet:?xt=urn:btih:0000');
    writeFileSync(join(dir, 'origin', '1_0.html'), '<html><body><ul><li>Embassy</li></ul></body></html>');
    writeFileSync(join(dir, 'static', 'css', 'main.css'), 'body{}');
    writeFileSync(join(dir, 'cable', '2009', '02', '09FOOBAR123.html'), fakeSitePage());
    writeFileSync(join(dir, 'cable', '2009', '02', '09FOOBAR124.html'), fakeSitePage({ referenceId: '09FOOBAR124' }));
    const files = await listSourceFiles([dir]);
    assert.deepEqual(
      files.map((f) => f.slice(dir.length)),
      ['/cable/2009/02/09FOOBAR123.html', '/cable/2009/02/09FOOBAR124.html', '/index.html', '/magnet.txt', '/origin/1_0.html', '/static'],
    );
    const seen: string[] = [];
    const items: SourceItem[] = [];
    for await (const i of readSources([dir], { onFile: (p) => seen.push(p) })) items.push(i);
    assert.equal(seen.length, 6);
    assert.deepEqual(
      items.map((i) => (i.ok ? i.record.meta.referenceId : `${i.reject.skipped ? 'skipped ' : ''}${i.reject.code}`)),
      ['09FOOBAR123', '09FOOBAR124', 'skipped E_SOURCE_BROWSE_PAGE', 'skipped E_SOURCE_BROWSE_PAGE', 'skipped E_SOURCE_BROWSE_PAGE', 'skipped E_SOURCE_IGNORED'],
    );
    // A folder that is not a mirror: an HTML page without a cable table is not a cable (issue 14).
    const items2 = await collect([join(dir, 'origin')]);
    assert.deepEqual(items2.map((i) => (i.ok ? 'ok' : i.reject.code)), ['E_SOURCE_NOT_A_CABLE']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JSON Lines export: every version re-read as its original format (round trip)', async () => {
  const dir = tmp();
  try {
    const page = fakeSitePage();
    const text = cp1252Cable().toString('latin1');
    const lines = [
      JSON.stringify({ canonicalId: '09FOOBAR123', releasedAt: '2010-12-01T21:09Z', versions: [{ format: 'site-page', source: 'a/09FOOBAR123.html', raw: page }] }),
      JSON.stringify({ format: 'text', source: 'b/09FOOBAR42.txt', raw: text, releasedAt: '2011-08-30T01:44Z' }),
      '{not json',
    ];
    const path = join(dir, 'export.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const items = await collect([path]);
    assert.equal(items.length, 3);
    const [a, b, c] = items;
    assert.ok(a.ok && b.ok && !c.ok);
    if (!a.ok || !b.ok || c.ok) return;
    assert.equal(a.record.format, 'site-page');
    assert.equal(a.record.raw, page);
    assert.equal(a.record.meta.referenceId, '09FOOBAR123');
    assert.equal(b.record.format, 'text');
    assert.equal(b.record.meta.released, '2011-08-30 01:44');
    assert.equal(parseCable(b.record).released, '2011-08-30T01:44Z');
    assert.equal(c.reject.code, 'E_JSONL_MALFORMED');
    assert.equal(c.reject.source, `${path}:3`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('real corpus: plain text, body extracts and a whole site mirror', needsCorpus(), async () => {
  const plain = await collect([join(corpusDir, 'plaintext-2011-unredacted')]);
  assert.equal(plain.length, listFiles(join(corpusDir, 'plaintext-2011-unredacted'), '.txt').length);
  for (const i of plain) {
    assert.ok(i.ok);
    if (!i.ok) continue;
    const c = parseCable(i.record);
    const id = i.record.source.split('/').pop()!.replace('.txt', '');
    assert.equal(c.canonicalId, id, i.record.source);
    assert.ok(c.header && c.created && c.origin && c.classification, i.record.source);
  }

  const extractsDir = extracted('body-extracts-2011');
  const extracts = await collect([extractsDir]);
  const ok = extracts.filter((i) => i.ok);
  assert.ok(ok.length > 2000);
  for (const i of ok.slice(0, 200)) {
    if (!i.ok) continue;
    assert.equal(i.record.format, 'body-extract');
    assert.equal(i.record.header, null);
    assert.equal(i.record.meta.referenceId, i.record.source.split('/').pop()!.replace('.txt', ''));
    assert.ok(!i.record.body.includes('<a ') && !i.record.body.includes('¶'));
  }
  // The extracts that hold only their article list are skipped by rule and named (no reject).
  // (The cache's `.complete` marker is a hidden file: ignored, and named too.)
  for (const i of extracts) {
    if (i.ok) continue;
    const hidden = i.reject.source.endsWith('/.complete');
    assert.deepEqual([i.reject.code, i.reject.skipped], [hidden ? 'E_SOURCE_IGNORED' : 'E_SOURCE_NO_TEXT', true], i.reject.source);
  }

  const mirror = extracted('site-2010-12-10-complete');
  const cablePages = listFiles(join(mirror, 'cable'), '.html');
  const files = await listSourceFiles([mirror]);
  const items = await collect([mirror]);
  assert.equal(items.length, files.length);
  assert.equal(items.filter((i) => i.ok).length, cablePages.length);
  // Every other page of the mirror is skipped by name (index.html, reldate/, origin/, tag/...), none rejected.
  for (const i of items) if (!i.ok) assert.ok(i.reject.skipped && /^E_SOURCE_(BROWSE_PAGE|IGNORED)$/.test(i.reject.code), i.reject.source);
  assert.ok(items.some((i) => !i.ok && i.reject.source === join(mirror, 'index.html') && i.reject.code === 'E_SOURCE_BROWSE_PAGE'));
  const first = items.find((i) => i.ok)!;
  if (first.ok) assert.equal(first.record.raw, readFileSync(cablePages[0], 'utf8'));
});
