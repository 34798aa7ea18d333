import type { Migration } from './migration.js';

/**
 * Search at scale (docs/search.md, "Results"):
 * - `cablegate_search_ids(tsquery)`: the ids of the cables whose document matches, as one
 *   text (`1,5,9`), always read through the GIN index; `cablegate_search_hits(tsquery)`:
 *   the same as rows, to join. The planner otherwise picks a sequential scan for a broad
 *   query (most cables match), which reads and decompresses every ~3.5 KB document (about
 *   1 s over 250,000 cables) where the index alone answers in tens of milliseconds. The
 *   settings are the functions' own (they are never inlined).
 * - `cable_search_subject`: the subject's own small tsvector (the weight-A lexemes of the
 *   document), kept in step by triggers on `cable_search`, GIN-indexed, and
 *   `cablegate_subject_ranks(tsquery)`: the cables whose subject matches and their
 *   ts_rank over that small vector (JSON `{"ids": [...], "scores": [...]}`), ranked first
 *   when a query has too many hits to rank them all.
 */
export const migration005: Migration = {
  version: 5,
  name: 'search hits through the index, subject index',
  sql: `
CREATE FUNCTION cablegate_search_ids(q tsquery) RETURNS TEXT LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $fn$ SELECT string_agg(s.cable_id::text, ',') FROM cable_search s WHERE s.document @@ q $fn$;

CREATE FUNCTION cablegate_search_hits(q tsquery) RETURNS TABLE (id BIGINT) LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $fn$ SELECT s.cable_id FROM cable_search s WHERE s.document @@ q $fn$;

CREATE TABLE cable_search_subject (
  cable_id BIGINT PRIMARY KEY REFERENCES cables (id) ON DELETE CASCADE,
  subject TSVECTOR NOT NULL
);
INSERT INTO cable_search_subject (cable_id, subject) SELECT cable_id, ts_filter(document, '{a}') FROM cable_search;
CREATE INDEX cable_search_subject_words ON cable_search_subject USING GIN (subject);

CREATE FUNCTION cablegate_sync_search_subject() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO cable_search_subject (cable_id, subject) SELECT n.cable_id, ts_filter(n.document, '{a}') FROM changed_rows n
  ON CONFLICT (cable_id) DO UPDATE SET subject = EXCLUDED.subject;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER cable_search_subject_insert AFTER INSERT ON cable_search REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cablegate_sync_search_subject();
CREATE TRIGGER cable_search_subject_update AFTER UPDATE ON cable_search REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cablegate_sync_search_subject();

CREATE FUNCTION cablegate_subject_ranks(q tsquery) RETURNS TEXT LANGUAGE sql STABLE
  SET enable_seqscan = off SET enable_indexscan = off
  AS $fn$ SELECT json_build_object('ids', coalesce(json_agg(s.cable_id), '[]'), 'scores', coalesce(json_agg(ts_rank(s.subject, q)), '[]'))::text
          FROM cable_search_subject s WHERE s.subject @@ q $fn$;
`,
};
