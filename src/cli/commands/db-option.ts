/** Help text of the `--db` option, shared by the commands that open the archive. */
export const DB_OPTION_HELP = 'archive file (default: $CABLEGATE_DB, else ./cablegate.db)';
