/**
 * An editorial article page of the 2010 site (`articles/YYYY/<slug>.html`): the heading
 * ("Section - Title"), the byline with its date, the text as blocks of runs (links kept as
 * data, markup dropped), the translations listed beside it, and the cables it cites.
 *
 * The page repeats the whole navigation of the site; only `<div class='pane big'>` is the
 * article, and its `<div class="rightcol">` lists other articles and translations.
 */
import { Parser } from 'htmlparser2';
import { CablegateError } from '../domain/errors.js';
import type { ArticleBlock, ArticleRun, SiteArticle } from '../domain/site-article.js';
import { articleCables, publishedDate } from './article-text.js';

interface Frame {
  tag: string;
  /** This element opened the article pane, the right column, or a block. */
  role: 'pane' | 'rightcol' | 'block' | 'link' | 'emphasis' | 'strong' | 'heading' | 'other';
}

const BLOCK_TAGS: Record<string, ArticleBlock['kind']> = { p: 'p', li: 'li', blockquote: 'quote', h3: 'h', h4: 'h', h5: 'h' };

/**
 * Parse one article page. `key` is `YYYY/<slug>` (from its path in the mirror). Throws
 * E_ARTICLE_INVALID (with the file named) when the page has no article pane.
 */
export function parseArticlePage(htmlText: string, key: string, source: string): SiteArticle {
  const [year, slug] = [key.slice(0, 4), key.slice(5)];
  let inPane = 0;
  let inRightcol = 0;
  let dir: 'ltr' | 'rtl' = 'ltr';
  let heading: string | null = null;
  let headingText = '';
  let inHeading = false;
  const blocks: ArticleBlock[] = [];
  const stack: Frame[] = [];
  let block: ArticleBlock | null = null;
  let href: string | null = null;
  let emphasis = 0;
  let strong = 0;
  const translations: Array<{ lang: string; key: string }> = [];
  let pendingLang: string | null = null;
  let sawPane = false;

  const closeBlock = () => {
    if (block) {
      block.runs = mergeRuns(block.runs);
      if (block.runs.some((r) => r.text.trim())) blocks.push(block);
    }
    block = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const cls = ` ${attrs.class ?? ''} `;
        let role: Frame['role'] = 'other';
        if (name === 'div' && / pane /.test(cls) && / big /.test(cls) && !inPane) {
          role = 'pane';
          inPane++;
          sawPane = true;
          if (attrs.dir === 'rtl') dir = 'rtl';
        } else if (inPane && name === 'div' && / rightcol /.test(cls)) {
          role = 'rightcol';
          inRightcol++;
        } else if (inPane && !inRightcol && name === 'h2' && heading === null) {
          role = 'heading';
          inHeading = true;
        } else if (inPane && inRightcol && name === 'a' && pendingLang && attrs.href) {
          const target = /^([^/?#]+)\.html?$/i.exec(attrs.href);
          if (target) translations.push({ lang: pendingLang, key: `${year}/${decodeURIComponentSafe(target[1])}` });
          pendingLang = null;
        } else if (inPane && !inRightcol) {
          if (BLOCK_TAGS[name]) {
            closeBlock();
            block = { kind: BLOCK_TAGS[name], runs: [] };
            role = 'block';
          } else if (name === 'a') {
            role = 'link';
            href = attrs.href ?? null;
          } else if (name === 'i' || name === 'em') {
            role = 'emphasis';
            emphasis++;
          } else if (name === 'b' || name === 'strong') {
            role = 'strong';
            strong++;
          } else if (name === 'br' && block) {
            block.runs.push({ text: '\n' });
          }
        }
        stack.push({ tag: name, role });
      },
      ontext(text) {
        if (!inPane) return;
        if (inRightcol) {
          const lang = /\[([a-z]{2}(?:_[a-z]{2})?)\]\s*$/i.exec(text);
          if (lang) pendingLang = lang[1].toLowerCase();
          return;
        }
        if (inHeading) {
          headingText += text;
          return;
        }
        if (!text.trim() && !block) return;
        if (!block) block = { kind: 'p', runs: [] };
        const run: ArticleRun = { text };
        if (href) run.href = href;
        if (emphasis) run.emphasis = true;
        if (strong) run.strong = true;
        block.runs.push(run);
      },
      onclosetag(name) {
        // Pop to the matching element (the site's markup is not always balanced).
        let i = stack.length - 1;
        while (i >= 0 && stack[i].tag !== name) i--;
        if (i < 0) return;
        for (const frame of stack.splice(i).reverse()) {
          if (frame.role === 'pane') {
            closeBlock();
            inPane--;
          } else if (frame.role === 'rightcol') inRightcol--;
          else if (frame.role === 'heading') {
            inHeading = false;
            heading = headingText.replace(/\s+/g, ' ').trim();
          } else if (frame.role === 'block') closeBlock();
          else if (frame.role === 'link') href = null;
          else if (frame.role === 'emphasis') emphasis--;
          else if (frame.role === 'strong') strong--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(htmlText);
  parser.end();
  closeBlock();

  if (!sawPane || !heading) {
    throw new CablegateError('E_ARTICLE_INVALID', `${source}: not an article page of the site (no article pane with a heading)`, {
      subject: source,
      hint: 'article pages are articles/YYYY/<slug>.html of a 2010 site mirror',
    });
  }
  const headingParts = /^(.{2,40}?)\s+-\s+(.+)$/.exec(heading);
  // The byline is the first block when it is all in italics ("<p><i>Author, 8 December 2010</i></p>").
  let byline: string | null = null;
  const first: ArticleBlock | undefined = blocks[0];
  if (first && first.runs.every((r) => r.emphasis || !r.text.trim())) {
    byline = first.runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
    blocks.shift();
  }
  const title = headingParts ? headingParts[2] : heading;
  return {
    key,
    year,
    slug,
    title,
    section: headingParts ? headingParts[1] : null,
    byline,
    published: publishedDate(byline ?? ''),
    lang: null,
    dir,
    blocks,
    cables: articleCables(blocks),
    translations,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Neighbouring runs with the same link and style joined; whitespace folded (line breaks kept). */
function mergeRuns(runs: ArticleRun[]): ArticleRun[] {
  const out: ArticleRun[] = [];
  for (const r of runs) {
    const text = r.text.replace(/[ \t\r\n\f]+/g, (m) => (m === '\n' ? '\n' : ' '));
    const last = out[out.length - 1];
    if (last && last.href === r.href && last.emphasis === r.emphasis && last.strong === r.strong) last.text += text;
    else out.push({ ...r, text });
  }
  if (out.length) {
    out[0].text = out[0].text.replace(/^\s+/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  }
  return out.filter((r) => r.text);
}
