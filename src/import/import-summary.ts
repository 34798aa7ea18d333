/** Counts of one import run. */
export interface ImportSummary {
  /** Source items met: files and records (a CSV row, a JSONL version), a skipped folder once. read = stored + unchanged + rejected + skipped. */
  read: number;
  /** Cables written: new + changed. */
  stored: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
  /** Items left out by rule, each named in the report: browse pages of a mirror, extracts without text, symlinked or asset folders, files that are not sources. */
  skipped: number;
  /** Bytes of source text read (UTF-8 length of the raw records). */
  bytes: number;
  elapsedMs: number;
}

/** Progress while importing: the summary so far plus the known total of source files. */
export interface ImportProgress extends ImportSummary {
  /** Source files to read, when known. */
  totalFiles: number | null;
  /** Source files begun so far. */
  files: number;
}

export function emptySummary(): ImportSummary {
  return { read: 0, stored: 0, new: 0, changed: 0, unchanged: 0, rejected: 0, skipped: 0, bytes: 0, elapsedMs: 0 };
}
