/**
 * Reads the numeric origin links (`/origin/N_0.html`) of every cable page of every site
 * build in the corpus and writes the number tables of each build (build counter ->
 * number -> origin name) to src/web/legacy-origin-tables.ts. Each build numbered its
 * origins anew, so one number names different origins in different builds.
 * Run: npx tsx scripts/legacy-origin-tables.ts  (the test checks the file against the corpus)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, extracted, listFiles, projectRoot } from '../test/support/corpus.js';

/** The build counter of a page (`1295 / 251,287` -> `1295`), and its origin link in the cable table. */
export function pageOriginLink(html: string): { build: string; number: number; origin: string } | null {
  const at = html.indexOf("<table class='cable'>");
  if (at < 0) return null;
  const link = /<a href='\/origin\/(\d+)_0\.html'[^>]*>([^<]+)<\/a>/.exec(html.slice(at, at + 3000));
  const build = /(\d[\d,]*)\s*\/\s*251,287/.exec(html);
  return link && build ? { build: build[1].replace(/,/g, ''), number: Number(link[1]), origin: link[2] } : null;
}

export function corpusSitePages(): string[] {
  const dirs = [extracted('site-2010-12-10-complete'), extracted('site-2011-04-cables'), extracted('site-2010-11-early-cables'), join(corpusDir, 'site-2011-08-final')];
  return dirs.flatMap((d) => listFiles(d, '.html')).filter((f) => f.includes('/cable/'));
}

/** build -> number -> origin, read from the pages; throws when a build gives one number two names. */
export function readTables(files: string[]): Map<string, Map<number, string>> {
  const tables = new Map<string, Map<number, string>>();
  for (const f of files) {
    const link = pageOriginLink(readFileSync(f, 'utf8'));
    if (!link) continue;
    let t = tables.get(link.build);
    if (!t) tables.set(link.build, (t = new Map()));
    const seen = t.get(link.number);
    if (seen !== undefined && seen !== link.origin) throw new Error(`${f}: build ${link.build} numbers origin ${link.number} both ${seen} and ${link.origin}`);
    t.set(link.number, link.origin);
  }
  return tables;
}

if (process.argv[1]?.endsWith('legacy-origin-tables.ts')) {
  const tables = readTables(corpusSitePages());
  const builds = [...tables.keys()].sort((a, b) => Number(a) - Number(b));
  const body = builds
    .map((b) => {
      const rows = [...tables.get(b)!].sort((x, y) => x[0] - y[0]).map(([n, o]) => `    ${n}: ${JSON.stringify(o)},`);
      return `  '${b}': {\n${rows.join('\n')}\n  },`;
    })
    .join('\n');
  const text = `/**
 * The origin numbers of each build of the 2010-2011 Cablegate site, by build counter (the
 * "N / 251,287" of its pages): number -> origin name, as each build's cable pages link them
 * (\`/origin/N_0.html\`). Generated from ../shared/corpus by scripts/legacy-origin-tables.ts;
 * test/web/legacy-origin-numbers.test.ts checks it against every page. Tables of builds the
 * corpus holds only a few pages of are partial (a number they lack is unknown, not absent).
 */
export const ORIGIN_NUMBERS_BY_BUILD: Readonly<Record<string, Readonly<Record<number, string>>>> = {
${body}
};
`;
  writeFileSync(join(projectRoot, 'src', 'web', 'legacy-origin-tables.ts'), text);
  console.log(`wrote ${builds.length} builds: ${builds.map((b) => `${b} (${tables.get(b)!.size})`).join(', ')}`);
}
