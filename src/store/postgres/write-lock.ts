/**
 * Key of the transaction-level advisory lock every writing transaction (imports, releases,
 * setReleased, migration copies) takes first: writers from any number of processes take
 * turns, so a release never interleaves with an import changing the same cable.
 * Readers never wait for it.
 */
export const WRITE_LOCK = 0x63616268;

/**
 * Takes the write lock and counts the write in `archive_state.generation` (migration 004),
 * which `changeToken()` reads so that every server process notices the change.
 */
export async function takeWriteLock(client: { query: (sql: string, params?: unknown[]) => Promise<unknown> }): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  await client.query('UPDATE archive_state SET generation = generation + 1 WHERE id = 1');
}
