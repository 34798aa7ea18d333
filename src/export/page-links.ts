/**
 * The site-local links of a rendered page: `href` and `src` attributes of HTML, `<loc>`
 * and `href` of XML (sitemaps, feeds). Query strings and fragments are dropped (a mirror
 * has one file per path); links to other sites are ignored.
 */

const ATTR = /\b(?:href|src)="([^"]*)"/g;
const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/g;

function decodeAttr(value: string): string {
  return value.includes('&') ? value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>') : value;
}

/** The local path of a link target (no query, no fragment), or null for other sites and non-path links. */
export function localPath(target: string, absolute: 'ignore' | 'keep-path' = 'ignore'): string | null {
  let t = target.trim();
  if (/^https?:\/\//i.test(t)) {
    // A sitemap or feed names absolute URLs of the site itself: keep their path.
    if (absolute === 'ignore') return null;
    try {
      t = new URL(t).pathname;
    } catch {
      return null;
    }
  }
  if (!t.startsWith('/') || t.startsWith('//')) return null;
  const cut = t.search(/[?#]/);
  const path = cut === -1 ? t : t.slice(0, cut);
  return path || '/';
}

/** Every distinct local path a page links to. */
export function pageLinks(body: string, contentType: string): string[] {
  const out = new Set<string>();
  const isXml = /xml/.test(contentType);
  if (!/html/.test(contentType) && !isXml) return [];
  for (const m of body.matchAll(ATTR)) {
    const p = localPath(decodeAttr(m[1]), isXml ? 'keep-path' : 'ignore');
    if (p) out.add(p);
  }
  if (isXml) {
    for (const m of body.matchAll(LOC)) {
      const p = localPath(decodeAttr(m[1]), 'keep-path');
      if (p) out.add(p);
    }
  }
  return [...out];
}
