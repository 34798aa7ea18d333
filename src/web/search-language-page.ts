/**
 * The query-language page `/understanding/search.html`: docs/search.md (the contract of the
 * search box) rendered as a page of the site, so that the help of the search page links to
 * the rules readers can read. One text, two readers: the docs stay the source.
 *
 * marked renders the Markdown (the common, maintained renderer; GitHub-flavoured tables).
 * The file is the project's own documentation, not cable text, and raw HTML in it is
 * escaped anyway; links to other docs files, which the site does not serve, keep their
 * text without a link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { escapeHtml, raw } from './html.js';
import type { Page, PageData } from './page.js';

export const SEARCH_LANGUAGE_URL = '/understanding/search.html';

export interface SearchLanguageData extends PageData {
  /** The Markdown source (docs/search.md). */
  markdown: string;
}

/** docs/search.md of the project: two folders up from src/web, three from the build's dist/src/web. */
function docFile(): string {
  for (const up of ['../../', '../../../']) {
    const file = fileURLToPath(new URL(`${up}docs/search.md`, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('docs/search.md is missing from the installation');
}

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (/^https?:\/\//i.test(href)) return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text}</a>`;
      if (href.startsWith('#')) return `<a href="${escapeHtml(href)}">${text}</a>`;
      return text;
    },
  },
});

/** The Markdown as HTML (the last one rendered is kept: the page is always the same text). */
let rendered: { markdown: string; html: string } | null = null;

export function markdownHtml(markdown: string): string {
  if (rendered?.markdown !== markdown) rendered = { markdown, html: marked.parse(markdown, { async: false }) as string };
  return rendered.html;
}

let source: string | null = null;

export function loadSearchLanguage(): Page<SearchLanguageData> {
  source ??= readFileSync(docFile(), 'utf8');
  return {
    data: { title: 'Search: the query language', url: SEARCH_LANGUAGE_URL, json: SEARCH_LANGUAGE_URL.replace(/\.html$/, '.json'), markdown: source },
    description: 'How to write a search of the cables: words, phrases, field filters, dates, ranges.',
    render: (d) => raw(`<div class="doc-page">${markdownHtml(d.markdown)}</div>`),
  };
}
