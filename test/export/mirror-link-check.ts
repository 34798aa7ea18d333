/**
 * Link check of an exported mirror: every `href`/`src` of every HTML file that points into
 * the site must name a file of the mirror, and a `#fragment` on such a link (or a bare
 * `#fragment`) must name an `id` in the target page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorFileForPath } from '../../src/export/mirror-file-path.js';
import type { MirrorManifest } from '../../src/export/mirror-manifest.js';

export interface LinkCheck {
  pages: number;
  links: number;
  fragments: number;
  broken: string[];
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export function checkMirrorLinks(dir: string, manifest: MirrorManifest, onlyPages?: (file: string) => boolean): LinkCheck {
  const files = new Set(manifest.files.map((f) => f.path));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let s = ids.get(file);
    if (!s) ids.set(file, (s = new Set([...readFileSync(join(dir, file), 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))));
    return s;
  };
  const out: LinkCheck = { pages: 0, links: 0, fragments: 0, broken: [] };
  for (const file of files) {
    if (!file.endsWith('.html') || (onlyPages && !onlyPages(file))) continue;
    out.pages++;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\b(?:href|src)="([^"]*)"/g)) {
      const target = decode(m[1]);
      if (/^[a-z]+:/i.test(target) || target.startsWith('//')) continue;
      const [pathAndQuery, fragment] = target.split('#', 2);
      const path = pathAndQuery.split('?')[0];
      let targetFile = file;
      if (path) {
        out.links++;
        const f = mirrorFileForPath(path);
        targetFile = f !== null && !files.has(f) && files.has(`${f}/index.html`) ? `${f}/index.html` : (f ?? '');
        if (!files.has(targetFile)) {
          out.broken.push(`${file}: ${target}`);
          continue;
        }
      }
      if (fragment) {
        out.fragments++;
        if (!idsOf(targetFile).has(decodeURIComponent(fragment))) out.broken.push(`${file}: ${target} (no id "${fragment}")`);
      }
    }
  }
  return out;
}
