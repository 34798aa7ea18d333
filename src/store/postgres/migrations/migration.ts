/** One schema step of the PostgreSQL archive. Applied once, in `version` order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
