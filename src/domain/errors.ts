/**
 * Every error the project raises on purpose carries a stable code (for scripts and
 * tests), says what happened and why (message), and what to do about it (hint).
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_SOURCE_UNREADABLE'
  | 'E_SOURCE_ENCODING'
  | 'E_SOURCE_NOT_A_CABLE'
  | 'E_SOURCE_TRUNCATED'
  | 'E_SOURCE_TOO_LARGE'
  // Skips (not errors): counted and named in the import's report.
  | 'E_SOURCE_NO_TEXT'
  | 'E_SOURCE_BROWSE_PAGE'
  | 'E_SOURCE_SYMLINK'
  | 'E_SOURCE_IGNORED'
  | 'E_CSV_MALFORMED'
  | 'E_JSONL_MALFORMED'
  | 'E_STORE_OPEN'
  | 'E_STORE_MIGRATION'
  | 'E_STORE_SCHEMA'
  | 'E_STORE_UNAVAILABLE'
  | 'E_NOT_FOUND'
  | 'E_INVALID_ID'
  | 'E_INVALID_DATE'
  | 'E_PORT_IN_USE'
  | 'E_RELEASE_INVALID'
  | 'E_MANIFEST'
  | 'E_SIGNATURE'
  | 'E_ARTICLE_INVALID';

export class CablegateError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  /** The file, record or id the error is about, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CablegateError';
    this.code = code;
    this.hint = options.hint;
    this.subject = options.subject;
  }

  /** One line for a terminal or a rejects report: `CODE subject: message (hint)`. */
  describe(): string {
    const where = this.subject ? `${this.subject}: ` : '';
    const hint = this.hint ? ` — ${this.hint}` : '';
    return `${this.code} ${where}${this.message}${hint}`;
  }
}

export function isCablegateError(e: unknown): e is CablegateError {
  return e instanceof CablegateError;
}
