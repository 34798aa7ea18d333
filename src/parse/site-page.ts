/**
 * Extracts one cable from a page of the Cablegate static site (every build: the
 * 4-column table of the first builds, the 5-column table of later ones, the final
 * build). Pure: the page's text in, a SourceRecord or a reject out.
 *
 * Targeted scan, no DOM: a page is 40-190 KB, nearly all navigation; only the
 * `<table class='cable'>`, the two `<code><pre>` blocks after it and the build
 * counter matter.
 */
import type { Article } from '../domain/cable.js';
import type { SourceItem, SourceMeta } from '../domain/source-record.js';
import { innerText, preToText } from './html-text.js';

const TABLE_OPEN = /<table\s+class=['"]cable['"]\s*>/;
const PARTIAL_NOTICE = 'This record is a partial extract of the original cable';
const BUILD = /Currently released so far\.\.\.\s*([\d,]+\s*\/\s*[\d,]+)/;

/** True when the page carries a cable table (a cable page, not a browse page). */
export function isCablePage(html: string): boolean {
  return findTable(html) !== null;
}

/** Start and length of the cable table's opening tag (fast path: the site's exact spelling). */
function findTable(html: string): { index: number; length: number } | null {
  const exact = "<table class='cable'>";
  const at = html.indexOf(exact);
  if (at >= 0) return { index: at, length: exact.length };
  const m = TABLE_OPEN.exec(html);
  return m ? { index: m.index, length: m[0].length } : null;
}

export function extractSitePage(html: string, source: string): SourceItem {
  const reject = (code: string, reason: string): SourceItem => ({ ok: false, reject: { source, code, reason } });
  const open = findTable(html);
  if (!open) {
    // A cable page cut off before its metadata table looks like any other page: the
    // missing end of the document tells them apart.
    if (!/<\/html>\s*$/i.test(html.slice(-64))) {
      return reject('E_SOURCE_TRUNCATED', 'the page is cut off (no </html>) before any cable table (<table class=\'cable\'>)');
    }
    return reject('E_SOURCE_NOT_A_CABLE', 'an HTML page without a cable table (<table class=\'cable\'>): not a cable page');
  }
  const tableStart = open.index;
  const tableEnd = html.indexOf('</table>', tableStart);
  if (tableEnd < 0) return reject('E_SOURCE_TRUNCATED', 'the cable table is not closed (page cut off)');
  const meta = readTable(html.slice(tableStart, tableEnd));
  if (!meta.referenceId) return reject('E_SOURCE_NOT_A_CABLE', 'the cable table has no reference id');

  const pres: string[] = [];
  let at = tableEnd;
  for (;;) {
    const s = html.indexOf('<pre>', at);
    if (s < 0) break;
    const e = html.indexOf('</pre>', s);
    if (e < 0) return reject('E_SOURCE_TRUNCATED', 'a <pre> block is not closed (page cut off)');
    pres.push(html.slice(s + 5, e));
    at = e + 6;
  }
  if (!/<\/html>\s*$/i.test(html.slice(-64))) return reject('E_SOURCE_TRUNCATED', 'the page does not end with </html> (cut off)');
  if (pres.length === 0) return reject('E_SOURCE_NOT_A_CABLE', 'the page has a cable table but no text (<pre>) block');

  let header: string | null = null;
  let bodyHtml: string;
  if (pres.length >= 2 && pres[0].includes(PARTIAL_NOTICE)) {
    meta.partial = true;
    bodyHtml = pres[1];
  } else if (pres.length >= 2) {
    header = preToText(pres[0]);
    bodyHtml = pres[1];
  } else {
    bodyHtml = pres[0];
  }
  const body = preToText(bodyHtml);
  if (body.trim() === '' && (header === null || header.trim() === '')) {
    return reject('E_SOURCE_NOT_A_CABLE', 'the cable text is empty');
  }
  const counterAt = html.lastIndexOf('Currently released so far', tableStart);
  const build = counterAt >= 0 ? BUILD.exec(html.slice(counterAt, counterAt + 120)) : null;
  if (build) meta.build = build[1].replace(/\s+/g, ' ');
  return { ok: true, record: { source, format: 'site-page', header, body, meta, raw: html } };
}

/** Reads the metadata table: header names from `<th>`, values from the first data row's cells. */
function readTable(table: string): SourceMeta {
  const meta: SourceMeta = {};
  const names = [...table.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((m) => innerText(m[1]).toLowerCase());
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
  const dataRow = rows.find((r) => r.includes('<td'));
  if (dataRow) {
    const cells = [...dataRow.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => innerText(m[1]));
    names.forEach((name, i) => {
      const v = cells[i];
      if (!v) return;
      if (name === 'reference id') meta.referenceId = v;
      else if (name === 'created' || name === 'date') meta.created = v;
      else if (name === 'released') meta.released = v;
      else if (name === 'classification') meta.classification = v;
      else if (name === 'origin') meta.origin = v;
    });
  }
  const articlesAt = table.indexOf('Appears in these articles');
  if (articlesAt >= 0) meta.articles = readArticleLinks(table.slice(articlesAt));
  return meta;
}

/** Article links (`<a href='URL'>title</a>`) of an `Appears in these articles:` block. */
export function readArticleLinks(fragment: string): Article[] {
  const end = fragment.indexOf('</td>');
  const part = end >= 0 ? fragment.slice(0, end) : fragment;
  const out: Article[] = [];
  for (const m of part.matchAll(/<a\s+href=(['"])([\s\S]*?)\1[^>]*>([\s\S]*?)<\/a>/g)) {
    const url = m[2].trim();
    const title = innerText(m[3]) || url;
    if (url) out.push({ title, url });
  }
  return out;
}
