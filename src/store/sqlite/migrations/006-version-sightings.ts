import type { Migration } from './migration.js';
import { SAID_FIELDS } from '../../version-text.js';

/** `a` and `b` (versions rows) say the same: every field of SAID_FIELDS equal (null-safe). */
const SAME = SAID_FIELDS.map((f) => `json_extract(a.parsed, '$.${f}') IS json_extract(b.parsed, '$.${f}')`).join(' AND ');

/**
 * Versions are made only when what a cable says changes (src/store/version-text.ts).
 * Another build of the same text becomes a *sighting* of the version it repeats
 * (`version_sightings`). Existing archives are repaired: each version that says the same
 * as the one before it is folded into the last version that said something new (its
 * source becomes a sighting), the remaining versions are numbered 1, 2, ... again, and
 * publications, current versions and the release log follow. What readers see does not
 * change: a folded version said what the version it joins says, and the group keeps its
 * earliest publication time.
 */
export const migration006: Migration = {
  version: 6,
  name: 'version sightings; noise versions folded',
  sql: `
CREATE TABLE IF NOT EXISTS version_sightings (
  cable_id INTEGER NOT NULL REFERENCES cables (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (cable_id, content_hash)
) WITHOUT ROWID;

-- Each version: is it new (says something else than the version before it)?
CREATE TEMP TABLE fold_flags AS
  SELECT b.cable_id, b.number,
         CASE WHEN a.number IS NOT NULL AND ${SAME} THEN 0 ELSE 1 END AS is_new
  FROM versions b LEFT JOIN versions a ON a.cable_id = b.cable_id AND a.number = b.number - 1;
-- Groups: a new version and the noise versions after it; the group's index is the new number.
CREATE TEMP TABLE fold_groups AS
  SELECT cable_id, number, is_new,
         sum(is_new) OVER (PARTITION BY cable_id ORDER BY number ROWS UNBOUNDED PRECEDING) AS new_number
  FROM fold_flags;
CREATE TEMP TABLE fold_map AS
  SELECT g.cable_id, g.number, g.new_number, g.is_new,
         (SELECT k.number FROM fold_groups k WHERE k.cable_id = g.cable_id AND k.new_number = g.new_number AND k.is_new = 1) AS keep_number
  FROM fold_groups g
  WHERE g.cable_id IN (SELECT cable_id FROM fold_flags WHERE is_new = 0);
CREATE INDEX temp.fold_map_key ON fold_map (cable_id, number);

INSERT OR IGNORE INTO version_sightings (cable_id, number, content_hash, source, format, seen_at)
  SELECT v.cable_id, m.new_number, v.content_hash, v.source, v.format, v.imported_at
  FROM versions v JOIN fold_map m ON m.cable_id = v.cable_id AND m.number = v.number WHERE m.is_new = 0;

-- A group is public from its earliest publication.
CREATE TEMP TABLE fold_pubs AS
  SELECT m.cable_id, m.new_number, min(p.published_at) AS published_at
  FROM fold_map m JOIN version_publications p ON p.cable_id = m.cable_id AND p.number = m.number
  GROUP BY m.cable_id, m.new_number;
DELETE FROM version_publications WHERE cable_id IN (SELECT cable_id FROM fold_map);
INSERT INTO version_publications (cable_id, number, published_at) SELECT cable_id, new_number, published_at FROM fold_pubs;

UPDATE cables SET current_version = (SELECT m.new_number FROM fold_map m WHERE m.cable_id = cables.id AND m.number = cables.current_version),
                  version_count = (SELECT max(m.new_number) FROM fold_map m WHERE m.cable_id = cables.id)
  WHERE id IN (SELECT cable_id FROM fold_map);

-- The release log names versions by number: renumbered; a change between two versions of one group was no change.
UPDATE release_items SET
  version = coalesce((SELECT m.new_number FROM fold_map m JOIN cables c ON c.id = m.cable_id WHERE c.canonical_id = release_items.canonical_id AND m.number = release_items.version), version),
  from_version = coalesce((SELECT m.new_number FROM fold_map m JOIN cables c ON c.id = m.cable_id WHERE c.canonical_id = release_items.canonical_id AND m.number = release_items.from_version), from_version)
  WHERE canonical_id IN (SELECT c.canonical_id FROM cables c WHERE c.id IN (SELECT cable_id FROM fold_map));
DELETE FROM release_items WHERE action = 'version' AND from_version = version;

DELETE FROM versions WHERE EXISTS (SELECT 1 FROM fold_map m WHERE m.cable_id = versions.cable_id AND m.number = versions.number AND m.is_new = 0);
UPDATE versions SET number = -(SELECT m.new_number FROM fold_map m WHERE m.cable_id = versions.cable_id AND m.number = versions.number)
  WHERE EXISTS (SELECT 1 FROM fold_map m WHERE m.cable_id = versions.cable_id AND m.number = versions.number);
UPDATE versions SET number = -number WHERE number < 0;

DROP TABLE fold_flags;
DROP TABLE fold_groups;
DROP TABLE fold_map;
DROP TABLE fold_pubs;
`,
};
