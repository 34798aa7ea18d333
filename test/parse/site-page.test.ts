import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSitePage, isCablePage } from '../../src/parse/site-page.js';
import { decodeEntities, preToText } from '../../src/parse/html-text.js';
import { corpusDir, extracted, listFiles, needsCorpus } from '../support/corpus.js';
import { fakeSitePage } from './site-page-fixture.js';

test('decodeEntities: numeric, hex and named entities; unknown names kept', () => {
  assert.equal(decodeEntities('a&#x000A;b&#10;c &amp; &lt;x&gt; &quot;q&quot; &#39;s&#39; &bogus;'), 'a\nb\nc & <x> "q" \'s\' &bogus;');
});

test('preToText: drops paragraph anchors with their ¶, keeps tag link text', () => {
  const html = "TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) Text &amp; more";
  assert.equal(preToText(html), 'TAGS: PREL\n1. (C) Text & more');
});

test('5-column page: table values from link text (not the title attribute), header and body', () => {
  const page = fakeSitePage({ classification: 'CONFIDENTIAL', classificationTitle: 'secret//noforn', build: '6693 / 251,287' });
  const item = extractSitePage(page, 'x.html');
  assert.ok(item.ok);
  const { meta, header, body, format } = item.record;
  assert.equal(format, 'site-page');
  assert.equal(meta.referenceId, '09FOOBAR123');
  assert.equal(meta.created, '2009-02-14 12:12');
  assert.equal(meta.released, '2010-12-01 21:09');
  assert.equal(meta.classification, 'CONFIDENTIAL');
  assert.equal(meta.origin, 'Embassy Foo Bar');
  assert.equal(meta.build, '6693 / 251,287');
  assert.equal(meta.partial, undefined);
  assert.match(header ?? '', /^VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHFB/);
  assert.match(body, /^C O N F I D E N T I A L SECTION 01 OF 02 FOO BAR 000123\n/);
  assert.match(body, /\nTAGS: PREL, XX\n/);
  assert.match(body, /\n1\. \(C\) First paragraph/);
  assert.ok(!body.includes('¶'));
  assert.equal(item.record.raw, page);
});

test('4-column page of the first builds: Date column is the created time, no release', () => {
  const item = extractSitePage(fakeSitePage({ columns: 4, created: '2009-02-14 12:12' }), 'x.html');
  assert.ok(item.ok);
  assert.equal(item.record.meta.created, '2009-02-14 12:12');
  assert.equal(item.record.meta.released, undefined);
  assert.equal(item.record.meta.classification, 'CONFIDENTIAL');
});

test('partial extract: the notice block is not a header; partial flagged', () => {
  const item = extractSitePage(fakeSitePage({ partial: true }), 'x.html');
  assert.ok(item.ok);
  assert.equal(item.record.header, null);
  assert.equal(item.record.meta.partial, true);
  assert.match(item.record.body, /^C O N F I D E N T I A L/);
});

test('one <pre> block: no header', () => {
  const item = extractSitePage(fakeSitePage({ header: null }), 'x.html');
  assert.ok(item.ok);
  assert.equal(item.record.header, null);
});

test('articles row: links with titles', () => {
  const item = extractSitePage(
    fakeSitePage({ articles: [{ url: 'http://example.org/a', title: 'Article A' }, { url: 'http://example.org/b', title: 'http://example.org/b' }] }),
    'x.html',
  );
  assert.ok(item.ok);
  assert.deepEqual(item.record.meta.articles, [
    { title: 'Article A', url: 'http://example.org/a' },
    { title: 'http://example.org/b', url: 'http://example.org/b' },
  ]);
});

test('truncated page and non-cable page are rejects with codes', () => {
  const page = fakeSitePage();
  const cut = extractSitePage(page.slice(0, page.indexOf('First paragraph')), 'cut.html');
  assert.equal(cut.ok, false);
  if (!cut.ok) assert.equal(cut.reject.code, 'E_SOURCE_TRUNCATED');
  const noEnd = extractSitePage(page.replace('</html>', ''), 'noend.html');
  assert.ok(!noEnd.ok && noEnd.reject.code === 'E_SOURCE_TRUNCATED');
  const browse = extractSitePage('<html><body><ul><li>Embassy Foo</li></ul></body></html>', 'index.html');
  assert.ok(!browse.ok && browse.reject.code === 'E_SOURCE_NOT_A_CABLE');
  assert.equal(isCablePage(page), true);
  assert.equal(isCablePage('<html></html>'), false);
});

test('real pages of every build: table read, text present', needsCorpus(), () => {
  const builds: [string, string][] = [
    [join(extracted('site-2010-11-early-cables'), 'cable'), '4-or-5 columns'],
    [join(extracted('site-2010-12-10-complete'), 'cable'), '1295 / 251,287'],
    [join(extracted('site-2011-04-cables'), 'cable'), '6693 / 251,287'],
    [join(corpusDir, 'site-2011-08-final'), '251287 / 251,287'],
  ];
  for (const [dir, build] of builds) {
    const files = listFiles(dir, '.html');
    assert.ok(files.length > 0, dir);
    for (const file of files.slice(0, 40)) {
      const item = extractSitePage(readFileSync(file, 'utf8'), file);
      assert.ok(item.ok, `${file}: ${!item.ok ? item.reject.reason : ''}`);
      const { meta, body } = item.record;
      const id = file.split('/').pop()!.replace('.html', '');
      assert.equal(meta.referenceId, id);
      assert.match(meta.created ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      assert.match(meta.classification ?? '', /^(CONFIDENTIAL|SECRET|UNCLASSIFIED)/);
      assert.ok(meta.origin && meta.origin.length > 2);
      assert.ok(body.trim().length > 0);
      assert.ok(!body.includes('&#x000A;') && !body.includes('<a '), file);
      if (!build.includes('columns')) assert.equal(meta.build, build, file);
    }
  }
});

test('real April pages: the partial-extract notice is recognized', needsCorpus(), () => {
  const files = listFiles(join(extracted('site-2011-04-cables'), 'cable'), '.html');
  let partial = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('partial extract of the original cable')) continue;
    const item = extractSitePage(html, file);
    assert.ok(item.ok && item.record.meta.partial === true && item.record.header === null, file);
    partial++;
  }
  assert.ok(partial > 100, `found ${partial} partial pages`);
});
