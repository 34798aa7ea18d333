/**
 * The site in a real browser (headless Chromium through playwright-core; no browser is
 * downloaded): a generated demo archive served over HTTP on loopback, browsed the way a
 * reader does — home, a release day, a cable, a paragraph permalink, a reference to
 * another cable — with the site's Content-Security-Policy in force, plus axe-core
 * accessibility checks of the home, a browse page and a cable page.
 * Without Chromium the test is skipped (with the reason), except in CI where it fails.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateDemoCorpus } from '../../src/demo/generate-demo-corpus.js';
import { importArchive } from '../../src/import/import-archive.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/web/app.js';
import { cablePath } from '../../src/web/paths.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Skip outside CI when there is no Chromium; in CI run (and fail on the missing browser). */
function needsChromium(): { skip?: string } {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return {};
  return { skip: `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)` };
}

const opts = needsChromium();
let dir: string;
let store: Store | null = null;
let server: ServerType | null = null;
let base: string;
let browser: Browser | null = null;
let context: BrowserContext;

before(async () => {
  if (opts.skip) return;
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  dir = mkdtempSync(join(tmpdir(), 'cablegate-browser-'));
  await generateDemoCorpus({ count: 300, seed: 7, out: join(dir, 'corpus') });
  store = await openStore(join(dir, 'archive.db'));
  const summary = await importArchive(store, [join(dir, 'corpus')], { workers: 0 });
  assert.equal(summary.rejected, 0);
  const app = createApp(store, { logError: (e) => { throw e; } });
  await new Promise<void>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    server.once('error', reject);
  });
  base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page that records console errors (a CSP violation shows up there) and failed requests. */
async function watchedPage(ctx: BrowserContext = context): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/** A released cable that another released cable cites with a link, and that citing cable. */
async function citedPair(): Promise<{ from: string; fromPath: string; to: string; toPath: string }> {
  const { rows } = await store!.listCables({ releasedOnly: true, limit: 10_000 });
  for (const r of rows) {
    const citing = await store!.citedBy(r.canonicalId, { releasedOnly: true });
    if (citing.length) return { from: citing[0].canonicalId, fromPath: cablePath(citing[0].canonicalId, citing[0].created), to: r.canonicalId, toPath: cablePath(r.canonicalId, r.created) };
  }
  throw new Error('the demo archive has no cable citing another');
}

test('a reader browses from the home page to a cable, a paragraph and a cited cable', opts, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${base}/`);
  assert.match(await page.title(), /Cablegate/);
  // The stylesheet is applied (served from the site itself, allowed by the CSP).
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Georgia/);

  // Home -> the latest release day.
  const dayLink = page.locator('section:has(h2:text("Latest releases")) a').first();
  const day = (await dayLink.textContent())!.trim();
  await Promise.all([page.waitForURL(/\/reldate\/\d{4}-\d{2}-\d{2}_0\.html$/), dayLink.click()]);
  assert.ok(page.url().includes(day.replace(/\//g, '-')), `${page.url()} is the day ${day}`);
  const rows = page.locator('table tbody tr');
  assert.ok((await rows.count()) > 0, 'the release day lists cables');

  // Release day -> its first cable.
  const cableLink = rows.first().locator('td').first().locator('a');
  const id = (await cableLink.textContent())!.trim();
  await Promise.all([page.waitForURL(/\/cable\/\d{4}\/\d{2}\/[^/]+\.html$/), cableLink.click()]);
  assert.ok(page.url().endsWith(`/${id}.html`), page.url());
  assert.match((await page.locator('h1').textContent())!, new RegExp(id));
  assert.ok(await page.locator('.body-box pre').isVisible(), 'the cable text is shown');

  // A paragraph permalink: the paragraph is the :target and scrolled into view.
  const pair = await citedPair();
  await page.goto(`${base}${pair.fromPath}`);
  const pars = await page.locator('a.par').evaluateAll((as) => as.map((a) => a.id));
  assert.ok(pars.includes('par2'), `${pair.from} has a paragraph 2 permalink`);
  const last = pars[pars.length - 1];
  for (const anchor of ['par2', last]) {
    await page.goto(`${base}${pair.fromPath}#${anchor}`);
    const where = await page.evaluate(() => {
      const t = document.querySelector(':target');
      const r = t?.getBoundingClientRect();
      return { target: t?.id ?? null, top: r?.top ?? -1, bottom: r?.bottom ?? -1, height: window.innerHeight, scrollY: window.scrollY };
    });
    assert.equal(where.target, anchor);
    assert.ok(where.top >= 0 && where.bottom <= where.height, `#${anchor} is in view: ${JSON.stringify(where)}`);
    if (anchor === last && anchor !== 'par2') assert.ok(where.scrollY > 0, `the page scrolled to #${anchor}`);
  }
  // Clicking the pilcrow makes the paragraph the target.
  await page.goto(`${base}${pair.fromPath}`);
  await page.locator('a.par#par2').click();
  assert.ok(page.url().endsWith('#par2'));

  // A reference link leads to the cited cable.
  const refLink = page.locator(`ul.references a[href="${pair.toPath}"]`);
  assert.equal(await refLink.count(), 1, `${pair.from} links its reference ${pair.to}`);
  await Promise.all([page.waitForURL(`${base}${pair.toPath}`), refLink.click()]);
  assert.match((await page.locator('h1').textContent())!, new RegExp(pair.to));
  // ... which lists the citing cable under "Cited by".
  assert.equal(await page.locator(`ul.cited-by a[href="${pair.fromPath}"]`).count(), 1);

  // A screenshot of the cable page.
  const shot = join(dir, 'cable.png');
  await page.screenshot({ path: shot, fullPage: true });
  const png = readFileSync(shot);
  assert.ok(statSync(shot).size > 1000, 'the screenshot has content');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');

  assert.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
  await page.close();
});

test('home, browse, map, timeline and cable pages have no serious or critical accessibility violations (axe-core)', opts, async (t) => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // The site's CSP forbids inline scripts, axe's included: this context only, bypass it.
  const axeContext = await browser!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  try {
    const pair = await citedPair();
    const day = (await (await fetch(`${base}/reldate/index.json`)).json()) as { days: Array<{ url: string }> };
    // The map (origin index), an origin page (locator map and timeline) and a cable page (reference graph).
    const origins = (await (await fetch(`${base}/origin/index.json`)).json()) as { map: { placed: Array<{ url: string }> } };
    const pages = ['/', day.days[0].url, pair.fromPath, '/origin/index.html', origins.map.placed[0].url, '/date/index.html'];
    for (const path of pages) {
      const { page, problems } = await watchedPage(axeContext);
      await page.goto(`${base}${path}`);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of violations) if (!bad.includes(v)) t.diagnostic(`${path}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(' ')}`);
      assert.deepEqual(bad, [], `${path}: serious or critical accessibility violations`);
      assert.deepEqual(problems, [], path);
      await page.close();
    }
  } finally {
    await axeContext.close();
  }
});
