import type { Migration } from './migration.js';
import { SEARCH_FUNCTIONS } from '../search/search-functions.js';

const F = SEARCH_FUNCTIONS;

/** The FTS5 columns of one cable, from its `cables` row `c` and a version's parsed JSON `p`. */
function documentColumns(c: string, p: string): string {
  const list = (path: string) =>
    `(SELECT group_concat(coalesce(json_extract(r.value, '$.route'), '') || ' ' || coalesce(json_extract(r.value, '$.name'), ''), ' ') FROM json_each(${p}, '${path}') r)`;
  return [
    `${F.text}(json_extract(${p}, '$.subject'))`,
    `${F.text}(json_extract(${p}, '$.body'))`,
    `(SELECT group_concat(t.value, ' ') FROM json_each(${p}, '$.tags') t)`,
    `${F.text}(json_extract(${p}, '$.origin'))`,
    `${F.text}(coalesce(json_extract(${p}, '$.origin'), '') || ' ' || coalesce(json_extract(${p}, '$.originRoute'), '') || ' ' || ${F.station}(${c}.canonical_id))`,
    `${F.text}(coalesce(${list('$.recipients')}, '') || ' ' || coalesce(${list('$.infoRecipients')}, ''))`,
    `${c}.canonical_id || ' ' || coalesce(json_extract(${p}, '$.referenceId'), '') || ' ' || ${F.idWords}(${c}.canonical_id)`,
  ].join(',\n    ');
}

const COLUMNS = 'rowid, subject, body, tags, origin, sender, recipients, ids';

/**
 * Full-text search: a contentless FTS5 table `cable_search` (rowid = cables.id) over the
 * current version of every cable, kept in step by triggers, so importing needs no
 * change. Text goes through `cablegate_search_text` (registered on the connection by
 * the store) so redactions never match and numbers match without leading zeros.
 * Embargo is not in the index: searches join `cables` and keep released rows only.
 */
export const migration002: Migration = {
  version: 2,
  name: 'full-text search index',
  sql: `
CREATE VIRTUAL TABLE cable_search USING fts5(
  subject, body, tags, origin, sender, recipients, ids,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO cable_search (${COLUMNS})
  SELECT c.id,
    ${documentColumns('c', 'v.parsed')}
  FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version;

CREATE TRIGGER cable_search_version_insert AFTER INSERT ON versions
WHEN NEW.number = (SELECT current_version FROM cables WHERE id = NEW.cable_id)
BEGIN
  DELETE FROM cable_search WHERE rowid = NEW.cable_id;
  INSERT INTO cable_search (${COLUMNS})
    SELECT c.id,
    ${documentColumns('c', 'NEW.parsed')}
    FROM cables c WHERE c.id = NEW.cable_id;
END;

CREATE TRIGGER cable_search_current_update AFTER UPDATE OF current_version ON cables
WHEN NEW.current_version IS NOT OLD.current_version
BEGIN
  DELETE FROM cable_search WHERE rowid = NEW.id;
  INSERT INTO cable_search (${COLUMNS})
    SELECT c.id,
    ${documentColumns('c', 'v.parsed')}
    FROM cables c JOIN versions v ON v.cable_id = c.id AND v.number = c.current_version WHERE c.id = NEW.id;
END;

CREATE TRIGGER cable_search_cable_delete AFTER DELETE ON cables
BEGIN
  DELETE FROM cable_search WHERE rowid = OLD.id;
END;
`,
};
