/**
 * An editorial article of the archive (the 2010 site's `/articles/YYYY/<slug>.html`, or a
 * Markdown file a publisher writes): its words as plain blocks of text runs, never as HTML
 * (the view escapes everything), and the cables it cites.
 */

/** A run of text inside a block; `href` when the run is a link, `emphasis` for italics. */
export interface ArticleRun {
  text: string;
  href?: string;
  emphasis?: boolean;
  strong?: boolean;
}

export interface ArticleBlock {
  kind: 'p' | 'h' | 'li' | 'quote';
  runs: ArticleRun[];
}

export type ArticleFormat = 'site-article' | 'markdown';

export interface SiteArticle {
  /** `YYYY/<slug>`: the article's page is `/articles/YYYY/<slug>.html`. */
  key: string;
  year: string;
  slug: string;
  title: string;
  /** The 2010 site's heading prefix ("Latin America", "Press Release"), or null. */
  section: string | null;
  /** "WikiLeaks Staff, 8 December 2010, 14.00 GMT", as written. */
  byline: string | null;
  /** `YYYY-MM-DD` when the byline or front matter gives a date. */
  published: string | null;
  /** Language code when known (`pt_br`, `en`), else null. */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  blocks: ArticleBlock[];
  /** Canonical ids of the cables the article cites (links and ids named in its text). */
  cables: string[];
  /** Other language versions: `{ lang, key }` of each. */
  translations: Array<{ lang: string; key: string }>;
}

/** A reference id as written in running text: `07SANTIAGO983`, `10BRASILIA7`. */
export const CABLE_ID_IN_TEXT = /\b(\d{2}[A-Z][A-Z-]{2,}\d{1,6})\b/g;

/** The key `YYYY/<slug>` is safe as a path: a year, and a slug without slashes or dots at the start. */
export function isArticleKey(key: string): boolean {
  return /^\d{4}\/[^/\\\s?#]+$/.test(key) && !/\/\./.test(key) && key.length <= 200;
}
