/**
 * The exported mirror in a real browser (headless Chromium through playwright-core),
 * served by a plain static file server with the site's security headers (scripts allowed
 * from the site itself on the search page only): links lead to pages, a paragraph
 * permalink lands on its paragraph, and the static search finds a cable by a phrase of
 * its subject, with facet counts. Skipped without Chromium, except in CI where it fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { exportSite } from '../../src/export/export-site.js';
import { cablePath } from '../../src/web/paths.js';
import { startStaticServer } from './static-file-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function needsChromium(): { skip?: string } {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return {};
  return { skip: `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)` };
}

const opts = needsChromium();
let dir: string;
let store: Store | null = null;
let server: Awaited<ReturnType<typeof startStaticServer>> | null = null;
let browser: Browser | null = null;

before(async () => {
  if (opts.skip) return;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it or set CHROMIUM_PATH.`);
  dir = mkdtempSync(join(tmpdir(), 'cablegate-mirror-browser-'));
  await generateDemoCorpus({ count: 150, seed: 9, out: join(dir, 'corpus') });
  store = await openStore(join(dir, 'archive.db'));
  assert.equal((await importArchive(store, [join(dir, 'corpus')], { workers: 0 })).rejected, 0);
  await exportSite({ store, dbLocation: join(dir, 'archive.db'), dir: join(dir, 'mirror'), workers: 0, skipBulk: true });
  server = await startStaticServer(join(dir, 'mirror'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function watched(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { page, problems };
}

test('browsing the mirror: home, a release day, a cable, a paragraph permalink', opts, async () => {
  const { page, problems } = await watched();
  await page.goto(`${server!.base}/`);
  await page.locator('main a[href^="/reldate/2"]').first().click();
  await page.waitForURL(/\/reldate\/.+_0\.html$/);
  await page.locator('table.browse tbody a[href^="/cable/"]').first().click();
  await page.waitForURL(/\/cable\/\d{4}\/\d{2}\/.+\.html$/);
  const anchor = page.locator('a.par').first();
  const id = await anchor.getAttribute('id');
  assert.ok(id);
  await anchor.click();
  assert.ok(page.url().endsWith(`#${id}`));
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id ?? null), id);
  await page.goto(page.url());
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id ?? null), id, 'a permalink opened directly lands on its paragraph');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the static search finds a cable by a phrase of its subject, with facets, under the CSP', opts, async () => {
  const { rows } = await store!.listCables({ releasedOnly: true, sort: 'id', limit: 1, offset: 17 });
  const target = rows[0];
  const phrase = (target.subject ?? '').split(/\s+/).filter((w) => w.length > 3).slice(0, 3).join(' ');
  assert.ok(phrase, 'the cable has a subject');
  const { page, problems } = await watched();
  await page.goto(`${server!.base}/`);
  // The header form targets /search: on the mirror that is the static search page.
  await page.fill('#q', phrase);
  await page.press('#q', 'Enter');
  await page.waitForSelector('#mirror-search-count');
  const href = cablePath(target.canonicalId, target.created);
  const results = page.locator('ol.search-results a');
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes(href), `${target.canonicalId} found by "${phrase}"`);
  assert.ok((await page.locator('.facets h2').allTextContents()).includes('Classification'));
  // A facet link narrows the hits.
  await page.locator('.facets section').first().locator('a').first().click();
  await page.waitForSelector('#mirror-search-count');
  assert.match(await page.locator('#mirror-search-results').innerText(), /Only /);
  await page.locator(`ol.search-results a[href="${href}"]`).or(page.locator('ol.search-results a').first()).first().click();
  await page.waitForURL(/\/cable\//);
  assert.deepEqual(problems, []);
  await page.close();
});
