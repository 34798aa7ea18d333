/**
 * A body extract: only the body `<pre>` block of a site page, saved by a scraper with
 * real newlines and the site's `<a>` markup (`<code><pre>...</pre></code>`). The file
 * name (`<ID>.txt`) is the only metadata. Pure.
 */
import type { SourceItem, SourceMeta } from '../domain/source-record.js';
import { readArticleLinks } from './site-page.js';
import { preToText } from './html-text.js';
import { isCableId } from '../domain/cable-id.js';

/** True when the text looks like a saved `<pre>` block. */
export function isBodyExtract(text: string): boolean {
  return /^\s*(?:<code>\s*)?<pre>/i.test(text) || /^\s*Appears in these articles/.test(text);
}

export function extractBodyExtract(text: string, source: string, referenceId: string | null): SourceItem {
  const reject = (code: string, reason: string): SourceItem => ({ ok: false, reject: { source, code, reason } });
  const open = text.indexOf('<pre>');
  if (open < 0) {
    // The scraper saved some cables' article list and nothing else: a known form of this
    // source with no cable text to store, skipped (counted and named), not an error.
    if (/^\s*Appears in these articles:?\s*(?:<br\s*\/?>|<a\s[^>]*>[^<]*<\/a>|\s|,)*$/i.test(text)) {
      return { ok: false, reject: { source, code: 'E_SOURCE_NO_TEXT', reason: 'the extract holds only its article list, no cable text (no <pre> block)', skipped: true } };
    }
    return reject('E_SOURCE_NOT_A_CABLE', 'no <pre> block (no cable text in the extract)');
  }
  const close = text.indexOf('</pre>', open);
  if (close < 0) return reject('E_SOURCE_TRUNCATED', 'the <pre> block is not closed (file cut off)');
  const body = preToText(text.slice(open + 5, close).replace(/\r\n?/g, '\n'));
  if (body.trim() === '') return reject('E_SOURCE_NOT_A_CABLE', 'the <pre> block is empty');
  const meta: SourceMeta = referenceId ? { referenceId } : {};
  const articles = readArticleLinks(text.slice(0, open));
  if (articles.length) meta.articles = articles;
  return { ok: true, record: { source, format: 'body-extract', header: null, body, meta, raw: text } };
}

/**
 * `.../cables/10DAMASCUS159.txt` -> `10DAMASCUS159`: the file's name (without `.txt`,
 * `.htm`, `.html`; any case) when it is a cable id by the grammar of src/domain/cable-id.ts.
 */
export function idFromFileName(path: string): string | null {
  const base = path.split(/[\\/]/).pop() ?? '';
  const m = /^(.+)\.(?:txt|html?)$/i.exec(base);
  if (!m) return null;
  const id = m[1].toUpperCase();
  return isCableId(id) ? id : null;
}
