/**
 * Imports articles (site article pages and Markdown files) into the archive. Each file is
 * parsed on its own: a bad one is reported with its path and reason, the rest go on.
 * The languages of site articles come from the translation lists of the others
 * ("[pt_br] <link>"): the 2010 pages do not state their own.
 */
import { readFile } from 'node:fs/promises';
import { CablegateError, isCablegateError } from '../domain/errors.js';
import type { SiteArticle } from '../domain/site-article.js';
import { parseArticleMarkdown } from '../parse/article-markdown.js';
import { parseArticlePage } from '../parse/article-page.js';
import { walkArticleFiles } from '../sources/list-article-files.js';
import type { ArticleInput, Store } from '../store/store.js';

export interface ArticleImportSummary {
  read: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  /** `path: reason` of each file not imported. */
  rejects: string[];
}

export async function importArticles(store: Store, paths: string[]): Promise<ArticleImportSummary> {
  const summary: ArticleImportSummary = { read: 0, new: 0, changed: 0, unchanged: 0, rejected: 0, rejects: [] };
  const inputs: ArticleInput[] = [];
  for await (const f of walkArticleFiles(paths)) {
    summary.read++;
    try {
      let raw: string;
      try {
        raw = await readFile(f.path, 'utf8');
      } catch (e) {
        throw new CablegateError('E_SOURCE_UNREADABLE', `cannot read ${f.path}`, { subject: f.path, cause: e });
      }
      let article: SiteArticle;
      if (f.kind === 'markdown') article = parseArticleMarkdown(raw, f.path);
      else if (!f.key) throw new CablegateError('E_ARTICLE_INVALID', `${f.path} is not an article page: they are articles/YYYY/<slug>.html of a site mirror`, { subject: f.path });
      else article = parseArticlePage(raw, f.key, f.path);
      inputs.push({ article, raw, source: f.path, format: f.kind });
    } catch (e) {
      summary.rejected++;
      summary.rejects.push(isCablegateError(e) ? e.describe() : `${f.path}: ${String(e)}`);
    }
  }
  const byKey = new Map(inputs.map((i) => [i.article.key, i]));
  if (byKey.size !== inputs.length) {
    // Two files for one URL: the later one (in reading order) wins, and the other is reported.
    const seen = new Map<string, string>();
    for (const i of inputs) {
      const before = seen.get(i.article.key);
      if (before) summary.rejects.push(`E_ARTICLE_INVALID ${before}: replaced by ${i.source}, which has the same address /articles/${i.article.key}.html`);
      seen.set(i.article.key, i.source);
    }
    summary.rejected += inputs.length - byKey.size;
  }
  for (const i of byKey.values()) {
    for (const t of i.article.translations) {
      const target = byKey.get(t.key);
      if (target && !target.article.lang) target.article.lang = t.lang;
    }
  }
  const outcomes = await store.putArticles([...byKey.values()]);
  for (const o of outcomes) summary[o]++;
  return summary;
}
