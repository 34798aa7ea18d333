/**
 * Measurements of the search index for the benchmark: its size on disk and a bare FTS5
 * MATCH of a query's words (the engine's own cost, without embargo, facets or snippets).
 */
import Database from 'better-sqlite3';
import { parseQuery } from '../../../query/parse-query.js';
import { compileQuery } from './compile-query.js';
import { registerSearchFunctions } from './search-functions.js';

export interface SearchDiagnostics {
  /** Bytes of the FTS5 tables (`cable_search*`), and of the whole file. */
  sizes(): { indexBytes: number; fileBytes: number };
  /** Matching rowids of the query's words alone (null when the query has no words). */
  bareMatch(query: string): number | null;
  close(): void;
}

export function openSearchDiagnostics(path: string): SearchDiagnostics {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  registerSearchFunctions(db);
  return {
    sizes() {
      const index = db.prepare("SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name LIKE 'cable_search%'").get() as { n: number };
      const file = db.prepare('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get() as { n: number };
      return { indexBytes: index.n, fileBytes: file.n };
    },
    bareMatch(query: string) {
      const compiled = compileQuery(parseQuery(query).root);
      if (compiled.match === null) return null;
      const rows = db.prepare('SELECT rowid FROM cable_search WHERE cable_search MATCH ?').pluck().all(compiled.match);
      return rows.length;
    },
    close() {
      db.close();
    },
  };
}
