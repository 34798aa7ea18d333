/** What every benchmark section gets, and what it returns. */
export interface BenchContext {
  /** Demo corpus size. */
  count: number;
  seed: number;
  /** Parse worker threads for the importer. */
  workers: number;
  log: (line: string) => void;
}

export type SectionResult =
  | { ran: true; figures: Record<string, unknown>; lines: string[] }
  | { ran: false; why: string };
