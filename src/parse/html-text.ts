/**
 * Turning the HTML fragments of a site page (a `<pre>` block, a table cell) into
 * plain text: markup removed, entities decoded. Pure, string in / string out.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  para: '¶', sect: '§', copy: '©', reg: '®', deg: '°', middot: '·',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…',
};

/** Decodes numeric (`&#x000A;`, `&#10;`) and common named entities; unknown names stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return whole;
      try {
        return String.fromCodePoint(code);
      } catch {
        return whole;
      }
    }
    return NAMED[ent] ?? whole;
  });
}

/**
 * The paragraph linker's anchor `<a id='par1' href='#par1'>¶</a>` (also `parB` when it
 * fired on a REF line), removed entirely. A bare `¶` is the linker's too (some scrapers
 * kept it without the anchor): teletype cable text has no such character.
 */
const PARAGRAPH_LINK = /<a\s+id=['"]par[A-Za-z0-9]+['"]\s+href=['"]#par[A-Za-z0-9]+['"]\s*>¶<\/a>|¶/g;

/** Text of a `<pre>` block: paragraph anchors dropped, other tags stripped (text kept), entities decoded. */
export function preToText(html: string): string {
  const noPar = html.replace(PARAGRAPH_LINK, '');
  const noTags = noPar.includes('<') ? noPar.replace(/<\/?[a-zA-Z][^<>]*>/g, '') : noPar;
  return decodeEntities(noTags);
}

/** Text content of an HTML fragment (tags stripped, entities decoded, whitespace trimmed). */
export function innerText(html: string): string {
  return decodeEntities(html.replace(/<[^<>]*>/g, '')).trim();
}
