/** The 2010 site's article pages, on a fictional page in their layout (no real article text here). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticlePage } from '../../src/parse/article-page.js';
import { publishedDate } from '../../src/parse/article-text.js';

const PAGE = `<?xml version='1.0' encoding='utf-8' ?>
<html lang='en'><head><title>Fictional title</title></head><body>
<div class='main'><div class='pane small'><a href='/reldate/2010-12-01_0.html'>2010/12/01</a><p>Currently released so far... 1295 / 251,287</p></div>
<div class='pane big' dir='rtl'>
<h2>Ruritania -  A fictional &amp; <b>bold</b> title</h2>
<p><i>A. Writer for Wikileaks, 9 de dezembro de 2010, 13.30 GMT</i></p>
<div class="rightcol">
  <div class="langlist" dir="ltr"><i>Translations</i><br />
  [pt_br] <a href="Um-artigo-ficticio.html">Um artigo</a><br />
  </div>
  <div class="morearticles"><i>More articles ...</i><br />- <a href="Other.html">Other</a></div>
</div>
<p>The memo (<a href="http://cablegate.wikileaks.org/cable/2007/06/07RURITANIA983.html" class='spip_out'>click here</a>) and 09ZENDA 12 and 10GRAUSTARK7 say &lt;script&gt; nothing.</p>
<p>Second <em>paragraph</em> with a <a href="javascript:alert(1)">bad link</a>.</p>
Loose text after the paragraphs.
<ul><li>An item</li></ul>
</div></div></body></html>`;

test('heading, section, byline and date, blocks, translations and cited cables of an article page', () => {
  const a = parseArticlePage(PAGE, '2010/Fictional-article', 'articles/2010/Fictional-article.html');
  assert.deepEqual([a.key, a.year, a.slug], ['2010/Fictional-article', '2010', 'Fictional-article']);
  assert.deepEqual([a.section, a.title], ['Ruritania', 'A fictional & bold title']);
  assert.equal(a.byline, 'A. Writer for Wikileaks, 9 de dezembro de 2010, 13.30 GMT');
  assert.equal(a.published, '2010-12-09');
  assert.equal(a.dir, 'rtl');
  assert.deepEqual(a.translations, [{ lang: 'pt_br', key: '2010/Um-artigo-ficticio' }]);
  assert.deepEqual(a.cables, ['07RURITANIA983', '10GRAUSTARK7'], 'links and ids named in the text');
  assert.deepEqual(a.blocks.map((b) => b.kind), ['p', 'p', 'p', 'li']);
  assert.equal(a.blocks[0].runs.find((r) => r.href)?.text, 'click here');
  assert.ok(a.blocks[0].runs.some((r) => r.text.includes('<script>')), 'text stays text (escaped by the view)');
  assert.ok(a.blocks[1].runs.some((r) => r.emphasis && r.text === 'paragraph'));
  assert.equal(a.blocks[2].runs[0].text, 'Loose text after the paragraphs.');
  assert.ok(!JSON.stringify(a).includes('More articles'), 'the right column is not article text');
  assert.ok(!JSON.stringify(a).includes('1295 / 251,287'), 'the navigation is not article text');
});

test('a page without an article pane is rejected with its file named', () => {
  assert.throws(() => parseArticlePage('<html><body><p>x</p></body></html>', '2010/x', 'articles/2010/x.html'), (e: Error & { code?: string }) => e.code === 'E_ARTICLE_INVALID' && /articles\/2010\/x\.html/.test(e.message));
});

test('byline dates in the languages of the 2010 articles', () => {
  assert.equal(publishedDate('WikiLeaks Staff, 8 December 2010, 14.00 GMT'), '2010-12-08');
  assert.equal(publishedDate('Natalia Viana, 29 de Novembro de 2010'), '2010-11-29');
  assert.equal(publishedDate('Domingo 28 de Noviembre de 2010'), '2010-11-28');
  assert.equal(publishedDate('no date here'), null);
});
