/**
 * Child process of the web benchmark: the ceiling. A bare node:http server answering
 * recorded pages (same status, headers and body bytes as the site sent) from memory.
 * Usage: web-ceiling-child <pages.json>; prints `LISTENING <port>` when ready.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const recorded = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, Recorded>;
const pages = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
for (const [path, r] of Object.entries(recorded)) {
  const body = Buffer.from(r.body, 'base64');
  pages.set(path, { status: r.status, headers: { ...r.headers, 'content-length': String(body.length) }, body });
}

const server = createServer((req, res) => {
  const page = pages.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(page.status, page.headers);
  res.end(page.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
