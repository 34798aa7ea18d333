/**
 * Key of the transaction-level advisory lock every writing transaction (imports, releases,
 * setReleased, migration copies) takes first: writers from any number of processes take
 * turns, so a release never interleaves with an import changing the same cable.
 * Readers never wait for it.
 */
export const WRITE_LOCK = 0x63616268;
