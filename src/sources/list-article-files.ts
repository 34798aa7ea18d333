/**
 * Article sources, their own kind beside cable sources: the editorial article pages of a
 * site mirror (`articles/YYYY/<slug>.html`, which a cable import skips with the rest of a
 * mirror) and Markdown files (`*.md`) a publisher writes.
 */
import { opendir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface ArticleFile {
  path: string;
  kind: 'site-article' | 'markdown';
  /** `YYYY/<slug>` for a site article page (from its place in the mirror); null for Markdown. */
  key: string | null;
}

const SKIPPED = new Set(['static', 'img', 'images', 'css', 'js', 'node_modules', 'cable', 'reldate', 'date', 'origin', 'tag', 'classification']);

/** `.../articles/2010/Some-slug.html` -> `2010/Some-slug`; null when the path is not an article page. */
export function siteArticleKey(path: string): string | null {
  const year = basename(dirname(path));
  const name = basename(path);
  if (basename(dirname(dirname(path))) !== 'articles' || !/^\d{4}$/.test(year)) return null;
  const m = /^(.+)\.html?$/i.exec(name);
  if (!m || m[1] === 'index') return null;
  return `${year}/${m[1]}`;
}

async function entries(dir: string): Promise<Array<{ name: string; dir: boolean }>> {
  const out = [];
  for await (const e of await opendir(dir)) out.push({ name: e.name, dir: e.isDirectory() });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function* walk(dir: string): AsyncGenerator<ArticleFile> {
  for (const e of await entries(dir)) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.')) continue;
    if (e.dir) {
      if (!SKIPPED.has(e.name)) yield* walk(p);
      continue;
    }
    if (/\.(md|markdown)$/i.test(e.name)) yield { path: p, kind: 'markdown', key: null };
    else {
      const key = siteArticleKey(p);
      if (key) yield { path: p, kind: 'site-article', key };
    }
  }
}

/**
 * The article files of the given files and folders, in a stable order. A file named
 * explicitly is always listed (an `.html` outside `articles/YYYY/` has a null key: the
 * import reports it); a missing path is listed so that the import reports it too.
 */
export async function* walkArticleFiles(paths: string[]): AsyncGenerator<ArticleFile> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      yield { path: p, kind: /\.(md|markdown)$/i.test(p) ? 'markdown' : 'site-article', key: null };
      continue;
    }
    if (st.isDirectory()) yield* walk(p);
    else if (/\.(md|markdown)$/i.test(p)) yield { path: p, kind: 'markdown', key: null };
    else yield { path: p, kind: 'site-article', key: siteArticleKey(p) };
  }
}
