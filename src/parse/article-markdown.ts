/**
 * An article a publisher writes: a Markdown file with a small front matter of `key: value`
 * lines between `---` fences:
 *
 *   ---
 *   title: What the Damascus cables say     (required)
 *   date: 2026-12-04                        (required, YYYY-MM-DD: the year of the URL)
 *   slug: damascus-cables                   (default: the file name without .md)
 *   byline: A. Writer
 *   section: Middle East
 *   lang: en
 *   dir: rtl                                (default ltr)
 *   cables: 10DAMASCUS159, 09STATE15113     (cited besides the cable links of the text)
 *   ---
 *
 * The text is read by marked's lexer into the same blocks of runs as a site article (no raw
 * HTML: an HTML block in the Markdown is kept as text).
 */
import { basename } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { CablegateError } from '../domain/errors.js';
import type { ArticleBlock, ArticleRun, SiteArticle } from '../domain/site-article.js';
import { canonicalizeId } from './fields/canonical-id.js';
import { articleCables } from './article-text.js';

const KEYS = new Set(['title', 'date', 'slug', 'byline', 'section', 'lang', 'dir', 'cables']);

function fail(source: string, reason: string, hint: string): never {
  throw new CablegateError('E_ARTICLE_INVALID', `${source}: ${reason}`, { subject: source, hint });
}

export function parseArticleMarkdown(text: string, source: string): SiteArticle {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) fail(source, 'an article needs a front matter between --- lines', 'start the file with ---, title: ..., date: YYYY-MM-DD, ---');
  const meta: Record<string, string> = {};
  m[1].split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const kv = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (!kv || !KEYS.has(kv[1])) fail(source, `front matter line ${i + 2} is not one of ${[...KEYS].join(', ')}: ${JSON.stringify(line.slice(0, 60))}`, 'write key: value');
    meta[kv[1]] = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  });
  if (!meta.title) fail(source, 'the front matter has no title', 'add title: ...');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date ?? '')) fail(source, `the front matter date must be YYYY-MM-DD, not ${JSON.stringify(meta.date ?? '')}`, 'add date: 2026-12-04');
  const slug = meta.slug || basename(source).replace(/\.(md|markdown)$/i, '');
  if (!/^[^/\\\s?#.][^/\\\s?#]*$/.test(slug) || slug.length > 120) fail(source, `the slug ${JSON.stringify(slug)} cannot be a file name in a URL`, 'use letters, digits and dashes');
  const blocks = markdownBlocks(m[2]);
  const listed = (meta.cables ?? '').split(/[\s,]+/).filter(Boolean).map(canonicalizeId);
  const year = meta.date.slice(0, 4);
  return {
    key: `${year}/${slug}`,
    year,
    slug,
    title: meta.title,
    section: meta.section || null,
    byline: meta.byline || null,
    published: meta.date,
    lang: meta.lang || null,
    dir: meta.dir === 'rtl' ? 'rtl' : 'ltr',
    blocks,
    cables: [...new Set([...articleCables(blocks), ...listed])].sort(),
    translations: [],
  };
}

function inlineRuns(tokens: Token[] | undefined, style: Omit<ArticleRun, 'text'> = {}): ArticleRun[] {
  const out: ArticleRun[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'link':
        out.push(...inlineRuns((t as Tokens.Link).tokens, { ...style, href: (t as Tokens.Link).href }));
        break;
      case 'em':
        out.push(...inlineRuns((t as Tokens.Em).tokens, { ...style, emphasis: true }));
        break;
      case 'strong':
        out.push(...inlineRuns((t as Tokens.Strong).tokens, { ...style, strong: true }));
        break;
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      default: {
        const inner = (t as { tokens?: Token[] }).tokens;
        if (inner && inner.length && t.type !== 'codespan') out.push(...inlineRuns(inner, style));
        else out.push({ ...style, text: (t as { text?: string }).text ?? t.raw });
      }
    }
  }
  return out;
}

function markdownBlocks(markdown: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const walk = (tokens: Token[], quote: boolean) => {
    for (const t of tokens) {
      if (t.type === 'heading') blocks.push({ kind: 'h', runs: inlineRuns((t as Tokens.Heading).tokens) });
      else if (t.type === 'paragraph' || t.type === 'text' || t.type === 'html' || t.type === 'code') {
        const inner = (t as { tokens?: Token[] }).tokens;
        blocks.push({ kind: quote ? 'quote' : 'p', runs: inner ? inlineRuns(inner) : [{ text: (t as { text: string }).text }] });
      } else if (t.type === 'list') {
        for (const item of (t as Tokens.List).items) blocks.push({ kind: 'li', runs: item.tokens.flatMap((x) => inlineRuns((x as { tokens?: Token[] }).tokens ?? [x])) });
      } else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens, true);
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown), false);
  return blocks.filter((b) => b.runs.some((r) => r.text.trim()));
}
