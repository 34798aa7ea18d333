/**
 * How big a source may be. A real cable is under 1 MB (the largest site page of the
 * corpus is ~190 KB, nearly all navigation); 8 MB leaves room for any real page or text
 * while keeping a file's memory (read whole, decoded, parsed) bounded. Files over the
 * limit are refused `E_SOURCE_TOO_LARGE` from their size (stat), before they are read.
 * cables.csv and JSON Lines files are streamed whatever their size; one record or line of
 * them over the limit is rejected on its own. Documented in docs/cli.md (import).
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Largest CSV record or JSON Lines line kept (characters). */
export const MAX_RECORD_BYTES = MAX_FILE_BYTES;
