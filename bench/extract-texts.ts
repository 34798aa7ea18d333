/**
 * Header and body texts of source files, extracted the simple way (no parsing), for
 * the floor benchmark: what it costs SQLite alone to index the same texts.
 * Written once to a JSONL cache file, one `{"id","header","body"}` per line.
 */
import { createWriteStream, existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface ExtractedText {
  id: string;
  header: string | null;
  body: string;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

function decode(s: string): string {
  return s.replace(ENTITY, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'";
  });
}

const PRE = /<code><pre>([\s\S]*?)<\/pre><\/code>/g;

export function extractText(file: string, content: string): ExtractedText | null {
  const id = basename(file).replace(/\.(html|txt)$/, '');
  if (file.endsWith('.txt')) return { id, header: null, body: content };
  const blocks = [...content.matchAll(PRE)].map((m) => decode(m[1].replace(/<[^>]+>/g, '')));
  if (blocks.length === 0) return null;
  return blocks.length === 1 ? { id, header: null, body: blocks[0] } : { id, header: blocks[0], body: blocks[blocks.length - 1] };
}

function* filesUnder(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.name.endsWith('.html') || e.name.endsWith('.txt')) yield p;
  }
}

/** Writes (once) the extracted texts of every file under `paths` to `target`; returns the count, or -1 when it was already there. */
export async function extractTextsTo(paths: string[], target: string): Promise<number> {
  if (existsSync(target)) return -1;
  const partial = `${target}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  let n = 0;
  for (const dir of paths) {
    for (const file of filesUnder(dir)) {
      const t = extractText(file, readFileSync(file, 'utf8'));
      if (!t) continue;
      n++;
      if (!out.write(JSON.stringify(t) + '\n')) await new Promise<void>((r) => out.once('drain', r));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(partial, target);
  return n;
}
