/** Error pages: the same look as every page (HTML) or `{ error: { code, message } }` (JSON). */
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Titles by status: a page that is gone on purpose (410) is not an accident. */
function titleOf(status: number): string {
  if (status === 404) return 'Page not found';
  if (status === 400) return 'Bad request';
  if (status === 410) return 'Cable withdrawn';
  if (status === 503) return 'Temporarily unavailable';
  return 'Something went wrong';
}

export function errorHtml(status: number, message: string | SafeHtml): string {
  const title = titleOf(status);
  return layout({
    title,
    jsonPath: null,
    body: html`<h1>${title}</h1>
<p>${message}</p>
<p>Try the <a href="/">home page</a>, or browse by <a href="/reldate/index.html">release date</a>, <a href="/origin/index.html">origin</a> or <a href="/tag/index.html">tag</a>.</p>`,
  });
}
