import { CablegateError, isCablegateError } from '../../domain/errors.js';

/** Node socket errors that mean the server cannot be reached. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * True when `e` says the database is away (not that the query is wrong): socket errors,
 * SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect
 * now), 53300 (too many connections), 57014 (statement timeout), pg's own "connection
 * terminated" errors and the pool's and client's timeouts.
 */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code)) return true;
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
  }
  // 57014: statement_timeout; the pool's "timeout exceeded when trying to connect"; the
  // client's query_timeout ("Query read timeout"): the database did not answer in time.
  if (code === '57014') return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended|not queryable/i.test(e.message);
}

/** A URL safe to print: the password (and user) hidden. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** `e` to rethrow: E_STORE_UNAVAILABLE when the database is away, else `e` itself. */
export function storeError(e: unknown, url: string): unknown {
  if (isCablegateError(e)) return e;
  if (isConnectionError(e)) {
    return new CablegateError('E_STORE_UNAVAILABLE', `the PostgreSQL server cannot be reached: ${(e as Error).message}`, {
      subject: redactUrl(url),
      hint: 'check that PostgreSQL is running and the URL is right; the request can be retried',
      cause: e,
    });
  }
  return e;
}
