import type { Migration } from './migration.js';
import { SAID_FIELDS } from '../../version-text.js';

/** `a` and `b` (versions rows) say the same: every field of SAID_FIELDS equal (null-safe). */
const SAME = SAID_FIELDS.map((f) => `a.parsed -> '${f}' IS NOT DISTINCT FROM b.parsed -> '${f}'`).join(' AND ');

/**
 * As SQLite migration 006: versions only when what a cable says changes; another build of
 * the same text is a sighting (`version_sightings`). Existing noise versions are folded
 * into the version they repeat, the rest renumbered 1, 2, ...; publications (earliest of
 * the group), current versions and the release log follow. What readers see does not change.
 */
export const migration006: Migration = {
  version: 6,
  name: 'version sightings; noise versions folded',
  sql: `
CREATE TABLE IF NOT EXISTS version_sightings (
  cable_id BIGINT NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  content_hash TEXT COLLATE "C" NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  seen_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (cable_id, content_hash)
);

CREATE TEMP TABLE fold_groups ON COMMIT DROP AS
  SELECT cable_id, number, is_new,
         sum(is_new) OVER (PARTITION BY cable_id ORDER BY number ROWS UNBOUNDED PRECEDING)::int AS new_number
  FROM (
    SELECT b.cable_id, b.number, CASE WHEN a.number IS NOT NULL AND ${SAME} THEN 0 ELSE 1 END AS is_new
    FROM versions b LEFT JOIN versions a ON a.cable_id = b.cable_id AND a.number = b.number - 1
  ) f;
CREATE TEMP TABLE fold_map ON COMMIT DROP AS
  SELECT g.* FROM fold_groups g WHERE g.cable_id IN (SELECT cable_id FROM fold_groups WHERE is_new = 0);
CREATE INDEX ON fold_map (cable_id, number);

INSERT INTO version_sightings (cable_id, number, content_hash, source, format, seen_at)
  SELECT v.cable_id, m.new_number, v.content_hash, v.source, v.format, v.imported_at
  FROM versions v JOIN fold_map m ON m.cable_id = v.cable_id AND m.number = v.number WHERE m.is_new = 0
  ON CONFLICT (cable_id, content_hash) DO NOTHING;

-- A group is public from its earliest publication: kept on the group's first version.
UPDATE versions v SET published_at = p.published_at
  FROM (SELECT m.cable_id, m.new_number, min(v2.published_at) AS published_at
        FROM fold_map m JOIN versions v2 ON v2.cable_id = m.cable_id AND v2.number = m.number GROUP BY m.cable_id, m.new_number) p,
       fold_map k
  WHERE k.cable_id = v.cable_id AND k.number = v.number AND k.is_new = 1 AND p.cable_id = k.cable_id AND p.new_number = k.new_number;

UPDATE cables c SET current_version = m.new_number,
                    version_count = (SELECT max(x.new_number) FROM fold_map x WHERE x.cable_id = c.id)
  FROM fold_map m WHERE m.cable_id = c.id AND m.number = c.current_version;

UPDATE release_items r SET version = m.new_number
  FROM fold_map m JOIN cables c ON c.id = m.cable_id WHERE c.canonical_id = r.canonical_id AND m.number = r.version;
UPDATE release_items r SET from_version = m.new_number
  FROM fold_map m JOIN cables c ON c.id = m.cable_id WHERE c.canonical_id = r.canonical_id AND m.number = r.from_version;
DELETE FROM release_items WHERE action = 'version' AND from_version = version;

DELETE FROM versions v USING fold_map m WHERE m.cable_id = v.cable_id AND m.number = v.number AND m.is_new = 0;
UPDATE versions v SET number = -m.new_number FROM fold_map m WHERE m.cable_id = v.cable_id AND m.number = v.number;
UPDATE versions SET number = -number WHERE number < 0;
`,
};
