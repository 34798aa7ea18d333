/**
 * The embargo as a security property: import the whole real corpus, hide every cable,
 * release a random half (plus scheduled, withdrawn and non-public versions), then crawl
 * the website (every page kind, JSON twins, pagination, feeds, sitemap, searches) and
 * assert that no hidden id, subject or unique phrase shows anywhere. Then release the
 * rest and assert it all shows. On every store (a few minutes each).
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { importArchive } from '../../src/import/import-archive.js';
import { orderCandidates } from '../../src/release/order-candidates.js';
import { createApp } from '../../src/web/app.js';
import { CORPUS_ARCHIVES, corpusDir, extracted, needsCorpus } from '../support/corpus.js';
import { cleanupStores, storeFactories } from '../support/store-factories.js';

after(cleanupStores);

const PAST = '2011-09-01T12:00Z';
const WORD = /[A-Z][A-Z]{8,}/g;
/** Id-shaped tokens (`10DAMASCUS159`, `08STATE12345`). */
const ID = /\b\d{2}[A-Z][A-Z-]{2,}\d{1,6}\b/g;
/** Cable pages fetched (HTML + JSON) out of the visible ones, besides every other page. */
const CABLE_PAGE_SAMPLE = 400;
/** Pages fetched per other page kind (first path segment): every kind is covered, big ones sampled. */
const PER_KIND_SAMPLE = 250;

function words(text: string | null | undefined): Set<string> {
  return new Set((text ?? '').toUpperCase().match(WORD) ?? []);
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

for (const factory of storeFactories) {
  describe(factory.name, factory.testOptions, () => {
    test('embargo: hidden cables leave no trace in pages, JSON, feeds, sitemap or search; released ones all show', { ...needsCorpus(), timeout: 600_000 }, async (t) => {
      const started = Date.now();
      const phase = (name: string) => t.diagnostic(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const store = await factory.open({ label: 'embargo', onDisk: true });
      const paths = [...CORPUS_ARCHIVES.map((a) => extracted(a)), join(corpusDir, 'site-2011-08-final'), join(corpusDir, 'plaintext-2011-unredacted')];
      const summary = await importArchive(store, paths, { releasedAt: null, workers: 2 });
      // Texts of known cables that say the same again (another build) are sightings, counted as unchanged, not stored.
      assert.ok(summary.stored + summary.unchanged > 9000, `imported ${summary.stored}, ${summary.unchanged} seen again`);
      phase('imported');

      // Hide everything, then release a seeded random half with the release API.
      const all = await store.listCables({ sort: 'id' });
      await store.setReleased(all.rows.map((r) => r.canonicalId), null);
      assert.equal((await store.stats({ releasedOnly: true })).released, 0);
      const shuffled = orderCandidates(all.rows, 'random', { seed: 'embargo' });
      const half = Math.floor(shuffled.length / 2);
      const released = shuffled.slice(0, half);
      const scheduled = shuffled.slice(half, half + 20);
      await store.applyRelease({ action: 'release', items: released.map((c) => ({ canonicalId: c.canonicalId })), at: PAST, by: 'embargo-test' });
      await store.applyRelease({ action: 'release', items: scheduled.map((c) => ({ canonicalId: c.canonicalId })), at: '2999-01-01T00:00Z' });
      const withdrawn = released.slice(0, 15);
      await store.applyRelease({ action: 'withdraw', items: withdrawn.map((c) => ({ canonicalId: c.canonicalId })), reason: 'test withdrawal' });

      const visibleIds = new Set(released.slice(15).map((c) => c.canonicalId));
      const hidden = all.rows.filter((r) => !visibleIds.has(r.canonicalId));
      const hiddenIds = new Set(hidden.map((r) => r.canonicalId));
      assert.equal((await store.stats({ releasedOnly: true })).released, visibleIds.size);

      // Vocabulary: words of every visible cable (all versions, to be conservative) versus hidden ones.
      const visibleWords = new Set<string>();
      const hiddenWords = new Map<string, string>();
      const hiddenSubjects = new Map<string, string>();
      const visibleSubjects = new Set<string>();
      const multiVersion: string[] = [];
      for await (const c of store.iterateCables()) {
        const isHidden = hiddenIds.has(c.canonicalId);
        if (!isHidden && c.versions.length > 1) multiVersion.push(c.canonicalId);
        for (const v of c.versions) {
          const text = [c.canonicalId, v.parsed.referenceId, v.parsed.subject, v.parsed.header, v.parsed.body, v.parsed.origin, (v.parsed.tags ?? []).join(' ')].join(' ');
          if (isHidden) for (const w of words(text)) if (!hiddenWords.has(w)) hiddenWords.set(w, c.canonicalId);
          if (!isHidden) for (const w of words(text)) visibleWords.add(w);
          if (v.parsed.subject) (isHidden ? hiddenSubjects.set(v.parsed.subject, c.canonicalId) : visibleSubjects.add(v.parsed.subject));
        }
      }
      const app = createApp(store, { cacheTtlMs: 0, logError: () => {}, baseUrl: 'https://cables.example.org' });
      // Words and example ids of the site itself (navigation, help pages) are not cable data.
      const siteIds = new Set<string>();
      for (const p of ['/', '/understanding/index.html', '/understanding/faq.html', '/understanding/tags.html', '/understanding/search.html', '/api/index.html', '/search?q=', '/search?q=xyzzy']) {
        const text = await (await app.request(p)).text();
        for (const w of words(text)) visibleWords.add(w);
        for (const id of text.match(ID) ?? []) siteIds.add(id);
      }
      for (const w of visibleWords) hiddenWords.delete(w);
      for (const s of visibleSubjects) hiddenSubjects.delete(s);
      assert.ok(hiddenWords.size > 1000, `${hiddenWords.size} words unique to hidden cables`);
      assert.ok(hiddenSubjects.size > 1000, `${hiddenSubjects.size} subjects unique to hidden cables`);

      phase('vocabulary');
      const leaks: string[] = [];
      /** Ids a page may name: those its own cable's text (REF lines, body) names. */
      const check = (path: string, text: string, allowedIds: Set<string>) => {
        for (const id of text.match(ID) ?? []) if (hiddenIds.has(id) && !allowedIds.has(id) && !siteIds.has(id)) leaks.push(`${path}: hidden id ${id}`);
        for (const w of words(text)) if (hiddenWords.has(w)) leaks.push(`${path}: word ${w} of hidden ${hiddenWords.get(w)}`);
      };
      const checkJson = (path: string, data: unknown) => {
        for (const s of stringsOf(data)) if (hiddenSubjects.has(s)) leaks.push(`${path}: subject of hidden ${hiddenSubjects.get(s)}`);
      };

      // Crawl: every page reachable from the home page, with its JSON twin; a sample of cable pages.
      const seen = new Set<string>();
      const queue = ['/', '/releases/index.html', '/feeds/releases.atom', '/sitemap.xml'];
      const kinds = new Set<string>();
      let cablePages = 0;
      const broken: string[] = [];
      const perKind = new Map<string, number>();
      while (queue.length > 0) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const isCable = /^\/cable\/\d{4}\/\d{2}\/[^/]+\.html$/.test(path);
        if (isCable && cablePages >= CABLE_PAGE_SAMPLE) continue;
        if (isCable) cablePages++;
        const kind = path.split('/')[1] ?? '';
        const kindCount = (perKind.get(kind) ?? 0) + 1;
        if (!isCable && kindCount > PER_KIND_SAMPLE) continue;
        perKind.set(kind, kindCount);
        const res = await app.request(path);
        if (res.status === 404) {
          // A broken link leaks nothing (it is another test's concern): note it and go on.
          broken.push(path);
          continue;
        }
        assert.ok(res.status === 200 || res.status === 301, `${path} -> ${res.status}`);
        if (res.status === 301) {
          queue.push(res.headers.get('location')!);
          continue;
        }
        kinds.add(path.split('/')[1].replace(/\?.*/, '').replace(/\..*$/, '') || 'home');
        const text = await res.text();
        let allowed = new Set<string>();
        const jsonPath = path === '/' ? '/index.json' : path.replace(/\.html(\?|$)/, '.json$1');
        if (jsonPath !== path && /\.json/.test(jsonPath)) {
          const jres = await app.request(jsonPath);
          assert.equal(jres.status, 200, jsonPath);
          const jtext = await jres.text();
          const data = JSON.parse(jtext) as { cable?: unknown };
          // A cable's own text (REF lines, body, everything parsed from it) may name other cables.
          if (isCable && data.cable) allowed = new Set(stringsOf(data.cable).join(' ').match(ID) ?? []);
          // JSON strings, decoded (a raw "\\nWORD" would glue an "n" to a word).
          check(jsonPath, stringsOf(data).join(' '), allowed);
          checkJson(jsonPath, data);
        }
        check(path, text, allowed);
        for (const m of text.matchAll(/(?:href|src)="(\/[^"#]*)"/g)) {
          const href = m[1].replace(/&amp;/g, '&');
          const isPage = href === '/' || /\.(html|json|atom|xml)$/.test(href.replace(/\?.*/, ''));
          if (isPage && !seen.has(href) && !href.startsWith('/static/') && !href.startsWith('/search')) queue.push(href);
        }
        for (const m of text.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)) if (!seen.has(m[1])) queue.push(m[1].replace(/&amp;/g, '&'));
        for (const m of text.matchAll(/<link href="https?:\/\/[^/]+(\/cable\/[^"]*)"/g)) if (!seen.has(m[1])) queue.push(m[1]);
      }
      for (const k of ['home', 'reldate', 'date', 'origin', 'tag', 'classification', 'cable', 'releases', 'feeds', 'sitemap', 'understanding']) {
        assert.ok(kinds.has(k), `crawled a ${k} page (kinds: ${[...kinds].join(', ')})`);
      }
      assert.ok(seen.size > 1000, `crawled ${seen.size} paths`);
      phase(`crawled ${seen.size} paths (${broken.length} broken links${broken.length ? `, e.g. ${broken[0]}` : ''})`);
      assert.ok(broken.length < seen.size / 100, `few broken links: ${broken.slice(0, 5).join(' ')}`);

      // Searches for words only hidden cables contain: no hit (if search is available).
      const probe = await app.request('/search.json?q=embassy');
      const searchAvailable = probe.status === 200 && (JSON.parse(await probe.text()) as { available?: boolean }).available !== false;
      assert.ok(searchAvailable, 'search is available');
      if (searchAvailable) {
        for (const w of [...hiddenWords.keys()].slice(0, 40)) {
          const res = await app.request(`/search.json?q=${encodeURIComponent(w.toLowerCase())}`);
          const text = await res.text();
          for (const id of text.match(ID) ?? []) if (hiddenIds.has(id)) leaks.push(`search ${w}: hidden id ${id}`);
          const data = JSON.parse(text) as { total?: number; results?: unknown[] };
          if ((data.total ?? 0) > 0 || (data.results?.length ?? 0) > 0) leaks.push(`search ${w}: ${data.total} hits`);
        }
        // A broad search: facets and results count visible cables only.
        const broad = JSON.parse(await (await app.request('/search.json?q=embassy')).text()) as { total: number; facets: { classification: Array<{ count: number }> } };
        assert.ok(broad.total > 0 && broad.total <= visibleIds.size, `broad search total ${broad.total}`);
        assert.ok(broad.facets.classification.reduce((n, r) => n + r.count, 0) <= visibleIds.size);
        for (const id of JSON.stringify(broad).match(ID) ?? []) if (hiddenIds.has(id)) leaks.push(`search embassy: hidden id ${id}`);
      }

      // Direct requests: a hidden cable answers exactly like one that never existed; a withdrawn one 410.
      const never = async (p: string) => {
        const r = await app.request(p);
        return { status: r.status, body: await r.text() };
      };
      for (const c of hidden.filter((h) => !withdrawn.some((w) => w.canonicalId === h.canonicalId)).slice(0, 50)) {
        for (const ext of ['html', 'json']) {
          const ym = c.created ? `${c.created.slice(0, 4)}/${c.created.slice(5, 7)}` : '0000/00';
          const got = await never(`/cable/${ym}/${c.canonicalId}.${ext}`);
          const none = await never(`/cable/${ym}/99NOWHERE${c.canonicalId.length}.${ext}`);
          assert.equal(got.status, 404);
          assert.equal(got.body, none.body, `${c.canonicalId}.${ext} answers like a cable that never existed`);
          assert.equal((await app.request(`/cable/${ym}/${c.canonicalId}/diff-1-2.${ext}`)).status, 404);
          assert.equal((await app.request(`/cable/${c.canonicalId}`)).status, 404);
        }
      }
      for (const w of withdrawn.slice(0, 5)) {
        const res = await app.request(`/cable/${w.canonicalId}.json`);
        assert.equal(res.status, 410);
        const text = await res.text();
        assert.match(text, /test withdrawal/);
        const subject = all.rows.find((r) => r.canonicalId === w.canonicalId)?.subject;
        if (subject && subject.length > 10) assert.ok(!text.includes(subject), 'a withdrawal does not show the subject');
      }
      // Non-public versions: a visible cable with a newer imported text shows only its public version.
      for (const id of multiVersion.slice(0, 20)) {
        const cable = await store.getCable(id, { releasedOnly: true });
        const pub = await store.getVersions(id, { releasedOnly: true });
        assert.deepEqual(pub.map((v) => v.number), [cable!.currentVersion], `${id}: only the released version is public`);
        const other = cable!.currentVersion === 1 ? 2 : 1;
        const ym = cable!.cable.created ? `${cable!.cable.created.slice(0, 4)}/${cable!.cable.created.slice(5, 7)}` : '0000/00';
        assert.equal((await app.request(`/cable/${ym}/${id}/diff-${other}-${cable!.currentVersion}.json`)).status, 404, `${id}: no diff with a non-public version`);
      }
      const kindsOfLeak = new Map<string, string>();
      for (const l of leaks) {
        const key = l.replace(/^(\/[a-z]*)[^:]*: (hidden id|word|subject|search)[^]*$/, '$1 $2');
        if (!kindsOfLeak.has(key)) kindsOfLeak.set(key, l);
      }
      assert.deepEqual([...kindsOfLeak.values()].slice(0, 30), [], `${leaks.length} leaks`);

      phase('searched and probed');
      // Release the rest: everything shows (sitemap lists every cable; pages answer).
      const rest = hidden.map((h) => ({ canonicalId: h.canonicalId }));
      const outcome = await store.applyRelease({ action: 'release', items: rest, at: PAST, partial: true });
      assert.deepEqual(outcome.skipped.map((s) => s.code), scheduled.map(() => 'already-released'), 'only the scheduled ones are already released');
      await store.setReleased(scheduled.map((s) => s.canonicalId), PAST);
      const sitemap = await (await app.request('/sitemap.xml')).text();
      const inSitemap = new Set([...sitemap.matchAll(/\/cable\/\d{4}\/\d{2}\/([^<]+)\.html<\/loc>/g)].map((m) => decodeURIComponent(m[1])));
      for (const id of hiddenIds) assert.ok(inSitemap.has(id), `${id} in the sitemap once released`);
      const home = JSON.parse(await (await app.request('/index.json')).text()) as { released: number; total: number };
      assert.equal(home.released, all.total);
      assert.equal(home.total, all.total);
      for (const c of hidden.slice(0, 100)) {
        const res = await app.request(`/cable/${c.canonicalId}.json`);
        assert.equal(res.status, 301, c.canonicalId);
        const page = await app.request(res.headers.get('location')!);
        assert.equal(page.status, 200);
        const data = JSON.parse(await page.text()) as { id: string; cable: { subject: string | null } };
        assert.equal(data.id, c.canonicalId);
        assert.equal(data.cable.subject, c.subject);
      }
      phase('released the rest');
      await store.close();
    });
  });
}
