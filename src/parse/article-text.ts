/** What articles of both formats share: the cables they cite and the date of a byline. */
import { CABLE_ID_IN_TEXT, type ArticleBlock } from '../domain/site-article.js';
import { canonicalizeId } from './fields/canonical-id.js';

/** Month names of the 2010 site's bylines (English, Portuguese, Spanish, French, Swedish), from its 35 articles. */
const MONTHS: Record<string, number> = {};
[
  ['january', 'janeiro', 'enero', 'janvier', 'januari'],
  ['february', 'fevereiro', 'febrero', 'février', 'februari'],
  ['march', 'março', 'marzo', 'mars', 'mars'],
  ['april', 'abril', 'abril', 'avril', 'april'],
  ['may', 'maio', 'mayo', 'mai', 'maj'],
  ['june', 'junho', 'junio', 'juin', 'juni'],
  ['july', 'julho', 'julio', 'juillet', 'juli'],
  ['august', 'agosto', 'agosto', 'août', 'augusti'],
  ['september', 'setembro', 'septiembre', 'septembre', 'september'],
  ['october', 'outubro', 'octubre', 'octobre', 'oktober'],
  ['november', 'novembro', 'noviembre', 'novembre', 'november'],
  ['december', 'dezembro', 'diciembre', 'décembre', 'december'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** `8 December 2010` / `28 de novembro de 2010` (or `2010-12-08`) in a byline -> `2010-12-08`; null when none. */
export function publishedDate(byline: string): string | null {
  for (const m of byline.toLowerCase().matchAll(/(\d{1,2})\.?\s+(?:de\s+)?([a-zà-ÿ]+)\.?,?\s+(?:de\s+)?(\d{4})/g)) {
    const month = MONTHS[m[2]];
    const day = Number(m[1]);
    if (month && day >= 1 && day <= 31 && /^(19|20)\d\d$/.test(m[3])) return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(byline);
  return iso ? iso[0] : null;
}

/** The canonical id a link points to when it is a cable page (`/cable/YYYY/MM/<ID>.html` of any host). */
export function cableIdOfLink(href: string): string | null {
  const m = /(?:^|\/)cable\/\d{4}\/\d{2}\/([A-Za-z0-9-]+)\.html?(?:[?#].*)?$/.exec(href.trim());
  return m ? canonicalizeId(m[1]) : null;
}

/** Every cable an article cites: its cable links and the reference ids named in its text. */
export function articleCables(blocks: ArticleBlock[]): string[] {
  const ids = new Set<string>();
  for (const b of blocks) {
    for (const r of b.runs) {
      if (r.href) {
        const id = cableIdOfLink(r.href);
        if (id) ids.add(id);
      }
      for (const m of r.text.matchAll(CABLE_ID_IN_TEXT)) ids.add(canonicalizeId(m[1]));
    }
  }
  return [...ids].sort();
}
