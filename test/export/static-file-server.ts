/**
 * A plain static file server for tests (node:http): serves a mirror folder the way a
 * simple web server does — percent-decoded paths, `index.html` for folders (redirecting
 * `/dir` to `/dir/` with the query kept), content types by extension, no page logic.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../../src/web/app.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.gz': 'application/gzip',
};

/** The CSP a mirror should send: the site's own, with scripts from the site itself allowed on the search page. */
export function mirrorCsp(path: string): string {
  const csp = SECURITY_HEADERS['Content-Security-Policy'];
  return path === '/search.html' || path.startsWith('/search/') ? csp.replace("script-src 'none'", "script-src 'self'") : csp;
}

export async function startStaticServer(root: string): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.split('/').some((s) => s === '..')) {
      res.writeHead(400).end();
      return;
    }
    let file = join(root, path);
    try {
      let st = await stat(file);
      if (st.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, 'index.html');
        st = await stat(file);
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length, ...SECURITY_HEADERS, 'Content-Security-Policy': mirrorCsp(url.pathname) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
