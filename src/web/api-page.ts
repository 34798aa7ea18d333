/**
 * The API page `/api/index.html` (and its twin): every JSON route with what it answers and a
 * working example from the archive served, rendered from the one description of the routes
 * (api-description.ts) that `/api/openapi.json` serves.
 */
import { apiExamples, apiRoutes, openApiDocument, type ApiRouteView } from './api-description.js';
import { html } from './html.js';
import type { Page, PageData, WebContext } from './page.js';

export const API_PATH = '/api/index.html';
export const OPENAPI_PATH = '/api/openapi.json';

export interface ApiPageData extends PageData {
  /** The OpenAPI 3.1 document of these routes. */
  openapi: string;
  routes: ApiRouteView[];
}

export async function loadApiPage(ctx: WebContext): Promise<Page<ApiPageData>> {
  const routes = apiRoutes(await apiExamples(ctx));
  return {
    data: { title: 'The JSON API', url: API_PATH, json: '/api/index.json', openapi: OPENAPI_PATH, routes },
    description: 'Every JSON route of the archive, with an example.',
    render: (d) => html`<h1>${d.title}</h1>
<p class="lede">Every page of this site has a JSON twin: the same path ending in <code>.json</code>. Any site may call them from a browser (<code>Access-Control-Allow-Origin: *</code>); only released cables appear. The routes are described for tools in <a href="${d.openapi}">OpenAPI 3.1</a>; the shapes are in the project's docs/json.md.</p>
<div class="table-wrap"><table class="api-routes">
<thead><tr><th scope="col">Route</th><th scope="col">What</th><th scope="col">Example</th></tr></thead>
<tbody>${d.routes.map(
      (r) => html`<tr><td><code>GET ${r.path}</code></td><td><strong>${r.summary}.</strong> ${r.description} <small>(schema ${r.schema})</small></td><td>${r.example ? html`<a href="${r.example}"><code>${r.example}</code></a>` : html`<small>none in this archive</small>`}</td></tr>`,
    )}</tbody>
</table></div>`,
  };
}

export async function loadOpenApi(ctx: WebContext): Promise<Record<string, unknown>> {
  return openApiDocument(await apiExamples(ctx));
}
