/** Error pages: the same look as every page (HTML) or `{ error: { code, message } }` (JSON). */
import { html } from './html.js';
import { layout } from './layout.js';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function errorHtml(status: number, message: string): string {
  const title = status === 404 ? 'Page not found' : status === 400 ? 'Bad request' : 'Something went wrong';
  return layout({
    title,
    jsonPath: null,
    body: html`<h1>${title}</h1>
<p>${message}</p>
<p>Try the <a href="/">home page</a>, or browse by <a href="/reldate/index.html">release date</a>, <a href="/origin/index.html">origin</a> or <a href="/tag/index.html">tag</a>.</p>`,
  });
}
