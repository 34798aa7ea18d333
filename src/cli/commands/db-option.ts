/** Help text of the `--db` option, shared by the commands that open the archive. */
export const DB_OPTION_HELP =
  'archive: a SQLite file or a postgres:// URL (default: $CABLEGATE_DB, else a postgres:// $DATABASE_URL, else ./cablegate.db)';
