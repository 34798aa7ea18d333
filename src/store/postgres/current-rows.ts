import type pg from 'pg';
import type { ParsedCable } from '../../domain/cable.js';
import { searchDocument } from './search/search-document.js';

/**
 * Tags, references and search document of cables whose current version is `parsed`
 * (their old tags and references must be deleted first).
 */
export async function writeCurrentRows(client: pg.ClientBase, list: Array<{ id: string; canonicalId: string; parsed: ParsedCable }>): Promise<void> {
  if (list.length === 0) return;
  const pairs = (f: (p: ParsedCable) => string[]) => {
    const a: string[] = [];
    const b: string[] = [];
    for (const t of list) for (const x of f(t.parsed)) a.push(t.id), b.push(x);
    return [a, b];
  };
  await client.query('INSERT INTO cable_tags (cable_id, tag) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING', pairs((p) => p.tags));
  await client.query('INSERT INTO cable_refs (cable_id, ref_id) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING', pairs((p) => p.references));
  await client.query(
    `INSERT INTO cable_search (cable_id, document) SELECT u.id, u.doc::tsvector FROM unnest($1::bigint[], $2::text[]) AS u(id, doc)
     ON CONFLICT (cable_id) DO UPDATE SET document = EXCLUDED.document`,
    [list.map((t) => t.id), list.map((t) => searchDocument(t.canonicalId, t.parsed))],
  );
}
